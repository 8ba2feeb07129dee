import { describe, expect, it } from "vitest";
import { DEMO_GL_RATE_TABLE } from "../rating/demo-rate-tables.ts";
import { activationProblems, diffDefinitions, editProblem, stampVersion } from "./rate-table-versions.ts";

const draft = {
  version: "2027.1",
  status: "draft" as const,
  effectiveDate: "2027-01-01",
  definition: DEMO_GL_RATE_TABLE,
};

describe("rate table versions", () => {
  it("lets only drafts change", () => {
    expect(editProblem("draft")).toBeNull();
    expect(editProblem("active")).toMatch(/an active version never changes/);
    expect(editProblem("retired")).toMatch(/retired/);
  });

  it("activates a valid draft from today or later", () => {
    expect(activationProblems(draft, [], "2026-12-03")).toEqual([]);
    expect(activationProblems(draft, [], "2027-01-01")).toEqual([]);
  });

  it("refuses a past effective date, a second active version on the same date and a non-draft", () => {
    const others = [{ version: "2026.2", status: "active" as const, effectiveDate: "2027-01-01" }];
    expect(activationProblems({ ...draft, status: "active" }, others, "2027-01-02")).toEqual([
      "Version 2027.1 is active, not a draft.",
      "Effective date 2027-01-01 is before today (2027-01-02); choose today or later.",
      "Version 2026.2 is already active from 2027-01-01.",
    ]);
  });

  it("refuses a draft the engine cannot rate with", () => {
    const broken = { ...draft, definition: { ...DEMO_GL_RATE_TABLE, stateModifiers: { TX: "-1" } } };
    expect(activationProblems(broken, [], "2026-12-03")).toEqual([
      expect.stringContaining("stateModifiers.TX: must be greater than 0"),
    ]);
  });

  it("stamps the version name and date into the stored definition", () => {
    expect(stampVersion(DEMO_GL_RATE_TABLE, "2027.1", "2027-01-01")).toMatchObject({
      version: "2027.1",
      effectiveDate: "2027-01-01",
      expirationDate: null,
    });
  });

  it("diffs two versions entry by entry, tiers keyed by tier", () => {
    const next = structuredClone(DEMO_GL_RATE_TABLE);
    next.version = "2027.1";
    next.stateModifiers.TX = "1.10";
    delete next.stateModifiers.GA;
    next.deductibleCredits.splice(1, 0, { deductible: 50_000, credit: "0.01" });
    expect(diffDefinitions(DEMO_GL_RATE_TABLE, next)).toEqual([
      { path: "deductibleCredits[50000].credit", from: null, to: "0.01" },
      { path: "deductibleCredits[50000].deductible", from: null, to: "50000" },
      { path: "stateModifiers.GA", from: "0.97", to: null },
      { path: "stateModifiers.TX", from: "1.05", to: "1.10" },
    ]);
    expect(diffDefinitions(DEMO_GL_RATE_TABLE, DEMO_GL_RATE_TABLE)).toEqual([]);
  });
});
