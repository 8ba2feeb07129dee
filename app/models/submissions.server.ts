import { transactionWithRetry } from "../../db/transaction.ts";
import { and, asc, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  agencies,
  insureds,
  programs,
  submissionEvents,
  submissions,
  user,
  type SubmissionStatus,
} from "../../db/schema/index.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import type { QueueSort } from "./submission-queue.ts";
import { recordSubmissionEvent } from "./submission-events.server.ts";
import type { Transaction } from "../../db/transaction.ts";

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
  assignedUnderwriterId: submissions.assignedUnderwriterId,
};

export async function listSubmissions(db: Database, tenant: TenantContext, { limit = 50 }: { limit?: number } = {}) {
  return db
    .select(summary)
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)))
    .where(visibleSubmissions(tenant))
    .orderBy(desc(submissions.createdAt))
    .limit(limit);
}

export async function getSubmission(db: Database | Transaction, tenant: TenantContext, submissionId: string) {
  const [row] = await db
    .select({
      ...summary,
      annualRevenueCents: submissions.annualRevenueCents,
      payrollCents: submissions.payrollCents,
      deductibleCents: submissions.deductibleCents,
      termMonths: submissions.termMonths,
      priorLossCount: submissions.priorLossCount,
      priorLossIncurredCents: submissions.priorLossIncurredCents,
      submittedAt: submissions.submittedAt,
      declineCode: submissions.declineCode,
      declineRationale: submissions.declineRationale,
      insuredAddress: insureds.addressLine1,
      insuredCity: insureds.city,
      insuredState: insureds.state,
      insuredPostalCode: insureds.postalCode,
      yearsInBusiness: insureds.yearsInBusiness,
    })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)))
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1);
  return row ?? null;
}

/**
 * The newest entries of a submission's timeline, for a submission the user may see, with who
 * acted (null: the system, applying a rule).
 */
export async function listSubmissionEvents(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
  { limit = 20 } = {},
) {
  return db
    .select({
      id: submissionEvents.id,
      type: submissionEvents.type,
      detail: submissionEvents.detail,
      createdAt: submissionEvents.createdAt,
      actorName: user.name,
    })
    .from(submissionEvents)
    .innerJoin(
      submissions,
      and(eq(submissions.orgId, submissionEvents.orgId), eq(submissions.id, submissionEvents.submissionId)),
    )
    .leftJoin(user, eq(user.id, submissionEvents.actorUserId))
    .where(
      and(
        eq(submissionEvents.orgId, tenant.orgId),
        visibleSubmissions(tenant),
        eq(submissionEvents.submissionId, submissionId),
      ),
    )
    .orderBy(desc(submissionEvents.createdAt), desc(submissionEvents.id))
    .limit(limit);
}

export type QueueFilter = {
  statuses: readonly SubmissionStatus[];
  line?: "GL" | "WC";
  state?: string;
  sort: QueueSort;
  page: number;
  pageSize: number;
};

// The id breaks ties, so pages never overlap when rows share a timestamp.
const QUEUE_ORDER: Record<QueueSort, SQL[]> = {
  newest: [desc(submissions.createdAt), desc(submissions.id)],
  oldest: [asc(submissions.createdAt), asc(submissions.id)],
  premium: [desc(submissions.indicatedPremiumCents), desc(submissions.createdAt), desc(submissions.id)],
  state: [asc(submissions.state), desc(submissions.createdAt), desc(submissions.id)],
};

/** One page of the underwriting queue, filtered and sorted in the database, with the total. */
export async function listSubmissionQueue(db: Database, tenant: TenantContext, filter: QueueFilter) {
  const where = and(
    visibleSubmissions(tenant),
    inArray(submissions.status, filter.statuses),
    filter.line ? eq(submissions.lineOfBusiness, filter.line) : undefined,
    filter.state ? eq(submissions.state, filter.state) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(summary)
      .from(submissions)
      .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
      .innerJoin(agencies, and(eq(agencies.orgId, submissions.orgId), eq(agencies.id, submissions.agencyId)))
      .where(where)
      .orderBy(...QUEUE_ORDER[filter.sort])
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(submissions).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Takes an unassigned submission to work it; false when someone else already has it. */
/** Whether the user may see the submission: an action checks its path's id with this before reading the body. */
export async function isSubmissionVisible(
  db: Database | Transaction,
  tenant: TenantContext,
  submissionId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1);
  return Boolean(row);
}

/**
 * An underwriter takes a submission: "claimed", "taken" when it is someone else's or no longer
 * waiting, null when the user may not see it (the route answers 404: existence is not revealed).
 */
export async function claimSubmission(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
): Promise<"claimed" | "taken" | null> {
  return transactionWithRetry(db, async (tx) => {
    const result = await tx
      .update(submissions)
      .set({ assignedUnderwriterId: tenant.userId, status: "in_review" })
      .where(
        and(
          visibleSubmissions(tenant),
          eq(submissions.id, submissionId),
          isNull(submissions.assignedUnderwriterId),
          inArray(submissions.status, ["submitted", "in_review"]),
        ),
      );
    if (Number(result.rowsAffected) !== 1) {
      return (await isSubmissionVisible(tx, tenant, submissionId)) ? "taken" : null;
    }
    await recordSubmissionEvent(tx, tenant, submissionId, "claimed");
    return "claimed";
  });
}

/** The submission, if the user may see it, locked so status changes on it happen one at a time. */
export async function lockSubmission(tx: Transaction, tenant: TenantContext, submissionId: string) {
  const [row] = await tx
    .select({
      id: submissions.id,
      status: submissions.status,
      assignedUnderwriterId: submissions.assignedUnderwriterId,
    })
    .from(submissions)
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1)
    .for("update");
  return row ?? null;
}

export type SubmissionChanges = Partial<
  Pick<typeof submissions.$inferInsert, "status" | "declineCode" | "declineRationale" | "indicatedPremiumCents">
>;

/** Sets a submission's status (and what goes with it: a decline's reason, a quote's premium). */
export async function setSubmissionStatus(
  db: Transaction | Database,
  tenant: TenantContext,
  submissionId: string,
  values: SubmissionChanges,
) {
  await db
    .update(submissions)
    .set(values)
    .where(and(eq(submissions.orgId, tenant.orgId), eq(submissions.id, submissionId)));
}

export type NewSubmissionRow = Omit<typeof submissions.$inferInsert, "orgId">;

/** Files a submission of the tenant. */
export async function insertSubmission(tx: Transaction, tenant: TenantContext, row: NewSubmissionRow) {
  await tx.insert(submissions).values({ ...row, orgId: tenant.orgId });
}

/** A submission the user may see, with what quoting needs of its insured and program. */
export async function findSubmissionForQuoting(db: Database, tenant: TenantContext, submissionId: string) {
  const [row] = await db
    .select({
      submission: submissions,
      yearsInBusiness: insureds.yearsInBusiness,
      quoteValidDays: programs.quoteValidDays,
      autoBindPremiumCents: programs.autoBindPremiumCents,
    })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .innerJoin(programs, and(eq(programs.orgId, submissions.orgId), eq(programs.id, submissions.programId)))
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1);
  return row ?? null;
}
