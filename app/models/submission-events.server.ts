import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { submissionEvents } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

/** Appends to the submission's timeline; a null actor is the system applying a rule. */
export async function recordSubmissionEvent(
  db: Transaction | Database,
  tenant: TenantContext,
  submissionId: string,
  type: string,
  detail: Record<string, unknown> | null = null,
  actorUserId: string | null = tenant.userId,
) {
  await db
    .insert(submissionEvents)
    .values({ id: createId("sev"), orgId: tenant.orgId, submissionId, actorUserId, type, detail });
}

/** The detail of the submission's latest event of a type (e.g. the info request to answer). */
export async function latestSubmissionEventDetail(
  db: Transaction | Database,
  tenant: TenantContext,
  submissionId: string,
  type: string,
) {
  const [event] = await db
    .select({ detail: submissionEvents.detail })
    .from(submissionEvents)
    .where(
      and(
        eq(submissionEvents.orgId, tenant.orgId),
        eq(submissionEvents.submissionId, submissionId),
        eq(submissionEvents.type, type),
      ),
    )
    .orderBy(desc(submissionEvents.createdAt), desc(submissionEvents.id))
    .limit(1);
  return event ? event.detail : null;
}
