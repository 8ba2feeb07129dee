/**
 * Calendar months of an organization's time zone as instants (DOMAIN.md, Business dates): where
 * a month of the books begins and ends, for grouping timestamps stored in UTC by the months the
 * organization keeps its books in.
 */
import { addMonths } from "./calendar-date.ts";
import { todayIn } from "./today.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at an instant (whole seconds), in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = Object.fromEntries(
    wallClock(timeZone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, Number(x.value)]),
  );
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - (instant - (instant % 1000));
}

/** The instant a local calendar date ("YYYY-MM-DD") begins in an IANA time zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const midnightAsUtc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  // The offset at the first guess can differ from the offset at local midnight across a DST change.
  const first = midnightAsUtc - offsetAt(midnightAsUtc, timeZone);
  return new Date(midnightAsUtc - offsetAt(first, timeZone));
}

/** The zone's calendar months from the one holding `from` to the one holding `to`, each with the instant it begins. */
export function localMonthsBetween(from: Date, to: Date, timeZone: string): { month: string; startsAt: Date }[] {
  const last = todayIn(timeZone, to).slice(0, 7);
  const months: { month: string; startsAt: Date }[] = [];
  for (let first = `${todayIn(timeZone, from).slice(0, 7)}-01`; first.slice(0, 7) <= last; first = addMonths(first, 1))
    months.push({ month: first.slice(0, 7), startsAt: startOfLocalDay(first, timeZone) });
  return months;
}
