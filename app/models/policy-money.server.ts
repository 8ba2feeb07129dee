import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import {
  installments,
  ledgerEntries,
  ledgerPostings,
  payments,
  paymentReturns,
  policies,
  policyCredits,
  policyTransactions,
  type PostingKind,
} from "../../db/schema/index.ts";

// What a policy owes and what its receipts have given each party so far: the inputs of the
// cumulative-share allocation (ADR 018).

type Db = Database | Transaction;

/**
 * The postings that move a policy's premium between the trust account and the parties: receipts
 * and money going back, servicing's return postings (and their reversals), which take return
 * premium back from the parties when a cancellation or endorsement books it (ADR 024), and that
 * return premium given to the parties again when its credit pays an invoice (ADR 030).
 */
export const ALLOCATING_KINDS: PostingKind[] = [
  "premium_payment",
  "payment_returned",
  "premium_refund",
  "premium_return",
  "return_reversal",
  "credit_applied",
];

/** Locks the policy row: every receipt, return and refund of one policy queues behind the others. */
export async function lockPolicyForMoney(tx: Transaction, orgId: string, policyId: string) {
  const [row] = await tx
    .select({ id: policies.id })
    .from(policies)
    .where(and(eq(policies.orgId, orgId), eq(policies.id, policyId)))
    .for("update");
  return row ?? null;
}

/** Signed sums of the policy's transactions, and the installment fees of its schedule. */
export async function sumPolicyFigures(db: Db, orgId: string, policyId: string) {
  const rows = await db
    .select({
      type: policyTransactions.type,
      reason: policyTransactions.reason,
      sequence: policyTransactions.sequence,
      premiumCents: policyTransactions.premiumCents,
      feesCents: policyTransactions.feesCents,
      taxesCents: policyTransactions.taxesCents,
      producerCommissionCents: policyTransactions.producerCommissionCents,
      mgaCommissionCents: policyTransactions.mgaCommissionCents,
    })
    .from(policyTransactions)
    .where(and(eq(policyTransactions.orgId, orgId), eq(policyTransactions.policyId, policyId)));
  // A non-payment cancellation not yet followed by a reinstatement still owes the overdue
  // invoice: paying it reinstates the policy (ADR 017), so the payment is allocated against the
  // figures the reinstatement restores, not the cancelled ones.
  const reinstatedAfter = (sequence: number) => rows.some((r) => r.type === "reinstatement" && r.sequence > sequence);
  const counted = rows.filter(
    (r) => !(r.type === "cancellation" && r.reason === "non_payment" && !reinstatedAfter(r.sequence)),
  );
  const total = (pick: (r: (typeof rows)[number]) => number) => counted.reduce((sum, r) => sum + pick(r), 0);
  const [fees] = await db
    .select({ cents: sql<string | null>`sum(${installments.feeCents})` })
    .from(installments)
    .where(and(eq(installments.orgId, orgId), eq(installments.policyId, policyId)));
  return {
    transactionCount: rows.length,
    premiumCents: total((r) => r.premiumCents),
    feesCents: total((r) => r.feesCents),
    taxesCents: total((r) => r.taxesCents),
    producerCommissionCents: total((r) => r.producerCommissionCents),
    mgaCommissionCents: total((r) => r.mgaCommissionCents),
    installmentFeesCents: Number(fees?.cents ?? 0),
  };
}

/** The legs of the policy's allocating postings (all but refused ones), summed per leg and direction. */
export function sumAllocatedLegs(db: Db, orgId: string, policyId: string) {
  return db
    .select({
      leg: ledgerEntries.leg,
      debitAccount: ledgerEntries.debitAccount,
      creditAccount: ledgerEntries.creditAccount,
      amountCents: sql<string>`sum(${ledgerEntries.amountCents})`.mapWith(Number),
    })
    .from(ledgerEntries)
    .innerJoin(
      ledgerPostings,
      and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)),
    )
    .where(
      and(
        eq(ledgerEntries.orgId, orgId),
        eq(ledgerPostings.policyId, policyId),
        inArray(ledgerPostings.kind, ALLOCATING_KINDS),
        ne(ledgerPostings.status, "rejected"),
      ),
    )
    .groupBy(ledgerEntries.leg, ledgerEntries.debitAccount, ledgerEntries.creditAccount);
}

/** A payment of the org with whether it was returned, for the return workflow. */
export async function findPaymentForReturn(tx: Db, orgId: string, paymentId: string) {
  const [row] = await tx
    .select({ payment: payments, returnId: paymentReturns.id })
    .from(payments)
    .leftJoin(paymentReturns, and(eq(paymentReturns.orgId, payments.orgId), eq(paymentReturns.paymentId, payments.id)))
    .where(and(eq(payments.orgId, orgId), eq(payments.id, paymentId)))
    .limit(1);
  return row ?? null;
}

export async function insertPaymentReturn(
  tx: Db,
  orgId: string,
  row: { id: string; paymentId: string; reason: string; recordedByUserId: string },
) {
  await tx.insert(paymentReturns).values({ ...row, orgId });
}

/** Ids of the org's returned payments: they no longer count toward their invoice. */
export async function listReturnedPaymentIds(db: Db, orgId: string) {
  const rows = await db
    .select({ paymentId: paymentReturns.paymentId })
    .from(paymentReturns)
    .where(eq(paymentReturns.orgId, orgId));
  return new Set(rows.map((r) => r.paymentId));
}

export async function insertOverpaymentCredit(
  tx: Db,
  orgId: string,
  credit: { id: string; policyId: string; paymentId: string; amountCents: number },
) {
  await tx.insert(policyCredits).values({
    id: credit.id,
    orgId,
    policyId: credit.policyId,
    source: "overpayment",
    sourceId: credit.paymentId,
    amountCents: credit.amountCents,
    remainingCents: credit.amountCents,
    status: "open",
  });
}

/** A policy credit, locked for applying or refunding it. */
export async function lockPolicyCredit(tx: Transaction, orgId: string, creditId: string) {
  const [row] = await tx
    .select()
    .from(policyCredits)
    .where(and(eq(policyCredits.orgId, orgId), eq(policyCredits.id, creditId)))
    .for("update");
  return row ?? null;
}

/**
 * Takes `cents` off a credit locked by lockPolicyCredit; the status follows (applied or refunded
 * when used up). Written from the locked row's values: MariaDB evaluates SET assignments left to
 * right, so a status computed from the column in the same statement would see the new remainder.
 */
export async function drawPolicyCredit(
  tx: Db,
  orgId: string,
  credit: { id: string; remainingCents: number },
  cents: number,
  usedUp: "applied" | "refunded",
) {
  const remainingCents = credit.remainingCents - cents;
  await tx
    .update(policyCredits)
    .set({ remainingCents, status: remainingCents === 0 ? usedUp : "open" })
    .where(and(eq(policyCredits.orgId, orgId), eq(policyCredits.id, credit.id)));
}

/** Open credits of a policy, oldest first. */
export function listOpenPolicyCredits(db: Db, orgId: string, policyId: string) {
  return db
    .select()
    .from(policyCredits)
    .where(and(eq(policyCredits.orgId, orgId), eq(policyCredits.policyId, policyId), eq(policyCredits.status, "open")))
    .orderBy(policyCredits.createdAt, policyCredits.id);
}

/** Overpayment credits of the org by the invoice whose payment left them. */
export async function sumOverpaymentsByInvoice(db: Db, orgId: string) {
  const rows = await db
    .select({ invoiceId: payments.invoiceId, cents: sql<string>`sum(${policyCredits.amountCents})` })
    .from(policyCredits)
    .innerJoin(payments, and(eq(payments.orgId, policyCredits.orgId), eq(payments.id, policyCredits.sourceId)))
    .where(and(eq(policyCredits.orgId, orgId), eq(policyCredits.source, "overpayment")))
    .groupBy(payments.invoiceId);
  return new Map(rows.map((r) => [r.invoiceId, Number(r.cents)]));
}

/** The org's refunded credits with what of each was refunded (its amount less what was applied to invoices). */
export async function listRefundedCredits(db: Db, orgId: string) {
  const applied = db
    .select({ creditId: payments.reference, cents: sql<string>`sum(${payments.amountCents})`.as("applied_cents") })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), eq(payments.method, "credit")))
    .groupBy(payments.reference)
    .as("applied");
  const rows = await db
    .select({
      id: policyCredits.id,
      policyId: policyCredits.policyId,
      source: policyCredits.source,
      amountCents: policyCredits.amountCents,
      appliedCents: applied.cents,
    })
    .from(policyCredits)
    .leftJoin(applied, eq(applied.creditId, policyCredits.id))
    .where(and(eq(policyCredits.orgId, orgId), eq(policyCredits.status, "refunded")));
  return rows.map((r) => ({ ...r, refundedCents: r.amountCents - Number(r.appliedCents ?? 0) }));
}
