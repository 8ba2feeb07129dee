import { and, count, eq, like, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, carriers, daAgreements, programs, rateTables } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/tenant.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type {
  AgencySort,
  AgencyTableState,
  DaAgreementSort,
  DaAgreementTableState,
  ProgramSort,
  ProgramTableState,
} from "./table-specs.ts";

// The configuration lists of /admin as data tables (issue 16): each a window of the filtered,
// sorted set with its total in one statement, and the same query in batches for the export.

type Window = { offset: number; limit: number };

/** Runs a list's query for one page and returns its rows and the filtered set's size. */
async function pageOf<Row extends { total: number }>(
  state: { page: number; pageSize: number },
  rows: (window: Window) => Promise<Row[]>,
  countAll: () => Promise<number>,
) {
  const offset = pageOffset(state);
  return pageWithTotal(await rows({ offset, limit: state.pageSize }), offset, countAll);
}

// Programs ------------------------------------------------------------------------------------

const programColumns = {
  id: programs.id,
  name: programs.name,
  lineOfBusiness: programs.lineOfBusiness,
  states: programs.states,
  carrierName: carriers.name,
  retiredAt: programs.retiredAt,
  activeVersions:
    sql<number>`(SELECT COUNT(*) FROM ${rateTables} WHERE ${sql.raw("`rate_tables`.`org_id` = `programs`.`org_id` AND `rate_tables`.`program_id` = `programs`.`id`")} AND ${sql.raw("`rate_tables`.`status`")} = 'active')`.mapWith(
      Number,
    ),
};
const PROGRAM_SORT_COLUMNS = {
  name: programs.name,
  line: programs.lineOfBusiness,
  carrier: carriers.name,
} satisfies Record<ProgramSort, unknown>;

function programWhere(
  tenant: TenantContext,
  { q, filters }: Pick<ProgramTableState, "q" | "filters">,
): SQL | undefined {
  return and(
    eq(programs.orgId, tenant.orgId),
    q ? or(like(programs.name, likePattern(q)), like(carriers.name, likePattern(q))) : undefined,
    filters.line ? eq(programs.lineOfBusiness, filters.line as "GL" | "WC") : undefined,
  );
}

const programsFrom = (db: Database) =>
  db
    .select({ ...programColumns, total: totalOverAll() })
    .from(programs)
    .innerJoin(carriers, and(eq(carriers.orgId, programs.orgId), eq(carriers.id, programs.carrierId)));

export function listProgramRows(db: Database, tenant: TenantContext, state: ProgramTableState, window: Window) {
  return programsFrom(db)
    .where(programWhere(tenant, state))
    .orderBy(...orderBy(PROGRAM_SORT_COLUMNS[state.sort], state.dir, programs.id))
    .limit(window.limit)
    .offset(window.offset);
}

export function listProgramPage(db: Database, tenant: TenantContext, state: ProgramTableState) {
  return pageOf(
    state,
    (window) => listProgramRows(db, tenant, state, window),
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(programs)
        .innerJoin(carriers, and(eq(carriers.orgId, programs.orgId), eq(carriers.id, programs.carrierId)))
        .where(programWhere(tenant, state));
      return Number(row?.n ?? 0);
    },
  );
}

// Agencies ------------------------------------------------------------------------------------

const AGENCY_SORT_COLUMNS = {
  name: agencies.name,
  commission: agencies.commissionRate,
  licence: agencies.licenseExpiresOn,
} satisfies Record<AgencySort, unknown>;

function agencyWhere(tenant: TenantContext, { q }: Pick<AgencyTableState, "q">): SQL | undefined {
  return and(
    eq(agencies.orgId, tenant.orgId),
    q ? or(like(agencies.name, likePattern(q)), like(agencies.licenseNumber, likePattern(q))) : undefined,
  );
}

export function listAgencyRows(db: Database, tenant: TenantContext, state: AgencyTableState, window: Window) {
  return db
    .select({
      id: agencies.id,
      name: agencies.name,
      licensedStates: agencies.licensedStates,
      licenseNumber: agencies.licenseNumber,
      licenseExpiresOn: agencies.licenseExpiresOn,
      commissionRate: agencies.commissionRate,
      total: totalOverAll(),
    })
    .from(agencies)
    .where(agencyWhere(tenant, state))
    .orderBy(...orderBy(AGENCY_SORT_COLUMNS[state.sort], state.dir, agencies.id))
    .limit(window.limit)
    .offset(window.offset);
}

export function listAgencyPage(db: Database, tenant: TenantContext, state: AgencyTableState) {
  return pageOf(
    state,
    (window) => listAgencyRows(db, tenant, state, window),
    async () => {
      const [row] = await db.select({ n: count() }).from(agencies).where(agencyWhere(tenant, state));
      return Number(row?.n ?? 0);
    },
  );
}

// DA agreements -------------------------------------------------------------------------------

const DA_SORT_COLUMNS = {
  reference: daAgreements.reference,
  program: programs.name,
  carrier: carriers.name,
  status: daAgreements.status,
  expires: daAgreements.expirationDate,
  bound: daAgreements.boundGwpCents,
} satisfies Record<DaAgreementSort, unknown>;

function daWhere(tenant: TenantContext, { q, filters }: Pick<DaAgreementTableState, "q" | "filters">): SQL | undefined {
  return and(
    eq(daAgreements.orgId, tenant.orgId),
    q
      ? or(
          like(daAgreements.reference, likePattern(q)),
          like(programs.name, likePattern(q)),
          like(carriers.name, likePattern(q)),
        )
      : undefined,
    filters.status ? eq(daAgreements.status, filters.status as "active" | "suspended" | "expired") : undefined,
  );
}

const daJoins = {
  programs: and(eq(programs.orgId, daAgreements.orgId), eq(programs.id, daAgreements.programId)),
  carriers: and(eq(carriers.orgId, daAgreements.orgId), eq(carriers.id, daAgreements.carrierId)),
};

export function listDaAgreementRows(db: Database, tenant: TenantContext, state: DaAgreementTableState, window: Window) {
  return db
    .select({
      id: daAgreements.id,
      reference: daAgreements.reference,
      status: daAgreements.status,
      effectiveDate: daAgreements.effectiveDate,
      expirationDate: daAgreements.expirationDate,
      annualGwpLimitCents: daAgreements.annualGwpLimitCents,
      boundGwpCents: daAgreements.boundGwpCents,
      programName: programs.name,
      carrierName: carriers.name,
      total: totalOverAll(),
    })
    .from(daAgreements)
    .innerJoin(programs, daJoins.programs)
    .innerJoin(carriers, daJoins.carriers)
    .where(daWhere(tenant, state))
    .orderBy(...orderBy(DA_SORT_COLUMNS[state.sort], state.dir, daAgreements.id))
    .limit(window.limit)
    .offset(window.offset);
}

export function listDaAgreementPage(db: Database, tenant: TenantContext, state: DaAgreementTableState) {
  return pageOf(
    state,
    (window) => listDaAgreementRows(db, tenant, state, window),
    async () => {
      const [row] = await db
        .select({ n: count() })
        .from(daAgreements)
        .innerJoin(programs, daJoins.programs)
        .innerJoin(carriers, daJoins.carriers)
        .where(daWhere(tenant, state));
      return Number(row?.n ?? 0);
    },
  );
}
