import { describe, expect, it } from "vitest";
import { filingPeriods, filingStatus, SURPLUS_LINES_FILING_RULES } from "./filing-calendar.ts";

const rule = (state: string) => SURPLUS_LINES_FILING_RULES.find((r) => r.state === state)!;

describe("surplus-lines filing calendar", () => {
  it("a quarterly state owes a return 45 days after each quarter", () => {
    const periods = filingPeriods(rule("AZ"), 2026).filter((p) => p.periodStart.startsWith("2026"));
    expect(periods.map((p) => [p.periodStart, p.periodEnd, p.dueOn])).toEqual([
      ["2026-01-01", "2026-03-31", "2026-05-15"],
      ["2026-04-01", "2026-06-30", "2026-08-14"],
      ["2026-07-01", "2026-09-30", "2026-11-14"],
      ["2026-10-01", "2026-12-31", "2027-02-14"],
    ]);
  });

  it("an annual state owes last year's return on its due date", () => {
    expect(filingPeriods(rule("TX"), 2026).map((p) => [p.periodStart, p.dueOn])).toEqual([
      ["2025-01-01", "2026-03-01"],
      ["2026-01-01", "2027-03-01"],
    ]);
  });

  it("every rule names its source and says whether it has been checked", () => {
    for (const r of SURPLUS_LINES_FILING_RULES) expect(r.source.length).toBeGreaterThan(5);
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
