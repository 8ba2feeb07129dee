import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, insureds, submissionEvents, submissions, user } from "../../db/schema/index.ts";
import { visibleSubmissions } from "../auth/scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

/** Everything about the insured and the exposures an underwriter reads on the workbench. */
export async function getUnderwritingFile(db: Database, tenant: TenantContext, submissionId: string) {
  const [row] = await db
    .select({
      id: submissions.id,
      reference: submissions.reference,
      status: submissions.status,
      lineOfBusiness: submissions.lineOfBusiness,
      state: submissions.state,
      naicsCode: submissions.naicsCode,
      annualRevenueCents: submissions.annualRevenueCents,
      payrollCents: submissions.payrollCents,
      requestedLimitCents: submissions.requestedLimitCents,
      deductibleCents: submissions.deductibleCents,
      effectiveDate: submissions.effectiveDate,
      termMonths: submissions.termMonths,
      priorLossCount: submissions.priorLossCount,
      priorLossIncurredCents: submissions.priorLossIncurredCents,
      assignedUnderwriterId: submissions.assignedUnderwriterId,
      declineCode: submissions.declineCode,
      declineRationale: submissions.declineRationale,
      submittedAt: submissions.submittedAt,
      insuredName: insureds.name,
      insuredAddress: insureds.addressLine1,
      insuredCity: insureds.city,
      insuredState: insureds.state,
      insuredPostalCode: insureds.postalCode,
      yearsInBusiness: insureds.yearsInBusiness,
      agencyName: agencies.name,
    })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)))
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1);
  return row ?? null;
}

/** The submission's whole timeline, newest first, with who acted (null: the system, by rule). */
export async function listTimeline(db: Database, tenant: TenantContext, submissionId: string) {
  return db
    .select({ id: submissionEvents.id, type: submissionEvents.type, detail: submissionEvents.detail, createdAt: submissionEvents.createdAt, actorName: user.name })
    .from(submissionEvents)
    .innerJoin(submissions, and(eq(submissions.orgId, submissionEvents.orgId), eq(submissions.id, submissionEvents.submissionId)))
    .leftJoin(user, eq(user.id, submissionEvents.actorUserId))
    .where(and(eq(submissionEvents.orgId, tenant.orgId), visibleSubmissions(tenant), eq(submissionEvents.submissionId, submissionId)))
    .orderBy(desc(submissionEvents.createdAt), desc(submissionEvents.id))
    .limit(200);
}
