import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { ledgerPostings, paymentReturns, payments, policyCredits, type PaymentMethod } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";

/** Payments of an invoice the caller already found visible, with where their posting stands. */
export async function listInvoicePayments(db: Database, tenant: TenantContext, invoiceId: string) {
  return db
    .select({
      id: payments.id,
      amountCents: payments.amountCents,
      method: payments.method,
      reference: payments.reference,
      createdAt: payments.createdAt,
      postingStatus: ledgerPostings.status,
      postingError: ledgerPostings.lastError,
      returnedReason: paymentReturns.reason,
    })
    .from(payments)
    .leftJoin(ledgerPostings, and(eq(ledgerPostings.orgId, payments.orgId), eq(ledgerPostings.id, payments.id)))
    .leftJoin(paymentReturns, and(eq(paymentReturns.orgId, payments.orgId), eq(paymentReturns.paymentId, payments.id)))
    .where(and(eq(payments.orgId, tenant.orgId), eq(payments.invoiceId, invoiceId)))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}

/** A payment the bank returned no longer pays its invoice. */
const notReturned = sql`NOT EXISTS (SELECT 1 FROM ${paymentReturns} WHERE ${paymentReturns.orgId} = ${payments.orgId} AND ${paymentReturns.paymentId} = ${payments.id})`;

/** What still stands paid on an invoice: its payments less those the bank returned. */
export async function invoicePaidCents(
  db: Database | Transaction,
  tenant: Pick<TenantContext, "orgId">,
  invoiceId: string,
): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string | null>`sum(${payments.amountCents})` })
    .from(payments)
    .where(and(eq(payments.orgId, tenant.orgId), eq(payments.invoiceId, invoiceId), notReturned));
  return Number(row?.cents ?? 0);
}

// Writes and reads of premium payments for the ledger's payment workflow and reconciliation.

export async function insertPayment(
  tx: Database | Transaction,
  orgId: string,
  payment: {
    id: string;
    invoiceId: string;
    policyId: string;
    amountCents: number;
    method: PaymentMethod;
    reference: string | null;
    receivedByUserId: string;
  },
) {
  await tx.insert(payments).values({ ...payment, orgId });
}

/** Whether a payment of the org already carries this reference (a provider's intent id pays once). */
export async function paymentReferenceRecorded(
  tx: Database | Transaction,
  orgId: string,
  reference: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), eq(payments.reference, reference)))
    .limit(1);
  return row !== undefined;
}

/** What stands paid on each invoice of the org that has payments (returned payments left out). */
export async function sumPaymentsByInvoice(db: Database | Transaction, orgId: string) {
  const rows = await db
    .select({ invoiceId: payments.invoiceId, cents: sql<string>`sum(${payments.amountCents})` })
    .from(payments)
    .where(and(eq(payments.orgId, orgId), notReturned))
    .groupBy(payments.invoiceId);
  return rows.map((r) => ({ invoiceId: r.invoiceId, cents: Number(r.cents) }));
}

/** Every payment of the org, with its return and, for a credit applied, the credit's source. */
export function listPaymentAmounts(db: Database | Transaction, orgId: string) {
  return db
    .select({
      id: payments.id,
      invoiceId: payments.invoiceId,
      amountCents: payments.amountCents,
      method: payments.method,
      returnId: paymentReturns.id,
      creditSource: policyCredits.source,
    })
    .from(payments)
    .leftJoin(paymentReturns, and(eq(paymentReturns.orgId, payments.orgId), eq(paymentReturns.paymentId, payments.id)))
    .leftJoin(
      policyCredits,
      and(
        eq(payments.method, "credit"),
        eq(policyCredits.orgId, payments.orgId),
        eq(policyCredits.id, payments.reference),
      ),
    )
    .where(eq(payments.orgId, orgId));
}
