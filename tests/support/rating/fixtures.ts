import { toCents } from "../../../app/utils/money.ts";
import { compileRateTable, compileTaxTable } from "../../../app/services/rating/compile.ts";
import {
  DEMO_GL_RATE_TABLE,
  DEMO_SURPLUS_LINES_TAX_TABLE,
  DEMO_WC_RATE_TABLE,
} from "../../../app/services/rating/demo-rate-tables.ts";
import type { RatedQuote, RatingInput, RatingResult, SubmissionFacts } from "../../../app/services/rating/types.ts";

export function unwrap<T>(result: RatingResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export const glTable = unwrap(compileRateTable(DEMO_GL_RATE_TABLE));
export const wcTable = unwrap(compileRateTable(DEMO_WC_RATE_TABLE));
export const taxTable = unwrap(compileTaxTable(DEMO_SURPLUS_LINES_TAX_TABLE));

/** A Texas plumbing contractor, $1M/$2M, no deductible, loss free for 6 years. */
function glSubmission(overrides: Partial<SubmissionFacts> = {}): SubmissionFacts {
  return {
    lineOfBusiness: "GL",
    homeState: "TX",
    naicsCode: "238220",
    annualRevenue: toCents(100_000_000),
    occurrenceLimit: toCents(100_000_000),
    aggregateLimit: toCents(200_000_000),
    deductible: toCents(0),
    effectiveDate: "2025-06-01",
    termMonths: 12,
    priorLosses: { count: 0, incurred: toCents(0) },
    yearsInBusiness: 6,
    ...overrides,
  };
}

export function glInput(overrides: Partial<SubmissionFacts> = {}, schedule: RatingInput["schedule"] = []): RatingInput {
  return { submission: glSubmission(overrides), schedule, rateTable: glTable, taxTable };
}

export function premiums(quote: RatedQuote): number[] {
  return quote.steps.map((step) => step.premiumAfter);
}
