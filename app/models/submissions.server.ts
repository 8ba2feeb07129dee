import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, insureds, submissionEvents, submissions, type SubmissionStatus } from "../../db/schema/index.ts";
import { visibleSubmissions } from "../auth/scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

const summary = {
  id: submissions.id,
  reference: submissions.reference,
  status: submissions.status,
  lineOfBusiness: submissions.lineOfBusiness,
  state: submissions.state,
  naicsCode: submissions.naicsCode,
  requestedLimitCents: submissions.requestedLimitCents,
  indicatedPremiumCents: submissions.indicatedPremiumCents,
  effectiveDate: submissions.effectiveDate,
  createdAt: submissions.createdAt,
  insuredName: insureds.name,
  agencyName: agencies.name,
};

export const NEEDS_UNDERWRITING: SubmissionStatus[] = ["submitted", "in_review", "referred", "quoted"];

export async function listSubmissions(db: Database, tenant: TenantContext, { statuses, limit = 50 }: { statuses?: SubmissionStatus[]; limit?: number } = {}) {
  return db
    .select(summary)
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)))
    .where(and(visibleSubmissions(tenant), statuses ? inArray(submissions.status, statuses) : undefined))
    .orderBy(desc(submissions.createdAt))
    .limit(limit);
}

export async function getSubmission(db: Database, tenant: TenantContext, submissionId: string) {
  const [row] = await db
    .select({ ...summary, annualRevenueCents: submissions.annualRevenueCents, payrollCents: submissions.payrollCents, deductibleCents: submissions.deductibleCents, termMonths: submissions.termMonths })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)))
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1);
  return row ?? null;
}

/** The newest entries of a submission's timeline, for a submission the user may see. */
export async function listSubmissionEvents(db: Database, tenant: TenantContext, submissionId: string, { limit = 20 } = {}) {
  return db
    .select({ id: submissionEvents.id, type: submissionEvents.type, detail: submissionEvents.detail, createdAt: submissionEvents.createdAt })
    .from(submissionEvents)
    .innerJoin(submissions, and(eq(submissions.orgId, submissionEvents.orgId), eq(submissions.id, submissionEvents.submissionId)))
    .where(and(eq(submissionEvents.orgId, tenant.orgId), visibleSubmissions(tenant), eq(submissionEvents.submissionId, submissionId)))
    .orderBy(desc(submissionEvents.createdAt))
    .limit(limit);
}
