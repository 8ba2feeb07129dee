import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { listInvoicesFallingDue } from "../../models/invoices-due.server.ts";
import type { OrgScope } from "../../models/org-scope.server.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { recordDomainEventOnce } from "../events/domain-events.server.ts";

/** How far ahead an open invoice counts as falling due. */
export const INVOICE_DUE_HORIZON_DAYS = 7;

/**
 * The reminder behind `invoice.due`: every open invoice due within the horizon raises the event
 * once, however often the job runs (the once-key is claimed in the event's transaction, so two
 * overlapping runs cannot both raise it). Returns how many events were raised now.
 */
export async function raiseInvoicesDue(
  db: Database,
  today: string,
  { orgId }: { orgId?: OrgScope } = {},
): Promise<number> {
  let raised = 0;
  for (const invoice of await listInvoicesFallingDue(db, today, addDays(today, INVOICE_DUE_HORIZON_DAYS), orgId)) {
    const eventId = await transactionWithRetry(db, (tx) =>
      recordDomainEventOnce(tx, invoice.orgId, `invoice.due:${invoice.id}`, "invoice.due", {
        invoiceId: invoice.id,
        invoiceNumber: invoice.invoiceNumber,
        policyId: invoice.policyId,
        dueDate: invoice.dueDate,
        amountCents: invoice.amountCents,
      }),
    );
    if (eventId) raised++;
  }
  return raised;
}
