import { checkResult, type PreBindCheckResult } from "./check-result.ts";

const MS_PER_DAY = 86_400_000;

/**
 * A quote's expiry is an instant, not a calendar date: it is issued at an instant and valid for the
 * program's `quoteValidDays` × 24 hours from then, so expiry does not depend on whose midnight is
 * meant. `expiresAt` is the first instant at which the quote can no longer be bound.
 */
export function quoteExpiresAt(issuedAt: Date, validDays: number): Date {
  if (!Number.isSafeInteger(validDays) || validDays <= 0) {
    throw new RangeError(`Quote validity must be a positive whole number of days, got ${validDays}`);
  }
  return new Date(issuedAt.getTime() + validDays * MS_PER_DAY);
}

/** Bindable while `now` is strictly before `expiresAt`. */
export function checkQuoteNotExpired(expiresAt: Date, now: Date): PreBindCheckResult {
  const expired = now.getTime() >= expiresAt.getTime();
  return checkResult(
    "quote_not_expired",
    expired ? [`the quote expired at ${expiresAt.toISOString()}; re-quote to bind`] : [],
  );
}
