import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { dailyJobRuns, orgSettings, organization } from "../../db/schema/index.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";

/** Every organization (or those in `orgs`) with its time zone; null when it has not chosen one. */
export async function listOrgTimeZones(
  db: Database,
  orgs?: OrgScope,
): Promise<{ orgId: string; timeZone: string | null }[]> {
  const result = await db.execute(sql`/* unscoped: the daily dispatcher reads every organization's calendar */
    SELECT ${organization.id} AS org_id, ${orgSettings.timeZone} AS time_zone
    FROM ${organization}
    LEFT JOIN ${orgSettings} ON ${orgSettings.orgId} = ${organization.id}
    WHERE 1 = 1 ${andInOrgScope(organization.id, orgs)}
    ORDER BY ${organization.id}`);
  return (result.rows as { org_id: string; time_zone: string | null }[]).map((r) => ({
    orgId: r.org_id,
    timeZone: r.time_zone,
  }));
}

/** The runs already recorded for these business dates, as `job|orgId|date` keys. */
export async function listDailyJobRunKeys(
  db: Database,
  dates: readonly string[],
  orgs?: OrgScope,
): Promise<Set<string>> {
  if (dates.length === 0) return new Set();
  const result = await db.execute(sql`/* unscoped: the daily dispatcher checks every organization's runs */
    SELECT ${dailyJobRuns.job} AS job, ${dailyJobRuns.orgId} AS org_id,
      DATE_FORMAT(${dailyJobRuns.businessDate}, '%Y-%m-%d') AS business_date
    FROM ${dailyJobRuns}
    WHERE ${dailyJobRuns.businessDate} IN (${sql.join(
      dates.map((d) => sql`${d}`),
      sql`, `,
    )}) ${andInOrgScope(dailyJobRuns.orgId, orgs)}`);
  return new Set(
    (result.rows as { job: string; org_id: string; business_date: string }[]).map(
      (r) => `${r.job}|${r.org_id}|${r.business_date}`,
    ),
  );
}

/** Records that `job` ran for these organizations on their business date `date`; a repeat is ignored. */
export async function recordDailyJobRuns(db: Database, job: string, date: string, orgIds: readonly string[]) {
  if (orgIds.length === 0) return;
  await db
    .insert(dailyJobRuns)
    .values(orgIds.map((orgId) => ({ orgId, job, businessDate: date })))
    .onDuplicateKeyUpdate({ set: { job: sql`${dailyJobRuns.job}` } });
}
