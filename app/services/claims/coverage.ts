/**
 * Whether a date of loss falls inside a term in force that day. A term covers from its
 * effective date up to, not including, its expiration date; a cancelled term is not in force
 * (the policy row keeps no cancellation date, so such a loss is flagged for the adjuster rather
 * than guessed at).
 */
import { compareCalendarDates } from "../../utils/calendar-date.ts";

export type PolicyTerm = { effectiveDate: string; expirationDate: string; status: string };

export function coveredOnDateOfLoss(terms: readonly PolicyTerm[], dateOfLoss: string): boolean {
  return terms.some(
    (t) =>
      t.status !== "cancelled" &&
      compareCalendarDates(t.effectiveDate, dateOfLoss) <= 0 &&
      compareCalendarDates(dateOfLoss, t.expirationDate) < 0,
  );
}

/** Claim numbers from the org's sequence: CLM-<year reported>-<5 digits>. */
export function claimNumber(reportedOn: string, sequenceValue: number): string {
  return `CLM-${reportedOn.slice(0, 4)}-${String(sequenceValue).padStart(5, "0")}`;
}
