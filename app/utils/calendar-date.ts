/**
 * Coverage, billing and agreement dates are calendar dates ("YYYY-MM-DD", as the DB stores them),
 * not instants: a policy effective 2026-03-01 is effective on that date wherever it is read.
 * Arithmetic goes through whole UTC day numbers, so no time zone or daylight-saving change can
 * move a date or make a day 23 or 25 hours long.
 */

export class CalendarDateError extends Error {
  override readonly name = "CalendarDateError";
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface Civil {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

function parse(date: string): Civil {
  const match = ISO_DATE.exec(date);
  if (match !== null) {
    const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    // Round-tripping through Date.UTC rejects 2026-02-30 and years below 100, which Date.UTC
    // would silently remap.
    const probe = new Date(Date.UTC(civil.year, civil.month - 1, civil.day));
    if (
      probe.getUTCFullYear() === civil.year &&
      probe.getUTCMonth() === civil.month - 1 &&
      probe.getUTCDate() === civil.day
    ) {
      return civil;
    }
  }
  throw new CalendarDateError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
}

function format({ year, month, day }: Civil): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whole days since 1970-01-01. */
export function dayNumber(date: string): number {
  const { year, month, day } = parse(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The calendar date `days` days after `date` (before it, if negative). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to`: 2028-02-28 -> 2028-03-01 is 2 (a leap year). Negative if `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareCalendarDates(a: string, b: string): -1 | 0 | 1 {
  const difference = daysBetween(b, a);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Whether `date` lies in `first..last`, both ends included. */
export function isWithin(date: string, first: string, last: string): boolean {
  return compareCalendarDates(date, first) >= 0 && compareCalendarDates(date, last) <= 0;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `months` calendar months after `date`, clamped to the end of a shorter month: 2026-01-31 + 1
 * is 2026-02-28, 2028-01-31 + 1 is 2028-02-29. Callers computing a series (installments, quarters)
 * add n months to the anchor rather than 1 month n times, so Jan 31 + 2 is Mar 31, not Mar 28.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isSafeInteger(months)) {
    throw new CalendarDateError(`Months must be a whole number, got ${months}`);
  }
  const { year, month, day } = parse(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}
