import { formatMoney, toCents } from "./money.ts";

// One way to show money and dates everywhere. Money is integer cents; coverage dates are
// calendar dates (YYYY-MM-DD) and must never shift with the viewer's time zone.

const calendar = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const instant = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "—";
  return formatMoney(toCents(cents));
}

export function formatCalendarDate(date: string | null | undefined): string {
  if (!date) return "—";
  return calendar.format(new Date(`${date}T00:00:00Z`));
}

export function formatInstant(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${instant.format(new Date(value))} UTC`;
}

export function formatRate(decimal: string): string {
  return `${(Number(decimal) * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}
