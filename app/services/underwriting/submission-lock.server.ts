import { and, eq } from "drizzle-orm";
import { submissions } from "../../../db/schema/index.ts";
import { visibleSubmissions } from "../../auth/scope.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import type { Tx } from "./events.server.ts";

/** The submission, if the user may see it, locked so status changes on it happen one at a time. */
export async function lockSubmission(tx: Tx, tenant: TenantContext, submissionId: string) {
  const [row] = await tx
    .select({ id: submissions.id, status: submissions.status, assignedUnderwriterId: submissions.assignedUnderwriterId })
    .from(submissions)
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1)
    .for("update");
  return row ?? null;
}

export async function setSubmissionStatus(tx: Tx, tenant: TenantContext, submissionId: string, values: Partial<typeof submissions.$inferInsert>) {
  await tx.update(submissions).set(values).where(and(eq(submissions.orgId, tenant.orgId), eq(submissions.id, submissionId)));
}
