/**
 * Requests (issue 12): a policyholder or producer asks for a cancellation or a change, which waits
 * on the policy until an underwriter applies it through the same workflow they use themselves.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { insertPolicyNotice, listPendingRequests, setNoticeOutcome } from "../../models/policy-servicing.server.ts";
import { createId } from "../../utils/ids.ts";
import type { LedgerClient } from "../ledger/client.server.ts";
import {
  cancelPolicy,
  previewCancellation,
  type CancellationOutcome,
  type CancellationRequest,
  type ServicingRefusal,
} from "./cancellation.server.ts";
import { endorsePolicy, type EndorsementOutcome } from "./endorsement.server.ts";
import type { EndorsementChanges } from "./endorsement.ts";

export type RequestOutcome = { ok: true; requestId: string } | ServicingRefusal;

/** Records a cancellation request with the return it would produce today. */
export async function requestCancellation(
  db: Database,
  tenant: TenantContext,
  policyId: string,
  request: CancellationRequest,
  today: string,
): Promise<RequestOutcome> {
  const preview = await previewCancellation(db, tenant, policyId, request, today);
  if (!preview.ok) return preview;
  const id = createId("pnt");
  await transactionWithRetry(db, (tx) =>
    insertPolicyNotice(tx, tenant.orgId, {
      id,
      policyId,
      kind: "request",
      reason: request.reason,
      issuedOn: today,
      effectiveOn: request.cancellationDate,
      status: "pending",
      details: { type: "cancellation", reason: request.reason, cancellationDate: request.cancellationDate },
      createdByUserId: tenant.userId,
    }),
  );
  return { ok: true, requestId: id };
}

type RequestDetails =
  | { type: "cancellation"; reason: CancellationRequest["reason"]; cancellationDate: string }
  | { type: "endorsement"; changes: EndorsementChanges };

/** An underwriter applies a pending request of the policy. */
export async function applyRequest(
  db: Database,
  ledger: LedgerClient | null,
  tenant: TenantContext,
  policyId: string,
  requestId: string,
  today: string,
): Promise<CancellationOutcome | EndorsementOutcome> {
  const request = (await listPendingRequests(db, tenant.orgId, policyId)).find((r) => r.id === requestId);
  if (!request) return { ok: false, reason: "not_found" };
  const details = request.details as RequestDetails;
  if (details.type === "endorsement")
    return endorsePolicy(
      db,
      ledger,
      tenant,
      policyId,
      { effectiveDate: request.effectiveOn, changes: details.changes },
      today,
      { requestId },
    );
  const outcome = await cancelPolicy(
    db,
    ledger,
    tenant,
    policyId,
    // Judged as of the day the insured asked, not the day it is applied (ADR 029).
    { reason: details.reason, cancellationDate: details.cancellationDate, requestedOn: request.issuedOn },
    today,
  );
  if (outcome.ok)
    await setNoticeOutcome(db, tenant.orgId, requestId, { status: "executed", transactionId: outcome.transactionId });
  return outcome;
}
