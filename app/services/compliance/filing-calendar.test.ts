import { describe, expect, it } from "vitest";
import { filingPeriods, filingStatus, SURPLUS_LINES_FILING_RULES } from "./filing-calendar.ts";

const rule = (state: string) => SURPLUS_LINES_FILING_RULES.find((r) => r.state === state)!;

describe("surplus-lines filing calendar", () => {
  const dues = (state: string, year = 2026) =>
    filingPeriods(rule(state), year)
      .filter((p) => p.periodStart.startsWith(String(year)))
      .map((p) => [p.periodStart, p.periodEnd, p.dueOn]);

  it("New Mexico: within 60 days after each quarter", () => {
    expect(dues("NM")).toEqual([
      ["2026-01-01", "2026-03-31", "2026-05-30"],
      ["2026-04-01", "2026-06-30", "2026-08-29"],
      ["2026-07-01", "2026-09-30", "2026-11-29"],
      ["2026-10-01", "2026-12-31", "2027-03-01"],
    ]);
  });

  it("Oklahoma: the last day of the month after each quarter", () => {
    expect(dues("OK").map((d) => d[2])).toEqual(["2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31"]);
  });

  it("Louisiana: June 1, September 1, December 1 and March 1", () => {
    expect(dues("LA").map((d) => d[2])).toEqual(["2026-06-01", "2026-09-01", "2026-12-01", "2027-03-01"]);
  });

  it("Arizona and Michigan: half-years, due August 15 and February 15", () => {
    for (const state of ["AZ", "MI"])
      expect(dues(state)).toEqual([
        ["2026-01-01", "2026-06-30", "2026-08-15"],
        ["2026-07-01", "2026-12-31", "2027-02-15"],
      ]);
  });

  it("an annual state owes last year's return on its due date", () => {
    for (const state of ["TX", "CO", "WI"])
      expect(filingPeriods(rule(state), 2026).map((p) => [p.periodStart, p.periodEnd, p.dueOn])).toEqual([
        ["2025-01-01", "2025-12-31", "2026-03-01"],
        ["2026-01-01", "2026-12-31", "2027-03-01"],
      ]);
  });

  it("every rule names its statute and has been checked against it", () => {
    for (const r of SURPLUS_LINES_FILING_RULES) {
      expect(r.source).toMatch(/§|R\.S\.|MCL/);
      expect(r.verified).toBe(true);
    }
  });

  it("reads open, upcoming, due soon, overdue and filed from the day", () => {
    const period = { periodEnd: "2026-09-30", dueOn: "2026-11-14" };
    expect(filingStatus(period, null, "2026-09-30")).toBe("open");
    expect(filingStatus(period, null, "2026-10-01")).toBe("upcoming");
    expect(filingStatus(period, null, "2026-10-15")).toBe("due_soon");
    expect(filingStatus(period, null, "2026-11-15")).toBe("overdue");
    expect(filingStatus(period, "2026-11-20", "2026-12-01")).toBe("filed");
  });
});
