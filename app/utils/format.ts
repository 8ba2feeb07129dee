import { formatMoney, toCents } from "./money.ts";

// One way to show money and dates everywhere. Money is integer cents; coverage dates are
// calendar dates (YYYY-MM-DD) and must never shift with the viewer's time zone.

const calendar = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const instant = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "—";
  return formatMoney(toCents(cents));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Dec 4, 2026", as en-US writes it; spelled out here because lists show a hundred per page. */
export function formatCalendarDate(date: string | null | undefined): string {
  if (!date) return "—";
  const parts = ISO_DATE.exec(date);
  if (!parts) return calendar.format(new Date(`${date}T00:00:00Z`));
  return `${MONTHS[Number(parts[2]) - 1]} ${Number(parts[3])}, ${Number(parts[1])}`;
}

export function formatInstant(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${instant.format(new Date(value))} UTC`;
}

export function formatRate(decimal: string): string {
  return `${(Number(decimal) * 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}
