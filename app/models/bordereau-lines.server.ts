import { and, count, eq, getTableColumns, like, or, type AnyColumn, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { bordereauClaimLines, bordereauPremiumLines } from "../../db/schema/index.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { ClaimLineSort, ClaimLineState, PremiumLineSort, PremiumLineState } from "./table-specs.ts";

// A bordereau version's lines as a data table: sorted, filtered, searched and paged by the
// database, in the version's own organization only. The caller has found the version in scope.

const PREMIUM_SORT_COLUMNS = {
  line: bordereauPremiumLines.lineNumber,
  policy: bordereauPremiumLines.policyNumber,
  insured: bordereauPremiumLines.insuredName,
  booked: bordereauPremiumLines.bookedOn,
  gross: bordereauPremiumLines.grossPremiumCents,
  net: bordereauPremiumLines.netToCarrierCents,
} satisfies Record<PremiumLineSort, AnyColumn>;

function premiumWhere(orgId: string, bordereauId: string, state: PremiumLineState): SQL | undefined {
  const pattern = likePattern(state.q);
  return and(
    eq(bordereauPremiumLines.orgId, orgId),
    eq(bordereauPremiumLines.bordereauId, bordereauId),
    state.filters.type ? eq(bordereauPremiumLines.transactionType, state.filters.type) : undefined,
    state.q
      ? or(like(bordereauPremiumLines.policyNumber, pattern), like(bordereauPremiumLines.insuredName, pattern))
      : undefined,
  );
}

export function listPremiumLineRows(
  db: Database,
  orgId: string,
  bordereauId: string,
  state: PremiumLineState,
  offset: number,
  limit: number,
) {
  return db
    .select()
    .from(bordereauPremiumLines)
    .where(premiumWhere(orgId, bordereauId, state))
    .orderBy(...orderBy(PREMIUM_SORT_COLUMNS[state.sort], state.dir, bordereauPremiumLines.lineNumber))
    .limit(limit)
    .offset(offset);
}

export async function listPremiumLinePage(db: Database, orgId: string, bordereauId: string, state: PremiumLineState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...getTableColumns(bordereauPremiumLines), total: totalOverAll() })
    .from(bordereauPremiumLines)
    .where(premiumWhere(orgId, bordereauId, state))
    .orderBy(...orderBy(PREMIUM_SORT_COLUMNS[state.sort], state.dir, bordereauPremiumLines.lineNumber))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(bordereauPremiumLines)
      .where(premiumWhere(orgId, bordereauId, state));
    return Number(row?.n ?? 0);
  });
}

const CLAIM_SORT_COLUMNS = {
  line: bordereauClaimLines.lineNumber,
  claim: bordereauClaimLines.claimNumber,
  policy: bordereauClaimLines.policyNumber,
  loss: bordereauClaimLines.dateOfLoss,
  incurred: bordereauClaimLines.incurredCents,
} satisfies Record<ClaimLineSort, AnyColumn>;

function claimWhere(orgId: string, bordereauId: string, state: ClaimLineState): SQL | undefined {
  const pattern = likePattern(state.q);
  return and(
    eq(bordereauClaimLines.orgId, orgId),
    eq(bordereauClaimLines.bordereauId, bordereauId),
    state.filters.status ? eq(bordereauClaimLines.status, state.filters.status) : undefined,
    state.q
      ? or(like(bordereauClaimLines.claimNumber, pattern), like(bordereauClaimLines.policyNumber, pattern))
      : undefined,
  );
}

export function listClaimLineRows(
  db: Database,
  orgId: string,
  bordereauId: string,
  state: ClaimLineState,
  offset: number,
  limit: number,
) {
  return db
    .select()
    .from(bordereauClaimLines)
    .where(claimWhere(orgId, bordereauId, state))
    .orderBy(...orderBy(CLAIM_SORT_COLUMNS[state.sort], state.dir, bordereauClaimLines.lineNumber))
    .limit(limit)
    .offset(offset);
}

export async function listClaimLinePage(db: Database, orgId: string, bordereauId: string, state: ClaimLineState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...getTableColumns(bordereauClaimLines), total: totalOverAll() })
    .from(bordereauClaimLines)
    .where(claimWhere(orgId, bordereauId, state))
    .orderBy(...orderBy(CLAIM_SORT_COLUMNS[state.sort], state.dir, bordereauClaimLines.lineNumber))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(bordereauClaimLines)
      .where(claimWhere(orgId, bordereauId, state));
    return Number(row?.n ?? 0);
  });
}
