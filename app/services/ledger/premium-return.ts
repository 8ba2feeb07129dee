/**
 * The posting of premium returned by a cancellation or a return-premium endorsement (ADR 017):
 * what was received and is no longer earned goes back from each party to the premium trust, the
 * producer's commission clawed back, the MGA's commission, fees and taxes returned and the rest
 * taken back from the carrier, each leg under its own transfer code. Only money actually received
 * is posted (the ledger holds receipts); when only part of the return was paid, each part gets
 * its share of what was, half-to-even, and the carrier the rest, so the legs sum exactly.
 * A reinstatement reverses the same legs by new transfers with the reversal codes.
 */
import { divideRoundHalfEven } from "../../utils/decimal.ts";
import { ACCOUNT, TRANSFER_CODES, type PostingLeg } from "./chart.ts";

export type ReturnParts = {
  /** Premium returned, before commission. */
  returnPremiumCents: number;
  producerCommissionCents: number;
  mgaCommissionCents: number;
  feesCents: number;
  taxesCents: number;
};

export type ReturnSplit = {
  producerCommissionCents: number;
  mgaCommissionCents: number;
  feesCents: number;
  taxesCents: number;
  netFromCarrierCents: number;
};

export function splitReturn(receivedCents: number, parts: ReturnParts): ReturnSplit {
  const total = parts.returnPremiumCents + parts.feesCents + parts.taxesCents;
  if (receivedCents < 0 || receivedCents > total)
    throw new RangeError(`the amount returned (${receivedCents}) must lie between 0 and the return (${total})`);
  const share = (part: number) =>
    total === 0 ? 0 : Number(divideRoundHalfEven(BigInt(part) * BigInt(receivedCents), BigInt(total)));
  const producerCommissionCents = share(parts.producerCommissionCents);
  const mgaCommissionCents = share(parts.mgaCommissionCents);
  const feesCents = share(parts.feesCents);
  const taxesCents = share(parts.taxesCents);
  return {
    producerCommissionCents,
    mgaCommissionCents,
    feesCents,
    taxesCents,
    netFromCarrierCents: receivedCents - producerCommissionCents - mgaCommissionCents - feesCents - taxesCents,
  };
}

/** Each party gives its part back to the trust. */
export function premiumReturnLegs(split: ReturnSplit): PostingLeg[] {
  const toTrust = (leg: string, debit: PostingLeg["debit"], amountCents: number, transferCode: number): PostingLeg => ({
    leg,
    debit,
    credit: ACCOUNT.MGA_FIDUCIARY,
    amountCents,
    transferCode,
  });
  return [
    toTrust(
      "commission_clawback",
      ACCOUNT.PRODUCER_PAYABLE,
      split.producerCommissionCents,
      TRANSFER_CODES.COMMISSION_CLAWBACK,
    ),
    toTrust(
      "mga_commission_return",
      ACCOUNT.MGA_REVENUE,
      split.mgaCommissionCents,
      TRANSFER_CODES.MGA_COMMISSION_RETURN,
    ),
    toTrust("fee_return", ACCOUNT.MGA_REVENUE, split.feesCents, TRANSFER_CODES.FEE_RETURN),
    toTrust("tax_return", ACCOUNT.TAX_AUTHORITY_PAYABLE, split.taxesCents, TRANSFER_CODES.TAX_RETURN),
    toTrust("return_premium", ACCOUNT.CARRIER_PAYABLE, split.netFromCarrierCents, TRANSFER_CODES.RETURN_PREMIUM),
  ];
}

const REVERSAL_CODE: Record<number, number> = {
  [TRANSFER_CODES.COMMISSION_CLAWBACK]: TRANSFER_CODES.COMMISSION_CLAWBACK_REVERSAL,
  [TRANSFER_CODES.MGA_COMMISSION_RETURN]: TRANSFER_CODES.MGA_COMMISSION_RETURN_REVERSAL,
  [TRANSFER_CODES.FEE_RETURN]: TRANSFER_CODES.FEE_RETURN_REVERSAL,
  [TRANSFER_CODES.TAX_RETURN]: TRANSFER_CODES.TAX_RETURN_REVERSAL,
  [TRANSFER_CODES.RETURN_PREMIUM]: TRANSFER_CODES.RETURN_PREMIUM_REVERSAL,
};

/** The reversing chain of recorded return legs: same amounts, accounts swapped, reversal codes. */
export function reversalLegs(
  legs: readonly {
    leg: string;
    debitAccount: number;
    creditAccount: number;
    amountCents: number;
    transferCode: number;
  }[],
): PostingLeg[] {
  return legs.map((l) => {
    const code = REVERSAL_CODE[l.transferCode];
    if (code === undefined) throw new RangeError(`transfer code ${l.transferCode} is not a premium return`);
    return {
      leg: `${l.leg}_reversal`.slice(0, 30),
      debit: l.creditAccount as PostingLeg["debit"],
      credit: l.debitAccount as PostingLeg["credit"],
      amountCents: l.amountCents,
      transferCode: code,
    };
  });
}
