import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { insureds, member, submissions } from "../../db/schema/index.ts";

// What the event audience reads to decide who hears about an event.

/** A submission's reference, insured name and producer, for a notification's text. */
export async function findSubmissionNoticeFacts(db: Database, orgId: string, submissionId: string) {
  const [row] = await db
    .select({
      reference: submissions.reference,
      insuredName: insureds.name,
      producerUserId: submissions.producerUserId,
    })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .where(and(eq(submissions.orgId, orgId), eq(submissions.id, submissionId)));
  return row ?? null;
}

/** Every member of the organization with their stored role list. */
export function listMemberRoles(db: Database, orgId: string) {
  return db.select({ userId: member.userId, role: member.role }).from(member).where(eq(member.organizationId, orgId));
}
