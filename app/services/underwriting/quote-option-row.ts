import { toCents, type Cents } from "../../utils/money.ts";
import type { RatedQuote, SubmissionFacts } from "../rating/index.ts";

// Between stored submissions and quotes and the rating engine.

/** A rated option as the quote_options row that records it, with its whole rating trail. */
export function quoteOptionRow(
  rated: RatedQuote,
  row: { id: string; orgId: string; quoteId: string; position: number; withinAuthority: boolean },
) {
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

type SubmissionForRating = {
  lineOfBusiness: "GL" | "WC";
  state: string;
  naicsCode: string;
  annualRevenueCents: number | null;
  payrollCents: number | null;
  requestedLimitCents: number;
  deductibleCents: number;
  effectiveDate: string;
  termMonths: number;
  priorLossCount?: number;
  priorLossIncurredCents?: number;
};

/** What the rating engine is told about a submission. Rating counts completed years in business. */
export function submissionFacts(
  submission: SubmissionForRating,
  { aggregateLimit, yearsInBusiness }: { aggregateLimit: Cents; yearsInBusiness: string | null },
): SubmissionFacts {
  return {
    lineOfBusiness: submission.lineOfBusiness,
    homeState: submission.state,
    naicsCode: submission.naicsCode,
    annualRevenue: submission.annualRevenueCents === null ? undefined : toCents(submission.annualRevenueCents),
    payroll: submission.payrollCents === null ? undefined : toCents(submission.payrollCents),
    occurrenceLimit: toCents(submission.requestedLimitCents),
    aggregateLimit,
    deductible: toCents(submission.deductibleCents),
    effectiveDate: submission.effectiveDate,
    termMonths: submission.termMonths,
    priorLosses: { count: submission.priorLossCount ?? 0, incurred: toCents(submission.priorLossIncurredCents ?? 0) },
    yearsInBusiness: yearsInBusiness === null ? 0 : Math.floor(Number(yearsInBusiness)),
  };
}
