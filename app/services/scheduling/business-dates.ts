import { DEFAULT_TIME_ZONE, todayIn } from "../../utils/today.ts";

/** The organizations whose business date is `date` at one instant. */
export type BusinessDateCohort = { date: string; orgIds: string[] };

/**
 * Groups organizations by their local date at `now` (DOMAIN.md, Business dates): around UTC
 * midnight organizations east and west of Greenwich are on different days, and each daily job
 * runs once per group with that group's date. Earliest date first; an organization without a
 * time zone is on UTC.
 */
export function businessDateCohorts(
  orgs: readonly { orgId: string; timeZone: string | null }[],
  now: Date,
): BusinessDateCohort[] {
  const byDate = new Map<string, string[]>();
  for (const { orgId, timeZone } of orgs) {
    const date = todayIn(timeZone ?? DEFAULT_TIME_ZONE, now);
    const cohort = byDate.get(date);
    if (cohort) cohort.push(orgId);
    else byDate.set(date, [orgId]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, orgIds]) => ({ date, orgIds }));
}
