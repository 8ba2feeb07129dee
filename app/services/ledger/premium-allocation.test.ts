import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildInstallments, INSTALLMENT_PLANS } from "../billing/billing-schedule.ts";
import { transactionCommission } from "../policies/policy-transactions.ts";
import { toCents } from "../../utils/money.ts";
import { ACCOUNT, TRANSFER_CODES } from "./chart.ts";
import {
  ALLOCATION_PARTS,
  AllocationError,
  allocateReceipt,
  allocationLegs,
  cumulativeShares,
  partTotals,
  partsOfLegs,
  policyTotal,
  sumParts,
  zeroParts,
  type PartAmounts,
  type PolicyFigures,
} from "./premium-allocation.ts";
import { splitPremiumPayment } from "./premium-split.ts";
import { premiumReturnLegs, reversalLegs, splitReturn } from "./premium-return.ts";

function add(a: PartAmounts, b: PartAmounts): PartAmounts {
  const out = zeroParts();
  for (const part of ALLOCATION_PARTS) out[part] = a[part] + b[part];
  return out;
}

/** Allocates each payment in turn, as the payment workflow does, and returns every part's total. */
function allocateAll(figures: PolicyFigures, payments: number[]) {
  let allocated = zeroParts();
  const deltas: PartAmounts[] = [];
  for (const payment of payments) {
    const delta = allocateReceipt(figures, allocated, payment);
    expect(sumParts(delta)).toBe(payment);
    deltas.push(delta);
    allocated = add(allocated, delta);
  }
  return { allocated, deltas };
}

// A quarterly policy (the demo figures before ADR 028): $12,364.00 premium, $250.00 fees, $604.59 tax, 15% + 5%.
const quarterly: PolicyFigures = {
  premiumCents: 1_236_400,
  feesCents: 25_000,
  taxesCents: 60_459,
  producerCommissionCents: 185_460,
  mgaCommissionCents: 61_820,
};
const quarterlyInvoices = [330_465, 330_465, 330_465, 330_464];

describe("cumulative-share allocation of a policy's receipts", () => {
  test("a $12,364.00 quarterly policy: each payment rounded alone paid the tax authority a cent too much", () => {
    const alone = quarterlyInvoices.map((paymentCents) =>
      splitPremiumPayment({
        paymentCents,
        invoice: { amountCents: paymentCents, installmentFeeCents: 0 },
        policy: { grossPremiumCents: 1_236_400, feesCents: 25_000, taxesCents: 60_459 },
        producerCommissionRate: "0.1500",
        mgaCommissionRate: "0.0500",
      }),
    );
    // 330,465 × 60,459 / 1,321,859 = 15,114.76 -> 15,115, three times, and 330,464 gives 15,114.72 -> 15,115.
    expect(alone.reduce((sum, s) => sum + s.premiumTaxCents, 0)).toBe(60_460);

    const { allocated, deltas } = allocateAll(quarterly, quarterlyInvoices);
    expect(allocated).toEqual(partTotals(quarterly));
    expect(allocated.premium_tax).toBe(60_459);
    // The first payment: cumulative shares at 330,465 of 1,321,859.
    expect(deltas[0]).toEqual({
      producer_commission: 46_365, // 185,460 × 330,465 / 1,321,859 = 46,365.4
      mga_commission: 15_455, // 61,820 × … = 15,455.1
      fees: 6_250, // 25,000 × … = 6,250.0
      premium_tax: 15_115, // 15,114.76
      net_to_carrier: 247_280, // the rest: 330,465 - 83,185
    });
    // Cumulative tax 15,114.76 / 30,229.52 / 45,344.28 / 60,459 rounds to 15,115 / 30,230 / 45,344:
    // the third payment gives the tax authority one cent less and it ends whole.
    expect(deltas.map((d) => d.premium_tax)).toEqual([15_115, 15_115, 15_114, 15_115]);
  });

  test("a ten-pay policy at 12.5% / 7.5% drifted cents per leg; cumulative shares end exactly on its figures", () => {
    const premiumCents = 987_654;
    const rates = { producerCommissionRate: "0.1250", mgaCommissionRate: "0.0750" };
    const commission = transactionCommission({ premiumCents, ...rates });
    const schedule = buildInstallments("MONTHLY_10", {
      totalCents: toCents(premiumCents + 15_000 + 34_567),
      effectiveDate: "2026-01-01",
    });
    const figures: PolicyFigures = {
      premiumCents,
      feesCents: 15_000 + schedule.reduce((sum, i) => sum + i.feeCents, 0),
      taxesCents: 34_567,
      ...commission,
    };
    const payments = schedule.map((i) => i.amountCents as number);
    expect(payments.reduce((a, b) => a + b, 0)).toBe(policyTotal(figures));

    const alone = schedule.map((i) =>
      splitPremiumPayment({
        paymentCents: i.amountCents,
        invoice: { amountCents: i.amountCents, installmentFeeCents: i.feeCents },
        policy: { grossPremiumCents: premiumCents, feesCents: 15_000, taxesCents: 34_567 },
        ...rates,
      }),
    );
    const producerAlone = alone.reduce((sum, s) => sum + s.producerCommissionCents, 0);
    const mgaAlone = alone.reduce((sum, s) => sum + s.mgaCommissionCents, 0);
    expect(producerAlone).not.toBe(commission.producerCommissionCents);
    expect(mgaAlone).not.toBe(commission.mgaCommissionCents);

    expect(allocateAll(figures, payments).allocated).toEqual(partTotals(figures));
  });

  test("a returned payment gives back what its return leaves each part over, and the next payment heals", () => {
    let allocated = zeroParts();
    const first = allocateReceipt(quarterly, allocated, 330_465);
    allocated = add(allocated, first);
    const returned = allocateReceipt(quarterly, allocated, -330_465);
    expect(returned).toEqual({
      producer_commission: -46_365,
      mga_commission: -15_455,
      fees: -6_250,
      premium_tax: -15_115,
      net_to_carrier: -247_280,
    });
    allocated = add(allocated, returned);
    expect(allocated).toEqual(zeroParts());
    const legs = allocationLegs(returned, TRANSFER_CODES.PAYMENT_RETURNED);
    expect(legs.map((l) => [l.leg, l.debit, l.credit, l.transferCode])).toEqual([
      ["producer_commission_back", ACCOUNT.PRODUCER_PAYABLE, ACCOUNT.MGA_FIDUCIARY, 141],
      ["mga_commission_back", ACCOUNT.MGA_REVENUE, ACCOUNT.MGA_FIDUCIARY, 141],
      ["fees_back", ACCOUNT.MGA_REVENUE, ACCOUNT.MGA_FIDUCIARY, 141],
      ["premium_tax_back", ACCOUNT.TAX_AUTHORITY_PAYABLE, ACCOUNT.MGA_FIDUCIARY, 141],
      ["net_to_carrier_back", ACCOUNT.CARRIER_PAYABLE, ACCOUNT.MGA_FIDUCIARY, 141],
    ]);
    expect(partsOfLegs(legs.map((l) => ({ ...l, debitAccount: l.debit, creditAccount: l.credit })))).toEqual(returned);
  });

  test("a cancellation's return legs and their reinstatement reversal count against each part", () => {
    // The servicing worked example (ADR 024): $2,891.70 returned of a paid $4,093.00 policy.
    const split = splitReturn(289_170, {
      returnPremiumCents: 275_400,
      producerCommissionCents: 41_310,
      mgaCommissionCents: 13_770,
      feesCents: 0,
      taxesCents: 13_770,
    });
    const recorded = premiumReturnLegs(split).map((l) => ({ ...l, debitAccount: l.debit, creditAccount: l.credit }));
    const returned = {
      producer_commission: -41_310,
      mga_commission: -13_770,
      fees: 0,
      premium_tax: -13_770,
      net_to_carrier: -220_320,
    };
    expect(partsOfLegs(recorded)).toEqual(returned);
    const reversed = reversalLegs(recorded).map((l) => ({ ...l, debitAccount: l.debit, creditAccount: l.credit }));
    expect(partsOfLegs([...recorded, ...reversed])).toEqual(zeroParts());
    expect(partsOfLegs([{ leg: "claim_payment", debitAccount: 6, creditAccount: 7, amountCents: 5 }])).toEqual(
      zeroParts(),
    );
  });

  test("refuses more than the policy's total and amounts that are not whole cents", () => {
    expect(() => cumulativeShares(quarterly, 1_321_860)).toThrow(AllocationError);
    expect(() => allocateReceipt(quarterly, zeroParts(), 0)).toThrow(/other than zero/);
    expect(() => allocateReceipt(quarterly, zeroParts(), 10.5)).toThrow(/whole cents/);
    expect(() =>
      cumulativeShares({ ...quarterly, producerCommissionCents: 1_200_000, mgaCommissionCents: 61_820 }, 10),
    ).toThrow(/exceed the premium/);
  });

  test("property: over random premiums, rates, plans and partial payments every part totals its own figure", () => {
    const rate = fc.integer({ min: 0, max: 3000 }).map((bp) => (bp / 10_000).toFixed(4));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        rate,
        rate,
        fc.constantFrom(...INSTALLMENT_PLANS),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        (premiumCents, fees, taxes, producerRate, mgaRate, plan, cuts, returnAt) => {
          const commission = transactionCommission({
            premiumCents,
            producerCommissionRate: producerRate,
            mgaCommissionRate: mgaRate,
          });
          const schedule = buildInstallments(plan, {
            totalCents: toCents(premiumCents + fees + taxes),
            effectiveDate: "2026-03-31",
          });
          const figures: PolicyFigures = {
            premiumCents,
            feesCents: fees + schedule.reduce((sum, i) => sum + i.feeCents, 0),
            taxesCents: taxes,
            ...commission,
          };
          // Each installment paid in one or more partial payments, one payment returned and paid again.
          const payments: number[] = [];
          for (const installment of schedule) {
            let left = installment.amountCents as number;
            for (const cut of cuts) {
              const part = Math.min(left, Math.max(1, Math.floor(left * cut)));
              if (part > 0) payments.push(part);
              left -= part;
            }
            if (left > 0) payments.push(left);
          }
          const returned = payments[Math.min(returnAt, payments.length - 1)]!;
          payments.splice(Math.min(returnAt, payments.length - 1) + 1, 0, -returned, returned);
          const { allocated } = allocateAll(figures, payments);
          expect(allocated).toEqual(partTotals(figures));
        },
      ),
      { numRuns: 300 },
    );
  });
});
