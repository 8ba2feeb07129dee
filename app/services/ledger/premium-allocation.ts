/**
 * Cumulative-share allocation of a policy's premium receipts (DOMAIN.md, Billing plans; ADR 018).
 *
 * A policy owes a fixed total, made of fixed parts: producer commission, MGA commission, fees
 * (policy fees and every installment fee), premium tax and the rest, net to the carrier. After
 * x cents have been received in all, each part's cumulative share is round(part × x / total);
 * the carrier's is x minus the others. Every receipt (or return of money: a bounced payment, a
 * refund) posts, for each part, its share at the new cumulative amount minus what the earlier
 * postings already gave that part. So the legs of one payment always sum to the payment, and
 * once the whole total is received every part has received exactly its own figure, however the
 * money came in: no cent drifts, because no payment is ever rounded on its own.
 */
import { ACCOUNT, TRANSFER_CODES, type AccountCode, type PostingLeg } from "./chart.ts";
import { divideRoundHalfEven } from "../../utils/decimal.ts";

export const ALLOCATION_PARTS = [
  "producer_commission",
  "mga_commission",
  "fees",
  "premium_tax",
  "net_to_carrier",
] as const;
export type AllocationPart = (typeof ALLOCATION_PARTS)[number];
export type PartAmounts = Record<AllocationPart, number>;

/** Where each part's money goes from the premium trust account. */
export const PART_ACCOUNT: Record<AllocationPart, AccountCode> = {
  producer_commission: ACCOUNT.PRODUCER_PAYABLE,
  mga_commission: ACCOUNT.MGA_REVENUE,
  fees: ACCOUNT.MGA_REVENUE,
  premium_tax: ACCOUNT.TAX_AUTHORITY_PAYABLE,
  net_to_carrier: ACCOUNT.CARRIER_PAYABLE,
};

/** The transfer code of a part's leg when money comes in (ADR 006 codes). */
const RECEIPT_CODE: Record<AllocationPart, number> = {
  producer_commission: TRANSFER_CODES.COMMISSION_SPLIT,
  mga_commission: TRANSFER_CODES.COMMISSION_SPLIT,
  fees: TRANSFER_CODES.FEE_SPLIT,
  premium_tax: TRANSFER_CODES.TAX_SPLIT,
  net_to_carrier: TRANSFER_CODES.PREMIUM_PAYMENT,
};

/** What a policy owes in all, part by part (signed sums of its policy transactions). */
export type PolicyFigures = {
  premiumCents: number;
  /** Policy fees plus the installment fees of its billing schedule. */
  feesCents: number;
  taxesCents: number;
  producerCommissionCents: number;
  mgaCommissionCents: number;
};

export class AllocationError extends Error {
  override readonly name = "AllocationError";
}

export function policyTotal(figures: PolicyFigures): number {
  return figures.premiumCents + figures.feesCents + figures.taxesCents;
}

/** Each part's own figure: the parts a fully paid policy has received. */
export function partTotals(figures: PolicyFigures): PartAmounts {
  return {
    producer_commission: figures.producerCommissionCents,
    mga_commission: figures.mgaCommissionCents,
    fees: figures.feesCents,
    premium_tax: figures.taxesCents,
    net_to_carrier: figures.premiumCents - figures.producerCommissionCents - figures.mgaCommissionCents,
  };
}

function checkFigures(figures: PolicyFigures) {
  for (const [name, value] of Object.entries(figures))
    if (!Number.isSafeInteger(value) || value < 0)
      throw new AllocationError(`the policy's ${name} must be whole, non-negative cents, got ${value}`);
  if (figures.producerCommissionCents + figures.mgaCommissionCents > figures.premiumCents)
    throw new AllocationError("producer and MGA commission together exceed the premium");
}

/** Each part's cumulative share once `receivedCents` of the policy's total has come in. */
export function cumulativeShares(figures: PolicyFigures, receivedCents: number): PartAmounts {
  checkFigures(figures);
  const total = policyTotal(figures);
  if (!Number.isSafeInteger(receivedCents) || receivedCents < 0)
    throw new AllocationError(`the amount received must be whole, non-negative cents, got ${receivedCents}`);
  if (receivedCents > total)
    throw new AllocationError(`${receivedCents} cents received is more than the policy's total of ${total}`);
  const parts = partTotals(figures);
  if (total === 0) return { ...parts };
  const x = BigInt(receivedCents);
  const t = BigInt(total);
  const share = (part: number) => Number(divideRoundHalfEven(BigInt(part) * x, t));
  const shares = {
    producer_commission: share(parts.producer_commission),
    mga_commission: share(parts.mga_commission),
    fees: share(parts.fees),
    premium_tax: share(parts.premium_tax),
    net_to_carrier: 0,
  };
  shares.net_to_carrier =
    receivedCents - shares.producer_commission - shares.mga_commission - shares.fees - shares.premium_tax;
  return shares;
}

export function zeroParts(): PartAmounts {
  return { producer_commission: 0, mga_commission: 0, fees: 0, premium_tax: 0, net_to_carrier: 0 };
}

export function sumParts(parts: PartAmounts): number {
  return ALLOCATION_PARTS.reduce((sum, part) => sum + parts[part], 0);
}

/**
 * The signed amount each part gets from a change of `changeCents` (negative: money returned) to
 * what the policy has received, given what earlier postings already allocated. The result sums
 * to `changeCents` exactly. A part can move against the change by a cent when the cumulative
 * shares round differently (or after a returned payment); the legs then run the other way.
 */
export function allocateReceipt(
  figures: PolicyFigures,
  allocatedBefore: PartAmounts,
  changeCents: number,
): PartAmounts {
  if (!Number.isSafeInteger(changeCents) || changeCents === 0)
    throw new AllocationError(`the amount must be whole cents other than zero, got ${changeCents}`);
  const before = sumParts(allocatedBefore);
  const target = cumulativeShares(figures, before + changeCents);
  const delta = zeroParts();
  for (const part of ALLOCATION_PARTS) delta[part] = target[part] - allocatedBefore[part];
  return delta;
}

/**
 * The ledger legs of an allocation: money in goes from the trust account to each part's account
 * (the receipt codes, or `inCode` for every part when the flow has its own); money going back, or
 * a part's cent moving against the change, runs from the part's account to the trust account
 * under `reversalCode`.
 */
export function allocationLegs(delta: PartAmounts, reversalCode: number, inCode?: number): PostingLeg[] {
  return ALLOCATION_PARTS.filter((part) => delta[part] !== 0).map((part) =>
    delta[part] > 0
      ? {
          leg: part,
          debit: ACCOUNT.MGA_FIDUCIARY,
          credit: PART_ACCOUNT[part],
          amountCents: delta[part],
          transferCode: inCode ?? RECEIPT_CODE[part],
        }
      : {
          leg: `${part}_back`,
          debit: PART_ACCOUNT[part],
          credit: ACCOUNT.MGA_FIDUCIARY,
          amountCents: -delta[part],
          transferCode: reversalCode,
        },
  );
}

/** The part each leg of servicing's return postings (premium-return.ts) moves. */
const RETURN_LEG_PART: Record<string, AllocationPart> = {
  commission_clawback: "producer_commission",
  mga_commission_return: "mga_commission",
  fee_return: "fees",
  tax_return: "premium_tax",
  return_premium: "net_to_carrier",
};

function partOfLeg(leg: string): AllocationPart | undefined {
  const name = leg.replace(/_back$/, "").replace(/_reversal$/, "");
  if ((ALLOCATION_PARTS as readonly string[]).includes(name)) return name as AllocationPart;
  return RETURN_LEG_PART[name];
}

/**
 * What a policy's legs gave each part, signed: the inverse of allocationLegs, and of the return
 * postings of cancellations and endorsements (and their reinstatement reversals).
 */
export function partsOfLegs(legs: { leg: string; debitAccount: number; creditAccount: number; amountCents: number }[]) {
  const parts = zeroParts();
  for (const leg of legs) {
    const name = partOfLeg(leg.leg);
    if (!name) continue;
    parts[name] += leg.creditAccount === ACCOUNT.MGA_FIDUCIARY ? -leg.amountCents : leg.amountCents;
  }
  return parts;
}
