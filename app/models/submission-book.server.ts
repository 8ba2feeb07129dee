import { and, count, eq, like, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, insureds, submissions, type SubmissionStatus } from "../../db/schema/index.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { SubmissionBookSort, SubmissionBookState } from "./table-specs.ts";

// The producer's book of submissions as a data table: searched by insured or reference.

const columns = {
  id: submissions.id,
  reference: submissions.reference,
  status: submissions.status,
  lineOfBusiness: submissions.lineOfBusiness,
  effectiveDate: submissions.effectiveDate,
  createdAt: submissions.createdAt,
  insuredName: insureds.name,
  agencyName: agencies.name,
};

const SORT_COLUMNS = {
  created: submissions.createdAt,
  reference: submissions.reference,
  insured: insureds.name,
  effective: submissions.effectiveDate,
  status: submissions.status,
} satisfies Record<SubmissionBookSort, unknown>;

type Filter = Pick<SubmissionBookState, "q" | "filters">;

function where(tenant: TenantContext, { q, filters }: Filter): SQL | undefined {
  return and(
    visibleSubmissions(tenant),
    q ? or(like(insureds.name, likePattern(q)), like(submissions.reference, likePattern(q))) : undefined,
    filters.status ? eq(submissions.status, filters.status as SubmissionStatus) : undefined,
  );
}

// The same joins under three selections: a window of rows, a page with its total, a count.
function rowsQuery(db: Database) {
  return db
    .select(columns)
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)));
}

function pageQuery(db: Database) {
  return db
    .select({ ...columns, total: totalOverAll() })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)));
}

function countQuery(db: Database) {
  return db
    .select({ n: count() })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)));
}

/** A window of the filtered, sorted set (the export reads it batch by batch). */
export function listSubmissionBookRows(
  db: Database,
  tenant: TenantContext,
  state: SubmissionBookState,
  offset: number,
  limit: number,
) {
  return rowsQuery(db)
    .where(where(tenant, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, submissions.id))
    .limit(limit)
    .offset(offset);
}

/** One page and the size of the whole filtered set, in one statement. */
export async function listSubmissionBookPage(db: Database, tenant: TenantContext, state: SubmissionBookState) {
  const offset = pageOffset(state);
  const rows = await pageQuery(db)
    .where(where(tenant, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, submissions.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await countQuery(db).where(where(tenant, state));
    return Number(row?.n ?? 0);
  });
}
