import { describe, expect, test } from "vitest";
import { compareRenewal, decideOffer, renewalHorizon, renewalPolicyNumber } from "./renewal.ts";

describe("renewal numbering", () => {
  test("the first renewal term takes -01, later terms count up from the prior term's suffix", () => {
    expect(renewalPolicyNumber("SRU-GL-2026-000123")).toBe("SRU-GL-2026-000123-01");
    expect(renewalPolicyNumber("SRU-GL-2026-000123-01")).toBe("SRU-GL-2026-000123-02");
    expect(renewalPolicyNumber("SRU-GL-2026-000123-09")).toBe("SRU-GL-2026-000123-10");
    // A sequence past a million grows a digit; it is never mistaken for a suffix.
    expect(renewalPolicyNumber("SRU-GL-2026-1000000")).toBe("SRU-GL-2026-1000000-01");
    expect(() => renewalPolicyNumber("SRU-GL-2026-000123-99")).toThrow(/99th renewal/);
  });
});

describe("when an offer is due and what it may become", () => {
  test("the horizon is 60 days out, across a leap day", () => {
    expect(renewalHorizon("2027-12-31")).toBe("2028-02-29");
    expect(renewalHorizon("2028-01-01")).toBe("2028-03-01");
  });

  test("an offer is answered once, up to and including its renewal date", () => {
    const offer = { status: "offered" as const, renewalDate: "2028-03-01" };
    expect(decideOffer(offer, "accept", "2028-03-01")).toEqual({ ok: true });
    expect(decideOffer(offer, "decline", "2028-03-02")).toEqual({
      ok: false,
      message: "This renewal offer lapsed when the term ended on 2028-03-01.",
    });
    expect(decideOffer({ ...offer, status: "accepted" }, "decline", "2028-02-01")).toEqual({
      ok: false,
      message: "This renewal offer is already accepted; it cannot be declined.",
    });
    expect(decideOffer({ ...offer, status: "not_rated" }, "accept", "2028-02-01")).toEqual({
      ok: false,
      message: "This renewal offer has no price yet; it cannot be accepted.",
    });
  });
});

describe("why this price", () => {
  const step = (key: string, name: string, factor: string | null, premiumAfter: number) => ({
    key: key as "exposure",
    name,
    factor,
    premiumAfter: premiumAfter as never,
  });

  test("names the new rate table version, each changed factor and the change in premium", () => {
    const comparison = compareRenewal(
      {
        rateTableVersion: "2026.1",
        grossPremiumCents: 1_000_000,
        steps: [step("exposure", "Exposure", "1.95", 700_000), step("state", "State modifier", "0.97", 1_000_000)],
      },
      {
        rateTableVersion: "2027.2",
        grossPremiumCents: 1_103_093,
        steps: [
          step("exposure", "Exposure", "1.950", 700_000),
          step("state", "State modifier", "1.07", 1_103_093),
          step("schedule", "Schedule rating", "0.95", 1_103_093),
        ],
      },
    );
    expect(comparison.lines.map((l) => [l.key, l.changed])).toEqual([
      ["exposure", false],
      ["state", true],
      ["schedule", true],
    ]);
    expect(comparison.reasons).toEqual([
      "Rated on rate table version 2027.2, in force at the renewal date (the expiring term used 2026.1).",
      "State modifier: factor 0.97 becomes 1.07.",
      "Schedule rating now applies (factor 0.95).",
      "The premium rises by $1,030.93 (+10.3%), from $10,000.00 to $11,030.93.",
    ]);
  });

  test("an unchanged renewal says so", () => {
    const same = {
      rateTableVersion: "2026.1",
      grossPremiumCents: 50_000,
      steps: [step("exposure", "Exposure", "2", 50_000)],
    };
    expect(compareRenewal(same, same).reasons).toEqual(["The premium is unchanged at $500.00."]);
    const lower = compareRenewal(same, { ...same, grossPremiumCents: 45_000 });
    expect(lower.reasons.at(-1)).toBe("The premium falls by $50.00 (-10.0%), from $500.00 to $450.00.");
  });
});
