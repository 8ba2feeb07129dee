import { and, count, eq, isNotNull, isNull, like, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { member, memberSuspensions, user, userAffiliations } from "../../db/schema/index.ts";
import { parseRoles } from "../auth/permissions.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { MemberSort, MemberTableState } from "./table-specs.ts";

// The members table: the whole organization's (administration) or one agency's (the agency
// page in /admin, the agency admin's team page). `member` belongs to better-auth and has no
// org_id column; every query still filters by the tenant's organization.

const columns = {
  memberId: member.id,
  userId: user.id,
  name: user.name,
  email: user.email,
  role: member.role,
  twoFactorEnabled: user.twoFactorEnabled,
  joinedAt: member.createdAt,
  suspendedAt: memberSuspensions.suspendedAt,
};

const SORT_COLUMNS = {
  name: user.name,
  email: user.email,
  joined: member.createdAt,
} satisfies Record<MemberSort, AnyColumn>;

/** Which members: the organization's, or only those affiliated with one of its agencies. */
export type MemberScope = { agencyId: string | null };

const affiliationOf = and(
  eq(userAffiliations.orgId, member.organizationId),
  eq(userAffiliations.userId, member.userId),
);
const suspensionOf = and(
  eq(memberSuspensions.orgId, member.organizationId),
  eq(memberSuspensions.userId, member.userId),
);

function memberWhere(tenant: TenantContext, scope: MemberScope, state: MemberTableState): SQL | undefined {
  const { role, access, twoFactor } = state.filters;
  const pattern = likePattern(state.q);
  return and(
    eq(member.organizationId, tenant.orgId),
    scope.agencyId ? eq(userAffiliations.agencyId, scope.agencyId) : undefined,
    // member.role holds the roles comma-separated.
    role ? sql`FIND_IN_SET(${role}, ${member.role}) > 0` : undefined,
    access === "suspended"
      ? isNotNull(memberSuspensions.id)
      : access === "active"
        ? isNull(memberSuspensions.id)
        : undefined,
    twoFactor ? eq(user.twoFactorEnabled, twoFactor === "on") : undefined,
    state.q ? or(like(user.name, pattern), like(user.email, pattern)) : undefined,
  );
}

const withRoles = <Row extends { role: string | null }>(rows: Row[]) =>
  rows.map((r) => ({ ...r, roles: parseRoles(r.role) }));

/** A window of the filtered members in the table's order, for the export's batches. */
export async function listMemberRows(
  db: Database,
  tenant: TenantContext,
  scope: MemberScope,
  state: MemberTableState,
  offset: number,
  limit: number,
) {
  const rows = await db
    .select(columns)
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(userAffiliations, affiliationOf)
    .leftJoin(memberSuspensions, suspensionOf)
    .where(memberWhere(tenant, scope, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, member.id))
    .limit(limit)
    .offset(offset);
  return withRoles(rows);
}

/** One page of the filtered members and the size of the whole filtered set, in one statement. */
export async function listMemberPage(db: Database, tenant: TenantContext, scope: MemberScope, state: MemberTableState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...columns, total: totalOverAll() })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(userAffiliations, affiliationOf)
    .leftJoin(memberSuspensions, suspensionOf)
    .where(memberWhere(tenant, scope, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, member.id))
    .limit(state.pageSize)
    .offset(offset);
  const page = await pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .leftJoin(userAffiliations, affiliationOf)
      .leftJoin(memberSuspensions, suspensionOf)
      .where(memberWhere(tenant, scope, state));
    return Number(row?.n ?? 0);
  });
  return { ...page, rows: withRoles(page.rows) };
}
