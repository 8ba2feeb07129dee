import { expect, test } from "vitest";
import { distinctReasons, explainReferral, reasonSummary } from "./referral-reasons.ts";

test("a referral's reason codes read once each", () => {
  expect(reasonSummary(["authority_exceeded", "authority_exceeded", "prior_losses"])).toBe(
    "authority exceeded, prior losses",
  );
  expect(reasonSummary([])).toBe("");
  expect(reasonSummary([null, 3, "regulatory"])).toBe("regulatory");
});

test("the same reason with the same rationale is listed once", () => {
  const a = { code: "authority_exceeded", rationale: "Premium above $10,000." };
  const b = { code: "authority_exceeded", rationale: "Limit above $1,000,000." };
  expect(distinctReasons([a, a, b])).toEqual([a, b]);
});

test("a pending referral says why, who has it and what happens next", () => {
  const reasons = [
    {
      code: "prior_losses",
      rationale: 'Knockout GL_PRIOR_CANCELLATION: "Has any insurer cancelled...?" answered yes.',
    },
    {
      code: "prior_losses",
      rationale: 'Knockout GL_PRIOR_CANCELLATION: "Has any insurer cancelled...?" answered yes.',
    },
  ];
  expect(explainReferral({ status: "pending", reasons, assigneeName: "Uma Underwriter" })).toEqual({
    why: 'Knockout GL_PRIOR_CANCELLATION: "Has any insurer cancelled...?" answered yes.',
    who: "Uma Underwriter (underwriting) has it.",
    next: "The underwriter approves it, re-prices it or declines it with a reason. You are notified either way; once approved, you can bind it here.",
  });
  expect(explainReferral({ status: "pending", reasons: [], assigneeName: null })?.who).toMatch(/senior underwriters/);
  expect(explainReferral({ status: "approved", reasons, assigneeName: "Uma" })).toBeNull();
});
