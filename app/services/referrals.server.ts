import { transactionWithRetry } from "../../db/transaction.ts";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  authorityProfiles,
  insureds,
  referralActivity,
  referrals,
  submissionEvents,
  submissions,
  user,
  userAuthority,
  type ReferralReason,
} from "../../db/schema/index.ts";
import { visibleSubmissions } from "../auth/scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";
import { recordDomainEvent } from "./domain-events.server.ts";
import { formatMoney, toCents } from "../utils/money.ts";
import type { DaReferralTriggers } from "./policies/da-agreement.ts";
import { referralTriggersHit } from "./policies/referral-triggers.ts";
import { clearKnockoutHits } from "./underwriting/knockouts.server.ts";
import { closeDealRoomsForSubmission } from "./deal-rooms.server.ts";

import type { Transaction as Tx } from "../../db/transaction.ts";

const TIER_ORDER = ["underwriter", "senior_underwriter", "chief_underwriter"] as const;

/** Why a producer's quote needs an underwriter: DA referral triggers and the auto-bind ceiling. */
export function referralReasons(input: {
  triggers: DaReferralTriggers;
  facts: { homeState: string; naicsCode: string; annualRevenueCents: number | null; priorLossCount: number };
  grossPremiumCents: number;
  autoBindPremiumCents: number;
}): ReferralReason[] {
  const reasons: ReferralReason[] = referralTriggersHit(input.triggers, {
    ...input.facts,
    annualRevenueCents: input.facts.annualRevenueCents === null ? null : toCents(input.facts.annualRevenueCents),
  }).map((hit) => ({ code: hit.reason, rationale: hit.rationale }));
  if (input.grossPremiumCents > input.autoBindPremiumCents) {
    reasons.push({
      code: "authority_exceeded",
      rationale: `Premium ${formatMoney(toCents(input.grossPremiumCents))} is above the producer's auto-bind authority of ${formatMoney(toCents(input.autoBindPremiumCents))}.`,
    });
  }
  return reasons;
}

/**
 * Raises a referral for a quote inside the quoting transaction and routes it to the underwriter
 * of the lowest tier whose authority covers the line, premium and limit. An earlier open referral
 * of the submission is withdrawn: the new quote replaces what it asked about.
 */
export async function raiseReferral(
  tx: Tx,
  tenant: TenantContext,
  input: { submissionId: string; quoteId: string; reasons: ReferralReason[]; lineOfBusiness: "GL" | "WC"; grossPremiumCents: number; occurrenceLimitCents: number },
) {
  const open = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.orgId, tenant.orgId), eq(referrals.submissionId, input.submissionId), eq(referrals.status, "pending")));
  if (open.length) {
    await tx.update(referrals).set({ status: "withdrawn" }).where(and(eq(referrals.orgId, tenant.orgId), inArray(referrals.id, open.map((r) => r.id))));
    await tx.insert(referralActivity).values(open.map((r) => ({ id: createId("rac"), orgId: tenant.orgId, referralId: r.id, actorUserId: tenant.userId, action: "withdrawn", note: "Superseded by a new quote" })));
  }
  const candidates = await tx
    .select({ userId: userAuthority.userId, name: user.name, tier: authorityProfiles.tier, grants: authorityProfiles.grants })
    .from(userAuthority)
    .innerJoin(authorityProfiles, and(eq(authorityProfiles.orgId, userAuthority.orgId), eq(authorityProfiles.id, userAuthority.profileId)))
    .innerJoin(user, eq(user.id, userAuthority.userId))
    .where(eq(userAuthority.orgId, tenant.orgId))
    .orderBy(asc(userAuthority.userId));
  const workload = await tx
    .select({ userId: referrals.assignedToUserId, open: count() })
    .from(referrals)
    .where(and(eq(referrals.orgId, tenant.orgId), eq(referrals.status, "pending")))
    .groupBy(referrals.assignedToUserId);
  const openCount = (userId: string) => Number(workload.find((w) => w.userId === userId)?.open ?? 0);
  // Lowest covering tier first (authority is not spent where less will do), then the least busy.
  const covering = candidates
    .filter((c) => c.grants.some((g) => g.lineOfBusiness === input.lineOfBusiness && g.maxPremiumCents >= input.grossPremiumCents && g.maxLimitCents >= input.occurrenceLimitCents))
    .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || openCount(a.userId) - openCount(b.userId));
  const assignee = covering[0] ?? null;
  const referralId = createId("ref");
  await tx.insert(referrals).values({
    id: referralId,
    orgId: tenant.orgId,
    submissionId: input.submissionId,
    quoteId: input.quoteId,
    reasons: input.reasons,
    status: "pending",
    assignedToUserId: assignee?.userId ?? null,
  });
  // Both steps happen in one instant; a millisecond apart keeps the trail in the order it happened.
  const raisedAt = Date.now();
  await tx.insert(referralActivity).values([
    { id: createId("rac"), orgId: tenant.orgId, referralId, actorUserId: tenant.userId, action: "raised", note: input.reasons.map((r) => r.rationale).join(" "), createdAt: new Date(raisedAt) },
    {
      createdAt: new Date(raisedAt + 1),
      id: createId("rac"),
      orgId: tenant.orgId,
      referralId,
      actorUserId: null,
      action: "routed",
      note: assignee ? `Routed to ${assignee.name} (${assignee.tier.replace("_", " ")})` : "No underwriter's authority covers this risk: waiting for the chief underwriter",
    },
  ]);
  await tx.update(submissions).set({ status: "referred" }).where(and(eq(submissions.orgId, tenant.orgId), eq(submissions.id, input.submissionId)));
  await tx.insert(submissionEvents).values({ id: createId("sev"), orgId: tenant.orgId, submissionId: input.submissionId, actorUserId: tenant.userId, type: "referred", detail: { referralId, reasons: input.reasons.map((r) => r.code) } });
  await recordDomainEvent(tx, tenant.orgId, "submission.referred", {
    referralId,
    submissionId: input.submissionId,
    quoteId: input.quoteId,
    reasons: input.reasons.map((r) => r.code),
    assignedToUserId: assignee?.userId ?? null,
  });
  return referralId;
}

export type ReferralDecision = { decision: "approved" | "declined"; code: string; rationale: string };

/** Approves or declines a pending referral; the assignee or anyone allowed to decide referrals may. */
export async function decideReferral(db: Database, tenant: TenantContext, referralId: string, decision: ReferralDecision, mayDecideAny: boolean) {
  const outcome = await transactionWithRetry(db, async (tx) => {
    const [row] = await tx
      .select({ referral: referrals })
      .from(referrals)
      .innerJoin(submissions, and(eq(submissions.orgId, referrals.orgId), eq(submissions.id, referrals.submissionId)))
      .where(and(eq(referrals.orgId, tenant.orgId), visibleSubmissions(tenant), eq(referrals.id, referralId)))
      .limit(1)
      .for("update");
    if (!row) return { ok: false as const, reason: "not_found" as const };
    const { referral } = row;
    if (referral.status !== "pending") return { ok: false as const, reason: "already_decided" as const };
    if (referral.assignedToUserId !== tenant.userId && !mayDecideAny) return { ok: false as const, reason: "not_assigned" as const };
    await tx
      .update(referrals)
      .set({ status: decision.decision, decidedByUserId: tenant.userId, decisionCode: decision.code, decisionRationale: decision.rationale, decidedAt: new Date() })
      .where(and(eq(referrals.orgId, tenant.orgId), eq(referrals.id, referralId)));
    await tx.insert(referralActivity).values({ id: createId("rac"), orgId: tenant.orgId, referralId, actorUserId: tenant.userId, action: decision.decision, note: `${decision.code}: ${decision.rationale}` });
    await tx
      .update(submissions)
      .set(decision.decision === "approved" ? { status: "quoted" } : { status: "declined", declineCode: decision.code, declineRationale: decision.rationale })
      .where(and(eq(submissions.orgId, tenant.orgId), eq(submissions.id, referral.submissionId)));
    if (decision.decision === "approved") await clearKnockoutHits(tx, tenant, referral.submissionId, "referral_approved");
    await tx.insert(submissionEvents).values({ id: createId("sev"), orgId: tenant.orgId, submissionId: referral.submissionId, actorUserId: tenant.userId, type: `referral_${decision.decision}`, detail: { referralId, code: decision.code } });
    await recordDomainEvent(tx, tenant.orgId, "referral.decided", { referralId, submissionId: referral.submissionId, decision: decision.decision, code: decision.code, decidedByUserId: tenant.userId });
    return { ok: true as const, submissionId: referral.submissionId };
  });
  if (outcome.ok && decision.decision === "declined") await closeDealRoomsForSubmission(db, tenant.orgId, outcome.submissionId, "declined");
  return outcome;
}

/** Pending referrals of the organization, the user's own first. */
export async function listPendingReferrals(db: Database, tenant: TenantContext) {
  const rows = await db
    .select({ id: referrals.id, submissionId: referrals.submissionId, reference: submissions.reference, insuredName: insureds.name, reasons: referrals.reasons, assignedToUserId: referrals.assignedToUserId, createdAt: referrals.createdAt })
    .from(referrals)
    .innerJoin(submissions, and(eq(submissions.orgId, referrals.orgId), eq(submissions.id, referrals.submissionId)))
    .innerJoin(insureds, and(eq(insureds.orgId, referrals.orgId), eq(insureds.id, submissions.insuredId)))
    .where(and(eq(referrals.orgId, tenant.orgId), visibleSubmissions(tenant), eq(referrals.status, "pending")))
    .orderBy(desc(referrals.createdAt));
  return rows.sort((a, b) => Number(b.assignedToUserId === tenant.userId) - Number(a.assignedToUserId === tenant.userId));
}

/** A submission's referrals with their activity, newest first. */
export async function listReferralsForSubmission(db: Database, tenant: TenantContext, submissionId: string) {
  const rows = await db
    .select({ referral: referrals })
    .from(referrals)
    .innerJoin(submissions, and(eq(submissions.orgId, referrals.orgId), eq(submissions.id, referrals.submissionId)))
    .where(and(eq(referrals.orgId, tenant.orgId), visibleSubmissions(tenant), eq(referrals.submissionId, submissionId)))
    .orderBy(desc(referrals.createdAt));
  if (rows.length === 0) return [];
  const activity = await db
    .select()
    .from(referralActivity)
    .where(and(eq(referralActivity.orgId, tenant.orgId), inArray(referralActivity.referralId, rows.map((r) => r.referral.id))))
    .orderBy(asc(referralActivity.createdAt));
  return rows.map(({ referral }) => ({ ...referral, activity: activity.filter((a) => a.referralId === referral.id) }));
}
