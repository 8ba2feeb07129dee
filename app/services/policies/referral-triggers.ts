import { formatMoney, type Cents } from "../../utils/money.ts";
import { matchingNaicsEntry, type DaReferralTriggers } from "./da-agreement.ts";

export const REFERRAL_REASON_CODES = [
  "authority_exceeded",
  "coverage_question",
  "risk_quality",
  "reinsurance_required",
  "appetite_check",
  "capacity_constraint",
  "prior_losses",
  "financial_condition",
  "regulatory",
  "other",
] as const;
export type ReferralReasonCode = (typeof REFERRAL_REASON_CODES)[number];

/** The facts of a submission the agreement's referral triggers look at. */
export interface ReferralFacts {
  readonly homeState: string;
  readonly naicsCode: string;
  readonly annualRevenueCents: Cents | null;
  readonly priorLossCount: number;
}

export interface ReferralTriggerHit {
  readonly trigger: "revenue" | "loss_history" | "class_code" | "state";
  readonly reason: ReferralReasonCode;
  /** Prefills the written rationale a referral requires. */
  readonly rationale: string;
}

/**
 * Which of the agreement's referral triggers the submission hits. Each maps to the reason code a
 * carrier would file it under: revenue above the threshold means the risk is bigger than the
 * authority delegated (authority_exceeded), loss history is prior_losses, and a listed class or
 * state is one the carrier wants to see case by case (appetite_check).
 */
export function referralTriggersHit(triggers: DaReferralTriggers, facts: ReferralFacts): ReferralTriggerHit[] {
  const hits: ReferralTriggerHit[] = [];
  const { revenueOverCents, priorLossesOver, classCodes = [], states = [] } = triggers;
  // Unknown revenue (a payroll-rated WC risk) cannot hit the revenue trigger; the per-policy
  // revenue cap, where the agreement sets one, still fails it at bind.
  const revenue = facts.annualRevenueCents;
  if (revenueOverCents !== undefined && revenue !== null && revenue > revenueOverCents) {
    hits.push({
      trigger: "revenue",
      reason: "authority_exceeded",
      rationale:
        `Annual revenue ${formatMoney(revenue)} is above the agreement's referral threshold ` +
        `of ${formatMoney(revenueOverCents)}.`,
    });
  }
  if (priorLossesOver !== undefined && facts.priorLossCount > priorLossesOver) {
    hits.push({
      trigger: "loss_history",
      reason: "prior_losses",
      rationale: `${facts.priorLossCount} prior losses is more than the agreement's referral threshold of ${priorLossesOver}.`,
    });
  }
  const classEntry = matchingNaicsEntry(classCodes, facts.naicsCode);
  if (classEntry !== undefined) {
    hits.push({
      trigger: "class_code",
      reason: "appetite_check",
      rationale: `Class ${facts.naicsCode} is on the agreement's referral list (${classEntry}).`,
    });
  }
  if (states.includes(facts.homeState)) {
    hits.push({
      trigger: "state",
      reason: "appetite_check",
      rationale: `Risks in ${facts.homeState} are referred to the carrier under the agreement.`,
    });
  }
  return hits;
}
