/** Today's calendar date in UTC. */
export function todayInUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The zone of an organization that has not chosen one (DOMAIN.md, Business dates). */
export const DEFAULT_TIME_ZONE = "UTC";

const formats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in an IANA time zone: the business date of an organization there. */
export function todayIn(timeZone: string, now = new Date()): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The organization's business date: quote expiry, effective dates, due dates and cut-offs use it. */
export function businessToday(tenant: { timeZone?: string }, now = new Date()): string {
  return todayIn(tenant.timeZone ?? DEFAULT_TIME_ZONE, now);
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return name.length <= 64;
  } catch {
    return false;
  }
}
