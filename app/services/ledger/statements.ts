/**
 * The month's statements (ADR 018): a period is a calendar month of the policy transactions'
 * `booked_on` date, "YYYY-MM". A carrier's net follows the bordereau's check (DOMAIN.md,
 * Bordereaux): net = gross - commission (producer + MGA) - fees - taxes, where gross is what
 * was written in all (premium, fees and taxes), so net is the premium less both commissions:
 * exactly what the premium receipts put in the carrier payable.
 */
import { addDays, addMonths, daysBetween } from "../../utils/calendar-date.ts";

export class PeriodError extends Error {
  override readonly name = "PeriodError";
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** The period a calendar date falls in. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/** The first and last day of a period. */
export function periodBounds(period: string): { first: string; last: string } {
  if (!isPeriod(period)) throw new PeriodError(`a period is a month such as 2026-11, got "${period}"`);
  const first = `${period}-01`;
  return { first, last: addDays(addMonths(first, 1), -1) };
}

/** The month before a period (month-end runs close the month just ended). */
export function previousPeriod(period: string): string {
  return periodOf(addMonths(periodBounds(period).first, -1));
}

export type TransactionFigures = {
  premiumCents: number;
  feesCents: number;
  taxesCents: number;
  producerCommissionCents: number;
  mgaCommissionCents: number;
};

/** A carrier statement line's figures from one or many (summed) policy transactions. */
export function carrierFigures(t: TransactionFigures) {
  const grossCents = t.premiumCents + t.feesCents + t.taxesCents;
  const commissionCents = t.producerCommissionCents + t.mgaCommissionCents;
  return {
    grossCents,
    commissionCents,
    feesCents: t.feesCents,
    taxesCents: t.taxesCents,
    netCents: grossCents - commissionCents - t.feesCents - t.taxesCents,
  };
}

export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** How far past due an open invoice is on `today`: not yet due (or due today) is current. */
export function agingBucket(dueDate: string, today: string): AgingBucket {
  const late = daysBetween(dueDate, today);
  if (late <= 0) return "current";
  if (late <= 30) return "1-30";
  if (late <= 60) return "31-60";
  if (late <= 90) return "61-90";
  return "90+";
}

export type AgingRow = { bucket: string; agencyName: string; programName: string; balanceCents: number };
export type AgingLine = { agencyName: string; programName: string } & Record<AgingBucket | "total", number>;

/** Receivables by agency and program, one column per aging bucket, and the totals per bucket. */
export function agingTable(rows: AgingRow[]): { lines: AgingLine[]; totals: Record<AgingBucket | "total", number> } {
  const empty = () => ({ current: 0, "1-30": 0, "31-60": 0, "61-90": 0, "90+": 0, total: 0 });
  const byKey = new Map<string, AgingLine>();
  const totals = empty();
  for (const row of rows) {
    const bucket = (AGING_BUCKETS as readonly string[]).includes(row.bucket) ? (row.bucket as AgingBucket) : "90+";
    const key = `${row.agencyName}\u0000${row.programName}`;
    const line = byKey.get(key) ?? { agencyName: row.agencyName, programName: row.programName, ...empty() };
    line[bucket] += row.balanceCents;
    line.total += row.balanceCents;
    totals[bucket] += row.balanceCents;
    totals.total += row.balanceCents;
    byKey.set(key, line);
  }
  return { lines: [...byKey.values()], totals };
}
