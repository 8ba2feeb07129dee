import { expect, test } from "vitest";
import { boundPolicySentence, workbenchState } from "./workbench-state.ts";

const today = "2026-12-03";

test("a referred submission says whose decision it waits on, or that no referral is open and how to move it", () => {
  const quote = { expiresOn: "2026-12-31" };
  expect(
    workbenchState({
      status: "referred",
      quote,
      pendingReferral: { assigneeName: "Uma Underwood", assignedToMe: true },
      today,
    }).headline,
  ).toBe("Referred: waiting on your decision.");
  expect(
    workbenchState({
      status: "referred",
      quote,
      pendingReferral: { assigneeName: "Uma Underwood", assignedToMe: false },
      today,
    }).headline,
  ).toBe("Referred: waiting on Uma Underwood's decision.");
  const orphan = workbenchState({ status: "referred", quote: null, pendingReferral: null, today });
  expect(orphan.headline).toBe("Marked referred, but no referral is open on it.");
  expect(orphan.next).toContain("Apply and re-rate");
});

test("every status the queue shows gets a headline and a next step", () => {
  for (const status of [
    "submitted",
    "in_review",
    "quoted",
    "referred",
    "pending_info",
    "bound",
    "declined",
    "withdrawn",
  ]) {
    for (const quote of [null, { expiresOn: "2026-11-01" }, { expiresOn: "2027-01-01" }]) {
      const state = workbenchState({ status, quote, pendingReferral: null, today });
      expect(state.headline.length, status).toBeGreaterThan(0);
      expect(state.next.length, status).toBeGreaterThan(0);
    }
  }
  expect(workbenchState({ status: "submitted", quote: null, pendingReferral: null, today }).headline).toBe(
    "Not priced yet.",
  );
  expect(
    workbenchState({ status: "quoted", quote: { expiresOn: "2026-11-01" }, pendingReferral: null, today }).headline,
  ).toBe("Quoted, but the quote has expired.");
});

test("a bound submission names its policy, the option it was bound from and the plan", () => {
  const boundPolicy = { policyNumber: "SRU-GL-2026-000001", optionNumber: 2, planName: "Quarterly" };
  expect(
    workbenchState({ status: "bound", quote: { expiresOn: "2026-04-01" }, pendingReferral: null, today, boundPolicy })
      .headline,
  ).toBe("Bound as policy SRU-GL-2026-000001 from option 2, paid quarterly.");
  // A policy bound before quotes were kept names neither.
  expect(boundPolicySentence({ policyNumber: "SRU-GL-2025-000417", optionNumber: null, planName: null })).toBe(
    "Bound as policy SRU-GL-2025-000417.",
  );
});
