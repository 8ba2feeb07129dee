import { and, asc, count, eq, gt, gte, like, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, producerLicences, user, userAffiliations } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";
import { addDays } from "../utils/calendar-date.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { LicenceSort, LicenceTableState } from "./table-specs.ts";

const columns = {
  id: producerLicences.id,
  producerUserId: producerLicences.producerUserId,
  producerName: user.name,
  agencyId: producerLicences.agencyId,
  agencyName: agencies.name,
  state: producerLicences.state,
  licenceNumber: producerLicences.licenceNumber,
  lines: producerLicences.lines,
  effectiveOn: producerLicences.effectiveOn,
  expiresOn: producerLicences.expiresOn,
};

function baseQuery(db: Database) {
  return db
    .select(columns)
    .from(producerLicences)
    .innerJoin(agencies, and(eq(agencies.orgId, producerLicences.orgId), eq(agencies.id, producerLicences.agencyId)))
    .leftJoin(user, eq(user.id, producerLicences.producerUserId));
}

const LICENCE_SORT_COLUMNS = {
  expires: producerLicences.expiresOn,
  state: producerLicences.state,
  holder: sql`COALESCE(${user.name}, ${agencies.name})`,
  agency: agencies.name,
} satisfies Record<LicenceSort, unknown>;

/** The org's licences, searched by number, holder or agency, by standing on `today`. */
function licenceWhere(tenant: TenantContext, { q, filters }: Pick<LicenceTableState, "q" | "filters">, today: string) {
  const inSixtyDays = addDays(today, 60);
  const standing = {
    expired: lt(producerLicences.expiresOn, today),
    expiring: and(gte(producerLicences.expiresOn, today), lte(producerLicences.expiresOn, inSixtyDays)),
    valid: gt(producerLicences.expiresOn, inSixtyDays),
  } as const;
  return and(
    eq(producerLicences.orgId, tenant.orgId),
    q
      ? or(
          like(producerLicences.licenceNumber, likePattern(q)),
          like(user.name, likePattern(q)),
          like(agencies.name, likePattern(q)),
        )
      : undefined,
    filters.standing ? standing[filters.standing as keyof typeof standing] : undefined,
  );
}

/** A window of the filtered, sorted licences (the export reads it batch by batch). */
export function listLicenceRows(
  db: Database,
  tenant: TenantContext,
  state: LicenceTableState,
  today: string,
  offset: number,
  limit: number,
) {
  return baseQuery(db)
    .where(licenceWhere(tenant, state, today))
    .orderBy(...orderBy(LICENCE_SORT_COLUMNS[state.sort], state.dir, producerLicences.id))
    .limit(limit)
    .offset(offset);
}

/** One page of licences and the size of the whole filtered set, in one statement. */
export async function listLicencePage(db: Database, tenant: TenantContext, state: LicenceTableState, today: string) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...columns, total: totalOverAll() })
    .from(producerLicences)
    .innerJoin(agencies, and(eq(agencies.orgId, producerLicences.orgId), eq(agencies.id, producerLicences.agencyId)))
    .leftJoin(user, eq(user.id, producerLicences.producerUserId))
    .where(licenceWhere(tenant, state, today))
    .orderBy(...orderBy(LICENCE_SORT_COLUMNS[state.sort], state.dir, producerLicences.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(producerLicences)
      .innerJoin(agencies, and(eq(agencies.orgId, producerLicences.orgId), eq(agencies.id, producerLicences.agencyId)))
      .leftJoin(user, eq(user.id, producerLicences.producerUserId))
      .where(licenceWhere(tenant, state, today));
    return Number(row?.n ?? 0);
  });
}

export async function insertProducerLicence(db: Database, row: typeof producerLicences.$inferInsert) {
  await db.insert(producerLicences).values(row);
}

/** Licences expiring on or before `until` and not before `from` (the alert job's window). */
export async function listLicencesExpiringBetween(db: Database, from: string, until: string, orgs?: OrgScope) {
  const result = await db.execute(sql`/* unscoped: the licence alert job looks at every organization */
    SELECT l.id, l.org_id AS orgId, l.producer_user_id AS producerUserId, l.state, l.licence_number AS licenceNumber,
      DATE_FORMAT(l.expires_on, '%Y-%m-%d') AS expiresOn, COALESCE(u.name, a.name) AS holder
    FROM ${producerLicences} l
    JOIN ${agencies} a ON a.org_id = l.org_id AND a.id = l.agency_id
    LEFT JOIN ${user} u ON u.id = l.producer_user_id
    WHERE l.expires_on >= ${from} AND l.expires_on <= ${until} ${andInOrgScope(sql`l.org_id`, orgs)}`);
  return result.rows as {
    id: string;
    orgId: string;
    producerUserId: string | null;
    state: string;
    licenceNumber: string;
    expiresOn: string;
    holder: string;
  }[];
}

/** The agency a producer works for, when they are one of the organization's producers. */
export async function findProducerAgency(db: Database, tenant: TenantContext, producerUserId: string) {
  const [row] = await db
    .select({ agencyId: userAffiliations.agencyId })
    .from(userAffiliations)
    .where(and(eq(userAffiliations.orgId, tenant.orgId), eq(userAffiliations.userId, producerUserId)));
  return row?.agencyId ?? null;
}

/** The producers of the organization's agencies, for the licence form. */
export async function listAgencyProducers(db: Database, tenant: TenantContext) {
  return db
    .select({ userId: userAffiliations.userId, name: user.name, agencyId: userAffiliations.agencyId })
    .from(userAffiliations)
    .innerJoin(user, eq(user.id, userAffiliations.userId))
    .where(and(eq(userAffiliations.orgId, tenant.orgId), sql`${userAffiliations.agencyId} IS NOT NULL`))
    .orderBy(asc(user.name));
}

export async function listAgencyChoices(db: Database, tenant: TenantContext) {
  return db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.orgId, tenant.orgId))
    .orderBy(asc(agencies.name));
}
