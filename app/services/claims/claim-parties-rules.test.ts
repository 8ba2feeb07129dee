import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { changedPhiFields, checkSubrogation, checkSuit, subrogationBalance } from "./claim-parties.ts";
import { emptyPhi } from "./phi.ts";

const TODAY = "2026-12-03";
const pendingSuit = {
  status: "pending" as const,
  filedOn: "2026-11-01",
  servedOn: "2026-11-05",
  counselAppointedOn: "2026-11-10",
  trialOn: "2027-06-01",
  resolvedOn: null,
};

describe("suit dates", () => {
  test.each([
    ["a pending suit in order", pendingSuit, true],
    ["served before filed", { ...pendingSuit, servedOn: "2026-10-31" }, false],
    ["filed after today", { ...pendingSuit, filedOn: "2026-12-04", servedOn: null }, false],
    ["trial before filing", { ...pendingSuit, trialOn: "2026-10-01" }, false],
    ["a pending suit with a resolution date", { ...pendingSuit, resolvedOn: "2026-12-01" }, false],
    ["settled without a date", { ...pendingSuit, status: "settled" as const }, false],
    ["dismissed on a date", { ...pendingSuit, status: "dismissed" as const, resolvedOn: "2026-12-01" }, true],
    ["judgment before filing", { ...pendingSuit, status: "judgment" as const, resolvedOn: "2026-10-01" }, false],
    ["counsel appointed after today", { ...pendingSuit, counselAppointedOn: "2026-12-05" }, false],
  ])("%s", (_label, suit, ok) => {
    expect(checkSuit(suit, TODAY).ok).toBe(ok);
  });
});

describe("subrogation dates", () => {
  const open = { status: "identified" as const, openedOn: "2026-11-01", demandSentOn: null, closedOn: null };
  test.each([
    ["identified, no demand yet", open, true],
    ["negotiating without a demand date", { ...open, status: "negotiating" as const }, false],
    ["demand before opening", { ...open, status: "demand_sent" as const, demandSentOn: "2026-10-01" }, false],
    ["an open pursuit with a closing date", { ...open, closedOn: "2026-12-01" }, false],
    ["abandoned without a demand, closed", { ...open, status: "abandoned" as const, closedOn: "2026-12-01" }, true],
    [
      "recovered, closed",
      { ...open, status: "recovered" as const, demandSentOn: "2026-11-02", closedOn: "2026-12-01" },
      true,
    ],
    ["recovered, not closed", { ...open, status: "recovered" as const, demandSentOn: "2026-11-02" }, false],
  ])("%s", (_label, s, ok) => {
    expect(checkSubrogation(s, TODAY).ok).toBe(ok);
  });
});

describe("subrogation balance", () => {
  test("recovered + outstanding = demand until the demand is met, then nothing is outstanding", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000_00), fc.nat(10_000_000_00), (demand, recovered) => {
        const b = subrogationBalance(demand, recovered);
        expect(b.recoveredCents).toBe(recovered);
        expect(b.outstandingCents).toBe(recovered >= demand ? 0 : demand - recovered);
      }),
    );
    // $5,000.00 demanded, $1,500.50 recovered: $3,499.50 outstanding.
    expect(subrogationBalance(500_000, 150_050)).toEqual({ recoveredCents: 150_050, outstandingCents: 349_950 });
  });
});

describe("changed PHI fields", () => {
  test("exactly the fields whose values differ", () => {
    const before = { ...emptyPhi(), name: "A", phone: "1" };
    expect(changedPhiFields(before, { ...before })).toEqual([]);
    expect(changedPhiFields(before, { ...before, phone: "2", ssn: "3" })).toEqual(["phone", "ssn"]);
  });
});
