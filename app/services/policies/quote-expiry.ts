import { compareCalendarDates } from "../../utils/calendar-date.ts";
import { checkResult, type PreBindCheckResult } from "./check-result.ts";

/**
 * A quote's expiry is a calendar date (`quotes.expires_on`): the last day on which it may be
 * bound, compared with the bind date in the same business calendar (the organization's business date, `businessToday`).
 * Binding on that day passes; from the next day on the quote must be re-rated.
 */
export function checkQuoteNotExpired(expiresOn: string, bindDate: string): PreBindCheckResult {
  const expired = compareCalendarDates(bindDate, expiresOn) > 0;
  return checkResult(
    "quote_not_expired",
    expired ? [`the quote could be bound until ${expiresOn}; re-quote to bind`] : [],
  );
}
