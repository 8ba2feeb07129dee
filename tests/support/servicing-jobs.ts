/**
 * The servicing jobs' steps for one policy on a chosen date, against the database at
 * DATABASE_URL, printed as one line of JSON. The e2e journeys run this with tsx: their TypeScript
 * project does not take the app's server graph, and acting on one policy leaves every other
 * journey's policies (and the demo rows) as they are.
 *
 *   tsx tests/support/servicing-jobs.ts notice <orgId> <policyId> <date>     the non-payment notice
 *   tsx tests/support/servicing-jobs.ts execute <orgId> <policyId> <date>    notices whose date has come
 */
import { createDatabase } from "../../db/client.ts";
import { listNoticesDue, listOverdueInvoicesWithoutNotice } from "../../app/models/policy-servicing.server.ts";
import { executeNotice, issueNonPaymentNotice } from "../../app/services/servicing/lifecycle.server.ts";

const [command, orgId, policyId, date] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!command || !orgId || !policyId || !date || !url)
  throw new Error("usage: DATABASE_URL=... servicing-jobs.ts notice|execute <orgId> <policyId> <date>");
const db = createDatabase(url);

async function run(): Promise<unknown> {
  if (command === "notice") {
    const overdue = (await listOverdueInvoicesWithoutNotice(db, date!, orgId)).filter((o) => o.policyId === policyId);
    const issued = [];
    for (const invoice of overdue) issued.push(await issueNonPaymentNotice(db, invoice, date!));
    return { overdue, issued };
  }
  if (command === "execute") {
    const due = (await listNoticesDue(db, date!, orgId)).filter((n) => n.policyId === policyId);
    const outcomes = [];
    // No ledger: a journey's policy whose premium was never paid has nothing to post.
    for (const notice of due) outcomes.push(await executeNotice(db, null, notice, date!));
    return { outcomes };
  }
  throw new Error(`unknown command ${command}`);
}

console.log(JSON.stringify(await run()));
