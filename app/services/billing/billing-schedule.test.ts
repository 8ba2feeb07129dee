import { describe, expect, it } from "vitest";
import { MoneyError, sumCents, toCents, type Cents } from "../../utils/money.ts";
import {
  buildInstallments,
  describePlan,
  INSTALLMENT_PLANS,
  isInstallmentPlan,
  type Installment,
} from "./billing-schedule.ts";

const c = toCents;
const shares = (installments: Installment[]) => installments.map((i) => i.shareCents);
const dueDates = (installments: Installment[]) => installments.map((i) => i.dueDate);

describe("buildInstallments", () => {
  it("PIF: one installment of the whole total on the effective date", () => {
    // $12,364.00 premium + $250.00 fee + $604.59 tax
    expect(buildInstallments("PIF", { totalCents: c(1_321_859), effectiveDate: "2026-03-01" })).toEqual([
      {
        number: 1,
        dueDate: "2026-03-01",
        shareCents: 1_321_859,
        feeCents: 0,
        amountCents: 1_321_859,
        status: "pending",
      },
    ]);
  });

  it("TWO_PAY: halves at inception and month 6, the odd cent on the first", () => {
    const plan = buildInstallments("TWO_PAY", { totalCents: c(1_321_859), effectiveDate: "2026-03-01" });
    expect(shares(plan)).toEqual([660_930, 660_929]);
    expect(dueDates(plan)).toEqual(["2026-03-01", "2026-09-01"]);
  });

  it("QUARTERLY: four quarters plus $5 each, residue first, month ends clamped from the anchor", () => {
    // 100,003 / 4 = 25,000 r 3; a Nov 30 policy is due Feb 28, then back to the 30th.
    const plan = buildInstallments("QUARTERLY", { totalCents: c(100_003), effectiveDate: "2025-11-30" });
    expect(shares(plan)).toEqual([25_003, 25_000, 25_000, 25_000]);
    expect(plan.map((i) => i.amountCents)).toEqual([25_503, 25_500, 25_500, 25_500]);
    expect(dueDates(plan)).toEqual(["2025-11-30", "2026-02-28", "2026-05-30", "2026-08-30"]);
    expect(sumCents(plan.map((i) => i.amountCents))).toBe(100_003 + 4 * 500);
  });

  it("MONTHLY_10: 20% down and eight 10% installments plus $8 each, through a leap February", () => {
    // 100,007 × 2/10 = 20,001.4 -> 20,001; × 1/10 = 10,000.7 -> 10,000 (×8); residue 6 on the down payment.
    const plan = buildInstallments("MONTHLY_10", { totalCents: c(100_007), effectiveDate: "2028-01-31" });
    expect(shares(plan)).toEqual([20_007, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
    expect(plan.map((i) => i.feeCents)).toEqual(new Array(9).fill(800));
    expect(dueDates(plan)).toEqual([
      "2028-01-31",
      "2028-02-29",
      "2028-03-31",
      "2028-04-30",
      "2028-05-31",
      "2028-06-30",
      "2028-07-31",
      "2028-08-31",
      "2028-09-30",
    ]);
    expect(plan.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("lets the program set its own installment fee", () => {
    expect(
      buildInstallments("QUARTERLY", { totalCents: c(100_000), feeCents: c(0), effectiveDate: "2026-01-01" }).map(
        (i) => i.amountCents,
      ),
    ).toEqual([25_000, 25_000, 25_000, 25_000]);
    expect(
      buildInstallments("TWO_PAY", { totalCents: c(100_000), feeCents: c(300), effectiveDate: "2026-01-01" }).map(
        (i) => i.amountCents,
      ),
    ).toEqual([50_300, 50_300]);
  });

  it("always sums the shares to the total exactly, only the first share carrying residue", () => {
    for (const plan of INSTALLMENT_PLANS) {
      for (const total of [0, 1, 9, 99, 12_345, 98_765_431, 9_007_199_254_740_991]) {
        const installments = buildInstallments(plan, { totalCents: c(total), effectiveDate: "2026-01-31" });
        expect(sumCents(shares(installments)), `${plan} ${total}`).toBe(total);
        const [first, ...rest] = installments;
        const unit = rest[rest.length - 1]?.shareCents;
        expect(rest.every((i) => i.shareCents === unit)).toBe(true);
        expect(first !== undefined && (unit === undefined || first.shareCents >= unit)).toBe(true);
      }
    }
  });

  it("refuses negative or fractional amounts", () => {
    expect(() => buildInstallments("PIF", { totalCents: -1 as Cents, effectiveDate: "2026-01-01" })).toThrow(
      MoneyError,
    );
    expect(() => buildInstallments("PIF", { totalCents: 10.5 as Cents, effectiveDate: "2026-01-01" })).toThrow(
      MoneyError,
    );
    expect(() =>
      buildInstallments("QUARTERLY", { totalCents: c(100), feeCents: -5 as Cents, effectiveDate: "2026-01-01" }),
    ).toThrow(MoneyError);
  });

  it("recognizes plan names stored on programs", () => {
    expect(["PIF", "TWO_PAY", "QUARTERLY", "MONTHLY_10"].every(isInstallmentPlan)).toBe(true);
    expect(isInstallmentPlan("MONTHLY_12")).toBe(false);
  });
});

describe("describePlan", () => {
  it("names each plan with this quote's installment amounts and fees, never the raw code", () => {
    const options = { totalCents: toCents(502_003), effectiveDate: "2027-01-15" };
    expect(describePlan("PIF", options)).toBe("Paid in full: $5,020.03 · no fees");
    expect(describePlan("TWO_PAY", options)).toBe(
      "Two payments: $2,510.02 then $2,510.01 · no fees · $5,020.03 in all",
    );
    expect(describePlan("QUARTERLY", options)).toBe(
      "Quarterly: $1,260.03 then 3 × $1,260.00 · $5.00 fee per installment ($20.00 in all) · $5,040.03 in all",
    );
    expect(describePlan("MONTHLY_10", options)).toBe(
      "Monthly: $1,012.03 then 8 × $510.00 · $8.00 fee per installment ($72.00 in all) · $5,092.03 in all",
    );
  });
});
