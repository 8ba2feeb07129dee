import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import {
  agencies,
  carriers,
  carrierStatements,
  commissionStatements,
  insureds,
  invoices,
  payments,
  paymentReturns,
  policies,
  policyTransactions,
  programs,
  taxRemittances,
} from "../../db/schema/index.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";

// The month's statements (ADR 018), built set-based from the policy transactions booked in the
// period, and what finance reads of receivables. A statement is rebuilt while it is a draft (a
// late transaction of the month is picked up) and frozen once approved or settled.

type Db = Database | Transaction;

/**
 * Writes or refreshes every agency's draft commission statement for the period (all orgs, or some).
 * Agency-billed policies are left out: their agency keeps its commission out of what it collects
 * and nets it on its agency-bill statement (ADR 024).
 */
export async function upsertCommissionStatements(
  db: Db,
  period: { name: string; first: string; last: string },
  orgs?: OrgScope,
) {
  const result = await db.execute(sql`/* unscoped: the month-end run covers every organization */
    INSERT INTO ${commissionStatements}
      (id, org_id, agency_id, period, transaction_count, premium_cents, commission_cents, status, created_at)
    SELECT CONCAT('cst_', LEFT(SHA2(CONCAT(${policyTransactions.orgId}, ':', ${policies.agencyId}, ':', ${period.name}), 256), 24)),
      ${policyTransactions.orgId}, ${policies.agencyId}, ${period.name}, COUNT(*),
      SUM(${policyTransactions.premiumCents}), SUM(${policyTransactions.producerCommissionCents}), 'draft', UTC_TIMESTAMP(3)
    FROM ${policyTransactions}
    INNER JOIN ${policies} ON ${policies.orgId} = ${policyTransactions.orgId} AND ${policies.id} = ${policyTransactions.policyId}
      AND ${policies.billingMethod} = 'direct'
    WHERE ${policyTransactions.bookedOn} BETWEEN ${period.first} AND ${period.last} ${andInOrgScope(policyTransactions.orgId, orgs)}
    GROUP BY ${policyTransactions.orgId}, ${policies.agencyId}
    ON DUPLICATE KEY UPDATE
      transaction_count = IF(status = 'draft', VALUES(transaction_count), transaction_count),
      premium_cents = IF(status = 'draft', VALUES(premium_cents), premium_cents),
      commission_cents = IF(status = 'draft', VALUES(commission_cents), commission_cents)`);
  return Number(result.rowsAffected);
}

/** Writes or refreshes every carrier's unsettled statement for the period (all orgs, or some). */
export async function upsertCarrierStatements(
  db: Db,
  period: { name: string; first: string; last: string },
  orgs?: OrgScope,
) {
  const t = policyTransactions;
  const result = await db.execute(sql`/* unscoped: the month-end run covers every organization */
    INSERT INTO ${carrierStatements}
      (id, org_id, carrier_id, period, transaction_count, gross_cents, commission_cents, fees_cents, taxes_cents, net_cents, created_at)
    SELECT CONCAT('crs_', LEFT(SHA2(CONCAT(${t.orgId}, ':', ${policies.carrierId}, ':', ${period.name}), 256), 24)),
      ${t.orgId}, ${policies.carrierId}, ${period.name}, COUNT(*),
      SUM(${t.premiumCents} + ${t.feesCents} + ${t.taxesCents}),
      SUM(${t.producerCommissionCents} + ${t.mgaCommissionCents}),
      SUM(${t.feesCents}), SUM(${t.taxesCents}),
      SUM(${t.premiumCents} - ${t.producerCommissionCents} - ${t.mgaCommissionCents}),
      UTC_TIMESTAMP(3)
    FROM ${t}
    INNER JOIN ${policies} ON ${policies.orgId} = ${t.orgId} AND ${policies.id} = ${t.policyId}
    WHERE ${t.bookedOn} BETWEEN ${period.first} AND ${period.last} ${andInOrgScope(t.orgId, orgs)}
    GROUP BY ${t.orgId}, ${policies.carrierId}
    ON DUPLICATE KEY UPDATE
      transaction_count = IF(settlement_posting_id IS NULL, VALUES(transaction_count), transaction_count),
      gross_cents = IF(settlement_posting_id IS NULL, VALUES(gross_cents), gross_cents),
      commission_cents = IF(settlement_posting_id IS NULL, VALUES(commission_cents), commission_cents),
      fees_cents = IF(settlement_posting_id IS NULL, VALUES(fees_cents), fees_cents),
      taxes_cents = IF(settlement_posting_id IS NULL, VALUES(taxes_cents), taxes_cents),
      net_cents = IF(settlement_posting_id IS NULL, VALUES(net_cents), net_cents)`);
  return Number(result.rowsAffected);
}

export async function findCommissionStatement(db: Db, orgId: string, statementId: string, agencyId?: string | null) {
  const [row] = await db
    .select({ statement: commissionStatements, agencyName: agencies.name })
    .from(commissionStatements)
    .innerJoin(
      agencies,
      and(eq(agencies.orgId, commissionStatements.orgId), eq(agencies.id, commissionStatements.agencyId)),
    )
    .where(
      and(
        eq(commissionStatements.orgId, orgId),
        eq(commissionStatements.id, statementId),
        agencyId ? eq(commissionStatements.agencyId, agencyId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Every transaction a commission statement covers: the agency's policies booked in the period. */
export function listCommissionStatementLines(
  db: Db,
  orgId: string,
  statement: { agencyId: string; first: string; last: string },
  page: { offset: number; limit: number } = { offset: 0, limit: 10_000 },
) {
  return db
    .select({
      transactionId: policyTransactions.id,
      policyNumber: policies.policyNumber,
      insuredName: insureds.name,
      type: policyTransactions.type,
      bookedOn: policyTransactions.bookedOn,
      effectiveDate: policyTransactions.effectiveDate,
      premiumCents: policyTransactions.premiumCents,
      rate: policyTransactions.producerCommissionRate,
      commissionCents: policyTransactions.producerCommissionCents,
    })
    .from(policyTransactions)
    .innerJoin(
      policies,
      and(eq(policies.orgId, policyTransactions.orgId), eq(policies.id, policyTransactions.policyId)),
    )
    .leftJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .where(
      and(
        eq(policyTransactions.orgId, orgId),
        eq(policies.agencyId, statement.agencyId),
        // As the statement: agency-billed commission is kept by the agency, not paid (ADR 024).
        eq(policies.billingMethod, "direct"),
        sql`${policyTransactions.bookedOn} BETWEEN ${statement.first} AND ${statement.last}`,
      ),
    )
    .orderBy(asc(policyTransactions.bookedOn), asc(policies.policyNumber), asc(policyTransactions.sequence))
    .limit(page.limit)
    .offset(page.offset);
}

/** Approves a draft statement; false when it is not a draft (already approved, or paid). */
export async function approveCommissionStatementRow(db: Db, orgId: string, statementId: string, userId: string) {
  const result = await db
    .update(commissionStatements)
    .set({ status: "approved", approvedByUserId: userId, approvedAt: new Date() })
    .where(
      and(
        eq(commissionStatements.orgId, orgId),
        eq(commissionStatements.id, statementId),
        eq(commissionStatements.status, "draft"),
      ),
    );
  return Number(result.rowsAffected) === 1;
}

/** Marks an approved statement paid with its payout posting; false when someone paid it first. */
export async function markCommissionStatementPaid(db: Db, orgId: string, statementId: string, postingId: string) {
  const result = await db
    .update(commissionStatements)
    .set({ status: "paid", payoutPostingId: postingId, paidAt: new Date() })
    .where(
      and(
        eq(commissionStatements.orgId, orgId),
        eq(commissionStatements.id, statementId),
        eq(commissionStatements.status, "approved"),
      ),
    );
  return Number(result.rowsAffected) === 1;
}

export async function findCarrierStatement(db: Db, orgId: string, statementId: string) {
  const [row] = await db
    .select()
    .from(carrierStatements)
    .where(and(eq(carrierStatements.orgId, orgId), eq(carrierStatements.id, statementId)))
    .limit(1);
  return row ?? null;
}

/** A carrier statement with its carrier's name, for its document. */
export async function findCarrierStatementWithCarrier(db: Db, orgId: string, statementId: string) {
  const [row] = await db
    .select({ statement: carrierStatements, carrierName: carriers.name })
    .from(carrierStatements)
    .leftJoin(carriers, and(eq(carriers.orgId, carrierStatements.orgId), eq(carriers.id, carrierStatements.carrierId)))
    .where(and(eq(carrierStatements.orgId, orgId), eq(carrierStatements.id, statementId)))
    .limit(1);
  return row ?? null;
}

/** Every transaction a carrier statement covers: the carrier's policies booked in the period, as the bordereau lists them. */
export function listCarrierStatementLines(
  db: Db,
  orgId: string,
  statement: { carrierId: string; first: string; last: string },
) {
  const t = policyTransactions;
  return db
    .select({
      transactionId: t.id,
      policyNumber: policies.policyNumber,
      type: t.type,
      bookedOn: t.bookedOn,
      premiumCents: t.premiumCents,
      feesCents: t.feesCents,
      taxesCents: t.taxesCents,
      producerCommissionCents: t.producerCommissionCents,
      mgaCommissionCents: t.mgaCommissionCents,
    })
    .from(t)
    .innerJoin(policies, and(eq(policies.orgId, t.orgId), eq(policies.id, t.policyId)))
    .where(
      and(
        eq(t.orgId, orgId),
        eq(policies.carrierId, statement.carrierId),
        sql`${t.bookedOn} BETWEEN ${statement.first} AND ${statement.last}`,
      ),
    )
    .orderBy(asc(t.bookedOn), asc(policies.policyNumber), asc(t.sequence));
}

export async function markCarrierStatementSettled(db: Db, orgId: string, statementId: string, postingId: string) {
  const result = await db
    .update(carrierStatements)
    .set({ settlementPostingId: postingId, settledAt: new Date() })
    .where(
      and(
        eq(carrierStatements.orgId, orgId),
        eq(carrierStatements.id, statementId),
        sql`${carrierStatements.settlementPostingId} IS NULL`,
      ),
    );
  return Number(result.rowsAffected) === 1;
}

/** Premium and premium tax booked per state and month ("YYYY-MM") between two dates. */
export async function premiumTaxByStateAndMonth(db: Db, orgId: string, range: { first: string; last: string }) {
  const month = sql<string>`DATE_FORMAT(${policyTransactions.bookedOn}, '%Y-%m')`;
  return db
    .select({
      state: policies.state,
      month,
      taxableCents: sql<string>`sum(${policyTransactions.premiumCents})`.mapWith(Number),
      taxesCents: sql<string>`sum(${policyTransactions.taxesCents})`.mapWith(Number),
    })
    .from(policyTransactions)
    .innerJoin(
      policies,
      and(eq(policies.orgId, policyTransactions.orgId), eq(policies.id, policyTransactions.policyId)),
    )
    .where(
      and(
        eq(policyTransactions.orgId, orgId),
        sql`${policyTransactions.bookedOn} BETWEEN ${range.first} AND ${range.last}`,
      ),
    )
    .groupBy(policies.state, month)
    .orderBy(asc(policies.state), asc(month));
}

export function listTaxRemittances(db: Db, orgId: string) {
  return db.select().from(taxRemittances).where(eq(taxRemittances.orgId, orgId));
}

export async function insertTaxRemittance(
  db: Db,
  orgId: string,
  row: { id: string; state: string; period: string; amountCents: number; recordedByUserId: string },
) {
  const result = await db
    .insert(taxRemittances)
    .ignore()
    .values({ ...row, orgId });
  return Number(result.rowsAffected) === 1;
}

/**
 * Open receivables by age on `today`: each open invoice's unpaid balance (returned payments left
 * out), grouped by aging bucket, agency and program.
 */
export async function sumReceivablesByAge(db: Db, orgId: string, today: string) {
  const paid = sql`(SELECT COALESCE(SUM(${payments.amountCents}), 0) FROM ${payments}
    WHERE ${payments.orgId} = ${invoices.orgId} AND ${payments.invoiceId} = ${invoices.id}
      AND NOT EXISTS (SELECT 1 FROM ${paymentReturns} WHERE ${paymentReturns.orgId} = ${payments.orgId} AND ${paymentReturns.paymentId} = ${payments.id}))`;
  const late = sql`DATEDIFF(${today}, ${invoices.dueDate})`;
  const bucket = sql<string>`CASE WHEN ${late} <= 0 THEN 'current' WHEN ${late} <= 30 THEN '1-30' WHEN ${late} <= 60 THEN '31-60' WHEN ${late} <= 90 THEN '61-90' ELSE '90+' END`;
  return db
    .select({
      bucket,
      agencyName: agencies.name,
      programName: programs.name,
      invoiceCount: sql<string>`count(*)`.mapWith(Number),
      balanceCents: sql<string>`sum(${invoices.amountCents} - ${paid})`.mapWith(Number),
    })
    .from(invoices)
    .innerJoin(policies, and(eq(policies.orgId, invoices.orgId), eq(policies.id, invoices.policyId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)))
    .innerJoin(programs, and(eq(programs.orgId, policies.orgId), eq(programs.id, policies.programId)))
    .where(and(eq(invoices.orgId, orgId), sql`${invoices.status} IN ('invoiced', 'overdue')`))
    .groupBy(bucket, agencies.name, programs.name)
    .orderBy(asc(agencies.name), asc(programs.name));
}

/** Every paid commission statement, settled carrier statement and tax remittance with its posting (ADR 024). */
export async function listPaidStatementPostings(db: Db, orgId: string) {
  const [commission, carrier, taxes] = await Promise.all([
    db
      .select({
        postingId: commissionStatements.payoutPostingId,
        amountCents: commissionStatements.commissionCents,
        period: commissionStatements.period,
        agencyName: agencies.name,
      })
      .from(commissionStatements)
      .innerJoin(
        agencies,
        and(eq(agencies.orgId, commissionStatements.orgId), eq(agencies.id, commissionStatements.agencyId)),
      )
      .where(and(eq(commissionStatements.orgId, orgId), isNotNull(commissionStatements.payoutPostingId))),
    db
      .select({
        postingId: carrierStatements.settlementPostingId,
        amountCents: carrierStatements.netCents,
        period: carrierStatements.period,
        carrierName: carriers.name,
      })
      .from(carrierStatements)
      .innerJoin(
        carriers,
        and(eq(carriers.orgId, carrierStatements.orgId), eq(carriers.id, carrierStatements.carrierId)),
      )
      .where(and(eq(carrierStatements.orgId, orgId), isNotNull(carrierStatements.settlementPostingId))),
    db
      .select({
        postingId: taxRemittances.id,
        amountCents: taxRemittances.amountCents,
        period: taxRemittances.period,
        state: taxRemittances.state,
      })
      .from(taxRemittances)
      .where(eq(taxRemittances.orgId, orgId)),
  ]);
  return [
    ...commission.map((c) => ({
      postingId: c.postingId!,
      amountCents: c.amountCents,
      subject: `commission statement ${c.period} (${c.agencyName})`,
    })),
    ...carrier.map((c) => ({
      postingId: c.postingId!,
      amountCents: c.amountCents,
      subject: `carrier statement ${c.period} (${c.carrierName})`,
    })),
    ...taxes.map((t) => ({
      postingId: t.postingId,
      amountCents: t.amountCents,
      subject: `premium tax ${t.period} (${t.state})`,
    })),
  ];
}
