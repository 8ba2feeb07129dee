import { and, asc, count, desc, eq, gte, inArray, like, lte, max, ne, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";
import {
  bordereauClaimLines,
  bordereauPremiumLines,
  bordereauSteps,
  bordereaux,
  carriers,
  claimClaimants,
  claims,
  daAgreements,
  policies,
  policyTransactions,
  programs,
  type BordereauKind,
  type BordereauStatus,
} from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { BordereauSort, BordereauTableState } from "./table-specs.ts";

type Executor = Database | Transaction;

/** The agreement a bordereau reports on: its business is the program's policies incepting in its term. */
export type ReportedAgreement = {
  id: string;
  orgId: string;
  carrierId: string;
  programId: string;
  reference: string;
  effectiveDate: string;
  expirationDate: string;
};

const agreementColumns = {
  id: daAgreements.id,
  orgId: daAgreements.orgId,
  carrierId: daAgreements.carrierId,
  programId: daAgreements.programId,
  reference: daAgreements.reference,
  effectiveDate: daAgreements.effectiveDate,
  expirationDate: daAgreements.expirationDate,
};

export async function findReportedAgreement(db: Executor, orgId: string, agreementId: string) {
  const [row] = await db
    .select(agreementColumns)
    .from(daAgreements)
    .where(and(eq(daAgreements.orgId, orgId), eq(daAgreements.id, agreementId)));
  return row ?? null;
}

/** Every organization's agreements in force at some point of the period, for the monthly job. */
export async function listAgreementsInForceDuring(db: Database, start: string, end: string, orgs?: OrgScope) {
  const result = await db.execute(sql`/* unscoped: the monthly bordereau job reports for every organization */
    SELECT id, org_id AS orgId, carrier_id AS carrierId, program_id AS programId, reference,
      DATE_FORMAT(effective_date, '%Y-%m-%d') AS effectiveDate, DATE_FORMAT(expiration_date, '%Y-%m-%d') AS expirationDate
    FROM ${daAgreements} WHERE ${daAgreements.effectiveDate} <= ${end} AND ${daAgreements.expirationDate} >= ${start}
      ${andInOrgScope(daAgreements.orgId, orgs)}
    ORDER BY org_id, id`);
  return result.rows as ReportedAgreement[];
}

export async function countVersions(
  db: Executor,
  orgId: string,
  key: { agreementId: string; kind: BordereauKind; periodStart: string },
) {
  const [row] = await db
    .select({ last: max(bordereaux.version) })
    .from(bordereaux)
    .where(
      and(
        eq(bordereaux.orgId, orgId),
        eq(bordereaux.daAgreementId, key.agreementId),
        eq(bordereaux.kind, key.kind),
        eq(bordereaux.periodStart, key.periodStart),
      ),
    );
  return row?.last ?? 0;
}

export async function insertBordereau(tx: Transaction, row: typeof bordereaux.$inferInsert) {
  await tx.insert(bordereaux).values(row);
}

/** The earlier versions of the same report that a correction replaces (not an accepted one). */
export async function supersedeEarlierVersions(
  tx: Transaction,
  orgId: string,
  key: { agreementId: string; kind: BordereauKind; periodStart: string },
  version: number,
) {
  await tx
    .update(bordereaux)
    .set({ status: "superseded" })
    .where(
      and(
        eq(bordereaux.orgId, orgId),
        eq(bordereaux.daAgreementId, key.agreementId),
        eq(bordereaux.kind, key.kind),
        eq(bordereaux.periodStart, key.periodStart),
        sql`${bordereaux.version} < ${version}`,
        ne(bordereaux.status, "accepted"),
      ),
    );
}

const inAgreement = (agreement: ReportedAgreement) => sql`
  ${policies.orgId} = ${agreement.orgId} AND ${policies.programId} = ${agreement.programId}
  AND ${policies.carrierId} = ${agreement.carrierId}
  AND ${policies.effectiveDate} BETWEEN ${agreement.effectiveDate} AND ${agreement.expirationDate}`;

/**
 * Writes the premium lines in one statement: every policy transaction of the agreement's
 * business booked in the period, numbered in booking order. Set-based, so 100,000 transactions
 * never pass through the Worker.
 */
export async function insertPremiumLines(
  tx: Transaction,
  agreement: ReportedAgreement,
  bordereauId: string,
  period: { start: string; end: string },
) {
  await tx.execute(sql`
    INSERT INTO ${bordereauPremiumLines} (org_id, bordereau_id, line_number, policy_transaction_id, policy_number,
      insured_name, insured_state, naics_code, line_of_business, policy_effective_date, policy_expiration_date,
      transaction_type, transaction_effective_date, booked_on, gross_premium_cents, fees_cents, taxes_cents,
      producer_commission_rate, producer_commission_cents, mga_commission_rate, mga_commission_cents, net_to_carrier_cents)
    SELECT ${agreement.orgId}, ${bordereauId},
      ROW_NUMBER() OVER (ORDER BY pt.booked_on, p.policy_number, pt.sequence, pt.id),
      pt.id, p.policy_number, i.name, p.state, i.naics_code, p.line_of_business, p.effective_date, p.expiration_date,
      pt.type, pt.effective_date, pt.booked_on, pt.premium_cents, pt.fees_cents, pt.taxes_cents,
      pt.producer_commission_rate, pt.producer_commission_cents, pt.mga_commission_rate, pt.mga_commission_cents,
      pt.premium_cents - pt.producer_commission_cents - pt.mga_commission_cents - pt.fees_cents - pt.taxes_cents
    FROM policy_transactions pt
    JOIN policies p ON p.org_id = pt.org_id AND p.id = pt.policy_id
    JOIN insureds i ON i.org_id = p.org_id AND i.id = p.insured_id
    WHERE pt.org_id = ${agreement.orgId} AND pt.booked_on BETWEEN ${period.start} AND ${period.end}
      AND p.program_id = ${agreement.programId} AND p.carrier_id = ${agreement.carrierId}
      AND p.effective_date BETWEEN ${agreement.effectiveDate} AND ${agreement.expirationDate}`);
}

/** The period's totals computed from the policy transactions themselves, for the totals check. */
export async function premiumTotalsOfPeriod(
  db: Executor,
  agreement: ReportedAgreement,
  period: { start: string; end: string },
) {
  const [row] = await db
    .select({
      grossPremiumCents: sql<string>`COALESCE(SUM(${policyTransactions.premiumCents}), 0)`,
      producerCommissionCents: sql<string>`COALESCE(SUM(${policyTransactions.producerCommissionCents}), 0)`,
      mgaCommissionCents: sql<string>`COALESCE(SUM(${policyTransactions.mgaCommissionCents}), 0)`,
      feesCents: sql<string>`COALESCE(SUM(${policyTransactions.feesCents}), 0)`,
      taxesCents: sql<string>`COALESCE(SUM(${policyTransactions.taxesCents}), 0)`,
    })
    .from(policyTransactions)
    .innerJoin(
      policies,
      and(eq(policies.orgId, policyTransactions.orgId), eq(policies.id, policyTransactions.policyId)),
    )
    .where(
      and(
        eq(policyTransactions.orgId, agreement.orgId),
        gte(policyTransactions.bookedOn, period.start),
        lte(policyTransactions.bookedOn, period.end),
        inAgreement(agreement),
      ),
    );
  const n = (v: string | undefined) => Number(v ?? 0);
  const totals = {
    grossPremiumCents: n(row?.grossPremiumCents),
    producerCommissionCents: n(row?.producerCommissionCents),
    mgaCommissionCents: n(row?.mgaCommissionCents),
    feesCents: n(row?.feesCents),
    taxesCents: n(row?.taxesCents),
  };
  return {
    ...totals,
    netToCarrierCents:
      totals.grossPremiumCents -
      totals.producerCommissionCents -
      totals.mgaCommissionCents -
      totals.feesCents -
      totals.taxesCents,
  };
}

const premiumLineColumns = {
  lineNumber: bordereauPremiumLines.lineNumber,
  policyTransactionId: bordereauPremiumLines.policyTransactionId,
  policyNumber: bordereauPremiumLines.policyNumber,
  insuredName: bordereauPremiumLines.insuredName,
  insuredState: bordereauPremiumLines.insuredState,
  naicsCode: bordereauPremiumLines.naicsCode,
  lineOfBusiness: bordereauPremiumLines.lineOfBusiness,
  policyEffectiveDate: bordereauPremiumLines.policyEffectiveDate,
  policyExpirationDate: bordereauPremiumLines.policyExpirationDate,
  transactionType: bordereauPremiumLines.transactionType,
  transactionEffectiveDate: bordereauPremiumLines.transactionEffectiveDate,
  bookedOn: bordereauPremiumLines.bookedOn,
  grossPremiumCents: bordereauPremiumLines.grossPremiumCents,
  feesCents: bordereauPremiumLines.feesCents,
  taxesCents: bordereauPremiumLines.taxesCents,
  producerCommissionRate: bordereauPremiumLines.producerCommissionRate,
  producerCommissionCents: bordereauPremiumLines.producerCommissionCents,
  mgaCommissionRate: bordereauPremiumLines.mgaCommissionRate,
  mgaCommissionCents: bordereauPremiumLines.mgaCommissionCents,
  netToCarrierCents: bordereauPremiumLines.netToCarrierCents,
};

/** Lines `after` < number <= `after + limit`: line numbers run 1..n, so a range reads a chunk by key. */
export async function readPremiumLines(db: Executor, orgId: string, bordereauId: string, after: number, limit: number) {
  return db
    .select(premiumLineColumns)
    .from(bordereauPremiumLines)
    .where(
      and(
        eq(bordereauPremiumLines.orgId, orgId),
        eq(bordereauPremiumLines.bordereauId, bordereauId),
        sql`${bordereauPremiumLines.lineNumber} > ${after}`,
        sql`${bordereauPremiumLines.lineNumber} <= ${after + limit}`,
      ),
    )
    .orderBy(asc(bordereauPremiumLines.lineNumber));
}

/** Claims of the agreement's business reported by the end of the period, in claim-number order. */
export async function readClaimsForBordereau(
  db: Executor,
  agreement: ReportedAgreement,
  periodEnd: string,
  afterClaimNumber: string,
  limit: number,
) {
  return db
    .select({
      claimId: claims.id,
      claimNumber: claims.claimNumber,
      policyNumber: policies.policyNumber,
      dateOfLoss: claims.dateOfLoss,
      reportedOn: claims.reportedOn,
      lossType: claims.lossType,
      status: claims.status,
      assignedAdjusterId: claims.assignedAdjusterId,
      caseReserveCents: claims.caseReserveCents,
      paidIndemnityCents: claims.paidIndemnityCents,
      paidExpenseCents: claims.paidExpenseCents,
      paidCents: claims.paidCents,
      recoveredCents: claims.recoveredCents,
    })
    .from(claims)
    .innerJoin(policies, and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)))
    .where(
      and(
        eq(claims.orgId, agreement.orgId),
        lte(claims.reportedOn, periodEnd),
        sql`${claims.claimNumber} > ${afterClaimNumber}`,
        inAgreement(agreement),
      ),
    )
    .orderBy(asc(claims.claimNumber))
    .limit(limit);
}

/**
 * The roles of each claim's claimants, in the order they were added. Only the role: the sealed
 * PHI column is not read for a bordereau, whose reader may not see it.
 */
export async function listClaimantRoles(db: Executor, orgId: string, claimIds: readonly string[]) {
  const byClaim = new Map<string, string[]>();
  if (claimIds.length === 0) return byClaim;
  const rows = await db
    .select({ claimId: claimClaimants.claimId, role: claimClaimants.role })
    .from(claimClaimants)
    .where(and(eq(claimClaimants.orgId, orgId), inArray(claimClaimants.claimId, [...claimIds])))
    .orderBy(asc(claimClaimants.claimId), asc(claimClaimants.createdAt), asc(claimClaimants.id));
  for (const row of rows) byClaim.set(row.claimId, [...(byClaim.get(row.claimId) ?? []), row.role]);
  return byClaim;
}

export async function claimTotalsOfPeriod(db: Executor, agreement: ReportedAgreement, periodEnd: string) {
  const [row] = await db
    .select({
      caseReserveCents: sql<string>`COALESCE(SUM(${claims.caseReserveCents}), 0)`,
      paidIndemnityCents: sql<string>`COALESCE(SUM(${claims.paidIndemnityCents}), 0)`,
      paidExpenseCents: sql<string>`COALESCE(SUM(${claims.paidExpenseCents}), 0)`,
      paidCents: sql<string>`COALESCE(SUM(${claims.paidCents}), 0)`,
      recoveredCents: sql<string>`COALESCE(SUM(${claims.recoveredCents}), 0)`,
    })
    .from(claims)
    .innerJoin(policies, and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)))
    .where(and(eq(claims.orgId, agreement.orgId), lte(claims.reportedOn, periodEnd), inAgreement(agreement)));
  const n = (v: string | undefined) => Number(v ?? 0);
  const caseReserveCents = n(row?.caseReserveCents);
  const paidCents = n(row?.paidCents);
  return {
    caseReserveCents,
    paidIndemnityCents: n(row?.paidIndemnityCents),
    paidExpenseCents: n(row?.paidExpenseCents),
    paidCents,
    incurredCents: caseReserveCents + paidCents,
    recoveredCents: n(row?.recoveredCents),
  };
}

export async function insertClaimLines(tx: Transaction, rows: (typeof bordereauClaimLines.$inferInsert)[]) {
  if (rows.length) await tx.insert(bordereauClaimLines).values(rows);
}

export async function readClaimLines(db: Executor, orgId: string, bordereauId: string, after: number, limit: number) {
  return db
    .select()
    .from(bordereauClaimLines)
    .where(
      and(
        eq(bordereauClaimLines.orgId, orgId),
        eq(bordereauClaimLines.bordereauId, bordereauId),
        sql`${bordereauClaimLines.lineNumber} > ${after}`,
        sql`${bordereauClaimLines.lineNumber} <= ${after + limit}`,
      ),
    )
    .orderBy(asc(bordereauClaimLines.lineNumber));
}

export async function recordBordereauResult(
  tx: Transaction,
  orgId: string,
  bordereauId: string,
  result: Pick<typeof bordereaux.$inferInsert, "lineCount" | "totals" | "checks">,
) {
  await tx
    .update(bordereaux)
    .set(result)
    .where(and(eq(bordereaux.orgId, orgId), eq(bordereaux.id, bordereauId)));
}

/**
 * What a user may see: the MGA every version; a carrier user only versions on its own paper
 * that were submitted to it (never a draft).
 */
function visibleBordereaux(tenant: TenantContext) {
  const carrierOnly =
    tenant.roles.includes("carrier_user") && !tenant.roles.some((r) => r === "org_admin" || r === "compliance_officer");
  return and(
    eq(bordereaux.orgId, tenant.orgId),
    carrierOnly ? eq(bordereaux.carrierId, tenant.carrierId ?? "") : undefined,
    carrierOnly ? ne(bordereaux.status, "draft") : undefined,
  );
}

const listColumns = {
  id: bordereaux.id,
  kind: bordereaux.kind,
  periodStart: bordereaux.periodStart,
  periodEnd: bordereaux.periodEnd,
  version: bordereaux.version,
  status: bordereaux.status,
  lineCount: bordereaux.lineCount,
  totals: bordereaux.totals,
  checks: bordereaux.checks,
  generatedAt: bordereaux.generatedAt,
  submittedAt: bordereaux.submittedAt,
  acceptedAt: bordereaux.acceptedAt,
  carrierId: bordereaux.carrierId,
  carrierName: carriers.name,
  agreementId: bordereaux.daAgreementId,
  agreementReference: daAgreements.reference,
  programName: programs.name,
};

function listQuery(db: Executor) {
  return db
    .select(listColumns)
    .from(bordereaux)
    .innerJoin(carriers, and(eq(carriers.orgId, bordereaux.orgId), eq(carriers.id, bordereaux.carrierId)))
    .innerJoin(
      daAgreements,
      and(eq(daAgreements.orgId, bordereaux.orgId), eq(daAgreements.id, bordereaux.daAgreementId)),
    )
    .innerJoin(programs, and(eq(programs.orgId, daAgreements.orgId), eq(programs.id, daAgreements.programId)));
}

export async function listBordereaux(
  db: Database,
  tenant: TenantContext,
  { statuses, limit = 200 }: { statuses?: readonly BordereauStatus[]; limit?: number } = {},
) {
  return listQuery(db)
    .where(and(visibleBordereaux(tenant), statuses?.length ? inArray(bordereaux.status, [...statuses]) : undefined))
    .orderBy(desc(bordereaux.periodStart), asc(daAgreements.reference), asc(bordereaux.kind), desc(bordereaux.version))
    .limit(limit);
}

const BORDEREAU_SORT_COLUMNS = {
  period: bordereaux.periodStart,
  version: bordereaux.version,
  status: bordereaux.status,
  lines: bordereaux.lineCount,
  generated: bordereaux.generatedAt,
  submitted: bordereaux.submittedAt,
} satisfies Record<BordereauSort, unknown>;

/** The versions the user may see, searched by agreement, program or carrier. */
function bordereauListWhere(tenant: TenantContext, { q, filters }: Pick<BordereauTableState, "q" | "filters">) {
  return and(
    visibleBordereaux(tenant),
    q
      ? or(
          like(daAgreements.reference, likePattern(q)),
          like(programs.name, likePattern(q)),
          like(carriers.name, likePattern(q)),
        )
      : undefined,
    filters.status ? eq(bordereaux.status, filters.status as BordereauStatus) : undefined,
    filters.kind ? eq(bordereaux.kind, filters.kind as BordereauKind) : undefined,
  );
}

/** A window of the filtered, sorted versions (the export reads it batch by batch). */
export function listBordereauRows(
  db: Database,
  tenant: TenantContext,
  state: BordereauTableState,
  offset: number,
  limit: number,
) {
  return listQuery(db)
    .where(bordereauListWhere(tenant, state))
    .orderBy(...orderBy(BORDEREAU_SORT_COLUMNS[state.sort], state.dir, bordereaux.id))
    .limit(limit)
    .offset(offset);
}

/** One page of versions and the size of the whole filtered set, in one statement. */
export async function listBordereauPage(db: Database, tenant: TenantContext, state: BordereauTableState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...listColumns, total: totalOverAll() })
    .from(bordereaux)
    .innerJoin(carriers, and(eq(carriers.orgId, bordereaux.orgId), eq(carriers.id, bordereaux.carrierId)))
    .innerJoin(
      daAgreements,
      and(eq(daAgreements.orgId, bordereaux.orgId), eq(daAgreements.id, bordereaux.daAgreementId)),
    )
    .innerJoin(programs, and(eq(programs.orgId, daAgreements.orgId), eq(programs.id, daAgreements.programId)))
    .where(bordereauListWhere(tenant, state))
    .orderBy(...orderBy(BORDEREAU_SORT_COLUMNS[state.sort], state.dir, bordereaux.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(bordereaux)
      .innerJoin(carriers, and(eq(carriers.orgId, bordereaux.orgId), eq(carriers.id, bordereaux.carrierId)))
      .innerJoin(
        daAgreements,
        and(eq(daAgreements.orgId, bordereaux.orgId), eq(daAgreements.id, bordereaux.daAgreementId)),
      )
      .innerJoin(programs, and(eq(programs.orgId, daAgreements.orgId), eq(programs.id, daAgreements.programId)))
      .where(bordereauListWhere(tenant, state));
    return Number(row?.n ?? 0);
  });
}

/** How many versions the user may see in the given statuses (the inbox's "waiting"). */
export async function countBordereaux(db: Database, tenant: TenantContext, statuses: readonly BordereauStatus[]) {
  const [row] = await db
    .select({ n: count() })
    .from(bordereaux)
    .where(and(visibleBordereaux(tenant), inArray(bordereaux.status, [...statuses])));
  return Number(row?.n ?? 0);
}

export async function getBordereau(db: Executor, tenant: TenantContext, bordereauId: string) {
  const [row] = await listQuery(db).where(and(visibleBordereaux(tenant), eq(bordereaux.id, bordereauId)));
  return row ?? null;
}

/** Locks a version for a review step, as the user may see it. */
export async function lockBordereau(tx: Transaction, tenant: TenantContext, bordereauId: string) {
  const [row] = await tx
    .select()
    .from(bordereaux)
    .where(and(visibleBordereaux(tenant), eq(bordereaux.id, bordereauId)))
    .for("update");
  return row ?? null;
}

export async function setBordereauStatus(
  tx: Transaction,
  orgId: string,
  bordereauId: string,
  change: Pick<typeof bordereaux.$inferInsert, "status" | "submittedAt" | "acceptedAt">,
) {
  await tx
    .update(bordereaux)
    .set(change)
    .where(and(eq(bordereaux.orgId, orgId), eq(bordereaux.id, bordereauId)));
}

export async function insertBordereauStep(tx: Transaction, row: typeof bordereauSteps.$inferInsert) {
  await tx.insert(bordereauSteps).values(row);
}

/** Every step of every version of the same report, oldest first: the review's whole story. */
export async function listReviewSteps(
  db: Executor,
  orgId: string,
  key: { agreementId: string; kind: BordereauKind; periodStart: string },
) {
  return db
    .select({
      id: bordereauSteps.id,
      bordereauId: bordereauSteps.bordereauId,
      version: bordereaux.version,
      kind: bordereauSteps.kind,
      lineNumber: bordereauSteps.lineNumber,
      comment: bordereauSteps.comment,
      answersStepId: bordereauSteps.answersStepId,
      actorUserId: bordereauSteps.actorUserId,
      createdAt: bordereauSteps.createdAt,
    })
    .from(bordereauSteps)
    .innerJoin(
      bordereaux,
      and(eq(bordereaux.orgId, bordereauSteps.orgId), eq(bordereaux.id, bordereauSteps.bordereauId)),
    )
    .where(
      and(
        eq(bordereauSteps.orgId, orgId),
        eq(bordereaux.daAgreementId, key.agreementId),
        eq(bordereaux.kind, key.kind),
        eq(bordereaux.periodStart, key.periodStart),
      ),
    )
    .orderBy(asc(bordereauSteps.createdAt), asc(bordereauSteps.id));
}

/** A carrier's query on a version, for the MGA's answer to name. */
export async function findQueryStep(db: Executor, orgId: string, bordereauId: string, stepId: string) {
  const [row] = await db
    .select({ id: bordereauSteps.id, lineNumber: bordereauSteps.lineNumber })
    .from(bordereauSteps)
    .where(
      and(
        eq(bordereauSteps.orgId, orgId),
        eq(bordereauSteps.bordereauId, bordereauId),
        eq(bordereauSteps.id, stepId),
        eq(bordereauSteps.kind, "queried"),
      ),
    );
  return row ?? null;
}
