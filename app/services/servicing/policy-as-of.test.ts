import { describe, expect, it } from "vitest";
import { policyOnDate } from "./policy-as-of.ts";

// 2028 is a leap year: the term has 366 days.
const term = { effectiveDate: "2028-01-01", expirationDate: "2029-01-01" };
const now = {
  namedInsured: "As Of Roofing LLC",
  occurrenceLimitCents: 200_000_000,
  aggregateLimitCents: 400_000_000,
  deductibleCents: 250_000,
  additionalInsureds: [],
  waiversOfSubrogation: [{ holderName: null }],
};
const transactions = [
  { type: "new_business", sequence: 1, effectiveDate: "2028-01-01", changes: null, premiumCents: 366_000 },
  {
    type: "endorsement",
    sequence: 2,
    effectiveDate: "2028-07-01",
    changes: {
      occurrenceLimitCents: { from: 100_000_000, to: 200_000_000 },
      waiverOfSubrogation: { from: null, to: { holderName: null } },
    },
    premiumCents: 91_500,
  },
];

describe("the policy as of a date", () => {
  it("before an endorsement: the coverage it changed, and only the premium then in force, earned to that day", () => {
    // 90 of 366 days elapsed by 2028-03-31: 366,000 × 90 / 366 = 90,000 earned.
    expect(policyOnDate(now, transactions, term, "2028-03-31")).toEqual({
      ...now,
      occurrenceLimitCents: 100_000_000,
      waiversOfSubrogation: [],
      date: "2028-03-31",
      writtenCents: 366_000,
      earnedCents: 90_000,
      unearnedCents: 276_000,
    });
  });

  it("after it: the endorsed coverage, its premium earning from its own date", () => {
    // New business 366,000 × 183 / 366 = 183,000; the endorsement 91,500 × 1 / 184 = 497.28 -> 497.
    expect(policyOnDate(now, transactions, term, "2028-07-02")).toMatchObject({
      occurrenceLimitCents: 200_000_000,
      waiversOfSubrogation: [{ holderName: null }],
      writtenCents: 457_500,
      earnedCents: 183_497,
      unearnedCents: 274_003,
    });
  });
});
