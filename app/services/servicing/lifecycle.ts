/**
 * The policy state machine (DOMAIN.md, Policy lifecycle), every transition in one place:
 * bound -> issued -> active -> expired | cancelled | non_renewed; an endorsement keeps the status;
 * a cancelled policy is reinstated to where it would be had it never been cancelled. A renewal is
 * a new term (a new policy), so it moves nothing here.
 */
import type { PolicyStatus } from "../../../db/schema/policies.ts";

export const POLICY_ACTIONS = ["issue", "activate", "expire", "endorse", "cancel", "reinstate", "non_renew"] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

type Rule = { from: readonly PolicyStatus[]; to: (from: PolicyStatus, context: TransitionContext) => PolicyStatus };

export type TransitionContext = {
  /** The org-local date the transition happens on. */
  today: string;
  effectiveDate: string;
  expirationDate: string;
};

/** Before the effective date a policy waits as issued; on it it is active. */
const inForceStatus = (c: TransitionContext): PolicyStatus => (c.today < c.effectiveDate ? "issued" : "active");

const RULES: Record<PolicyAction, Rule> = {
  issue: { from: ["bound"], to: () => "issued" },
  activate: { from: ["issued"], to: () => "active" },
  expire: { from: ["active"], to: () => "expired" },
  // Changes are made to a policy that is issued or in force; the status stays.
  endorse: { from: ["issued", "active"], to: (from) => from },
  cancel: { from: ["bound", "issued", "active"], to: () => "cancelled" },
  reinstate: { from: ["cancelled"], to: (_from, c) => inForceStatus(c) },
  // Takes effect at expiry: the policy runs its term out, then ends without a renewal.
  non_renew: { from: ["active"], to: () => "non_renewed" },
};

export type TransitionOutcome =
  | { ok: true; from: PolicyStatus; to: PolicyStatus }
  | { ok: false; code: "POLICY_TRANSITION_INVALID"; from: PolicyStatus; to: PolicyStatus; message: string };

const ACTION_NAMES: Record<PolicyAction, string> = {
  issue: "issued",
  activate: "activated",
  expire: "expired",
  endorse: "endorsed",
  cancel: "cancelled",
  reinstate: "reinstated",
  non_renew: "non-renewed",
};

/** The status `action` leads to from `from`, or why it cannot happen. */
export function transition(from: PolicyStatus, action: PolicyAction, context: TransitionContext): TransitionOutcome {
  const rule = RULES[action];
  const wanted: PolicyStatus = action === "endorse" ? from : rule.to(from, context);
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      code: "POLICY_TRANSITION_INVALID",
      from,
      to: action === "endorse" ? "active" : wanted,
      message: `A ${from.replace("_", "-")} policy cannot be ${ACTION_NAMES[action]} (${from} -> ${action === "endorse" ? "active" : wanted} is not a transition of the policy lifecycle).`,
    };
  }
  return { ok: true, from, to: wanted };
}

/** The actions open to a policy in `status`, for pages that offer only what can happen. */
export function allowedActions(status: PolicyStatus): PolicyAction[] {
  return POLICY_ACTIONS.filter((a) => RULES[a].from.includes(status));
}
