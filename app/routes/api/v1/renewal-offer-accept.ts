import type { Route } from "./+types/renewal-offer-accept";
import { hasPermission } from "../../../auth/permissions.ts";
import { afterResponseContext, appServices } from "../../../context.server.ts";
import { findVisibleOffer } from "../../../models/renewals.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { AcceptRenewalRequest } from "../../../services/api/servicing-schemas.ts";
import { acceptRenewalOffer } from "../../../services/servicing/renewal.server.ts";
import { businessToday } from "../../../utils/today.ts";

/** POST /v1/renewal-offers/{id}/accept: binds the renewal term through the ordinary pre-bind checks. */
export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    const { db, env } = appServices(args.context);
    const offerId = args.params.offerId;
    // Scope first: an offer outside the key's scope answers 404 whatever the body says.
    const offer = await findVisibleOffer(db, tenant, offerId);
    if (!offer) throw new ApiFailure(404, "NOT_FOUND", "No such renewal offer.");
    if (!hasPermission(tenant.roles, "bind:submission"))
      throw new ApiFailure(403, "FORBIDDEN", "This API key may not bind.");
    const raw = await request.text();
    let json: unknown = {};
    try {
      json = raw ? JSON.parse(raw) : {};
    } catch {
      throw new ApiFailure(400, "VALIDATION_FAILED", "The body must be a JSON object.");
    }
    const parsed = AcceptRenewalRequest.safeParse(json);
    if (!parsed.success)
      throw new ApiFailure(400, "VALIDATION_FAILED", "The request body is not valid.", {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    return idempotent(db, tenant, request, raw, async () => {
      const outcome = await acceptRenewalOffer(db, tenant, offerId, { plan: parsed.data.plan }, businessToday(tenant), {
        documents: env.DOCUMENTS,
        afterResponse: args.context.get(afterResponseContext),
      });
      if (outcome.ok)
        return {
          status: outcome.alreadyAccepted ? 200 : 201,
          body: {
            policyId: outcome.policyId,
            policyNumber: outcome.policyNumber,
            renewalOfPolicyId: offer.offer.policyId,
          },
        };
      if (outcome.reason === "not_found")
        return { status: 404, body: { error: { code: "NOT_FOUND", message: "No such renewal offer." } } };
      if (outcome.reason === "checks_failed") {
        const failures = outcome.failures;
        return {
          status: 422,
          body: {
            error: {
              code: failures[0]!.code,
              message: `Pre-bind checks failed: ${failures.map((f) => f.check).join(", ")}`,
              details: { failedChecks: failures, ...(outcome.referralId ? { referralId: outcome.referralId } : {}) },
            },
          },
        };
      }
      return { status: 422, body: { error: { code: "RENEWAL_NOT_ACCEPTABLE", message: outcome.message } } };
    });
  });
}
