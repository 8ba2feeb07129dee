import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { agencies, agencyAppointments, installments, invoices, policies } from "../../db/schema/index.ts";
import { visiblePolicies } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

// What taking a payment reads and writes of invoices and installments (the billing models keep
// the rest), and the invoice totals reconciliation compares with the payments.

type Db = Database | Transaction;

/**
 * An invoice the user may see, with its policy and the producing agency's commission rate: the
 * agency's rate on the policy's program where its appointment sets one, else its default rate.
 */
export async function findInvoiceForPayment(tx: Db, tenant: TenantContext, invoiceId: string) {
  const [row] = await tx
    .select({
      invoice: invoices,
      policy: policies,
      commissionRate: sql<string>`coalesce(${agencyAppointments.commissionRate}, ${agencies.commissionRate})`,
    })
    .from(invoices)
    .innerJoin(policies, and(eq(policies.orgId, invoices.orgId), eq(policies.id, invoices.policyId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)))
    .leftJoin(
      agencyAppointments,
      and(
        eq(agencyAppointments.orgId, policies.orgId),
        eq(agencyAppointments.agencyId, policies.agencyId),
        eq(agencyAppointments.programId, policies.programId),
      ),
    )
    .where(and(eq(invoices.orgId, tenant.orgId), visiblePolicies(tenant), eq(invoices.id, invoiceId)))
    .limit(1);
  return row ?? null;
}

/**
 * Locks the invoice row for a payment and returns its current status. Only the invoice row is
 * locked (MariaDB has no FOR UPDATE OF): payments of one invoice queue behind each other,
 * payments of the policy's other invoices do not.
 */
export async function lockInvoiceForPayment(tx: Transaction, orgId: string, invoiceId: string) {
  const [locked] = await tx
    .select({ status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), eq(invoices.id, invoiceId)))
    .for("update");
  return locked ?? null;
}

/** The installment billed on an invoice, if the invoice bills one. */
export async function findInstallmentOfInvoice(tx: Db, orgId: string, invoiceId: string) {
  const [installment] = await tx
    .select({ id: installments.id, feeCents: installments.feeCents })
    .from(installments)
    .where(and(eq(installments.orgId, orgId), eq(installments.invoiceId, invoiceId)))
    .limit(1);
  return installment ?? null;
}

/** Marks an invoice paid, and the installment it bills when there is one. */
export async function markInvoicePaid(tx: Db, orgId: string, invoiceId: string, installmentId: string | null) {
  await tx
    .update(invoices)
    .set({ status: "paid" })
    .where(and(eq(invoices.orgId, orgId), eq(invoices.id, invoiceId)));
  if (installmentId)
    await tx
      .update(installments)
      .set({ status: "paid" })
      .where(and(eq(installments.orgId, orgId), eq(installments.id, installmentId)));
}

/** Every invoice of the org with its amount and status, for reconciliation. */
export function listInvoiceTotals(db: Db, orgId: string) {
  return db
    .select({
      id: invoices.id,
      invoiceNumber: invoices.invoiceNumber,
      amountCents: invoices.amountCents,
      status: invoices.status,
    })
    .from(invoices)
    .where(eq(invoices.orgId, orgId));
}

/**
 * Reopens a paid invoice whose payment the bank returned: open again, or overdue when its due
 * date has passed; the installment it bills follows.
 */
export async function reopenInvoice(tx: Db, orgId: string, invoiceId: string, today: string) {
  const reopened = (dueDate: typeof invoices.dueDate | typeof installments.dueDate) =>
    sql<string>`CASE WHEN ${dueDate} < ${today} THEN 'overdue' ELSE 'invoiced' END`;
  await tx
    .update(invoices)
    .set({ status: reopened(invoices.dueDate) })
    .where(and(eq(invoices.orgId, orgId), eq(invoices.id, invoiceId), eq(invoices.status, "paid")));
  await tx
    .update(installments)
    .set({ status: reopened(installments.dueDate) })
    .where(and(eq(installments.orgId, orgId), eq(installments.invoiceId, invoiceId), eq(installments.status, "paid")));
}

/** A policy the user may see, with the producing agency's commission rate. */
export async function findPolicyForMoney(tx: Db, tenant: TenantContext, policyId: string) {
  const [row] = await tx
    .select({ policy: policies, commissionRate: agencies.commissionRate })
    .from(policies)
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)))
    .where(and(eq(policies.orgId, tenant.orgId), visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  return row ?? null;
}
