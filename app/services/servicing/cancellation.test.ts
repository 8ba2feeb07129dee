import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proRataReturn, shortRateReturn } from "../policies/earned-premium.ts";
import { toCents } from "../../utils/money.ts";
import {
  cancellationBreakdown,
  CancellationInputError,
  noticeDays,
  settleReturn,
  type CancellationInput,
} from "./cancellation.ts";

// 2028 is a leap year: 2028-01-01 to 2029-01-01 has 366 days; 2028-03-01 leaves 306.
const leapTerm = { effectiveDate: "2028-01-01", expirationDate: "2029-01-01" };
const base: CancellationInput = {
  reason: "company",
  term: leapTerm,
  cancellationDate: "2028-03-01",
  requestedOn: "2028-03-01",
  termPremiumCents: 366_000,
  writtenPremiumCents: 366_000,
  feesCents: 25_000,
  taxesCents: 18_300,
  minimumEarnedRate: null,
  producerCommissionRate: "0.1500",
  mgaCommissionRate: "0.0500",
};

describe("cancellationBreakdown", () => {
  it("returns pro-rata for a company cancellation in a leap year, with taxes, no fees, commission clawed back", () => {
    const b = cancellationBreakdown(base);
    // 366,000 × 306 / 366 = 306,000; taxes 18,300 × 306,000 / 366,000 = 15,300
    expect(b).toMatchObject({
      method: "pro_rata",
      daysInTerm: 366,
      daysRemaining: 306,
      proRataReturnCents: 306_000,
      penaltyCents: 0,
      returnPremiumCents: 306_000,
      taxesReturnedCents: 15_300,
      feesReturnedCents: 0,
      producerCommissionClawbackCents: 45_900,
      mgaCommissionReturnedCents: 15_300,
      totalReturnCents: 321_300,
      earnedPremiumCents: 60_000,
    });
    expect(b.steps.map((s) => s.label)).toContain("Commission clawed back from the producer");
  });

  it("takes a 10% short-rate penalty on an insured's request", () => {
    const b = cancellationBreakdown({ ...base, reason: "insured_request" });
    expect(b).toMatchObject({ method: "short_rate", penaltyCents: 30_600, returnPremiumCents: 275_400 });
    // 18,300 × 275,400 / 366,000 = 13,770
    expect(b.taxesReturnedCents).toBe(13_770);
  });

  it("caps a short-rate return at the minimum earned premium", () => {
    // Cancelled a month in: pro-rata 335/366 × 366,000 = 335,000, less 33,500 = 301,500;
    // 25% minimum earned keeps 91,500, so at most 274,500 returns.
    const b = cancellationBreakdown({
      ...base,
      reason: "insured_request",
      cancellationDate: "2028-02-01",
      minimumEarnedRate: "0.2500",
    });
    expect(b).toMatchObject({
      proRataReturnCents: 335_000,
      penaltyCents: 33_500,
      minimumEarnedCents: 91_500,
      minimumEarnedAdjustmentCents: 27_000,
      returnPremiumCents: 274_500,
      earnedPremiumCents: 91_500,
    });
  });

  it("does not apply the minimum earned premium to a company cancellation", () => {
    const b = cancellationBreakdown({ ...base, cancellationDate: "2028-02-01", minimumEarnedRate: "0.2500" });
    expect(b.returnPremiumCents).toBe(335_000);
  });

  it("returns everything, fees included, on a flat cancellation, even at the insured's request before inception", () => {
    for (const [reason, requestedOn] of [
      ["flat", "2028-02-10"],
      ["insured_request", "2027-12-15"],
      ["insured_request", "2028-01-01"],
    ] as const) {
      const b = cancellationBreakdown({
        ...base,
        reason,
        requestedOn,
        cancellationDate: "2028-01-01",
        minimumEarnedRate: "0.25",
      });
      expect(b).toMatchObject({
        method: "flat",
        penaltyCents: 0,
        returnPremiumCents: 366_000,
        taxesReturnedCents: 18_300,
        feesReturnedCents: 25_000,
        totalReturnCents: 409_300,
        earnedPremiumCents: 0,
      });
    }
  });

  it("makes an insured's request asked after inception and dated back to it short-rate with minimum earned", () => {
    // All 366 days remain: pro-rata 366,000, less 36,600 = 329,400; 25% minimum earned keeps
    // 91,500, so 274,500 returns; taxes 18,300 × 274,500 / 366,000 = 13,725; fees were earned.
    const b = cancellationBreakdown({
      ...base,
      reason: "insured_request",
      requestedOn: "2028-02-10",
      cancellationDate: "2028-01-01",
      minimumEarnedRate: "0.2500",
    });
    expect(b).toMatchObject({
      method: "short_rate",
      daysRemaining: 366,
      proRataReturnCents: 366_000,
      penaltyCents: 36_600,
      minimumEarnedCents: 91_500,
      minimumEarnedAdjustmentCents: 54_900,
      returnPremiumCents: 274_500,
      taxesReturnedCents: 13_725,
      feesReturnedCents: 0,
      totalReturnCents: 288_225,
      earnedPremiumCents: 91_500,
    });
    expect(b.steps[0]!.detail).toContain("asked for on 2028-02-10, after the policy came into force, so not flat");
    // Without a program minimum only the penalty stays earned.
    const noMinimum = cancellationBreakdown({
      ...base,
      reason: "insured_request",
      requestedOn: "2028-02-10",
      cancellationDate: "2028-01-01",
    });
    expect(noMinimum).toMatchObject({ method: "short_rate", returnPremiumCents: 329_400, earnedPremiumCents: 36_600 });
  });

  it("refuses a flat cancellation dated after inception and dates outside the term", () => {
    expect(() => cancellationBreakdown({ ...base, reason: "flat" })).toThrow(CancellationInputError);
    expect(() => cancellationBreakdown({ ...base, cancellationDate: "2029-01-01" })).toThrow(/within the policy term/);
    expect(() => cancellationBreakdown({ ...base, cancellationDate: "2027-12-31" })).toThrow(/within the policy term/);
  });

  it("counts a 6-month term's own days", () => {
    // 2027-07-01 to 2028-01-01: 184 days; 2027-10-01 leaves 92. 100,001 × 92 / 184 = 50,000.5 -> 50,000
    const b = cancellationBreakdown({
      ...base,
      term: { effectiveDate: "2027-07-01", expirationDate: "2028-01-01" },
      cancellationDate: "2027-10-01",
      termPremiumCents: 100_001,
      writtenPremiumCents: 100_001,
      taxesCents: 0,
    });
    expect(b).toMatchObject({ daysInTerm: 184, daysRemaining: 92, returnPremiumCents: 50_000 });
  });

  it("agrees with the proration functions when nothing was endorsed", () => {
    const day = fc.integer({ min: 1, max: 365 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), day, fc.boolean(), (premium, offset, insured) => {
        const date = new Date(Date.UTC(2028, 0, 1 + offset)).toISOString().slice(0, 10);
        const input = {
          ...base,
          reason: insured ? ("insured_request" as const) : ("company" as const),
          cancellationDate: date,
          requestedOn: date,
          termPremiumCents: premium,
          writtenPremiumCents: premium,
        };
        const b = cancellationBreakdown(input);
        const expected = insured
          ? shortRateReturn({ premiumCents: toCents(premium), term: leapTerm, cancellationDate: date })
          : proRataReturn({ premiumCents: toCents(premium), term: leapTerm, cancellationDate: date });
        expect(b.returnPremiumCents).toBe(expected.returnCents);
        expect(b.earnedPremiumCents + b.returnPremiumCents).toBe(premium);
      }),
    );
  });
});

describe("notice and settlement", () => {
  it("gives 10 days for non-payment and 30 for the company", () => {
    expect(noticeDays("non_payment")).toBe(10);
    expect(noticeDays("company")).toBe(30);
    expect(noticeDays("insured_request")).toBe(0);
  });

  it("credits only what was paid beyond what is now owed", () => {
    expect(settleReturn({ returnCents: 300, paidCents: 1_000, totalDueAfterCents: 800 })).toEqual({
      creditCents: 200,
      reducesUnpaidCents: 100,
    });
    expect(settleReturn({ returnCents: 300, paidCents: 1_000, totalDueAfterCents: 500 })).toEqual({
      creditCents: 300,
      reducesUnpaidCents: 0,
    });
    expect(settleReturn({ returnCents: 300, paidCents: 100, totalDueAfterCents: 500 })).toEqual({
      creditCents: 0,
      reducesUnpaidCents: 300,
    });
  });
});
