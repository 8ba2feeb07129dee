import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { domainEventOnce, invoices } from "../../db/schema/index.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";

export type InvoiceFallingDue = {
  id: string;
  orgId: string;
  invoiceNumber: string;
  policyId: string;
  dueDate: string;
  amountCents: number;
};

/**
 * Open invoices of every organization due from `from` to `to` (both included) whose
 * `invoice.due` event has not been raised yet, earliest first.
 */
export async function listInvoicesFallingDue(
  db: Database,
  from: string,
  to: string,
  orgs?: OrgScope,
): Promise<InvoiceFallingDue[]> {
  const result = await db.execute(sql`/* unscoped: the scheduled job looks at every organization's invoices */
    SELECT ${invoices.id} AS id, ${invoices.orgId} AS org_id, ${invoices.invoiceNumber} AS invoice_number, ${invoices.policyId} AS policy_id,
      ${invoices.dueDate} AS due_date, ${invoices.amountCents} AS amount_cents
    FROM ${invoices}
    LEFT JOIN ${domainEventOnce} ON ${domainEventOnce.orgId} = ${invoices.orgId} AND ${domainEventOnce.onceKey} = CONCAT('invoice.due:', ${invoices.id})
    WHERE ${invoices.status} = 'invoiced' AND ${invoices.dueDate} BETWEEN ${from} AND ${to}
      AND ${domainEventOnce.onceKey} IS NULL ${andInOrgScope(invoices.orgId, orgs)}
    ORDER BY ${invoices.dueDate}, ${invoices.id}`);
  const rows = result.rows as {
    id: string;
    org_id: string;
    invoice_number: string;
    policy_id: string;
    due_date: string;
    amount_cents: string | number;
  }[];
  return rows.map((row) => ({
    id: row.id,
    orgId: row.org_id,
    invoiceNumber: row.invoice_number,
    policyId: row.policy_id,
    dueDate: String(row.due_date).slice(0, 10),
    amountCents: Number(row.amount_cents),
  }));
}
