/** A licence's standing on a day: how the compliance dashboard and the alert job read it. */
import { daysBetween } from "../../utils/calendar-date.ts";

export const LICENCE_ALERT_DAYS = [60, 30] as const;

export type LicenceStanding =
  | { kind: "expired"; days: number }
  | { kind: "expiring"; days: number; alert: (typeof LICENCE_ALERT_DAYS)[number] }
  | { kind: "valid"; days: number };

export function licenceStanding(expiresOn: string, today: string): LicenceStanding {
  const days = daysBetween(today, expiresOn);
  if (days < 0) return { kind: "expired", days: -days };
  if (days <= 30) return { kind: "expiring", days, alert: 30 };
  if (days <= 60) return { kind: "expiring", days, alert: 60 };
  return { kind: "valid", days };
}
