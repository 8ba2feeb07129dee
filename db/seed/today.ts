import { dayNumber } from "../../app/utils/calendar-date.ts";
import { todayInUtc } from "../../app/utils/today.ts";

/**
 * The date the demo world is built around, computed once per process: `SEED_TODAY` (YYYY-MM-DD)
 * when set, so tests and demos can pin or move the calendar, else today as the app reckons business
 * days (UTC, see app/utils/today.ts). Agreements, policies, invoices and claims are dated from it.
 */
export function seedToday(env: Record<string, string | undefined> = process.env, now = new Date()): string {
  const override = env.SEED_TODAY?.trim();
  if (!override) return todayInUtc(now);
  dayNumber(override); // throws on anything but a real calendar date
  return override;
}
