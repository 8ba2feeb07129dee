import { describe, expect, it } from "vitest";
import { POLICY_STATUSES, type PolicyStatus } from "../../../db/schema/policies.ts";
import { allowedActions, POLICY_ACTIONS, transition, type PolicyAction } from "./lifecycle.ts";

const before = { today: "2027-01-01", effectiveDate: "2027-02-01", expirationDate: "2028-02-01" };
const during = { ...before, today: "2027-06-01" };

// Every legal pair, with where it leads mid-term; everything else must be refused.
const LEGAL: Record<string, PolicyStatus> = {
  "bound:issue": "issued",
  "issued:activate": "active",
  "active:expire": "expired",
  "issued:endorse": "issued",
  "active:endorse": "active",
  "bound:cancel": "cancelled",
  "issued:cancel": "cancelled",
  "active:cancel": "cancelled",
  "cancelled:reinstate": "active",
  "active:non_renew": "non_renewed",
};

describe("policy lifecycle", () => {
  for (const from of POLICY_STATUSES) {
    for (const action of POLICY_ACTIONS) {
      const key = `${from}:${action}`;
      const legal = LEGAL[key];
      it(`${legal ? "allows" : "refuses"} ${action} of a ${from} policy`, () => {
        const outcome = transition(from, action as PolicyAction, during);
        if (legal) {
          expect(outcome).toEqual({ ok: true, from, to: legal });
        } else {
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) {
            expect(outcome.code).toBe("POLICY_TRANSITION_INVALID");
            expect(outcome.from).toBe(from);
            expect(outcome.message).toContain(from.replace("_", "-"));
          }
        }
      });
    }
  }

  it("reinstates a policy cancelled before inception as issued, not active", () => {
    expect(transition("cancelled", "reinstate", before)).toEqual({ ok: true, from: "cancelled", to: "issued" });
  });

  it("names the status a refused transition would have led to", () => {
    expect(transition("expired", "cancel", during)).toMatchObject({ ok: false, from: "expired", to: "cancelled" });
    expect(transition("cancelled", "endorse", during)).toMatchObject({ ok: false, from: "cancelled", to: "active" });
  });

  it("offers each status only its legal actions", () => {
    expect(allowedActions("active")).toEqual(["expire", "endorse", "cancel", "non_renew"]);
    expect(allowedActions("cancelled")).toEqual(["reinstate"]);
    expect(allowedActions("expired")).toEqual([]);
  });
});
