import { and, count, desc, eq, gte, like, lt, lte, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { claims, insureds, policies, type ClaimStatus } from "../../db/schema/index.ts";
import { visibleClaims } from "./scope.server.ts";
import type { TenantContext } from "../auth/tenant.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { ClaimBookSort, ClaimBookState } from "./table-specs.ts";

// The claims a user may see as a data table, searched by claim number, policy number or
// insured. No claimant appears here: the list carries no PHI for any viewer.

const columns = {
  id: claims.id,
  claimNumber: claims.claimNumber,
  status: claims.status,
  dateOfLoss: claims.dateOfLoss,
  reportedOn: claims.reportedOn,
  lossType: claims.lossType,
  lossState: claims.lossState,
  coverageFlag: claims.coverageFlag,
  assignedAdjusterId: claims.assignedAdjusterId,
  caseReserveCents: claims.caseReserveCents,
  paidCents: claims.paidCents,
  recoveredCents: claims.recoveredCents,
  policyNumber: policies.policyNumber,
  insuredName: insureds.name,
};

const SORT_COLUMNS = {
  reported: claims.reportedOn,
  claim: claims.claimNumber,
  loss: claims.dateOfLoss,
  reserve: claims.caseReserveCents,
  paid: claims.paidCents,
  status: claims.status,
} satisfies Record<ClaimBookSort, unknown>;

type Filter = Pick<ClaimBookState, "q" | "filters">;

function where(tenant: TenantContext, { q, filters }: Filter): SQL | undefined {
  return and(
    visibleClaims(tenant),
    q
      ? or(
          like(claims.claimNumber, likePattern(q)),
          like(policies.policyNumber, likePattern(q)),
          like(insureds.name, likePattern(q)),
        )
      : undefined,
    filters.status ? eq(claims.status, filters.status as ClaimStatus) : undefined,
  );
}

const fromClaims = {
  policies: and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)),
  insureds: and(eq(insureds.orgId, claims.orgId), eq(insureds.id, policies.insuredId)),
};

/** A window of the filtered, sorted set (the export reads it batch by batch). */
export function listClaimBookRows(
  db: Database,
  tenant: TenantContext,
  state: ClaimBookState,
  offset: number,
  limit: number,
) {
  return db
    .select(columns)
    .from(claims)
    .innerJoin(policies, fromClaims.policies)
    .innerJoin(insureds, fromClaims.insureds)
    .where(where(tenant, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, claims.id))
    .limit(limit)
    .offset(offset);
}

/**
 * One page and the size of the whole filtered set. Without a search the joins only add names,
 * so the total is counted on the claims table alone (its org index) beside a plain LIMIT page
 * that the (org, reported, id) index serves: a window count over 50,000 joined rows cost the
 * list hundreds of milliseconds in the bench. A search needs the joins: one statement, as before.
 */
export async function listClaimBookPage(db: Database, tenant: TenantContext, state: ClaimBookState) {
  const offset = pageOffset(state);
  const order = orderBy(SORT_COLUMNS[state.sort], state.dir, claims.id);
  if (!state.q) {
    const [rows, counted] = await Promise.all([
      db
        .select(columns)
        .from(claims)
        .innerJoin(policies, fromClaims.policies)
        .innerJoin(insureds, fromClaims.insureds)
        .where(where(tenant, state))
        .orderBy(...order)
        .limit(state.pageSize)
        .offset(offset),
      db
        .select({ n: count() })
        .from(claims)
        .where(
          and(
            visibleClaims(tenant),
            state.filters.status ? eq(claims.status, state.filters.status as ClaimStatus) : undefined,
          ),
        ),
    ]);
    return { rows, total: Number(counted[0]?.n ?? 0) };
  }
  const rows = await db
    .select({ ...columns, total: totalOverAll() })
    .from(claims)
    .innerJoin(policies, fromClaims.policies)
    .innerJoin(insureds, fromClaims.insureds)
    .where(where(tenant, state))
    .orderBy(...order)
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(claims)
      .innerJoin(policies, fromClaims.policies)
      .innerJoin(insureds, fromClaims.insureds)
      .where(where(tenant, state));
    return Number(row?.n ?? 0);
  });
}

export type ClaimApiFilter = {
  status?: ClaimStatus;
  policyId?: string;
  reportedFrom?: string;
  reportedTo?: string;
  /** Keyset cursor: the last row of the previous page (newest first). */
  after?: { reportedOn: string; id: string } | null;
};

/** `/v1/claims`: newest reported first, keyset-paged so deep pages cost what the first does. */
export function listClaimsForApi(db: Database, tenant: TenantContext, filter: ClaimApiFilter, limit: number) {
  const after = filter.after;
  return db
    .select(columns)
    .from(claims)
    .innerJoin(policies, fromClaims.policies)
    .innerJoin(insureds, fromClaims.insureds)
    .where(
      and(
        visibleClaims(tenant),
        filter.status ? eq(claims.status, filter.status) : undefined,
        filter.policyId ? eq(claims.policyId, filter.policyId) : undefined,
        filter.reportedFrom ? gte(claims.reportedOn, filter.reportedFrom) : undefined,
        filter.reportedTo ? lte(claims.reportedOn, filter.reportedTo) : undefined,
        after
          ? or(
              lt(claims.reportedOn, after.reportedOn),
              and(eq(claims.reportedOn, after.reportedOn), lt(claims.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(claims.reportedOn), desc(claims.id))
    .limit(limit);
}
