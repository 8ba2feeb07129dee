/**
 * How a claim's money reaches the ledger (ADR 019). The accounts read as: RESERVES (debit
 * balance) = outstanding case reserves, CLAIMS_PAID (debit balance) = paid less recovered,
 * LOSS_FUND (credit balance) = what the program's losses have cost, i.e. net incurred. So the
 * ledger holds incurred = paid + reserve as an identity: LOSS_FUND = CLAIMS_PAID + RESERVES.
 */
import type { ReserveType } from "../../../db/schema/claim-handling.ts";
import { ACCOUNT, TRANSFER_CODES, type PostingLeg } from "../ledger/chart.ts";

/** Setting a reserve up (or raising it) earmarks the loss fund; lowering it releases it. */
export function reserveChangeLegs(type: ReserveType, deltaCents: number): PostingLeg[] {
  const amountCents = Math.abs(deltaCents);
  return deltaCents > 0
    ? [
        {
          leg: `reserve_${type}`,
          debit: ACCOUNT.RESERVES,
          credit: ACCOUNT.LOSS_FUND,
          amountCents,
          transferCode: TRANSFER_CODES.RESERVE_ADJUSTMENT,
        },
      ]
    : [
        {
          leg: `reserve_${type}_release`,
          debit: ACCOUNT.LOSS_FUND,
          credit: ACCOUNT.RESERVES,
          amountCents,
          transferCode: TRANSFER_CODES.RESERVE_ADJUSTMENT,
        },
      ];
}

/** A payment turns reserve into paid: the reserve of its type is drawn down by the amount. */
export function claimPaymentLegs(type: ReserveType, amountCents: number): PostingLeg[] {
  return [
    {
      leg: `paid_${type}`,
      debit: ACCOUNT.CLAIMS_PAID,
      credit: ACCOUNT.RESERVES,
      amountCents,
      transferCode: TRANSFER_CODES.CLAIM_PAYMENT,
    },
  ];
}

/** A recovery gives back to the loss fund what was paid. */
export function claimRecoveryLegs(amountCents: number): PostingLeg[] {
  return [
    {
      leg: "recovery",
      debit: ACCOUNT.LOSS_FUND,
      credit: ACCOUNT.CLAIMS_PAID,
      amountCents,
      transferCode: TRANSFER_CODES.CLAIM_RECOVERY,
    },
  ];
}
