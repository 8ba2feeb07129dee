import { expect, test } from "vitest";
import { distinctReasons, reasonSummary } from "./referral-reasons.ts";

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
