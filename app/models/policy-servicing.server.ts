import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";
import {
  insureds,
  installments,
  invoices,
  ledgerEntries,
  ledgerPostings,
  payments,
  policies,
  policyCredits,
  policyNotices,
  policyTransactions,
  programs,
  quoteOptions,
  quotes,
  rateTables,
  taxTables,
  submissionDocuments,
  submissions,
  type PolicyServicingDetails,
  type PolicyStatus,
} from "../../db/schema/index.ts";
import { createId } from "../utils/ids.ts";
import { visiblePolicies } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

// What servicing a policy after bind reads and writes (issue 12): its transactions, notices,
// open billing and credits, and the daily lifecycle job's set-based updates.

type Db = Database | Transaction;

/**
 * Locks a policy the user may see for a servicing change: every endorsement, cancellation and
 * reinstatement of one policy queues behind the others, so sequences and totals stay exact.
 */
export async function lockPolicyForServicing(tx: Transaction, tenant: TenantContext, policyId: string) {
  const [row] = await tx
    .select({ policy: policies, minimumEarnedRate: programs.minimumEarnedRate })
    .from(policies)
    .innerJoin(programs, and(eq(programs.orgId, policies.orgId), eq(programs.id, policies.programId)))
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .for("update");
  return row ?? null;
}

/** The same policy, read without a lock (previews, pages). */
export async function findPolicyForServicing(db: Db, tenant: TenantContext, policyId: string) {
  const [row] = await db
    .select({ policy: policies, minimumEarnedRate: programs.minimumEarnedRate, insuredName: insureds.name })
    .from(policies)
    .innerJoin(programs, and(eq(programs.orgId, policies.orgId), eq(programs.id, policies.programId)))
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  return row ?? null;
}

export function listPolicyTransactions(db: Db, orgId: string, policyId: string) {
  return db
    .select()
    .from(policyTransactions)
    .where(and(eq(policyTransactions.orgId, orgId), eq(policyTransactions.policyId, policyId)))
    .orderBy(asc(policyTransactions.sequence));
}

export type NewPolicyTransactionRow = typeof policyTransactions.$inferInsert;

export async function insertPolicyTransaction(tx: Transaction, row: NewPolicyTransactionRow) {
  await tx.insert(policyTransactions).values(row);
}

export async function findPolicyTransaction(db: Db, orgId: string, policyId: string, transactionId: string) {
  const [row] = await db
    .select()
    .from(policyTransactions)
    .where(
      and(
        eq(policyTransactions.orgId, orgId),
        eq(policyTransactions.policyId, policyId),
        eq(policyTransactions.id, transactionId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function findPolicyNotice(db: Db, orgId: string, policyId: string, noticeId: string) {
  const [row] = await db
    .select()
    .from(policyNotices)
    .where(and(eq(policyNotices.orgId, orgId), eq(policyNotices.policyId, policyId), eq(policyNotices.id, noticeId)))
    .limit(1);
  return row ?? null;
}

export async function setTransactionDocument(db: Db, orgId: string, transactionId: string, documentKey: string) {
  await db
    .update(policyTransactions)
    .set({ documentKey })
    .where(and(eq(policyTransactions.orgId, orgId), eq(policyTransactions.id, transactionId)));
}

/** Re-prices recorded endorsements after an out-of-sequence one (their premium is what they now earn). */
export async function updatePolicy(
  tx: Transaction,
  orgId: string,
  policyId: string,
  set: Partial<
    Pick<
      typeof policies.$inferInsert,
      | "status"
      | "grossPremiumCents"
      | "feesCents"
      | "taxesCents"
      | "occurrenceLimitCents"
      | "aggregateLimitCents"
      | "deductibleCents"
      | "servicingDetails"
    >
  >,
) {
  await tx
    .update(policies)
    .set(set)
    .where(and(eq(policies.orgId, orgId), eq(policies.id, policyId)));
}

/** Money received on the policy so far. */
export async function policyPaidCents(db: Db, orgId: string, policyId: string): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string | null>`sum(${payments.amountCents})` })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), eq(payments.policyId, policyId)));
  return Number(row?.cents ?? 0);
}

/** What the policy bills in all: its invoices not waived plus installments not yet invoiced. */
export async function policyBilledCents(db: Db, orgId: string, policyId: string): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string | null>`sum(${installments.amountCents})` })
    .from(installments)
    .where(and(eq(installments.orgId, orgId), eq(installments.policyId, policyId), ne(installments.status, "waived")));
  const [extra] = await db
    .select({ cents: sql<string | null>`sum(${invoices.amountCents})` })
    .from(invoices)
    .leftJoin(installments, and(eq(installments.orgId, invoices.orgId), eq(installments.invoiceId, invoices.id)))
    .where(
      and(
        eq(invoices.orgId, orgId),
        eq(invoices.policyId, policyId),
        ne(invoices.status, "waived"),
        sql`${installments.id} IS NULL`,
      ),
    );
  return Number(row?.cents ?? 0) + Number(extra?.cents ?? 0);
}

/** Installments not yet invoiced, latest first: a return premium lowers these before it is credited. */
export function listPendingInstallments(db: Db, orgId: string, policyId: string) {
  return db
    .select()
    .from(installments)
    .where(and(eq(installments.orgId, orgId), eq(installments.policyId, policyId), eq(installments.status, "pending")))
    .orderBy(desc(installments.number));
}

/** Invoices of the policy still open (not paid, not waived). */
export async function listOpenInvoiceIds(db: Db, orgId: string, policyId: string): Promise<string[]> {
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.orgId, orgId),
        eq(invoices.policyId, policyId),
        inArray(invoices.status, ["invoiced", "overdue"]),
      ),
    );
  return rows.map((r) => r.id);
}

/** An installment a cancellation waived comes back: invoiced again when it has an invoice, else pending. */
export async function restoreInstallment(tx: Transaction, orgId: string, installmentId: string) {
  await tx
    .update(installments)
    .set({ status: sql`CASE WHEN ${installments.invoiceId} IS NULL THEN 'pending' ELSE 'invoiced' END` })
    .where(and(eq(installments.orgId, orgId), eq(installments.id, installmentId), eq(installments.status, "waived")));
}

/** A credit no longer owed (its cancellation was reinstated): nothing remains of it. */
export async function closePolicyCredit(tx: Transaction, orgId: string, creditId: string) {
  await tx
    .update(policyCredits)
    .set({ remainingCents: 0, status: "applied" })
    .where(and(eq(policyCredits.orgId, orgId), eq(policyCredits.id, creditId)));
}

export async function setInstallmentAmount(
  tx: Transaction,
  orgId: string,
  installmentId: string,
  amounts: { shareCents: number; amountCents: number; status: "pending" | "waived" },
) {
  await tx
    .update(installments)
    .set(amounts)
    .where(and(eq(installments.orgId, orgId), eq(installments.id, installmentId)));
}

/**
 * A cancellation ends the billing: every installment not paid is waived, and every invoice not
 * paid with it. What the insured still owes for the time on cover is billed on a new invoice.
 */
export async function waiveOpenBilling(tx: Transaction, orgId: string, policyId: string) {
  await tx
    .update(installments)
    .set({ status: "waived" })
    .where(
      and(
        eq(installments.orgId, orgId),
        eq(installments.policyId, policyId),
        inArray(installments.status, ["pending", "invoiced", "overdue"]),
      ),
    );
  await tx
    .update(invoices)
    .set({ status: "waived" })
    .where(
      and(
        eq(invoices.orgId, orgId),
        eq(invoices.policyId, policyId),
        inArray(invoices.status, ["invoiced", "overdue"]),
      ),
    );
}

export async function insertServicingInvoice(
  tx: Transaction,
  orgId: string,
  invoice: { id: string; policyId: string; invoiceNumber: string; dueDate: string; amountCents: number },
) {
  await tx.insert(invoices).values({ ...invoice, orgId, status: "invoiced" });
}

export async function insertReturnPremiumCredit(
  tx: Transaction,
  orgId: string,
  credit: { policyId: string; transactionId: string; amountCents: number },
) {
  await tx.insert(policyCredits).values({
    id: createId("pcr"),
    orgId,
    policyId: credit.policyId,
    source: "return_premium",
    sourceId: credit.transactionId,
    amountCents: credit.amountCents,
    remainingCents: credit.amountCents,
    status: "open",
  });
}

export function listPolicyCredits(db: Db, orgId: string, policyId: string) {
  return db
    .select()
    .from(policyCredits)
    .where(and(eq(policyCredits.orgId, orgId), eq(policyCredits.policyId, policyId)))
    .orderBy(asc(policyCredits.createdAt));
}

/** Every return-premium credit of the organization, for reconciliation against its postings. */
export function listReturnPremiumCredits(db: Db, orgId: string) {
  return db
    .select({ sourceId: policyCredits.sourceId, amountCents: policyCredits.amountCents })
    .from(policyCredits)
    .where(and(eq(policyCredits.orgId, orgId), eq(policyCredits.source, "return_premium")));
}

/** The rating a policy was bound on: its submission, quote (pinned tables, schedule) and option. */
export async function findPolicyRatingSource(
  db: Db,
  orgId: string,
  policy: { submissionId: string | null; quoteOptionId: string | null },
) {
  if (!policy.submissionId || !policy.quoteOptionId) return null;
  const [row] = await db
    .select({ submission: submissions, quote: quotes, option: quoteOptions })
    .from(quoteOptions)
    .innerJoin(quotes, and(eq(quotes.orgId, quoteOptions.orgId), eq(quotes.id, quoteOptions.quoteId)))
    .innerJoin(submissions, and(eq(submissions.orgId, quotes.orgId), eq(submissions.id, quotes.submissionId)))
    .where(
      and(
        eq(quoteOptions.orgId, orgId),
        eq(quoteOptions.id, policy.quoteOptionId),
        eq(submissions.id, policy.submissionId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The rate and tax table versions pinned on the quote a policy was bound from. */
export async function findPinnedTables(db: Db, orgId: string, rateTableId: string, taxTableId: string) {
  const [[rate], [tax]] = await Promise.all([
    db
      .select()
      .from(rateTables)
      .where(and(eq(rateTables.orgId, orgId), eq(rateTables.id, rateTableId)))
      .limit(1),
    db
      .select()
      .from(taxTables)
      .where(and(eq(taxTables.orgId, orgId), eq(taxTables.id, taxTableId)))
      .limit(1),
  ]);
  return rate && tax ? { rate, tax } : null;
}

/** The insured's years in business, which rating reads. */
export async function findInsuredYearsInBusiness(db: Db, orgId: string, insuredId: string) {
  const [row] = await db
    .select({ yearsInBusiness: insureds.yearsInBusiness })
    .from(insureds)
    .where(and(eq(insureds.orgId, orgId), eq(insureds.id, insuredId)))
    .limit(1);
  return row?.yearsInBusiness ?? null;
}

/** Pending requests (changes or cancellations a producer or policyholder asked for) of a policy. */
export function listPendingRequests(db: Db, orgId: string, policyId: string) {
  return db
    .select()
    .from(policyNotices)
    .where(
      and(
        eq(policyNotices.orgId, orgId),
        eq(policyNotices.policyId, policyId),
        eq(policyNotices.kind, "request"),
        eq(policyNotices.status, "pending"),
      ),
    )
    .orderBy(asc(policyNotices.createdAt));
}

// ---- Notices

export type NewPolicyNotice = Omit<typeof policyNotices.$inferInsert, "orgId">;

export async function insertPolicyNotice(tx: Transaction, orgId: string, notice: NewPolicyNotice) {
  await tx.insert(policyNotices).values({ ...notice, orgId });
}

export function listPolicyNotices(db: Db, orgId: string, policyId: string) {
  return db
    .select()
    .from(policyNotices)
    .where(and(eq(policyNotices.orgId, orgId), eq(policyNotices.policyId, policyId)))
    .orderBy(asc(policyNotices.createdAt));
}

export async function setNoticeOutcome(
  tx: Db,
  orgId: string,
  noticeId: string,
  outcome: { status: "executed" | "rescinded"; transactionId?: string | null },
) {
  await tx
    .update(policyNotices)
    .set({ status: outcome.status, transactionId: outcome.transactionId ?? null })
    .where(and(eq(policyNotices.orgId, orgId), eq(policyNotices.id, noticeId), eq(policyNotices.status, "pending")));
}

export async function setNoticeDocument(db: Db, orgId: string, noticeId: string, documentKey: string) {
  await db
    .update(policyNotices)
    .set({ documentKey })
    .where(and(eq(policyNotices.orgId, orgId), eq(policyNotices.id, noticeId)));
}

/**
 * Invoices of every organization unpaid past their due date (whatever their status says) on a
 * policy still in force with no notice for them yet: the non-payment chain's start.
 */
export async function listOverdueInvoicesWithoutNotice(db: Database, today: string, orgs: OrgScope, limit = 500) {
  const result = await db.execute(sql`/* unscoped: the daily job looks at every organization's invoices */
    SELECT ${invoices.id} AS invoice_id, ${invoices.orgId} AS org_id, ${invoices.policyId} AS policy_id,
      ${invoices.amountCents} - COALESCE((SELECT SUM(${payments.amountCents}) FROM ${payments}
        WHERE ${payments.orgId} = ${invoices.orgId} AND ${payments.invoiceId} = ${invoices.id}), 0) AS overdue_cents
    FROM ${invoices}
    JOIN ${policies} ON ${policies.orgId} = ${invoices.orgId} AND ${policies.id} = ${invoices.policyId}
    LEFT JOIN ${policyNotices} ON ${policyNotices.orgId} = ${invoices.orgId} AND ${policyNotices.invoiceId} = ${invoices.id}
    WHERE ${invoices.status} IN ('invoiced', 'overdue') AND ${invoices.dueDate} < ${today}
      AND ${policies.status} IN ('issued', 'active') AND ${policyNotices.id} IS NULL
      ${andInOrgScope(invoices.orgId, orgs)}
    ORDER BY ${invoices.dueDate}, ${invoices.id}
    LIMIT ${limit}`);
  return (
    result.rows as { invoice_id: string; org_id: string; policy_id: string; overdue_cents: string | number }[]
  ).map((r) => ({
    invoiceId: r.invoice_id,
    orgId: r.org_id,
    policyId: r.policy_id,
    overdueCents: Number(r.overdue_cents),
  }));
}

/** Pending notices of every organization whose effective date has come. */
export async function listNoticesDue(db: Database, today: string, orgs: OrgScope, limit = 500) {
  const result = await db.execute(sql`/* unscoped: the daily job executes every organization's notices */
    SELECT ${policyNotices.id} AS id, ${policyNotices.orgId} AS org_id, ${policyNotices.policyId} AS policy_id
    FROM ${policyNotices}
    WHERE ${policyNotices.status} = 'pending' AND ${policyNotices.effectiveOn} <= ${today}
      AND ${policyNotices.kind} IN ('cancellation', 'non_payment')
      ${andInOrgScope(policyNotices.orgId, orgs)}
    ORDER BY ${policyNotices.effectiveOn}, ${policyNotices.id}
    LIMIT ${limit}`);
  return (result.rows as { id: string; org_id: string; policy_id: string }[]).map((r) => ({
    id: r.id,
    orgId: r.org_id,
    policyId: r.policy_id,
  }));
}

export async function lockNotice(tx: Transaction, orgId: string, noticeId: string) {
  const [row] = await tx
    .select()
    .from(policyNotices)
    .where(and(eq(policyNotices.orgId, orgId), eq(policyNotices.id, noticeId)))
    .for("update");
  return row ?? null;
}

/** The policy's pending non-payment notice or the latest non-payment cancellation, for the payment hook. */
export function listNonPaymentNotices(db: Db, orgId: string, policyId: string) {
  return db
    .select()
    .from(policyNotices)
    .where(
      and(eq(policyNotices.orgId, orgId), eq(policyNotices.policyId, policyId), eq(policyNotices.kind, "non_payment")),
    )
    .orderBy(desc(policyNotices.issuedOn));
}

/** Whether an invoice has been paid in full (what a non-payment notice waits for). */
export async function invoiceSettled(db: Db, orgId: string, invoiceId: string): Promise<boolean> {
  const [[invoice], [paid]] = await Promise.all([
    db
      .select({ amount: invoices.amountCents })
      .from(invoices)
      .where(and(eq(invoices.orgId, orgId), eq(invoices.id, invoiceId)))
      .limit(1),
    db
      .select({ cents: sql<string | null>`sum(${payments.amountCents})` })
      .from(payments)
      .where(and(eq(payments.orgId, orgId), eq(payments.invoiceId, invoiceId))),
  ]);
  return invoice !== undefined && Number(paid?.cents ?? 0) >= invoice.amount;
}

export async function setInvoiceStatus(
  tx: Transaction,
  orgId: string,
  invoiceId: string,
  status: "invoiced" | "paid" | "waived",
) {
  await tx
    .update(invoices)
    .set({ status })
    .where(and(eq(invoices.orgId, orgId), eq(invoices.id, invoiceId)));
}

// ---- Ledger postings of a policy's returns

export async function findPostingLegs(db: Db, orgId: string, postingId: string) {
  return db
    .select({
      leg: ledgerEntries.leg,
      debitAccount: ledgerEntries.debitAccount,
      creditAccount: ledgerEntries.creditAccount,
      amountCents: ledgerEntries.amountCents,
      transferCode: ledgerEntries.transferCode,
    })
    .from(ledgerEntries)
    .innerJoin(
      ledgerPostings,
      and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)),
    )
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.postingId, postingId)))
    .orderBy(asc(ledgerEntries.position));
}

// ---- The daily lifecycle job (set-based, chunked by id range)

const declarationsStored = sql`EXISTS (SELECT 1 FROM ${submissionDocuments} WHERE ${submissionDocuments.orgId} = ${policies.orgId}
  AND ${submissionDocuments.policyId} = ${policies.id} AND ${submissionDocuments.kind} = 'declarations')`;

/** Policy id bounds of one chunk: ids from `after` (exclusive), `size` of them. */
export async function nextPolicyIdChunk(db: Database, after: string, size: number): Promise<string | null> {
  const result = await db.execute(sql`/* unscoped: the daily job walks every organization's policies by id */
    SELECT MAX(id) AS last FROM (SELECT ${policies.id} AS id FROM ${policies} WHERE ${policies.id} > ${after}
      ORDER BY ${policies.id} LIMIT ${size}) AS chunk`);
  const last = (result.rows[0] as { last: string | null } | undefined)?.last ?? null;
  return last;
}

/**
 * One chunk of the daily transitions, in three statements: bound policies with declarations and
 * an invoice become issued, issued ones whose effective date has come become active, active ones
 * past their expiration date become expired (or non-renewed, when a non-renewal notice stands).
 * `today` is the business date of every organization in `orgs` (the dispatcher's cohort).
 */
export async function advancePolicyChunk(
  db: Database,
  range: { after: string; last: string },
  today: string,
  orgs: OrgScope,
): Promise<{ issued: string[]; activated: number; expired: number; nonRenewed: number }> {
  const inRange = sql`${policies.id} > ${range.after} AND ${policies.id} <= ${range.last} ${andInOrgScope(policies.orgId, orgs)}`;
  const issuedRows = await db.execute(sql`/* unscoped: the daily job issues every organization's bound policies */
    SELECT ${policies.id} AS id, ${policies.orgId} AS org_id FROM ${policies}
    WHERE ${inRange} AND ${policies.status} = 'bound' AND ${declarationsStored}
      AND EXISTS (SELECT 1 FROM ${invoices} WHERE ${invoices.orgId} = ${policies.orgId} AND ${invoices.policyId} = ${policies.id})`);
  const issued = (issuedRows.rows as { id: string; org_id: string }[]).map((r) => `${r.org_id}:${r.id}`);
  const activated = await db.execute(sql`/* unscoped: the daily job activates every organization's policies */
    UPDATE ${policies} SET ${policies.status} = 'active', ${policies.updatedAt} = ${new Date()}
    WHERE ${inRange} AND ${policies.status} = 'issued' AND ${policies.effectiveDate} <= ${today}
      AND ${policies.expirationDate} > ${today}`);
  const nonRenewed = await db.execute(sql`/* unscoped: the daily job ends every organization's non-renewed policies */
    UPDATE ${policies} SET ${policies.status} = 'non_renewed', ${policies.updatedAt} = ${new Date()}
    WHERE ${inRange} AND ${policies.status} IN ('issued', 'active') AND ${policies.expirationDate} <= ${today}
      AND EXISTS (SELECT 1 FROM ${policyNotices} WHERE ${policyNotices.orgId} = ${policies.orgId}
        AND ${policyNotices.policyId} = ${policies.id} AND ${policyNotices.kind} = 'non_renewal'
        AND ${policyNotices.status} = 'pending')`);
  await db.execute(sql`/* unscoped: the daily job settles the notices of the policies it just ended */
    UPDATE ${policyNotices} JOIN ${policies} ON ${policies.orgId} = ${policyNotices.orgId} AND ${policies.id} = ${policyNotices.policyId}
    SET ${policyNotices.status} = 'executed'
    WHERE ${inRange} AND ${policies.status} = 'non_renewed' AND ${policyNotices.kind} = 'non_renewal'
      AND ${policyNotices.status} = 'pending'`);
  const expired = await db.execute(sql`/* unscoped: the daily job expires every organization's policies */
    UPDATE ${policies} SET ${policies.status} = 'expired', ${policies.updatedAt} = ${new Date()}
    WHERE ${inRange} AND ${policies.status} IN ('issued', 'active') AND ${policies.expirationDate} <= ${today}`);
  return {
    issued,
    activated: affected(activated),
    expired: affected(expired),
    nonRenewed: affected(nonRenewed),
  };
}

function affected(result: unknown): number {
  const r = result as { rowsAffected?: number; affectedRows?: number };
  return Number(r.rowsAffected ?? r.affectedRows ?? 0);
}

/** Marks a bound policy issued (the declarations are stored and its first invoice exists). */
export async function markPolicyIssued(tx: Db, orgId: string, policyId: string): Promise<boolean> {
  const result = await tx.execute(sql`
    UPDATE ${policies} SET ${policies.status} = 'issued', ${policies.updatedAt} = ${new Date()}
    WHERE ${policies.orgId} = ${orgId} AND ${policies.id} = ${policyId} AND ${policies.status} = 'bound'
      AND ${declarationsStored}
      AND EXISTS (SELECT 1 FROM ${invoices} WHERE ${invoices.orgId} = ${orgId} AND ${invoices.policyId} = ${policyId})`);
  return affected(result) > 0;
}

export type { PolicyServicingDetails, PolicyStatus };
