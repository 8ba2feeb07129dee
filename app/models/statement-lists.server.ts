import { and, count, eq, isNotNull, isNull, like, or } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  agencies,
  agencyStatements,
  carriers,
  carrierStatements,
  commissionStatements,
} from "../../db/schema/index.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type {
  AgencyStatementSort,
  AgencyStatementState,
  CarrierStatementSort,
  CarrierStatementState,
  CommissionStatementSort,
  CommissionStatementState,
} from "./table-specs.ts";

// The money statements as data tables (ADR 030): each a window of the filtered, sorted set with
// its total in one statement, and the same query in batches for the export. A scope narrows a
// list to one month (finance's statements page) or to one agency (its admins' producer area).

type Window = { offset: number; limit: number };
export type StatementScope = { orgId: string; period?: string | null; agencyId?: string | null };

async function pageOf<Row extends { total: number }>(
  state: { page: number; pageSize: number },
  rows: (window: Window) => Promise<Row[]>,
  countAll: () => Promise<number>,
) {
  const offset = pageOffset(state);
  return pageWithTotal(await rows({ offset, limit: state.pageSize }), offset, countAll);
}

const search = (q: string, ...columns: Parameters<typeof like>[0][]) =>
  q ? or(...columns.map((c) => like(c, likePattern(q)))) : undefined;

// Commission statements ------------------------------------------------------------------------

const c = commissionStatements;
const COMMISSION_SORT = {
  period: c.period,
  agency: agencies.name,
  premium: c.premiumCents,
  commission: c.commissionCents,
  status: c.status,
} satisfies Record<CommissionStatementSort, unknown>;

function commissionWhere(scope: StatementScope, { q, filters }: Pick<CommissionStatementState, "q" | "filters">) {
  return and(
    eq(c.orgId, scope.orgId),
    scope.period ? eq(c.period, scope.period) : undefined,
    scope.agencyId ? eq(c.agencyId, scope.agencyId) : undefined,
    search(q, agencies.name, c.period),
    filters.status ? eq(c.status, filters.status as "draft" | "approved" | "paid") : undefined,
  );
}
const commissionAgency = and(eq(agencies.orgId, c.orgId), eq(agencies.id, c.agencyId));

export function listCommissionStatementRows(
  db: Database,
  scope: StatementScope,
  state: CommissionStatementState,
  window: Window,
) {
  return db
    .select({
      id: c.id,
      period: c.period,
      agencyName: agencies.name,
      transactionCount: c.transactionCount,
      premiumCents: c.premiumCents,
      commissionCents: c.commissionCents,
      status: c.status,
      total: totalOverAll(),
    })
    .from(c)
    .innerJoin(agencies, commissionAgency)
    .where(commissionWhere(scope, state))
    .orderBy(...orderBy(COMMISSION_SORT[state.sort], state.dir, c.id))
    .limit(window.limit)
    .offset(window.offset);
}

export function listCommissionStatementPage(db: Database, scope: StatementScope, state: CommissionStatementState) {
  return pageOf(
    state,
    (window) => listCommissionStatementRows(db, scope, state, window),
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(c)
        .innerJoin(agencies, commissionAgency)
        .where(commissionWhere(scope, state));
      return Number(row?.n ?? 0);
    },
  );
}

// Agency-bill statements -----------------------------------------------------------------------

const a = agencyStatements;
const AGENCY_SORT = {
  period: a.period,
  agency: agencies.name,
  gross: a.grossCents,
  net: a.netCents,
  status: a.status,
} satisfies Record<AgencyStatementSort, unknown>;

function agencyWhere(scope: StatementScope, { q, filters }: Pick<AgencyStatementState, "q" | "filters">) {
  return and(
    eq(a.orgId, scope.orgId),
    scope.period ? eq(a.period, scope.period) : undefined,
    scope.agencyId ? eq(a.agencyId, scope.agencyId) : undefined,
    search(q, agencies.name, a.period, a.reference),
    filters.status ? eq(a.status, filters.status as "open" | "received") : undefined,
  );
}
const agencyOfStatement = and(eq(agencies.orgId, a.orgId), eq(agencies.id, a.agencyId));

export function listAgencyStatementRows(
  db: Database,
  scope: StatementScope,
  state: AgencyStatementState,
  window: Window,
) {
  return db
    .select({
      id: a.id,
      period: a.period,
      agencyName: agencies.name,
      invoiceCount: a.invoiceCount,
      grossCents: a.grossCents,
      commissionCents: a.commissionCents,
      netCents: a.netCents,
      status: a.status,
      reference: a.reference,
      total: totalOverAll(),
    })
    .from(a)
    .innerJoin(agencies, agencyOfStatement)
    .where(agencyWhere(scope, state))
    .orderBy(...orderBy(AGENCY_SORT[state.sort], state.dir, a.id))
    .limit(window.limit)
    .offset(window.offset);
}

export function listAgencyStatementPage(db: Database, scope: StatementScope, state: AgencyStatementState) {
  return pageOf(
    state,
    (window) => listAgencyStatementRows(db, scope, state, window),
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(a)
        .innerJoin(agencies, agencyOfStatement)
        .where(agencyWhere(scope, state));
      return Number(row?.n ?? 0);
    },
  );
}

// Carrier settlement statements ----------------------------------------------------------------

const r = carrierStatements;
const CARRIER_SORT = {
  period: r.period,
  carrier: carriers.name,
  gross: r.grossCents,
  net: r.netCents,
} satisfies Record<CarrierStatementSort, unknown>;

function carrierWhere(scope: StatementScope, { q, filters }: Pick<CarrierStatementState, "q" | "filters">) {
  return and(
    eq(r.orgId, scope.orgId),
    scope.period ? eq(r.period, scope.period) : undefined,
    search(q, carriers.name, r.period),
    filters.status === "settled"
      ? isNotNull(r.settlementPostingId)
      : filters.status === "open"
        ? isNull(r.settlementPostingId)
        : undefined,
  );
}
const carrierOfStatement = and(eq(carriers.orgId, r.orgId), eq(carriers.id, r.carrierId));

export function listCarrierStatementRows(
  db: Database,
  scope: StatementScope,
  state: CarrierStatementState,
  window: Window,
) {
  return db
    .select({
      id: r.id,
      period: r.period,
      carrierName: carriers.name,
      transactionCount: r.transactionCount,
      grossCents: r.grossCents,
      commissionCents: r.commissionCents,
      feesCents: r.feesCents,
      taxesCents: r.taxesCents,
      netCents: r.netCents,
      settlementPostingId: r.settlementPostingId,
      total: totalOverAll(),
    })
    .from(r)
    .leftJoin(carriers, carrierOfStatement)
    .where(carrierWhere(scope, state))
    .orderBy(...orderBy(CARRIER_SORT[state.sort], state.dir, r.id))
    .limit(window.limit)
    .offset(window.offset);
}

export function listCarrierStatementPage(db: Database, scope: StatementScope, state: CarrierStatementState) {
  return pageOf(
    state,
    (window) => listCarrierStatementRows(db, scope, state, window),
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(r)
        .leftJoin(carriers, carrierOfStatement)
        .where(carrierWhere(scope, state));
      return Number(row?.n ?? 0);
    },
  );
}
