import { and, count, eq, like, or, type AnyColumn } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { phiAccessLog, user } from "../../db/schema/index.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { PhiAccessSort, PhiAccessState } from "./table-specs.ts";

// The PHI access log as its reviewers read it (compliance officers, org admins): who, which
// fields, which claim, when and from where. The log holds field names only, never values, and
// these queries select no column that could carry one.

const reviewColumns = {
  id: phiAccessLog.id,
  sequence: phiAccessLog.sequence,
  actorName: user.name,
  actorApiKeyId: phiAccessLog.actorApiKeyId,
  action: phiAccessLog.action,
  claimId: phiAccessLog.claimId,
  fields: phiAccessLog.fields,
  surface: phiAccessLog.surface,
  ipAddress: phiAccessLog.ipAddress,
  occurredAt: phiAccessLog.occurredAt,
};

// The chain's sequence is the order of occurrence, and unique per organization.
const SORT_COLUMNS = {
  when: phiAccessLog.sequence,
  action: phiAccessLog.action,
  actor: user.name,
  claim: phiAccessLog.claimId,
} satisfies Record<PhiAccessSort, AnyColumn>;

function phiLogWhere(orgId: string, state: PhiAccessState) {
  const pattern = likePattern(state.q);
  return and(
    eq(phiAccessLog.orgId, orgId),
    state.filters.action ? eq(phiAccessLog.action, state.filters.action as "read" | "write") : undefined,
    state.q
      ? or(
          like(phiAccessLog.claimId, pattern),
          like(user.name, pattern),
          like(phiAccessLog.actorApiKeyId, pattern),
          like(phiAccessLog.surface, pattern),
        )
      : undefined,
  );
}

/** A window of the filtered log in the table's order, for the export's batches. */
export function listPhiAccessRows(db: Database, orgId: string, state: PhiAccessState, offset: number, limit: number) {
  return db
    .select(reviewColumns)
    .from(phiAccessLog)
    .leftJoin(user, eq(user.id, phiAccessLog.actorUserId))
    .where(phiLogWhere(orgId, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, phiAccessLog.sequence))
    .limit(limit)
    .offset(offset);
}

/** One page of the filtered log and the size of the whole filtered set, in one statement. */
export async function listPhiAccessPage(db: Database, orgId: string, state: PhiAccessState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...reviewColumns, total: totalOverAll() })
    .from(phiAccessLog)
    .leftJoin(user, eq(user.id, phiAccessLog.actorUserId))
    .where(phiLogWhere(orgId, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, phiAccessLog.sequence))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(phiAccessLog)
      .leftJoin(user, eq(user.id, phiAccessLog.actorUserId))
      .where(phiLogWhere(orgId, state));
    return Number(row?.n ?? 0);
  });
}
