import { and, count, eq, like, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, insureds, policies, type PolicyStatus } from "../../db/schema/index.ts";
import { visiblePolicies } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { PolicyBookSort, PolicyBookState } from "./table-specs.ts";

// The policies a user may see as a data table: searched by insured or policy number.

const columns = {
  id: policies.id,
  policyNumber: policies.policyNumber,
  status: policies.status,
  lineOfBusiness: policies.lineOfBusiness,
  effectiveDate: policies.effectiveDate,
  expirationDate: policies.expirationDate,
  grossPremiumCents: policies.grossPremiumCents,
  insuredName: insureds.name,
  agencyName: agencies.name,
};

const SORT_COLUMNS = {
  effective: policies.effectiveDate,
  policy: policies.policyNumber,
  insured: insureds.name,
  premium: policies.grossPremiumCents,
  status: policies.status,
} satisfies Record<PolicyBookSort, unknown>;

type Filter = Pick<PolicyBookState, "q" | "filters">;

function where(tenant: TenantContext, { q, filters }: Filter): SQL | undefined {
  return and(
    visiblePolicies(tenant),
    q ? or(like(insureds.name, likePattern(q)), like(policies.policyNumber, likePattern(q))) : undefined,
    filters.status ? eq(policies.status, filters.status as PolicyStatus) : undefined,
  );
}

// The same joins under three selections: a window of rows, a page with its total, a count.
function rowsQuery(db: Database) {
  return db
    .select(columns)
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)));
}

function pageQuery(db: Database) {
  return db
    .select({ ...columns, total: totalOverAll() })
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)));
}

function countQuery(db: Database) {
  return db
    .select({ n: count() })
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)));
}

/** A window of the filtered, sorted set (the export reads it batch by batch). */
export function listPolicyBookRows(
  db: Database,
  tenant: TenantContext,
  state: PolicyBookState,
  offset: number,
  limit: number,
) {
  return rowsQuery(db)
    .where(where(tenant, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, policies.id))
    .limit(limit)
    .offset(offset);
}

/** One page and the size of the whole filtered set, in one statement. */
export async function listPolicyBookPage(db: Database, tenant: TenantContext, state: PolicyBookState) {
  const offset = pageOffset(state);
  const rows = await pageQuery(db)
    .where(where(tenant, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, policies.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await countQuery(db).where(where(tenant, state));
    return Number(row?.n ?? 0);
  });
}
