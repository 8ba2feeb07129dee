/**
 * Non-renewal (DOMAIN.md: at least 30 days' notice, with a reason): an underwriter records a
 * notice effective at expiry; the policy runs its term out and the daily job ends it as
 * non_renewed instead of expired.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { insertPolicyNotice, listPolicyNotices, lockPolicyForServicing } from "../../models/policy-servicing.server.ts";
import { daysBetween } from "../../utils/calendar-date.ts";
import { createId } from "../../utils/ids.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import { refusedTransition, type ServicingRefusal } from "./cancellation.server.ts";
import type { NON_RENEWAL_REASON_CODES } from "./forms.ts";
import { transition } from "./lifecycle.ts";

export type NonRenewalReason = (typeof NON_RENEWAL_REASON_CODES)[number];
export const NON_RENEWAL_NOTICE_DAYS = 30;

export async function nonRenewPolicy(
  db: Database,
  tenant: TenantContext,
  policyId: string,
  reason: NonRenewalReason,
  today: string,
): Promise<{ ok: true; noticeId: string } | ServicingRefusal> {
  return transactionWithRetry(db, async (tx) => {
    const row = await lockPolicyForServicing(tx, tenant, policyId);
    if (!row) return { ok: false, reason: "not_found" };
    const { policy } = row;
    const moved = transition(policy.status, "non_renew", {
      today,
      effectiveDate: policy.effectiveDate,
      expirationDate: policy.expirationDate,
    });
    if (!moved.ok) return refusedTransition(moved);
    const notice = daysBetween(today, policy.expirationDate);
    if (notice < NON_RENEWAL_NOTICE_DAYS)
      return {
        ok: false,
        reason: "invalid",
        message: `A non-renewal needs ${NON_RENEWAL_NOTICE_DAYS} days' notice; the policy expires on ${policy.expirationDate}, ${notice} days from today.`,
      };
    const notices = await listPolicyNotices(tx, tenant.orgId, policyId);
    if (notices.some((n) => n.kind === "non_renewal" && n.status === "pending"))
      return { ok: false, reason: "invalid", message: "A notice of non-renewal already stands on this policy." };
    const noticeId = createId("pnt");
    await insertPolicyNotice(tx, tenant.orgId, {
      id: noticeId,
      policyId,
      kind: "non_renewal",
      reason,
      issuedOn: today,
      effectiveOn: policy.expirationDate,
      status: "pending",
      createdByUserId: tenant.userId,
    });
    await recordDomainEvent(tx, tenant.orgId, "policy.non_renewed", {
      policyId,
      policyNumber: policy.policyNumber,
      reason,
      expirationDate: policy.expirationDate,
      actorUserId: tenant.userId,
    });
    return { ok: true, noticeId };
  });
}
