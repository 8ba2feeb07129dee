import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { SUBMISSION_STATUSES, type SubmissionStatus } from "../../../db/schema/index.ts";
import { hasPermission } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { insertNote } from "../../models/notes.server.ts";
import { latestSubmissionEventDetail, recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { lockSubmission, setSubmissionStatus } from "../../models/submissions.server.ts";

/** Statuses in which an underwriter is working the submission and may ask the producer for more. */
const REQUESTABLE: readonly SubmissionStatus[] = ["submitted", "in_review", "quoted", "referred"];

export type InfoOutcome =
  | { ok: true }
  | { ok: false; reason: "not_found" | "forbidden" | "wrong_status"; status?: SubmissionStatus };

/**
 * Asks the producer for more information: an external note the producer reads and the submission
 * set to pending_info until they answer. The status it had is kept on the event to return to.
 */
export async function requestInformation(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
  question: string,
): Promise<InfoOutcome> {
  if (!hasPermission(tenant.roles, "underwrite:submission")) return { ok: false, reason: "forbidden" };
  return transactionWithRetry(db, async (tx) => {
    const submission = await lockSubmission(tx, tenant, submissionId);
    if (!submission) return { ok: false, reason: "not_found" } as const;
    if (!REQUESTABLE.includes(submission.status))
      return { ok: false, reason: "wrong_status", status: submission.status } as const;
    const noteId = await insertNote(tx, tenant, submissionId, {
      visibility: "external",
      kind: "info_request",
      body: question,
    });
    await setSubmissionStatus(tx, tenant, submissionId, { status: "pending_info" });
    await recordSubmissionEvent(tx, tenant, submissionId, "info_requested", {
      noteId,
      previousStatus: submission.status,
    });
    return { ok: true } as const;
  });
}

/** The producer's answer: an external note, and the submission back where it was in the queue. */
export async function answerInformationRequest(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
  answer: string,
): Promise<InfoOutcome> {
  if (!hasPermission(tenant.roles, "create:submission")) return { ok: false, reason: "forbidden" };
  return transactionWithRetry(db, async (tx) => {
    const submission = await lockSubmission(tx, tenant, submissionId);
    if (!submission) return { ok: false, reason: "not_found" } as const;
    if (submission.status !== "pending_info")
      return { ok: false, reason: "wrong_status", status: submission.status } as const;
    const previous = (await latestSubmissionEventDetail(tx, tenant, submissionId, "info_requested"))?.previousStatus;
    const status: SubmissionStatus = SUBMISSION_STATUSES.includes(previous as SubmissionStatus)
      ? (previous as SubmissionStatus)
      : "submitted";
    const noteId = await insertNote(tx, tenant, submissionId, {
      visibility: "external",
      kind: "info_response",
      body: answer,
    });
    await setSubmissionStatus(tx, tenant, submissionId, { status });
    await recordSubmissionEvent(tx, tenant, submissionId, "info_provided", { noteId, status });
    return { ok: true } as const;
  });
}
