import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { findQuoteWithOptions, listQuoteRowsForSubmission } from "../../models/quotes.server.ts";
import type { RatedQuote } from "../rating/index.ts";

/** The quotes of a submission the user may see, newest first, each option with its rating trail. */
export async function listQuotesForSubmission(db: Database, tenant: TenantContext, submissionId: string) {
  const quotes = await listQuoteRowsForSubmission(db, tenant, submissionId);
  return quotes.map((quote) => ({
    ...quote,
    options: quote.options.map((o) => ({ ...o, rating: o.rating as unknown as RatedQuote })),
  }));
}

/** One quote and its options with their rating trails, in one query. */
export async function findQuote(db: Database, tenant: TenantContext, quoteId: string) {
  const quote = await findQuoteWithOptions(db, tenant, quoteId);
  return (
    quote && { ...quote, options: quote.options.map((o) => ({ ...o, rating: o.rating as unknown as RatedQuote })) }
  );
}
