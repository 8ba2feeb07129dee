import { describe, expect, test } from "vitest";
import {
  MAX_PAYMENT_CENTS,
  premiumPaymentLegs,
  PremiumSplitError,
  splitPremiumPayment,
  type PremiumSplit,
  type PremiumSplitInput,
} from "./premium-split.ts";

const policy = { grossPremiumCents: 1_236_400, feesCents: 25_000, taxesCents: 60_459 };
const base: PremiumSplitInput = {
  paymentCents: 1_321_859,
  invoice: { amountCents: 1_321_859, installmentFeeCents: 0 },
  policy,
  producerCommissionRate: "0.1500",
  mgaCommissionRate: "0.0500",
};

function legSum(split: PremiumSplit): number {
  return (
    split.producerCommissionCents +
    split.mgaCommissionCents +
    split.feesCents +
    split.premiumTaxCents +
    split.netToCarrierCents
  );
}

describe("splitting a premium payment", () => {
  test("a paid-in-full policy splits into its own premium, fees and taxes", () => {
    expect(splitPremiumPayment(base)).toEqual({
      paymentCents: 1_321_859,
      producerCommissionCents: 185_460,
      mgaCommissionCents: 61_820,
      feesCents: 25_000,
      premiumTaxCents: 60_459,
      netToCarrierCents: 989_120,
    });
  });

  test("an installment's plan fee goes to fees whole; the rest is apportioned, half-to-even", () => {
    const split = splitPremiumPayment({
      ...base,
      paymentCents: 330_965,
      invoice: { amountCents: 330_965, installmentFeeCents: 500 },
    });
    // 330,465 of policy share: tax 330465*60459/1321859 = 15114.9… -> 15115; fees 6250.0… -> 6250.
    expect(split).toEqual({
      paymentCents: 330_965,
      premiumTaxCents: 15_115,
      feesCents: 500 + 6_250,
      producerCommissionCents: 46_365,
      mgaCommissionCents: 15_455,
      netToCarrierCents: 247_280,
    });
    expect(legSum(split)).toBe(330_965);
  });

  test("half a cent rounds to the even cent", () => {
    // premium 1 cent at 50%: 0.5 -> 0; premium 3 cents at 50%: 1.5 -> 2.
    const one = splitPremiumPayment({
      ...base,
      paymentCents: 1,
      invoice: { amountCents: 1, installmentFeeCents: 0 },
      policy: { grossPremiumCents: 1, feesCents: 0, taxesCents: 0 },
      producerCommissionRate: "0.5",
      mgaCommissionRate: "0",
    });
    expect(one).toMatchObject({ producerCommissionCents: 0, netToCarrierCents: 1 });
    const three = splitPremiumPayment({
      ...base,
      paymentCents: 3,
      invoice: { amountCents: 3, installmentFeeCents: 0 },
      policy: { grossPremiumCents: 3, feesCents: 0, taxesCents: 0 },
      producerCommissionRate: "0.5",
      mgaCommissionRate: "0",
    });
    expect(three).toMatchObject({ producerCommissionCents: 2, netToCarrierCents: 1 });
  });

  test("0% commission leaves all premium to the carrier", () => {
    const split = splitPremiumPayment({ ...base, producerCommissionRate: "0", mgaCommissionRate: "0.0000" });
    expect(split).toMatchObject({ producerCommissionCents: 0, mgaCommissionCents: 0, netToCarrierCents: 1_236_400 });
    expect(legSum(split)).toBe(base.paymentCents);
  });

  test("100% producer commission leaves nothing to the carrier and never less than nothing", () => {
    const split = splitPremiumPayment({ ...base, producerCommissionRate: "1", mgaCommissionRate: "0" });
    expect(split).toMatchObject({ producerCommissionCents: 1_236_400, mgaCommissionCents: 0, netToCarrierCents: 0 });
    // Rates summing to 1 where both round up: the MGA gives back the extra cent.
    const even = splitPremiumPayment({
      ...base,
      paymentCents: 3,
      invoice: { amountCents: 3, installmentFeeCents: 0 },
      policy: { grossPremiumCents: 3, feesCents: 0, taxesCents: 0 },
      producerCommissionRate: "0.5",
      mgaCommissionRate: "0.5",
    });
    expect(even).toMatchObject({ producerCommissionCents: 2, mgaCommissionCents: 1, netToCarrierCents: 0 });
  });

  test("the legs sum to the payment and none is negative, across many awkward amounts", () => {
    const rates = ["0", "0.0001", "0.1", "0.125", "0.15", "0.3333", "0.5", "0.9999", "1"];
    let checked = 0;
    for (let payment = 1; payment <= 2_000; payment += 37) {
      for (const producer of rates) {
        for (const mga of rates) {
          if (Number(producer) + Number(mga) > 1) continue;
          for (const installmentFee of [0, 1, 500]) {
            const invoiceAmount = payment + installmentFee + 13;
            const split = splitPremiumPayment({
              paymentCents: payment,
              invoice: { amountCents: invoiceAmount, installmentFeeCents: installmentFee },
              policy: { grossPremiumCents: 99_991, feesCents: 2_501, taxesCents: 4_999 },
              producerCommissionRate: producer,
              mgaCommissionRate: mga,
            });
            expect(legSum(split)).toBe(payment);
            for (const value of Object.values(split)) expect(value).toBeGreaterThanOrEqual(0);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  test("the chain pays every leg out of the premium trust account, with DOMAIN.md's transfer codes", () => {
    const legs = premiumPaymentLegs(splitPremiumPayment(base));
    expect(legs.map((l) => [l.leg, l.debit, l.credit, l.transferCode, l.amountCents])).toEqual([
      ["producer_commission", 2, 4, 102, 185_460],
      ["mga_commission", 2, 3, 102, 61_820],
      ["fees", 2, 3, 104, 25_000],
      ["premium_tax", 2, 5, 103, 60_459],
      ["net_to_carrier", 2, 1, 101, 989_120],
    ]);
    expect(legs.reduce((sum, l) => sum + l.amountCents, 0)).toBe(base.paymentCents);
  });

  test("a partial payment is apportioned like the whole invoice", () => {
    const split = splitPremiumPayment({ ...base, paymentCents: 100_001 });
    expect(legSum(split)).toBe(100_001);
    expect(split.premiumTaxCents).toBe(Math.round((100_001 * 60_459) / 1_321_859));
  });

  test.each([
    [{ paymentCents: -100 }, /more than zero/],
    [{ paymentCents: 0 }, /more than zero/],
    [{ paymentCents: 10.5 }, /whole number of cents/],
    [{ paymentCents: Number.NaN }, /whole number of cents/],
    [{ paymentCents: MAX_PAYMENT_CENTS + 1 }, /at most/],
    [{ paymentCents: 1_321_860 }, /exceeds the invoice amount/],
    [{ producerCommissionRate: "1.5" }, /between 0 and 1/],
    [{ producerCommissionRate: "-0.1" }, /between 0 and 1/],
    [{ mgaCommissionRate: "abc" }, /decimal/],
    [{ producerCommissionRate: "0.6", mgaCommissionRate: "0.5" }, /cannot exceed 100%/],
    [{ policy: { grossPremiumCents: 0, feesCents: 0, taxesCents: 0 } }, /no premium/],
    [{ invoice: { amountCents: 100, installmentFeeCents: 101 }, paymentCents: 50 }, /installment fee cannot exceed/],
  ] as const)("refuses bad input %#", (override, message) => {
    expect(() => splitPremiumPayment({ ...base, ...override } as PremiumSplitInput)).toThrow(PremiumSplitError);
    expect(() => splitPremiumPayment({ ...base, ...override } as PremiumSplitInput)).toThrow(message);
  });
});
