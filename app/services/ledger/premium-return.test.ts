import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACCOUNT, TRANSFER_CODES } from "./chart.ts";
import { premiumReturnLegs, reversalLegs, splitReturn } from "./premium-return.ts";

// The company cancellation of cancellation.test.ts: 306,000 return premium, 15,300 taxes,
// 45,900 producer and 15,300 MGA commission clawed back.
const parts = {
  returnPremiumCents: 306_000,
  producerCommissionCents: 45_900,
  mgaCommissionCents: 15_300,
  feesCents: 0,
  taxesCents: 15_300,
};

describe("premium return posting", () => {
  it("returns each party's part when the whole return was paid", () => {
    const split = splitReturn(321_300, parts);
    expect(split).toEqual({
      producerCommissionCents: 45_900,
      mgaCommissionCents: 15_300,
      feesCents: 0,
      taxesCents: 15_300,
      netFromCarrierCents: 244_800,
    });
    const legs = premiumReturnLegs(split);
    expect(legs.find((l) => l.leg === "commission_clawback")).toEqual({
      leg: "commission_clawback",
      debit: ACCOUNT.PRODUCER_PAYABLE,
      credit: ACCOUNT.MGA_FIDUCIARY,
      amountCents: 45_900,
      transferCode: TRANSFER_CODES.COMMISSION_CLAWBACK,
    });
    expect(legs.map((l) => l.transferCode)).toEqual([111, 112, 114, 113, 110]);
  });

  it("splits a partly paid return in proportion, the legs summing exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 321_300 }), (received) => {
        const split = splitReturn(received, parts);
        const sum = Object.values(split).reduce((a, b) => a + b, 0);
        expect(sum).toBe(received);
        expect(split.netFromCarrierCents).toBeGreaterThanOrEqual(0);
      }),
    );
    expect(() => splitReturn(321_301, parts)).toThrow(RangeError);
  });

  it("reverses by new legs with the accounts swapped and the reversal codes", () => {
    const legs = premiumReturnLegs(splitReturn(321_300, parts)).map((l) => ({
      ...l,
      debitAccount: l.debit,
      creditAccount: l.credit,
    }));
    const reversed = reversalLegs(legs);
    expect(reversed[0]).toEqual({
      leg: "commission_clawback_reversal",
      debit: ACCOUNT.MGA_FIDUCIARY,
      credit: ACCOUNT.PRODUCER_PAYABLE,
      amountCents: 45_900,
      transferCode: TRANSFER_CODES.COMMISSION_CLAWBACK_REVERSAL,
    });
    expect(() => reversalLegs([{ ...legs[0]!, transferCode: 101 }])).toThrow(/not a premium return/);
  });
});
