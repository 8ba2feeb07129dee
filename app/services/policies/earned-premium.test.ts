import { describe, expect, it } from "vitest";
import { MoneyError, toCents, type Cents } from "../../utils/money.ts";
import {
  earnedPremium,
  endorsementPremium,
  proRataReturn,
  shortRateReturn,
  type PolicyTerm,
} from "./earned-premium.ts";

const c = toCents;
// 2028 is a leap year: this term has 366 days, and 2028-03-01 is 60 days in (31 + 29), 306 left.
const leapTerm: PolicyTerm = { effectiveDate: "2028-01-01", expirationDate: "2029-01-01" };
// Starts before and ends after 2028-02-29, so it has 366 days too; 2027-12-01 is 183 days in.
const straddlingTerm: PolicyTerm = { effectiveDate: "2027-06-01", expirationDate: "2028-06-01" };

describe("earnedPremium", () => {
  it("earns by calendar days in a leap year", () => {
    expect(earnedPremium(c(366_000), leapTerm, "2028-03-01")).toEqual({
      daysInTerm: 366,
      daysElapsed: 60,
      earnedCents: 60_000,
      unearnedCents: 306_000,
    });
    // 100,000 × 60 / 366 = 16,393.44 -> 16,393
    expect(earnedPremium(c(100_000), leapTerm, "2028-03-01")).toMatchObject({
      earnedCents: 16_393,
      unearnedCents: 83_607,
    });
  });

  it("uses a 365-day term outside leap years", () => {
    // 1,236,400 × 184 / 365 = 623,281.10 -> 623,281
    const term = { effectiveDate: "2026-03-01", expirationDate: "2027-03-01" };
    expect(earnedPremium(c(1_236_400), term, "2026-09-01")).toEqual({
      daysInTerm: 365,
      daysElapsed: 184,
      earnedCents: 623_281,
      unearnedCents: 613_119,
    });
  });

  it("earns nothing before the term and everything from its expiration on", () => {
    expect(earnedPremium(c(100_000), leapTerm, "2027-12-15").earnedCents).toBe(0);
    expect(earnedPremium(c(100_000), leapTerm, "2028-01-01").earnedCents).toBe(0);
    expect(earnedPremium(c(100_000), leapTerm, "2029-01-01")).toMatchObject({ earnedCents: 100_000, unearnedCents: 0 });
    expect(earnedPremium(c(100_000), leapTerm, "2030-06-01").daysElapsed).toBe(366);
  });

  it("rounds an exact half cent to even", () => {
    // 100,001 × 183 / 366 = 50,000.5 -> 50,000; 100,003 × 183 / 366 = 50,001.5 -> 50,002
    expect(earnedPremium(c(100_001), straddlingTerm, "2027-12-01").earnedCents).toBe(50_000);
    expect(earnedPremium(c(100_003), straddlingTerm, "2027-12-01").earnedCents).toBe(50_002);
  });

  it("refuses an empty term and negative premium", () => {
    expect(() =>
      earnedPremium(c(100), { effectiveDate: "2028-01-01", expirationDate: "2028-01-01" }, "2028-01-01"),
    ).toThrow(RangeError);
    expect(() => earnedPremium(-1 as Cents, leapTerm, "2028-03-01")).toThrow(MoneyError);
  });
});

describe("proRataReturn", () => {
  it("returns premium × days remaining / days in term", () => {
    // 100,000 × 306 / 366 = 83,606.56 -> 83,607
    expect(proRataReturn({ premiumCents: c(100_000), term: leapTerm, cancellationDate: "2028-03-01" })).toEqual({
      method: "pro_rata",
      daysInTerm: 366,
      daysRemaining: 306,
      proRataReturnCents: 83_607,
      penaltyCents: 0,
      minimumEarnedAdjustmentCents: 0,
      returnCents: 83_607,
      earnedCents: 16_393,
    });
  });

  it("returns everything on a flat cancellation and nothing on the expiration date", () => {
    expect(
      proRataReturn({ premiumCents: c(100_000), term: leapTerm, cancellationDate: "2028-01-01" }).returnCents,
    ).toBe(100_000);
    expect(
      proRataReturn({ premiumCents: c(100_000), term: leapTerm, cancellationDate: "2029-01-01" }).returnCents,
    ).toBe(0);
  });

  it("rounds the return half to even", () => {
    // 100,001 × 183 / 366 = 50,000.5 -> 50,000, so the carrier keeps 50,001
    expect(
      proRataReturn({ premiumCents: c(100_001), term: straddlingTerm, cancellationDate: "2027-12-01" }),
    ).toMatchObject({
      returnCents: 50_000,
      earnedCents: 50_001,
    });
  });

  it("refuses a cancellation date outside the term", () => {
    expect(() => proRataReturn({ premiumCents: c(100_000), term: leapTerm, cancellationDate: "2027-12-31" })).toThrow(
      "Cancellation date 2027-12-31 is outside the policy term 2028-01-01 to 2029-01-01",
    );
    expect(() => proRataReturn({ premiumCents: c(100_000), term: leapTerm, cancellationDate: "2029-01-02" })).toThrow(
      RangeError,
    );
  });
});

describe("shortRateReturn", () => {
  const cancellation = { premiumCents: c(100_000), term: leapTerm, cancellationDate: "2028-03-01" };

  it("keeps a 10% penalty of the pro-rata return", () => {
    // pro-rata 83,607; penalty 8,360.7 -> 8,361; return 75,246
    expect(shortRateReturn(cancellation)).toEqual({
      method: "short_rate",
      daysInTerm: 366,
      daysRemaining: 306,
      proRataReturnCents: 83_607,
      penaltyCents: 8_361,
      minimumEarnedAdjustmentCents: 0,
      returnCents: 75_246,
      earnedCents: 24_754,
    });
  });

  it("cuts the return further when the minimum earned premium requires it", () => {
    // minimum earned $250.00 caps the return at 75,000, 246 below the short-rate return
    expect(shortRateReturn({ ...cancellation, minimumEarnedCents: c(25_000) })).toMatchObject({
      penaltyCents: 8_361,
      minimumEarnedAdjustmentCents: 246,
      returnCents: 75_000,
      earnedCents: 25_000,
    });
    // a minimum below what is already earned changes nothing
    expect(shortRateReturn({ ...cancellation, minimumEarnedCents: c(20_000) }).returnCents).toBe(75_246);
    // a minimum above the premium returns nothing rather than a negative amount
    expect(shortRateReturn({ ...cancellation, minimumEarnedCents: c(150_000) }).returnCents).toBe(0);
  });
});

describe("flat cancellation", () => {
  it("returns the whole premium with no short-rate penalty when cancelled on the effective date", () => {
    const flat = { premiumCents: c(100_000), term: leapTerm, cancellationDate: leapTerm.effectiveDate };
    expect(shortRateReturn(flat)).toEqual({
      method: "flat",
      daysInTerm: 366,
      daysRemaining: 366,
      proRataReturnCents: 100_000,
      penaltyCents: 0,
      minimumEarnedAdjustmentCents: 0,
      returnCents: 100_000,
      earnedCents: 0,
    });
    // the minimum earned premium applies only after inception
    expect(shortRateReturn({ ...flat, minimumEarnedCents: c(25_000) })).toMatchObject({
      penaltyCents: 0,
      returnCents: 100_000,
      earnedCents: 0,
    });
  });
});

describe("endorsementPremium", () => {
  it("charges the premium increase for the days remaining", () => {
    // (150,000 - 100,000) × 306 / 366 = 41,803.28 -> 41,803
    expect(
      endorsementPremium({
        oldPremiumCents: c(100_000),
        newPremiumCents: c(150_000),
        term: leapTerm,
        endorsementDate: "2028-03-01",
      }),
    ).toEqual({ daysInTerm: 366, daysRemaining: 306, premiumChangeCents: 41_803 });
  });

  it("returns premium for a decrease", () => {
    // (80,000 - 100,000) × 306 / 366 = -16,721.31 -> -16,721
    expect(
      endorsementPremium({
        oldPremiumCents: c(100_000),
        newPremiumCents: c(80_000),
        term: leapTerm,
        endorsementDate: "2028-03-01",
      }).premiumChangeCents,
    ).toBe(-16_721);
  });

  it("rounds ties to even in both directions", () => {
    const mid = { term: straddlingTerm, endorsementDate: "2027-12-01" };
    expect(
      endorsementPremium({ ...mid, oldPremiumCents: c(100_000), newPremiumCents: c(100_003) }).premiumChangeCents,
    ).toBe(2);
    expect(
      endorsementPremium({ ...mid, oldPremiumCents: c(100_001), newPremiumCents: c(100_000) }).premiumChangeCents,
    ).toBe(0);
  });

  it("refuses an endorsement date outside the term", () => {
    expect(() =>
      endorsementPremium({
        oldPremiumCents: c(1),
        newPremiumCents: c(2),
        term: leapTerm,
        endorsementDate: "2029-02-01",
      }),
    ).toThrow(RangeError);
  });
});
