import { type SQL, sql } from "drizzle-orm";

/**
 * Which organizations a cross-tenant job statement covers: every one (`undefined`/`null`), one
 * (a test, a re-run for one organization), or the organizations that share a business date (the
 * daily dispatcher's cohort, ADR 027).
 */
export type OrgScope = string | readonly string[] | null | undefined;

/** `AND <column> IN (...)` for a scope, nothing for every organization; an empty list matches none. */
export function andInOrgScope(column: unknown, scope: OrgScope): SQL {
  if (scope === undefined || scope === null) return sql``;
  const ids = typeof scope === "string" ? [scope] : scope;
  if (ids.length === 0) return sql`AND 1 = 0`;
  return sql`AND ${column} IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}
