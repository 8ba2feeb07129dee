/**
 * The daily policy lifecycle job (issue 12, ADR 017), run from the Worker's cron and callable with
 * any date: policies become issued, active, expired or non-renewed in set-based statements over id
 * chunks (so 100,000 policies never load into memory), then the non-payment chain runs: a notice of
 * cancellation for each invoice unpaid past its due date, and the cancellation of each notice whose
 * date has come while still unpaid. Every step is idempotent: running the job twice on a day
 * changes nothing the second time.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  advancePolicyChunk,
  insertPolicyNotice,
  invoiceSettled,
  listNoticesDue,
  listNonPaymentNotices,
  listOverdueInvoicesWithoutNotice,
  lockNotice,
  lockPolicyForServicing,
  markPolicyIssued,
  nextPolicyIdChunk,
  setNoticeOutcome,
} from "../../models/policy-servicing.server.ts";
import type { OrgScope } from "../../models/org-scope.server.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { createId } from "../../utils/ids.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import type { LedgerClient } from "../ledger/client.server.ts";
import { cancelPolicy, reinstatePolicy } from "./cancellation.server.ts";
import { noticeDays, type CancellationReason } from "./cancellation.ts";

export type LifecycleReport = {
  issued: number;
  activated: number;
  expired: number;
  nonRenewed: number;
  noticesIssued: number;
  cancelled: number;
  noticesRescinded: number;
};

/** The job acts as the system inside each organization it touches. */
export function systemTenant(orgId: string): TenantContext {
  return {
    orgId,
    orgName: "",
    userId: "system",
    roles: ["underwriter"],
    agencyId: null,
    insuredId: null,
    carrierId: null,
  };
}

/**
 * Issues a bound policy whose declarations are stored and whose first invoice exists, with its
 * `policy.issued` event; false when it is not (yet) in that state.
 */
export async function issuePolicy(db: Database, orgId: string, policyId: string): Promise<boolean> {
  return transactionWithRetry(db, async (tx) => {
    if (!(await markPolicyIssued(tx, orgId, policyId))) return false;
    await recordDomainEvent(tx, orgId, "policy.issued", { policyId });
    return true;
  });
}

export async function runPolicyLifecycle(
  db: Database,
  ledger: LedgerClient | null,
  today: string,
  { orgId = null, chunkSize = 10_000 }: { orgId?: OrgScope; chunkSize?: number } = {},
): Promise<LifecycleReport> {
  const report: LifecycleReport = {
    issued: 0,
    activated: 0,
    expired: 0,
    nonRenewed: 0,
    noticesIssued: 0,
    cancelled: 0,
    noticesRescinded: 0,
  };
  let after = "";
  for (;;) {
    const last = await nextPolicyIdChunk(db, after, chunkSize);
    if (last === null) break;
    const chunk = await advancePolicyChunk(db, { after, last }, today, orgId);
    report.activated += chunk.activated;
    report.expired += chunk.expired;
    report.nonRenewed += chunk.nonRenewed;
    for (const key of chunk.issued) {
      const [policyOrg, policyId] = key.split(":") as [string, string];
      if (await issuePolicy(db, policyOrg, policyId)) report.issued++;
    }
    after = last;
  }
  for (const overdue of await listOverdueInvoicesWithoutNotice(db, today, orgId)) {
    if (await issueNonPaymentNotice(db, overdue, today)) report.noticesIssued++;
  }
  for (const notice of await listNoticesDue(db, today, orgId)) {
    const done = await executeNotice(db, ledger, notice, today);
    if (done === "cancelled") report.cancelled++;
    if (done === "rescinded") report.noticesRescinded++;
  }
  return report;
}

/**
 * One step of the job: the notice of cancellation for one overdue invoice. Exported with
 * `executeNotice` so a journey can take its own policy through the chain on a chosen date without
 * acting on every other policy of the organization.
 */
export async function issueNonPaymentNotice(
  db: Database,
  overdue: { invoiceId: string; orgId: string; policyId: string; overdueCents: number },
  today: string,
): Promise<boolean> {
  const tenant = systemTenant(overdue.orgId);
  return transactionWithRetry(db, async (tx) => {
    const row = await lockPolicyForServicing(tx, tenant, overdue.policyId);
    if (!row || (row.policy.status !== "issued" && row.policy.status !== "active")) return false;
    const earliest = addDays(today, noticeDays("non_payment"));
    // A notice dated past the term's end would cancel nothing: the policy expires first.
    if (earliest >= row.policy.expirationDate) return false;
    try {
      await insertPolicyNotice(tx, overdue.orgId, {
        id: createId("pnt"),
        policyId: overdue.policyId,
        kind: "non_payment",
        reason: "non_payment",
        invoiceId: overdue.invoiceId,
        overdueCents: overdue.overdueCents,
        issuedOn: today,
        // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings, which Math.max does not take
        effectiveOn: earliest < row.policy.effectiveDate ? row.policy.effectiveDate : earliest,
        status: "pending",
        createdByUserId: null,
      });
    } catch (error) {
      // Another run issued it first (one notice per invoice).
      if (/Duplicate entry|errno 1062/.test(String((error as Error)?.message ?? error))) return false;
      throw error;
    }
    return true;
  });
}

/** One step of the job: a notice whose date has come cancels its policy, or is rescinded. */
export async function executeNotice(
  db: Database,
  ledger: LedgerClient | null,
  notice: { id: string; orgId: string; policyId: string },
  today: string,
): Promise<"cancelled" | "rescinded" | "skipped"> {
  const tenant = systemTenant(notice.orgId);
  const row = await transactionWithRetry(db, (tx) => lockNotice(tx, notice.orgId, notice.id));
  if (row?.status !== "pending") return "skipped";
  if (row.kind === "non_payment" && row.invoiceId && (await invoiceSettled(db, notice.orgId, row.invoiceId))) {
    await setNoticeOutcome(db, notice.orgId, notice.id, { status: "rescinded" });
    return "rescinded";
  }
  const outcome = await cancelPolicy(
    db,
    ledger,
    tenant,
    notice.policyId,
    { reason: row.reason as CancellationReason, cancellationDate: row.effectiveOn, requestedOn: row.issuedOn },
    today,
    { noticeId: notice.id },
  );
  if (!outcome.ok) {
    // The policy moved on (expired, already cancelled): the notice has nothing left to do.
    await setNoticeOutcome(db, notice.orgId, notice.id, { status: "rescinded" });
    return "rescinded";
  }
  return "cancelled";
}

/**
 * The payment hook: after money is received on a policy, a pending non-payment notice whose
 * invoice is now paid is rescinded, and a policy cancelled for non-payment whose overdue invoice
 * is now paid is reinstated (within the window; otherwise it stays cancelled).
 */
export async function afterPremiumReceived(
  db: Database,
  ledger: LedgerClient | null,
  orgId: string,
  policyId: string,
  today: string,
): Promise<void> {
  const notices = await listNonPaymentNotices(db, orgId, policyId);
  for (const notice of notices) {
    if (!notice.invoiceId || !(await invoiceSettled(db, orgId, notice.invoiceId))) continue;
    if (notice.status === "pending") await setNoticeOutcome(db, orgId, notice.id, { status: "rescinded" });
    if (notice.status === "executed") await reinstatePolicy(db, ledger, systemTenant(orgId), policyId, today);
  }
}
