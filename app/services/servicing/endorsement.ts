/**
 * Endorsement premium by segments (DOMAIN.md: endorsement premium = (new term premium - old term
 * premium) × days remaining / days in term). The policy is a base state plus changes, each from
 * its effective date on; a change's premium effect is priced against the state in force just
 * before it, with every earlier-dated change applied. A change dated before changes already
 * recorded (out of sequence) alters the state those later changes were priced against, so they
 * are priced again and the difference is booked with the new change.
 */
import { earnedPremium, endorsementPremium, type PolicyTerm } from "../policies/earned-premium.ts";
import { toCents } from "../../utils/money.ts";
import { divideRoundHalfEven } from "../../utils/decimal.ts";

export type DatedChange<C> = { id: string; effectiveDate: string; change: C; recordedEffectCents: number };

export type SegmentEffect = {
  id: string;
  effectiveDate: string;
  termPremiumBeforeCents: number;
  termPremiumAfterCents: number;
  daysRemaining: number;
  daysInTerm: number;
  effectCents: number;
  /** For changes recorded earlier: what they were booked at, and the difference now owed. */
  recordedEffectCents: number;
  adjustmentCents: number;
};

export type EndorsementPricing = {
  /** Every change in effective-date order (ties by the order they were recorded), the new one included. */
  segments: SegmentEffect[];
  /** The new change's own effect plus the re-pricing of later-dated changes: the transaction's premium. */
  transactionPremiumCents: number;
  newEffectCents: number;
  /** Term premium in force from the last change on. */
  termPremiumAfterCents: number;
};

/**
 * Prices `added` into the policy's recorded changes. `rate` gives the full-term premium of a
 * state (re-rated on the rate table version pinned on the policy).
 */
export function priceEndorsement<S, C>(input: {
  term: PolicyTerm;
  baseState: S;
  recorded: readonly DatedChange<C>[];
  added: { id: string; effectiveDate: string; change: C };
  apply: (state: S, change: C) => S;
  rate: (state: S) => number;
}): EndorsementPricing {
  const all = [...input.recorded, { ...input.added, recordedEffectCents: 0 }];
  // Stable: same-day changes keep the order they were recorded in, the new one last.
  const ordered = all
    .map((c, position) => ({ c, position }))
    .sort((a, b) =>
      a.c.effectiveDate < b.c.effectiveDate ? -1 : a.c.effectiveDate > b.c.effectiveDate ? 1 : a.position - b.position,
    )
    .map(({ c }) => c);
  let state = input.baseState;
  let premium = input.rate(state);
  const segments: SegmentEffect[] = [];
  for (const change of ordered) {
    const next = input.apply(state, change.change);
    const nextPremium = input.rate(next);
    const priced = endorsementPremium({
      oldPremiumCents: toCents(premium),
      newPremiumCents: toCents(nextPremium),
      term: input.term,
      endorsementDate: change.effectiveDate,
    });
    const isNew = change.id === input.added.id;
    segments.push({
      id: change.id,
      effectiveDate: change.effectiveDate,
      termPremiumBeforeCents: premium,
      termPremiumAfterCents: nextPremium,
      daysRemaining: priced.daysRemaining,
      daysInTerm: priced.daysInTerm,
      effectCents: priced.premiumChangeCents,
      recordedEffectCents: change.recordedEffectCents,
      adjustmentCents: isNew ? 0 : priced.premiumChangeCents - change.recordedEffectCents,
    });
    state = next;
    premium = nextPremium;
  }
  const newEffectCents = segments.find((s) => s.id === input.added.id)!.effectCents;
  const adjustments = segments.reduce((sum, s) => sum + s.adjustmentCents, 0);
  return {
    segments,
    newEffectCents,
    transactionPremiumCents: newEffectCents + adjustments,
    termPremiumAfterCents: premium,
  };
}

/** A change's tax effect: the policy's taxes follow its premium, at the same rate. */
export function taxEffect(premiumEffectCents: number, termPremiumCents: number, termTaxesCents: number): number {
  if (termPremiumCents <= 0) return 0;
  return Number(divideRoundHalfEven(BigInt(premiumEffectCents) * BigInt(termTaxesCents), BigInt(termPremiumCents)));
}

/** What an endorsement may change. Rated fields re-price the policy; the others do not. */
export type EndorsementChanges = {
  occurrenceLimitCents?: number;
  aggregateLimitCents?: number;
  deductibleCents?: number;
  annualRevenueCents?: number;
  payrollCents?: number;
  namedInsured?: string;
  mailingAddress?: { addressLine1: string; city: string; state: string; postalCode: string };
  addAdditionalInsured?: { name: string; address: string };
  addLocation?: string;
  /**
   * Waiver of subrogation: the insurer gives up recovering from this holder what it pays for a
   * loss they caused (`holderName`), or from anyone the insured agreed in writing to waive against
   * (`null`: blanket). No premium (ADR 029).
   */
  addWaiverOfSubrogation?: WaiverOfSubrogation;
};

export type WaiverOfSubrogation = { holderName: string | null };

/**
 * Earned premium to date of a policy's transactions: each one's premium earns evenly from its
 * effective date to the expiration date (a cancellation's negative premium un-earns the days it
 * took away), so endorsements and cancellations count from their own dates.
 */
export function earnedToDate(
  transactions: readonly { premiumCents: number; effectiveDate: string }[],
  term: PolicyTerm,
  asOf: string,
): { writtenCents: number; earnedCents: number; unearnedCents: number } {
  let written = 0;
  let earned = 0;
  for (const t of transactions) {
    written += t.premiumCents;
    // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings, which Math.max does not take
    const start = t.effectiveDate < term.effectiveDate ? term.effectiveDate : t.effectiveDate;
    if (start >= term.expirationDate) continue;
    const magnitude = earnedPremium(
      toCents(Math.abs(t.premiumCents)),
      { effectiveDate: start, expirationDate: term.expirationDate },
      asOf,
    );
    earned += Math.sign(t.premiumCents) * magnitude.earnedCents;
  }
  return { writtenCents: written, earnedCents: earned, unearnedCents: written - earned };
}
