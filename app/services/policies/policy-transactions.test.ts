import { describe, expect, test } from "vitest";
import { transactionCommission } from "./policy-transactions.ts";

describe("a policy transaction's commission", () => {
  test("is each rate of the transaction's premium, to the cent", () => {
    // A quarterly policy of $12,364.00 at 15% producer and 5% MGA commission.
    expect(
      transactionCommission({ premiumCents: 1_236_400, producerCommissionRate: "0.1500", mgaCommissionRate: "0.0500" }),
    ).toEqual({ producerCommissionCents: 185_460, mgaCommissionCents: 61_820 });
  });

  test("rounds half to even, and a return claws back exactly what the same premium earned", () => {
    // 20 x 12.5% = 2.5 -> 2; 60 x 12.5% = 7.5 -> 8; 4,321 x 12.5% = 540.125 -> 540.
    const rates = { producerCommissionRate: "0.1250", mgaCommissionRate: "0.0750" };
    expect(transactionCommission({ premiumCents: 20, ...rates }).producerCommissionCents).toBe(2);
    expect(transactionCommission({ premiumCents: 60, ...rates }).producerCommissionCents).toBe(8);
    expect(transactionCommission({ premiumCents: 4_321, ...rates })).toEqual({
      producerCommissionCents: 540,
      mgaCommissionCents: 324,
    });
    expect(transactionCommission({ premiumCents: -4_321, ...rates })).toEqual({
      producerCommissionCents: -540,
      mgaCommissionCents: -324,
    });
  });
});
