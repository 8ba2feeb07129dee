import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { domainEventOnce, invoices } from "../../../db/schema/index.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { recordDomainEventOnce } from "../domain-events.server.ts";

/** How far ahead an open invoice counts as falling due. */
export const INVOICE_DUE_HORIZON_DAYS = 7;

/**
 * The reminder behind `invoice.due`: every open invoice due within the horizon raises the event
 * once, however often the job runs (the once-key is claimed in the event's transaction, so two
 * overlapping runs cannot both raise it). Returns how many events were raised now.
 */
export async function raiseInvoicesDue(db: Database, today: string): Promise<number> {
  const result = await db.execute(sql`/* unscoped: the scheduled job looks at every organization's invoices */
    SELECT ${invoices.id} AS id, ${invoices.orgId} AS org_id, ${invoices.invoiceNumber} AS invoice_number, ${invoices.policyId} AS policy_id,
      ${invoices.dueDate} AS due_date, ${invoices.amountCents} AS amount_cents
    FROM ${invoices}
    LEFT JOIN ${domainEventOnce} ON ${domainEventOnce.orgId} = ${invoices.orgId} AND ${domainEventOnce.onceKey} = CONCAT('invoice.due:', ${invoices.id})
    WHERE ${invoices.status} = 'invoiced' AND ${invoices.dueDate} BETWEEN ${today} AND ${addDays(today, INVOICE_DUE_HORIZON_DAYS)}
      AND ${domainEventOnce.onceKey} IS NULL
    ORDER BY ${invoices.dueDate}, ${invoices.id}`);
  let raised = 0;
  for (const row of result.rows as { id: string; org_id: string; invoice_number: string; policy_id: string; due_date: string; amount_cents: string | number }[]) {
    const eventId = await transactionWithRetry(db, (tx) =>
      recordDomainEventOnce(tx, row.org_id, `invoice.due:${row.id}`, "invoice.due", {
        invoiceId: row.id,
        invoiceNumber: row.invoice_number,
        policyId: row.policy_id,
        dueDate: String(row.due_date).slice(0, 10),
        amountCents: Number(row.amount_cents),
      }),
    );
    if (eventId) raised++;
  }
  return raised;
}
