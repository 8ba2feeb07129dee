import { describe, expect, it } from "vitest";
import { toCents } from "../../utils/money.ts";
import type { DaReferralTriggers } from "./da-agreement.ts";
import { REFERRAL_REASON_CODES, referralTriggersHit, type ReferralFacts } from "./referral-triggers.ts";

// The demo GL agreement's triggers.
const triggers: DaReferralTriggers = {
  revenueOverCents: toCents(2_500_000_000),
  priorLossesOver: 2,
  classCodes: ["238160"],
  states: ["LA"],
};

const clean: ReferralFacts = {
  homeState: "TX",
  naicsCode: "238220",
  annualRevenueCents: toCents(100_000_000),
  priorLossCount: 0,
};

describe("referralTriggersHit", () => {
  it("hits nothing for a risk below every trigger, including one exactly at a threshold", () => {
    expect(referralTriggersHit(triggers, clean)).toEqual([]);
    expect(
      referralTriggersHit(triggers, { ...clean, annualRevenueCents: toCents(2_500_000_000), priorLossCount: 2 }),
    ).toEqual([]);
  });

  it("reports each trigger hit with its reason code and a rationale", () => {
    const hits = referralTriggersHit(triggers, {
      homeState: "LA",
      naicsCode: "238160",
      annualRevenueCents: toCents(2_500_000_001),
      priorLossCount: 3,
    });
    expect(hits).toEqual([
      {
        trigger: "revenue",
        reason: "authority_exceeded",
        rationale: "Annual revenue $25,000,000.01 is above the agreement's referral threshold of $25,000,000.00.",
      },
      {
        trigger: "loss_history",
        reason: "prior_losses",
        rationale: "3 prior losses is more than the agreement's referral threshold of 2.",
      },
      {
        trigger: "class_code",
        reason: "appetite_check",
        rationale: "Class 238160 is on the agreement's referral list (238160).",
      },
      {
        trigger: "state",
        reason: "appetite_check",
        rationale: "Risks in LA are referred to the carrier under the agreement.",
      },
    ]);
    for (const hit of hits) expect(REFERRAL_REASON_CODES).toContain(hit.reason);
  });

  it("matches class codes by prefix, like the agreement's NAICS lists", () => {
    expect(
      referralTriggersHit({ classCodes: ["2381"] }, { ...clean, naicsCode: "238160" }).map((h) => h.rationale),
    ).toEqual(["Class 238160 is on the agreement's referral list (2381)."]);
  });

  it("cannot hit a revenue trigger without a revenue, and an empty trigger set hits nothing", () => {
    expect(referralTriggersHit(triggers, { ...clean, annualRevenueCents: null })).toEqual([]);
    expect(
      referralTriggersHit({}, { homeState: "LA", naicsCode: "238160", annualRevenueCents: null, priorLossCount: 9 }),
    ).toEqual([]);
  });
});
