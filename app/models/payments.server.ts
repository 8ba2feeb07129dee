import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { ledgerPostings, payments } from "../../db/schema/index.ts";
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
    })
    .from(payments)
    .leftJoin(ledgerPostings, and(eq(ledgerPostings.orgId, payments.orgId), eq(ledgerPostings.id, payments.id)))
    .where(and(eq(payments.orgId, tenant.orgId), eq(payments.invoiceId, invoiceId)))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}

export async function invoicePaidCents(db: Database, tenant: TenantContext, invoiceId: string): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string | null>`sum(${payments.amountCents})` })
    .from(payments)
    .where(and(eq(payments.orgId, tenant.orgId), eq(payments.invoiceId, invoiceId)));
  return Number(row?.cents ?? 0);
}
