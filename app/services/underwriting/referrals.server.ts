import type { Database } from "../../../db/client.ts";
import type { ReferralReason } from "../../../db/schema/index.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  insertReferral,
  insertReferralActivity,
  listPendingReferrals as listPendingReferralRows,
  listUnderwritersWithAuthority,
  lockReferralForDecision,
  pendingReferralIds,
  pendingReferralWorkload,
  recordReferralDecision,
  withdrawReferrals,
} from "../../models/referrals.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { setSubmissionStatus } from "../../models/submissions.server.ts";
import { createId } from "../../utils/ids.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import { auditBusinessAction } from "../access/audit.server.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import type { DaReferralTriggers } from "../policies/da-agreement.ts";
import { referralTriggersHit } from "../policies/referral-triggers.ts";
import { clearKnockoutHits } from "./knockouts.server.ts";
import { closeDealRoomsForSubmission } from "../realtime/deal-rooms.server.ts";

export { listReferralsForSubmission } from "../../models/referrals.server.ts";

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
    const premium = formatMoney(toCents(input.grossPremiumCents));
    const ceiling = formatMoney(toCents(input.autoBindPremiumCents));
    reasons.push({
      code: "authority_exceeded",
      rationale: `Premium ${premium} is above the producer's auto-bind authority of ${ceiling}.`,
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
  tx: Transaction,
  tenant: TenantContext,
  input: {
    submissionId: string;
    quoteId: string;
    reasons: ReferralReason[];
    lineOfBusiness: "GL" | "WC";
    grossPremiumCents: number;
    occurrenceLimitCents: number;
  },
) {
  await withdrawReferrals(
    tx,
    tenant,
    await pendingReferralIds(tx, tenant, input.submissionId),
    "Superseded by a new quote",
  );
  const candidates = await listUnderwritersWithAuthority(tx, tenant);
  const workload = await pendingReferralWorkload(tx, tenant);
  const assignee = chooseAssignee(candidates, workload, input);
  const referralId = createId("ref");
  await insertReferral(tx, tenant, {
    id: referralId,
    submissionId: input.submissionId,
    quoteId: input.quoteId,
    reasons: input.reasons,
    assignedToUserId: assignee?.userId ?? null,
  });
  // Both steps happen in one instant; a millisecond apart keeps the trail in the order it happened.
  const raisedAt = Date.now();
  await insertReferralActivity(tx, tenant, [
    {
      referralId,
      actorUserId: tenant.userId,
      action: "raised",
      note: [...new Set(input.reasons.map((r) => r.rationale))].join(" "),
      createdAt: new Date(raisedAt),
    },
    {
      referralId,
      actorUserId: null,
      action: "routed",
      note: assignee
        ? `Routed to ${assignee.name} (${assignee.tier.replace("_", " ")})`
        : "No underwriter's authority covers this risk: waiting for the chief underwriter",
      createdAt: new Date(raisedAt + 1),
    },
  ]);
  await setSubmissionStatus(tx, tenant, input.submissionId, { status: "referred" });
  await recordSubmissionEvent(tx, tenant, input.submissionId, "referred", {
    referralId,
    reasons: [...new Set(input.reasons.map((r) => r.code))],
  });
  await Promise.all([
    recordDomainEvent(tx, tenant.orgId, "submission.referred", {
      referralId,
      submissionId: input.submissionId,
      quoteId: input.quoteId,
      reasons: [...new Set(input.reasons.map((r) => r.code))],
      assignedToUserId: assignee?.userId ?? null,
    }),
    auditBusinessAction(tx, tenant, {
      action: "referral_raised",
      targetType: "referral",
      targetId: referralId,
      detail: { submissionId: input.submissionId, reasons: input.reasons, assignedToUserId: assignee?.userId ?? null },
    }),
  ]);
  return referralId;
}

type Candidate = {
  userId: string;
  name: string;
  tier: (typeof TIER_ORDER)[number];
  grants: { lineOfBusiness: string; maxPremiumCents: number; maxLimitCents: number }[];
};

/**
 * Lowest covering tier first (authority is not spent where less will do), then the least busy
 * (fewest pending referrals); ties go to the first by user id.
 */
export function chooseAssignee<C extends Candidate>(
  candidates: readonly C[],
  workload: ReadonlyMap<string, number>,
  risk: { lineOfBusiness: string; grossPremiumCents: number; occurrenceLimitCents: number },
): C | null {
  const openCount = (userId: string) => workload.get(userId) ?? 0;
  const covering = candidates
    .filter((c) =>
      c.grants.some(
        (g) =>
          g.lineOfBusiness === risk.lineOfBusiness &&
          g.maxPremiumCents >= risk.grossPremiumCents &&
          g.maxLimitCents >= risk.occurrenceLimitCents,
      ),
    )
    .sort(
      (a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || openCount(a.userId) - openCount(b.userId),
    );
  return covering[0] ?? null;
}

export type ReferralDecision = { decision: "approved" | "declined"; code: string; rationale: string };

/** Approves or declines a pending referral; the assignee or anyone allowed to decide referrals may. */
export async function decideReferral(
  db: Database,
  tenant: TenantContext,
  referralId: string,
  decision: ReferralDecision,
  mayDecideAny: boolean,
) {
  const outcome = await transactionWithRetry(db, async (tx) => {
    const referral = await lockReferralForDecision(tx, tenant, referralId);
    if (!referral) return { ok: false as const, reason: "not_found" as const };
    if (referral.status !== "pending") return { ok: false as const, reason: "already_decided" as const };
    if (referral.assignedToUserId !== tenant.userId && !mayDecideAny)
      return { ok: false as const, reason: "not_assigned" as const };
    await recordReferralDecision(tx, tenant, referralId, decision);
    await insertReferralActivity(tx, tenant, [
      {
        referralId,
        actorUserId: tenant.userId,
        action: decision.decision,
        note: `${decision.code}: ${decision.rationale}`,
      },
    ]);
    await setSubmissionStatus(
      tx,
      tenant,
      referral.submissionId,
      decision.decision === "approved"
        ? { status: "quoted" }
        : { status: "declined", declineCode: decision.code, declineRationale: decision.rationale },
    );
    if (decision.decision === "approved")
      await clearKnockoutHits(tx, tenant, referral.submissionId, "referral_approved");
    await recordSubmissionEvent(tx, tenant, referral.submissionId, `referral_${decision.decision}`, {
      referralId,
      code: decision.code,
    });
    await Promise.all([
      recordDomainEvent(tx, tenant.orgId, "referral.decided", {
        referralId,
        submissionId: referral.submissionId,
        decision: decision.decision,
        code: decision.code,
        decidedByUserId: tenant.userId,
      }),
      auditBusinessAction(tx, tenant, {
        action: "referral_decided",
        targetType: "referral",
        targetId: referralId,
        detail: { before: { status: "pending" }, after: { status: decision.decision, code: decision.code } },
      }),
    ]);
    return { ok: true as const, submissionId: referral.submissionId };
  });
  if (outcome.ok && decision.decision === "declined")
    await closeDealRoomsForSubmission(db, tenant.orgId, outcome.submissionId, "declined");
  return outcome;
}

/** Pending referrals of the organization, the user's own first. */
export async function listPendingReferrals(db: Database, tenant: TenantContext) {
  const rows = await listPendingReferralRows(db, tenant);
  return rows.sort(
    (a, b) => Number(b.assignedToUserId === tenant.userId) - Number(a.assignedToUserId === tenant.userId),
  );
}
