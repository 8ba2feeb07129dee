import type { Route } from "./+types/submission-quote";
import { hasPermission } from "../../../auth/permissions.ts";
import { appServices } from "../../../context.server.ts";
import { findQuote } from "../../../services/underwriting/quotes.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { presentQuote } from "../../../services/api/presenters.ts";
import { quoteSubmission } from "../../../services/underwriting/quoting.server.ts";
import { businessToday } from "../../../utils/today.ts";

export async function action(args: Route.ActionArgs) {
  return handleApi(
    args,
    async ({ tenant, request, storedAnswer }) => {
      if (!hasPermission(tenant.roles, "quote:submission"))
        throw new ApiFailure(403, "FORBIDDEN", "This API key may not quote.");
      const { db } = appServices(args.context);
      const raw = await request.text();
      return idempotent(
        db,
        tenant,
        request,
        raw,
        async (_storeInTransaction, claimInTransaction) => {
          // The quote's write round is full (ADR 032): its Idempotency-Key is claimed with its reads
          // and the answer rides the submission's update.
          const fresh: { answer: { status: number; body: unknown } | null } = { answer: null };
          const outcome = await quoteSubmission(db, tenant, args.params.submissionId, businessToday(tenant), {
            claimAnswer: async (tx) => {
              const answered = await claimInTransaction(tx);
              if (!answered) return null;
              return (quote) => {
                fresh.answer = { status: 201, body: presentQuote(quote) };
                return answered(fresh.answer);
              };
            },
          });
          if (!outcome.ok) {
            const status = outcome.error.code === "NOT_FOUND" ? 404 : 422;
            const code =
              outcome.error.code === "NO_RATE_TABLE"
                ? "RATING_FAILED"
                : outcome.error.code === "SCHEDULE_INVALID"
                  ? "VALIDATION_FAILED"
                  : outcome.error.code;
            throw new ApiFailure(status, code, outcome.error.message);
          }
          if (fresh.answer) return fresh.answer;
          // Presented from what was written; only a caller without it reads the quote back.
          const quote = outcome.quote ?? (await findQuote(db, tenant, outcome.quoteId));
          if (!quote) throw new Error(`quote ${outcome.quoteId} was stored but cannot be read`);
          return { status: 201, body: presentQuote(quote) };
        },
        storedAnswer,
      );
    },
    { lookUpIdempotencyKey: true },
  );
}
