/**
 * The servicing jobs' steps for one policy on a chosen date, against the database at
 * DATABASE_URL, printed as one line of JSON. The e2e journeys run this with tsx: their TypeScript
 * project does not take the app's server graph, and acting on one policy leaves every other
 * journey's policies (and the demo rows) as they are.
 *
 *   tsx tests/support/servicing-jobs.ts notice <orgId> <policyId> <date>     the non-payment notice
 *   tsx tests/support/servicing-jobs.ts execute <orgId> <policyId> <date>    notices whose date has come
 *   tsx tests/support/servicing-jobs.ts renewal <orgId> <policyId> <date>    the renewal offer, claimed and priced
 */
import { and, eq, lt, max } from "drizzle-orm";
import { createDatabase } from "../../db/client.ts";
import { policies, renewalOffers } from "../../db/schema/index.ts";
import { listNoticesDue, listOverdueInvoicesWithoutNotice } from "../../app/models/policy-servicing.server.ts";
import { claimRenewalCandidates } from "../../app/models/renewals.server.ts";
import { executeNotice, issueNonPaymentNotice } from "../../app/services/servicing/lifecycle.server.ts";
import { priceClaimedOffers } from "../../app/services/servicing/renewal.server.ts";
import { renewalHorizon } from "../../app/services/servicing/renewal.ts";

const [command, orgId, policyId, date] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!command || !orgId || !policyId || !date || !url)
  throw new Error("usage: DATABASE_URL=... servicing-jobs.ts notice|execute|renewal <orgId> <policyId> <date>");
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
  if (command === "renewal") {
    // The job's claim over an id range holding this policy alone (the ids are the job's chunks),
    // then its pricing step, which takes only claimed offers: this one.
    const [below] = await db
      .select({ id: max(policies.id) })
      .from(policies)
      .where(lt(policies.id, policyId!));
    const claimed = await claimRenewalCandidates(
      db,
      { after: below?.id ?? "", last: policyId! },
      date!,
      renewalHorizon(date!),
      orgId!,
    );
    const priced = await priceClaimedOffers(db, date!, orgId!);
    const [offer] = await db
      .select({ id: renewalOffers.id, status: renewalOffers.status, note: renewalOffers.note })
      .from(renewalOffers)
      .where(and(eq(renewalOffers.orgId, orgId!), eq(renewalOffers.policyId, policyId!)));
    return { claimed, ...priced, offer: offer ?? null };
  }
  throw new Error(`unknown command ${command}`);
}

console.log(JSON.stringify(await run()));
