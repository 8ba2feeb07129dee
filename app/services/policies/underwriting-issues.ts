import { checkResult, type PreBindCheckResult } from "./check-result.ts";
import type { ReferralReasonCode } from "./referral-triggers.ts";

/** A knockout question answered the way that stops straight-through binding. */
export interface KnockoutHit {
  readonly code: string;
  readonly question: string;
}

export interface OpenReferral {
  readonly id: string;
  readonly reason: ReferralReasonCode;
}

/**
 * Underwriting issues still open on the submission. The caller leaves out knockouts an
 * underwriter has cleared and referrals that have been decided.
 */
export interface UnderwritingIssues {
  readonly knockoutsHit: readonly KnockoutHit[];
  readonly openReferrals: readonly OpenReferral[];
}

export function checkNoOpenUnderwritingIssues(issues: UnderwritingIssues): PreBindCheckResult {
  return checkResult("no_open_uw_issues", [
    ...issues.knockoutsHit.map((k) => `knockout question ${k.code} was answered adversely: ${k.question}`),
    ...issues.openReferrals.map((r) => `referral ${r.id} (${r.reason}) is still open`),
  ]);
}
