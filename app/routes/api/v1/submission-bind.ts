import type { Route } from "./+types/submission-bind";
import { hasPermission } from "../../../auth/permissions.ts";
import { afterResponseContext, appServices } from "../../../context.server.ts";
import { getPolicy } from "../../../models/policies.server.ts";
import { findCurrentQuoteOptionIds } from "../../../models/quotes.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { presentPolicy } from "../../../services/api/presenters.ts";
import { BindRequest } from "../../../services/api/schemas.ts";
import { bindSubmission } from "../../../services/policies/binding.server.ts";
import { businessToday } from "../../../utils/today.ts";

export async function action(args: Route.ActionArgs) {
  return handleApi(
    args,
    async ({ tenant, request, storedAnswer }) => {
      if (!hasPermission(tenant.roles, "bind:submission"))
        throw new ApiFailure(403, "FORBIDDEN", "This API key may not bind.");
      const { db } = appServices(args.context);
      const submissionId = args.params.submissionId;
      // The stored answer came with the API key's own statement; this read goes out at once and a
      // replay leaves it unused. It also decides scope: a submission outside the key's scope answers
      // 404 whatever the body says.
      const quoted = findCurrentQuoteOptionIds(db, tenant, submissionId);
      quoted.catch(() => {});
      const refuseBody = async (failure: ApiFailure): Promise<never> => {
        if (!(await quoted).found) throw new ApiFailure(404, "NOT_FOUND", "No such submission.");
        throw failure;
      };
      const raw = await request.text();
      let json: unknown = {};
      try {
        json = raw ? JSON.parse(raw) : {};
      } catch {
        await refuseBody(new ApiFailure(400, "VALIDATION_FAILED", "The body must be a JSON object."));
      }
      const parsed = BindRequest.safeParse(json);
      if (!parsed.success) {
        return refuseBody(
          new ApiFailure(400, "VALIDATION_FAILED", "The request body is not valid.", {
            issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
          }),
        );
      }
      return idempotent(
        db,
        tenant,
        request,
        raw,
        async (storeInTransaction) => {
          const { found, current } = await quoted.then((q) => ({
            found: q.found,
            current: q.found ? q.current : null,
          }));
          if (!current) {
            return found
              ? {
                  status: 422,
                  body: { error: { code: "NO_QUOTE", message: "Quote the submission before binding it." } },
                }
              : { status: 404, body: { error: { code: "NOT_FOUND", message: "No such submission." } } };
          }
          const optionId = parsed.data.quoteOptionId ?? current.optionIds[0]!;
          if (!current.optionIds.includes(optionId)) {
            return {
              status: 422,
              body: {
                error: { code: "VALIDATION_FAILED", message: "quoteOptionId is not an option of the current quote." },
              },
            };
          }
          // A fresh bind's answer is stored under the Idempotency-Key with the policy's rows.
          const fresh: { answer: { status: number; body: unknown } | null } = { answer: null };
          const outcome = await bindSubmission(
            db,
            tenant,
            {
              submissionId,
              quoteOptionId: optionId,
              plan: parsed.data.plan,
              billingMethod: parsed.data.billingMethod,
              declinedBy: parsed.data.declinations,
              alsoWrite: (tx, policy) => {
                fresh.answer = { status: 201, body: presentPolicy(policy) };
                return storeInTransaction(tx, fresh.answer);
              },
            },
            businessToday(tenant),
            {
              documents: appServices(args.context).env.DOCUMENTS,
              afterResponse: args.context.get(afterResponseContext),
            },
          );
          if (outcome.ok) {
            // A fresh bind answers what it stored; a bind that found the quote bound reads the policy.
            if (!outcome.alreadyBound && fresh.answer) return fresh.answer;
            const policy = await getPolicy(db, tenant, outcome.policyId);
            return { status: outcome.alreadyBound ? 200 : 201, body: presentPolicy(policy!) };
          }
          if (outcome.reason === "checks_failed") {
            const failures = outcome.failures;
            return {
              status: 422,
              body: {
                error: {
                  code: failures[0]!.code,
                  message: `Pre-bind checks failed: ${failures.map((f) => f.check).join(", ")}`,
                  details: {
                    failedChecks: failures,
                    ...(outcome.referralId ? { referralId: outcome.referralId } : {}),
                  },
                },
              },
            };
          }
          if (outcome.reason === "quote_superseded") {
            const details = { currentQuoteId: outcome.currentQuoteId };
            return {
              status: 409,
              body: { error: { code: outcome.code, message: "The quote was replaced by a newer one.", details } },
            };
          }
          if (outcome.reason === "not_found")
            return { status: 404, body: { error: { code: "NOT_FOUND", message: "No such quote option." } } };
          return {
            status: 422,
            body: { error: { code: "PLAN_NOT_OFFERED", message: "The program does not offer that payment plan." } },
          };
        },
        storedAnswer,
      );
    },
    { lookUpIdempotencyKey: true },
  );
}
