import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import {
  agencies,
  agencyStatementItems,
  agencyStatements,
  installments,
  insureds,
  invoices,
  ledgerEntries,
  ledgerPostings,
  paymentReturns,
  payments,
  policies,
  policyTransactions,
} from "../../db/schema/index.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";
import { ALLOCATING_KINDS } from "./policy-money.server.ts";

// Agency bill statements (ADR 024), built set-based by the month-end run.

type Db = Database | Transaction;

/** round-half-even(product / divisor) for non-negative integers, as premium-allocation.ts rounds. */
function halfEven(product: SQL, divisor: SQL) {
  return sql`((${product}) DIV (${divisor}) + IF(2 * MOD(${product}, ${divisor}) > (${divisor}) OR (2 * MOD(${product}, ${divisor}) = (${divisor}) AND MOD((${product}) DIV (${divisor}), 2) = 1), 1, 0))`;
}

const statementId = (org: SQL, agency: SQL, period: string) =>
  sql`CONCAT('ags_', LEFT(SHA2(CONCAT(${org}, ':', ${agency}, ':', ${period}), 256), 24))`;

/**
 * Legs of a policy's allocating postings that give the producer commission part its money. The
 * agency-bill receipt's `commission_netted` leg (billing/agency-bill.ts) is no part's: left out.
 */
const PRODUCER_LEGS = [
  "producer_commission",
  "producer_commission_back",
  "commission_clawback",
  "commission_clawback_reversal",
];

/**
 * Puts every unpaid agency-billed invoice due by the period's end that is on no statement yet on
 * its agency's statement for the period, with the commission the agency keeps of it: the policy's
 * cumulative producer share once the invoice is received less the share before it (the invoices
 * of one policy taken by due date after what its postings already allocated, and after its
 * invoices waiting on open statements). Then writes or refreshes the open statements' totals.
 */
export async function upsertAgencyStatements(
  db: Db,
  period: { name: string; first: string; last: string },
  orgs?: OrgScope,
) {
  const allocating = sql.join(
    ALLOCATING_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  const producerLegs = sql.join(
    PRODUCER_LEGS.map((l) => sql`${l}`),
    sql`, `,
  );
  const signed = sql`IF(${ledgerEntries.creditAccount} = 2, -${ledgerEntries.amountCents}, ${ledgerEntries.amountCents})`;
  const id = statementId(sql`c.org_id`, sql`c.agency_id`, period.name);
  await db.execute(sql`/* unscoped: the month-end run covers every organization */
    INSERT INTO ${agencyStatementItems} (org_id, statement_id, invoice_id, policy_id, gross_cents, commission_cents)
    SELECT c.org_id, ${id}, c.invoice_id, c.policy_id, c.gross,
      IF(c.total = 0, 0,
        ${halfEven(sql`c.commission * (c.received + c.cum)`, sql`c.total`)}
        - IF(c.cum = c.gross, c.allocated_commission, ${halfEven(sql`c.commission * (c.received + c.cum - c.gross)`, sql`c.total`)}))
    FROM (
      SELECT i.org_id, p.agency_id, i.id AS invoice_id, i.policy_id, i.amount_cents AS gross,
        SUM(i.amount_cents) OVER (PARTITION BY i.org_id, i.policy_id ORDER BY i.due_date, i.id) AS cum,
        f.total + COALESCE(fees.cents, 0) AS total, f.commission,
        COALESCE(a.received, 0) AS received, COALESCE(a.commission, 0) AS allocated_commission,
        it.invoice_id AS on_statement
      FROM ${invoices} i
      INNER JOIN ${policies} p ON p.org_id = i.org_id AND p.id = i.policy_id AND p.billing_method = 'agency'
      INNER JOIN (
        SELECT t.org_id, t.policy_id, SUM(t.premium_cents + t.fees_cents + t.taxes_cents) AS total,
          SUM(t.producer_commission_cents) AS commission
        FROM ${policyTransactions} t
        INNER JOIN ${policies} tp ON tp.org_id = t.org_id AND tp.id = t.policy_id AND tp.billing_method = 'agency'
        WHERE 1 = 1 ${andInOrgScope(sql`t.org_id`, orgs)}
        GROUP BY t.org_id, t.policy_id
      ) f ON f.org_id = i.org_id AND f.policy_id = i.policy_id
      LEFT JOIN (
        SELECT ins.org_id, ins.policy_id, SUM(ins.fee_cents) AS cents FROM ${installments} ins
        WHERE 1 = 1 ${andInOrgScope(sql`ins.org_id`, orgs)}
        GROUP BY ins.org_id, ins.policy_id
      ) fees ON fees.org_id = i.org_id AND fees.policy_id = i.policy_id
      LEFT JOIN (
        SELECT ${ledgerEntries.orgId} AS org_id, ${ledgerPostings.policyId} AS policy_id, SUM(${signed}) AS received,
          SUM(IF(${ledgerEntries.leg} IN (${producerLegs}), ${signed}, 0)) AS commission
        FROM ${ledgerEntries}
        INNER JOIN ${ledgerPostings} ON ${ledgerPostings.orgId} = ${ledgerEntries.orgId} AND ${ledgerPostings.id} = ${ledgerEntries.postingId}
        WHERE ${ledgerPostings.kind} IN (${allocating}) AND ${ledgerPostings.status} <> 'rejected'
          AND ${ledgerEntries.leg} <> 'commission_netted' ${andInOrgScope(ledgerEntries.orgId, orgs)}
        GROUP BY ${ledgerEntries.orgId}, ${ledgerPostings.policyId}
      ) a ON a.org_id = i.org_id AND a.policy_id = i.policy_id
      LEFT JOIN ${agencyStatementItems} it ON it.org_id = i.org_id AND it.invoice_id = i.id
      WHERE i.status IN ('invoiced', 'overdue') AND i.due_date <= ${period.last} ${andInOrgScope(sql`i.org_id`, orgs)}
        AND NOT EXISTS (
          SELECT 1 FROM ${payments} pay
          LEFT JOIN ${paymentReturns} ret ON ret.org_id = pay.org_id AND ret.payment_id = pay.id
          WHERE pay.org_id = i.org_id AND pay.invoice_id = i.id AND ret.id IS NULL)
    ) c
    WHERE c.on_statement IS NULL
      AND NOT EXISTS (SELECT 1 FROM ${agencyStatements} s WHERE s.id = ${id} AND s.status = 'received')
    ON DUPLICATE KEY UPDATE org_id = agency_statement_items.org_id`);
  const result = await db.execute(sql`/* unscoped: the month-end run covers every organization */
    INSERT INTO ${agencyStatements}
      (id, org_id, agency_id, period, invoice_count, gross_cents, commission_cents, net_cents, status, created_at)
    SELECT it.statement_id, it.org_id, p.agency_id, ${period.name}, COUNT(*), SUM(it.gross_cents),
      SUM(it.commission_cents), SUM(it.gross_cents - it.commission_cents), 'open', UTC_TIMESTAMP(3)
    FROM ${agencyStatementItems} it
    INNER JOIN ${policies} p ON p.org_id = it.org_id AND p.id = it.policy_id
    WHERE it.statement_id = ${statementId(sql`it.org_id`, sql`p.agency_id`, period.name)} ${andInOrgScope(sql`it.org_id`, orgs)}
    GROUP BY it.statement_id, it.org_id, p.agency_id
    ON DUPLICATE KEY UPDATE
      invoice_count = IF(status = 'open', VALUES(invoice_count), invoice_count),
      gross_cents = IF(status = 'open', VALUES(gross_cents), gross_cents),
      commission_cents = IF(status = 'open', VALUES(commission_cents), commission_cents),
      net_cents = IF(status = 'open', VALUES(net_cents), net_cents)`);
  return Number(result.rowsAffected);
}

/** An agency statement, locked for its receipt. */
export async function lockAgencyStatement(tx: Transaction, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(agencyStatements)
    .where(and(eq(agencyStatements.orgId, orgId), eq(agencyStatements.id, id)))
    .for("update");
  return row ?? null;
}

/** The invoices on a statement in the order their receipt allocates them (per policy, by due date). */
export function listAgencyStatementItems(db: Db, orgId: string, id: string) {
  return db
    .select({
      item: agencyStatementItems,
      dueDate: invoices.dueDate,
      invoiceNumber: invoices.invoiceNumber,
      policyNumber: policies.policyNumber,
      insuredName: insureds.name,
    })
    .from(agencyStatementItems)
    .innerJoin(
      invoices,
      and(eq(invoices.orgId, agencyStatementItems.orgId), eq(invoices.id, agencyStatementItems.invoiceId)),
    )
    .innerJoin(
      policies,
      and(eq(policies.orgId, agencyStatementItems.orgId), eq(policies.id, agencyStatementItems.policyId)),
    )
    .leftJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .where(and(eq(agencyStatementItems.orgId, orgId), eq(agencyStatementItems.statementId, id)))
    .orderBy(asc(agencyStatementItems.policyId), asc(invoices.dueDate), asc(invoices.id));
}

export async function setAgencyItemPayment(tx: Transaction, orgId: string, invoiceId: string, paymentId: string) {
  await tx
    .update(agencyStatementItems)
    .set({ paymentId })
    .where(and(eq(agencyStatementItems.orgId, orgId), eq(agencyStatementItems.invoiceId, invoiceId)));
}

export async function markAgencyStatementReceived(
  tx: Transaction,
  orgId: string,
  id: string,
  receipt: { userId: string; reference: string | null },
) {
  await tx
    .update(agencyStatements)
    .set({
      status: "received",
      receivedByUserId: receipt.userId,
      receivedAt: new Date(),
      reference: receipt.reference,
    })
    .where(and(eq(agencyStatements.orgId, orgId), eq(agencyStatements.id, id)));
}

/** Items of the org's received statements: what reconciliation checks each receipt against. */
export function listReceivedAgencyItems(db: Db, orgId: string) {
  return db
    .select({
      statementId: agencyStatementItems.statementId,
      paymentId: agencyStatementItems.paymentId,
      grossCents: agencyStatementItems.grossCents,
      commissionCents: agencyStatementItems.commissionCents,
      statementNetCents: agencyStatements.netCents,
    })
    .from(agencyStatementItems)
    .innerJoin(
      agencyStatements,
      and(
        eq(agencyStatements.orgId, agencyStatementItems.orgId),
        eq(agencyStatements.id, agencyStatementItems.statementId),
      ),
    )
    .where(and(eq(agencyStatementItems.orgId, orgId), inArray(agencyStatements.status, ["received"])));
}

/** One of the org's agency statements with its agency's name. */
export async function findAgencyStatement(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ statement: agencyStatements, agencyName: agencies.name })
    .from(agencyStatements)
    .innerJoin(agencies, and(eq(agencies.orgId, agencyStatements.orgId), eq(agencies.id, agencyStatements.agencyId)))
    .where(and(eq(agencyStatements.orgId, orgId), eq(agencyStatements.id, id)))
    .limit(1);
  return row ?? null;
}
