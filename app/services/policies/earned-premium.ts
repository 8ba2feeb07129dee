/**
 * Earned premium, cancellation returns and endorsement premium. Day counts are whole calendar
 * days between dates, with the policy convention that coverage runs from 12:01 a.m. on the
 * effective date to 12:01 a.m. on the expiration date: a 2028-01-01 to 2029-01-01 policy has a
 * 366-day term, and a date inside it splits the term into days before it (earned) and days from
 * it on (unearned). Every amount is rounded once, half-to-even, to the cent.
 */
import { divideRoundHalfEven } from "../../utils/decimal.ts";
import { isCents, MoneyError, subtractCents, toCents, type Cents } from "../../utils/money.ts";
import { daysBetween, isWithin } from "../../utils/calendar-date.ts";

export interface PolicyTerm {
  readonly effectiveDate: string;
  readonly expirationDate: string;
}

function daysInTerm(term: PolicyTerm): number {
  const days = daysBetween(term.effectiveDate, term.expirationDate);
  if (days <= 0) {
    throw new RangeError(`Policy term ${term.effectiveDate} to ${term.expirationDate} has no days`);
  }
  return days;
}

/** amount × days / termDays, half-to-even; the numerator can pass 2^53, hence BigInt. */
function prorate(amount: Cents, days: number, termDays: number): Cents {
  return toCents(Number(divideRoundHalfEven(BigInt(amount) * BigInt(days), BigInt(termDays))));
}

function requirePremium(name: string, value: Cents): void {
  if (!isCents(value) || value < 0) {
    throw new MoneyError(`${name} must be a non-negative whole number of cents, got ${value}`);
  }
}

/** `date` must fall within the term; the expiration date itself is allowed (nothing remains). */
function daysRemainingFrom(term: PolicyTerm, date: string, what: string): number {
  if (!isWithin(date, term.effectiveDate, term.expirationDate)) {
    const span = `${term.effectiveDate} to ${term.expirationDate}`;
    throw new RangeError(`${what} ${date} is outside the policy term ${span}`);
  }
  return daysBetween(date, term.expirationDate);
}

export interface EarnedPremium {
  readonly daysInTerm: number;
  readonly daysElapsed: number;
  readonly earnedCents: Cents;
  readonly unearnedCents: Cents;
}

/**
 * Earned premium at 12:01 a.m. on `asOf` = written × days elapsed / days in term; unearned is the
 * rest, so the two always sum to written. For "earned through January 31" pass February 1.
 * Dates before the term earn nothing and dates after it earn everything.
 */
export function earnedPremium(writtenCents: Cents, term: PolicyTerm, asOf: string): EarnedPremium {
  requirePremium("writtenCents", writtenCents);
  const termDays = daysInTerm(term);
  const daysElapsed = Math.min(Math.max(daysBetween(term.effectiveDate, asOf), 0), termDays);
  const earnedCents = prorate(writtenCents, daysElapsed, termDays);
  return { daysInTerm: termDays, daysElapsed, earnedCents, unearnedCents: subtractCents(writtenCents, earnedCents) };
}

export interface CancellationReturn {
  /** "flat": cancelled on the effective date, everything returns whatever the method asked for. */
  readonly method: "pro_rata" | "short_rate" | "flat";
  readonly daysInTerm: number;
  readonly daysRemaining: number;
  /** premium × days remaining / days in term. */
  readonly proRataReturnCents: Cents;
  /** 10% of the pro-rata return for a short-rate cancellation; 0 for pro-rata. */
  readonly penaltyCents: Cents;
  /** How much further the minimum earned premium cut the return; 0 when it did not bind. */
  readonly minimumEarnedAdjustmentCents: Cents;
  readonly returnCents: Cents;
  /** premium - return: what the carrier keeps. */
  readonly earnedCents: Cents;
}

export interface CancellationInput {
  readonly premiumCents: Cents;
  readonly term: PolicyTerm;
  /** Cancelling on the effective date is a flat cancellation: everything is returned. */
  readonly cancellationDate: string;
}

/** Carrier-initiated (or flat) cancellation: the unused days are returned in full. */
export function proRataReturn(input: CancellationInput): CancellationReturn {
  requirePremium("premiumCents", input.premiumCents);
  const termDays = daysInTerm(input.term);
  const daysRemaining = daysRemainingFrom(input.term, input.cancellationDate, "Cancellation date");
  const returnCents = prorate(input.premiumCents, daysRemaining, termDays);
  return {
    method: "pro_rata",
    daysInTerm: termDays,
    daysRemaining,
    proRataReturnCents: returnCents,
    penaltyCents: toCents(0),
    minimumEarnedAdjustmentCents: toCents(0),
    returnCents,
    earnedCents: subtractCents(input.premiumCents, returnCents),
  };
}

const SHORT_RATE_PENALTY_DIVISOR = 10n; // the penalty is 10% of the pro-rata return

/**
 * Insured-requested cancellation: the pro-rata return less a 10% penalty, then cut further if the
 * carrier would otherwise keep less than the policy's minimum earned premium. Cancelled on the
 * effective date it is a flat cancellation: the whole premium returns, no penalty, and the
 * minimum earned premium (which applies after inception) does not apply.
 */
export function shortRateReturn(
  input: CancellationInput & { readonly minimumEarnedCents?: Cents | undefined },
): CancellationReturn {
  const proRata = proRataReturn(input);
  if (input.cancellationDate === input.term.effectiveDate) return { ...proRata, method: "flat" };
  const penalty = divideRoundHalfEven(BigInt(proRata.proRataReturnCents), SHORT_RATE_PENALTY_DIVISOR);
  const penaltyCents = toCents(Number(penalty));
  const afterPenalty = subtractCents(proRata.proRataReturnCents, penaltyCents);
  const minimumEarned = input.minimumEarnedCents ?? toCents(0);
  requirePremium("minimumEarnedCents", minimumEarned);
  const maxReturn = toCents(Math.max(input.premiumCents - minimumEarned, 0));
  const returnCents = toCents(Math.min(afterPenalty, maxReturn));
  return {
    ...proRata,
    method: "short_rate",
    penaltyCents,
    minimumEarnedAdjustmentCents: subtractCents(afterPenalty, returnCents),
    returnCents,
    earnedCents: subtractCents(input.premiumCents, returnCents),
  };
}

export interface EndorsementPremium {
  readonly daysInTerm: number;
  readonly daysRemaining: number;
  /** Positive: additional premium due; negative: return premium. */
  readonly premiumChangeCents: Cents;
}

/**
 * Pro-rata premium for a mid-term change effective on `endorsementDate`:
 * (new - old full-term premium) × days remaining / days in term. Full-term premium is the annual
 * premium of a 12-month policy. Ties round half-to-even in both directions (-0.5 -> 0).
 */
export function endorsementPremium(input: {
  readonly oldPremiumCents: Cents;
  readonly newPremiumCents: Cents;
  readonly term: PolicyTerm;
  readonly endorsementDate: string;
}): EndorsementPremium {
  requirePremium("oldPremiumCents", input.oldPremiumCents);
  requirePremium("newPremiumCents", input.newPremiumCents);
  const termDays = daysInTerm(input.term);
  const daysRemaining = daysRemainingFrom(input.term, input.endorsementDate, "Endorsement date");
  const change = subtractCents(input.newPremiumCents, input.oldPremiumCents);
  return { daysInTerm: termDays, daysRemaining, premiumChangeCents: prorate(change, daysRemaining, termDays) };
}
