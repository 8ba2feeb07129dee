import type { Route } from "./+types/submission-quote";
import { hasPermission } from "../../../auth/permissions.ts";
import { appServices } from "../../../context.server.ts";
import { findQuote } from "../../../services/underwriting/quotes.server.ts";
import { ApiFailure, apiJson, handleApi } from "../../../services/api/http.server.ts";
import { presentQuote } from "../../../services/api/presenters.ts";
import { quoteSubmission } from "../../../services/underwriting/quoting.server.ts";
import { businessToday } from "../../../utils/today.ts";

export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant }) => {
    if (!hasPermission(tenant.roles, "quote:submission"))
      throw new ApiFailure(403, "FORBIDDEN", "This API key may not quote.");
    const { db } = appServices(args.context);
    const outcome = await quoteSubmission(db, tenant, args.params.submissionId, businessToday(tenant));
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
    // Presented from what was written; only a caller without it reads the quote back.
    const quote = outcome.quote ?? (await findQuote(db, tenant, outcome.quoteId));
    if (!quote) throw new Error(`quote ${outcome.quoteId} was stored but cannot be read`);
    return apiJson(presentQuote(quote), 201);
  });
}
