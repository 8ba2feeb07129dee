import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { insureds, member, policies, submissions, userAffiliations } from "../../db/schema/index.ts";

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

/** A policy's number, insured and the producer who submitted it, for servicing notifications. */
export async function findPolicyNoticeFacts(db: Database, orgId: string, policyId: string) {
  const [row] = await db
    .select({
      policyNumber: policies.policyNumber,
      insuredName: insureds.name,
      producerUserId: submissions.producerUserId,
    })
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .leftJoin(submissions, and(eq(submissions.orgId, policies.orgId), eq(submissions.id, policies.submissionId)))
    .where(and(eq(policies.orgId, orgId), eq(policies.id, policyId)));
  return row ?? null;
}

/** The policyholder users affiliated with an insured: who hears about its invoices. */
export async function listInsuredUserIds(db: Database, orgId: string, insuredId: string) {
  const rows = await db
    .select({ userId: userAffiliations.userId })
    .from(userAffiliations)
    .where(and(eq(userAffiliations.orgId, orgId), eq(userAffiliations.insuredId, insuredId)));
  return rows.map((r) => r.userId);
}

/** Members of the organization affiliated with an agency, with their stored role list. */
export function listAgencyMemberRoles(db: Database, orgId: string, agencyId: string) {
  return db
    .select({ userId: member.userId, role: member.role })
    .from(member)
    .innerJoin(
      userAffiliations,
      and(eq(userAffiliations.orgId, member.organizationId), eq(userAffiliations.userId, member.userId)),
    )
    .where(and(eq(member.organizationId, orgId), eq(userAffiliations.agencyId, agencyId)));
}
