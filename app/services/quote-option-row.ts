import type { RatedQuote } from "./rating/index.ts";

/** A rated option as the quote_options row that records it, with its whole rating trail. */
export function quoteOptionRow(rated: RatedQuote, row: { id: string; orgId: string; quoteId: string; position: number; withinAuthority: boolean }) {
  return {
    ...row,
    occurrenceLimitCents: rated.option.occurrenceLimit,
    aggregateLimitCents: rated.option.aggregateLimit,
    deductibleCents: rated.option.deductible,
    grossPremiumCents: rated.grossPremium,
    feesCents: rated.feesTotal,
    taxesCents: rated.taxesTotal,
    totalDueCents: rated.totalDue,
    rating: rated as unknown as Record<string, unknown>,
  };
}
