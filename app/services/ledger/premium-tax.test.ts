import { describe, expect, it } from "vitest";
import { premiumTaxOfPeriods, spanOfPeriods } from "./premium-tax.ts";

// Worked example. Texas, 4.85% surplus-lines tax + 0.04% stamping fee = 4.89% of premium:
//   January: $12,364.00 written -> $604.60 tax; February: $1,200.00 -> $58.68;
//   March: a cancellation returning $4,121.33 -> -$201.53.
//   Q1 premium 12,364.00 + 1,200.00 - 4,121.33 = $9,442.67; tax 604.60 + 58.68 - 201.53 = $461.75.
//   January's $604.60 was remitted: Q1 still owes 461.75 - 604.60 = -$142.85 (a credit).
// New Mexico: $2,400.00 in February at 3.003% = $72.07, nothing remitted.
const monthly = [
  { state: "TX", month: "2026-01", taxableCents: 1_236_400, taxesCents: 60_460 },
  { state: "TX", month: "2026-02", taxableCents: 120_000, taxesCents: 5_868 },
  { state: "TX", month: "2026-03", taxableCents: -412_133, taxesCents: -20_153 },
  { state: "NM", month: "2026-02", taxableCents: 240_000, taxesCents: 7_207 },
  { state: "TX", month: "2026-04", taxableCents: 990_000, taxesCents: 48_411 },
];
const remittances = [{ state: "TX", period: "2026-01", amountCents: 60_460 }];

describe("premium tax liability", () => {
  it("sums a quarter's months per state, less what was remitted for them", () => {
    expect(premiumTaxOfPeriods(monthly, remittances, [{ first: "2026-01", last: "2026-03" }])).toEqual([
      {
        state: "NM",
        first: "2026-01",
        last: "2026-03",
        taxableCents: 240_000,
        taxesCents: 7_207,
        remittedCents: 0,
        owedCents: 7_207,
      },
      {
        state: "TX",
        first: "2026-01",
        last: "2026-03",
        taxableCents: 944_267,
        taxesCents: 46_175,
        remittedCents: 60_460,
        owedCents: -14_285,
      },
    ]);
  });

  it("one month, as finance remits it; a state named with nothing booked owes zero", () => {
    expect(
      premiumTaxOfPeriods(monthly, remittances, [
        { first: "2026-01", last: "2026-01" },
        { state: "NM", first: "2026-04", last: "2026-06" },
      ]),
    ).toEqual([
      {
        state: "TX",
        first: "2026-01",
        last: "2026-01",
        taxableCents: 1_236_400,
        taxesCents: 60_460,
        remittedCents: 60_460,
        owedCents: 0,
      },
      {
        state: "NM",
        first: "2026-04",
        last: "2026-06",
        taxableCents: 0,
        taxesCents: 0,
        remittedCents: 0,
        owedCents: 0,
      },
    ]);
  });

  it("reads the months from the earliest period's first to the latest's last", () => {
    expect(
      spanOfPeriods([
        { first: "2026-04", last: "2026-06" },
        { first: "2025-01", last: "2025-12" },
        { first: "2026-01", last: "2026-03" },
      ]),
    ).toEqual({ first: "2025-01", last: "2026-06" });
    expect(spanOfPeriods([])).toBeNull();
  });
});
