import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { SubmissionStatus } from "../../../db/schema/index.ts";
import { hasPermission } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { pendingReferralIds, withdrawReferrals } from "../../models/referrals.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { lockSubmission, setSubmissionStatus } from "../../models/submissions.server.ts";
import type { ReferralReasonCode } from "../policies/referral-triggers.ts";

const DECLINABLE: readonly SubmissionStatus[] = ["submitted", "in_review", "quoted", "referred", "pending_info"];

export type DeclineOutcome =
  | { ok: true }
  | { ok: false; reason: "not_found" | "forbidden" | "wrong_status"; status?: SubmissionStatus };

/**
 * Declines the submission with a reason code and rationale the producer reads. A referral still
 * waiting on a decision is withdrawn with it: there is nothing left to decide.
 */
export async function declineSubmission(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
  decline: { code: ReferralReasonCode; rationale: string },
): Promise<DeclineOutcome> {
  if (!hasPermission(tenant.roles, "decline:submission")) return { ok: false, reason: "forbidden" };
  return transactionWithRetry(db, async (tx) => {
    const submission = await lockSubmission(tx, tenant, submissionId);
    if (!submission) return { ok: false, reason: "not_found" } as const;
    if (!DECLINABLE.includes(submission.status))
      return { ok: false, reason: "wrong_status", status: submission.status } as const;
    await withdrawReferrals(
      tx,
      tenant,
      await pendingReferralIds(tx, tenant, submissionId),
      "The submission was declined",
    );
    await setSubmissionStatus(tx, tenant, submissionId, {
      status: "declined",
      declineCode: decline.code,
      declineRationale: decline.rationale,
    });
    await recordSubmissionEvent(tx, tenant, submissionId, "declined", {
      code: decline.code,
      rationale: decline.rationale,
    });
    return { ok: true } as const;
  });
}
