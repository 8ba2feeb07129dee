/**
 * When each state's surplus-lines premium tax return is due. Every row names the statute it rests
 * on and the state office's filing instructions it was checked against (2026-12-04, ADR 026);
 * `verified` says that check was made. A state changing its dates is a change to this table.
 */
import { addDays, addMonths } from "../../utils/calendar-date.ts";

export type FilingFrequency = "quarterly" | "semiannual" | "annual";

export type FilingRule = {
  state: string;
  frequency: FilingFrequency;
  /**
   * Either a number of days after the period's last day, or a day ("last" = the month's last day)
   * of the month that comes `monthsAfter` months after the period's last month.
   */
  due: { daysAfter: number } | { monthsAfter: number; day: number | "last" };
  source: string;
  verified: boolean;
};

export const SURPLUS_LINES_FILING_RULES: readonly FilingRule[] = [
  {
    state: "TX",
    frequency: "annual",
    due: { monthsAfter: 3, day: 1 },
    source: "Tex. Ins. Code § 225.008 (March 1; prepayments at $70,000 accrued, § 225.009); Comptroller",
    verified: true,
  },
  {
    state: "OK",
    frequency: "quarterly",
    due: { monthsAfter: 1, day: "last" },
    source: "36 O.S. § 1115; OAC 365:25-3-13(d) (Apr 30, Jul 31, Oct 31, Jan 31); OID",
    verified: true,
  },
  {
    state: "LA",
    frequency: "quarterly",
    due: { monthsAfter: 3, day: 1 },
    source: "La. R.S. 22:439(A)(2) (Mar 1, Jun 1, Sep 1, Dec 1); LDI",
    verified: true,
  },
  {
    state: "AZ",
    frequency: "semiannual",
    due: { monthsAfter: 2, day: 15 },
    source: "A.R.S. §§ 20-415, 20-416 (Feb 15, Aug 15); AZ DIFI",
    verified: true,
  },
  {
    state: "NM",
    frequency: "quarterly",
    due: { daysAfter: 60 },
    source: "NMSA 1978 § 59A-14-12(A), § 7-40-7(B) (within 60 days of the quarter)",
    verified: true,
  },
  {
    state: "CO",
    frequency: "annual",
    due: { monthsAfter: 3, day: 1 },
    source: "C.R.S. § 10-5-111 (annual statement and tax by March 1); CO DOI",
    verified: true,
  },
  {
    state: "MI",
    frequency: "semiannual",
    due: { monthsAfter: 2, day: 15 },
    source: "MCL 500.1905 (Feb 15, Aug 15); DIFS",
    verified: true,
  },
  {
    state: "WI",
    frequency: "annual",
    due: { monthsAfter: 3, day: 1 },
    source: "Wis. Stat. § 618.43; Wis. Adm. Code Ins 6.18 (March 1); OCI",
    verified: true,
  },
];

export type FilingPeriod = { state: string; periodStart: string; periodEnd: string; dueOn: string; rule: FilingRule };

const MONTHS_PER_PERIOD: Record<FilingFrequency, number> = { quarterly: 3, semiannual: 6, annual: 12 };

function dueOn(rule: FilingRule, periodEnd: string): string {
  if ("daysAfter" in rule.due) return addDays(periodEnd, rule.due.daysAfter);
  const monthStart = addMonths(`${periodEnd.slice(0, 7)}-01`, rule.due.monthsAfter);
  return rule.due.day === "last"
    ? addDays(addMonths(monthStart, 1), -1)
    : `${monthStart.slice(0, 8)}${String(rule.due.day).padStart(2, "0")}`;
}

/** A state's filing periods of the year `year` and the one before, with their due dates. */
export function filingPeriods(rule: FilingRule, year: number): FilingPeriod[] {
  const months = MONTHS_PER_PERIOD[rule.frequency];
  const periods: FilingPeriod[] = [];
  for (const y of [year - 1, year]) {
    for (let start = `${y}-01-01`; start.startsWith(String(y)); start = addMonths(start, months)) {
      const end = addDays(addMonths(start, months), -1);
      periods.push({ state: rule.state, periodStart: start, periodEnd: end, dueOn: dueOn(rule, end), rule });
    }
  }
  return periods;
}

export type FilingStatus = "filed" | "overdue" | "due_soon" | "upcoming" | "open";

/** A period not yet ended is open; after it, upcoming until 30 days before due, then due soon, then overdue. */
export function filingStatus(
  period: { periodEnd: string; dueOn: string },
  filedOn: string | null,
  today: string,
): FilingStatus {
  if (filedOn) return "filed";
  if (today <= period.periodEnd) return "open";
  if (today > period.dueOn) return "overdue";
  return addDays(today, 30) >= period.dueOn ? "due_soon" : "upcoming";
}
