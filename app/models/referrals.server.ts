import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  authorityProfiles,
  insureds,
  referralActivity,
  referrals,
  submissions,
  user,
  userAuthority,
  type ReferralReason,
} from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

type Db = Database | Transaction;
export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralActivityEntry = {
  actorUserId: string | null;
  action: string;
  note: string | null;
  createdAt?: Date;
};

/** The ids of a submission's referrals still waiting on a decision. */
export async function pendingReferralIds(db: Db, tenant: TenantContext, submissionId: string): Promise<string[]> {
  const rows = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(eq(referrals.orgId, tenant.orgId), eq(referrals.submissionId, submissionId), eq(referrals.status, "pending")),
    );
  return rows.map((r) => r.id);
}

/** Withdraws referrals, each with an activity entry by the user saying why. */
export async function withdrawReferrals(
  tx: Transaction,
  tenant: TenantContext,
  referralIds: readonly string[],
  note: string,
) {
  if (referralIds.length === 0) return;
  await tx
    .update(referrals)
    .set({ status: "withdrawn" })
    .where(and(eq(referrals.orgId, tenant.orgId), inArray(referrals.id, [...referralIds])));
  await insertReferralActivity(
    tx,
    tenant,
    referralIds.map((referralId) => ({ referralId, actorUserId: tenant.userId, action: "withdrawn", note })),
  );
}

export async function insertReferralActivity(
  tx: Transaction,
  tenant: TenantContext,
  entries: readonly (ReferralActivityEntry & { referralId: string })[],
) {
  if (entries.length === 0) return;
  await tx.insert(referralActivity).values(entries.map((e) => ({ ...e, id: createId("rac"), orgId: tenant.orgId })));
}

/** The organization's underwriters with an authority profile, and the grants of their tier. */
export async function listUnderwritersWithAuthority(db: Db, tenant: TenantContext) {
  return db
    .select({
      userId: userAuthority.userId,
      name: user.name,
      tier: authorityProfiles.tier,
      grants: authorityProfiles.grants,
    })
    .from(userAuthority)
    .innerJoin(
      authorityProfiles,
      and(eq(authorityProfiles.orgId, userAuthority.orgId), eq(authorityProfiles.id, userAuthority.profileId)),
    )
    .innerJoin(user, eq(user.id, userAuthority.userId))
    .where(eq(userAuthority.orgId, tenant.orgId))
    .orderBy(asc(userAuthority.userId));
}

/** How many pending referrals each assignee holds. */
export async function pendingReferralWorkload(db: Db, tenant: TenantContext): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: referrals.assignedToUserId, open: count() })
    .from(referrals)
    .where(and(eq(referrals.orgId, tenant.orgId), eq(referrals.status, "pending")))
    .groupBy(referrals.assignedToUserId);
  return new Map(rows.flatMap((r) => (r.userId === null ? [] : [[r.userId, Number(r.open)] as const])));
}

export async function insertReferral(
  tx: Transaction,
  tenant: TenantContext,
  row: {
    id: string;
    submissionId: string;
    quoteId: string;
    reasons: ReferralReason[];
    assignedToUserId: string | null;
  },
) {
  await tx.insert(referrals).values({ ...row, orgId: tenant.orgId, status: "pending" });
}

/** A referral of a submission the user may see, locked for its decision. */
export async function lockReferralForDecision(
  tx: Transaction,
  tenant: TenantContext,
  referralId: string,
): Promise<ReferralRow | null> {
  const [row] = await tx
    .select({ referral: referrals })
    .from(referrals)
    .innerJoin(submissions, and(eq(submissions.orgId, referrals.orgId), eq(submissions.id, referrals.submissionId)))
    .where(and(eq(referrals.orgId, tenant.orgId), visibleSubmissions(tenant), eq(referrals.id, referralId)))
    .limit(1)
    .for("update");
  return row?.referral ?? null;
}

export async function recordReferralDecision(
  tx: Transaction,
  tenant: TenantContext,
  referralId: string,
  decision: { decision: "approved" | "declined"; code: string; rationale: string },
) {
  await tx
    .update(referrals)
    .set({
      status: decision.decision,
      decidedByUserId: tenant.userId,
      decisionCode: decision.code,
      decisionRationale: decision.rationale,
      decidedAt: new Date(),
    })
    .where(and(eq(referrals.orgId, tenant.orgId), eq(referrals.id, referralId)));
}

/** Pending referrals of the organization the user may see, newest first. */
export async function listPendingReferrals(db: Database, tenant: TenantContext) {
  return db
    .select({
      id: referrals.id,
      submissionId: referrals.submissionId,
      reference: submissions.reference,
      insuredName: insureds.name,
      reasons: referrals.reasons,
      assignedToUserId: referrals.assignedToUserId,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .innerJoin(submissions, and(eq(submissions.orgId, referrals.orgId), eq(submissions.id, referrals.submissionId)))
    .innerJoin(insureds, and(eq(insureds.orgId, referrals.orgId), eq(insureds.id, submissions.insuredId)))
    .where(and(eq(referrals.orgId, tenant.orgId), visibleSubmissions(tenant), eq(referrals.status, "pending")))
    .orderBy(desc(referrals.createdAt));
}

/** A submission's referrals with their activity, newest first. */
export async function listReferralsForSubmission(db: Database, tenant: TenantContext, submissionId: string) {
  const rows = await db
    .select({ referral: referrals, assigneeName: user.name })
    .from(referrals)
    .innerJoin(submissions, and(eq(submissions.orgId, referrals.orgId), eq(submissions.id, referrals.submissionId)))
    .leftJoin(user, eq(user.id, referrals.assignedToUserId))
    .where(and(eq(referrals.orgId, tenant.orgId), visibleSubmissions(tenant), eq(referrals.submissionId, submissionId)))
    .orderBy(desc(referrals.createdAt));
  if (rows.length === 0) return [];
  const activity = await db
    .select()
    .from(referralActivity)
    .where(
      and(
        eq(referralActivity.orgId, tenant.orgId),
        inArray(
          referralActivity.referralId,
          rows.map((r) => r.referral.id),
        ),
      ),
    )
    .orderBy(asc(referralActivity.createdAt));
  return rows.map(({ referral, assigneeName }) => ({
    ...referral,
    assigneeName,
    activity: activity.filter((a) => a.referralId === referral.id),
  }));
}
