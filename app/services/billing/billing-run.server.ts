/**
 * The daily billing job (ADR 018): every installment is invoiced a set number of days before
 * its due date, and every open invoice still unpaid after its due date turns overdue (the
 * reminder: `invoice.overdue`, which the servicing side's notice of cancellation for
 * non-payment follows). Set-based and chunked by id; running it twice on a day changes nothing.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import {
  invoiceInstallmentChunk,
  listOrgsWithInstallmentsToInvoice,
  markOverdueChunk,
  nextInstallmentChunk,
  nextOverdueChunk,
} from "../../models/billing-run.server.ts";
import type { OrgScope } from "../../models/org-scope.server.ts";
import { addDays } from "../../utils/calendar-date.ts";

/** DOMAIN.md: an installment is invoiced this many days before it falls due. */
export const INVOICE_LEAD_DAYS = 20;
const CHUNK = 2_000;

export type BillingRunReport = { invoiced: number; overdue: number };
/**
 * `orgId` limits a run to one organization (tests, a re-run for one org) or to the organizations
 * whose business date is `today` (the daily dispatcher, ADR 027); without it the run covers all.
 */
type RunOptions = { chunk?: number; orgId?: OrgScope };

export async function invoiceInstallmentsDue(
  db: Database,
  today: string,
  { leadDays = INVOICE_LEAD_DAYS, chunk = CHUNK, orgId }: RunOptions & { leadDays?: number } = {},
): Promise<number> {
  const horizon = addDays(today, leadDays);
  const year = today.slice(0, 4);
  let invoiced = 0;
  for (const org of await listOrgsWithInstallmentsToInvoice(db, horizon, orgId)) {
    let after = "";
    for (;;) {
      const range = await nextInstallmentChunk(db, org, horizon, after, chunk);
      if (!range) break;
      invoiced += await transactionWithRetry(db, (tx) => invoiceInstallmentChunk(tx, org, horizon, range, year));
      after = range.last;
    }
  }
  return invoiced;
}

export async function markInvoicesOverdue(
  db: Database,
  today: string,
  { chunk = CHUNK, orgId }: RunOptions = {},
): Promise<number> {
  let overdue = 0;
  let after = "";
  for (;;) {
    const range = await nextOverdueChunk(db, today, after, chunk, orgId);
    if (!range) break;
    overdue += await transactionWithRetry(db, (tx) => markOverdueChunk(tx, today, range, orgId));
    after = range.last;
  }
  return overdue;
}

/** The whole daily run, for the Worker's cron and for tests with a date. */
export async function runDailyBilling(
  db: Database,
  today: string,
  options: RunOptions = {},
): Promise<BillingRunReport> {
  const invoiced = await invoiceInstallmentsDue(db, today, options);
  const overdue = await markInvoicesOverdue(db, today, options);
  return { invoiced, overdue };
}
