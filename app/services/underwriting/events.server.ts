import type { Database } from "../../../db/client.ts";
import { submissionEvents } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import type { Transaction as Tx } from "../../../db/transaction.ts";

export type { Tx };

/** Appends to the submission's timeline; a null actor is the system applying a rule. */
export async function recordSubmissionEvent(
  tx: Tx | Database,
  tenant: TenantContext,
  submissionId: string,
  type: string,
  detail: Record<string, unknown> | null = null,
  actorUserId: string | null = tenant.userId,
) {
  await tx.insert(submissionEvents).values({ id: createId("sev"), orgId: tenant.orgId, submissionId, actorUserId, type, detail });
}
