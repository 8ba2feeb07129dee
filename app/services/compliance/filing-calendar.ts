/**
 * When each state's surplus-lines premium tax return is due. The table names the statute each
 * rule rests on; none of them has been checked against the state's current filing instructions
 * (stamping office or department notices change dates), so every row says so until someone has,
 * and the calendar shows it.
 */
import { addDays, addMonths } from "../../utils/calendar-date.ts";

export type FilingRule = {
  state: string;
  frequency: "quarterly" | "annual";
  /** Quarterly: days after the quarter's last day; annual: the month and day of the next year. */
  due: { daysAfterQuarter: number } | { month: number; day: number };
  source: string;
  verified: boolean;
};

export const SURPLUS_LINES_FILING_RULES: readonly FilingRule[] = [
  { state: "TX", frequency: "annual", due: { month: 3, day: 1 }, source: "Tex. Ins. Code ch. 225", verified: false },
  { state: "OK", frequency: "annual", due: { month: 3, day: 1 }, source: "36 O.S. § 1115", verified: false },
  { state: "LA", frequency: "quarterly", due: { daysAfterQuarter: 45 }, source: "La. R.S. 22:439", verified: false },
  { state: "AZ", frequency: "quarterly", due: { daysAfterQuarter: 45 }, source: "A.R.S. § 20-416", verified: false },
  {
    state: "NM",
    frequency: "quarterly",
    due: { daysAfterQuarter: 45 },
    source: "NMSA 1978 § 59A-14-12",
    verified: false,
  },
  { state: "CO", frequency: "annual", due: { month: 3, day: 1 }, source: "C.R.S. § 10-5-111", verified: false },
  { state: "MI", frequency: "annual", due: { month: 3, day: 1 }, source: "MCL 500.1918", verified: false },
  { state: "WI", frequency: "annual", due: { month: 3, day: 1 }, source: "Wis. Stat. § 618.43", verified: false },
];

export type FilingPeriod = { state: string; periodStart: string; periodEnd: string; dueOn: string; rule: FilingRule };

const pad = (n: number) => String(n).padStart(2, "0");

/** The filing periods of a state whose due dates fall in the year `year` and the one after. */
export function filingPeriods(rule: FilingRule, year: number): FilingPeriod[] {
  if ("month" in rule.due) {
    const { month, day } = rule.due;
    return [year - 1, year].map((y) => ({
      state: rule.state,
      periodStart: `${y}-01-01`,
      periodEnd: `${y}-12-31`,
      dueOn: `${y + 1}-${pad(month)}-${pad(day)}`,
      rule,
    }));
  }
  const { daysAfterQuarter } = rule.due;
  const periods: FilingPeriod[] = [];
  for (const y of [year - 1, year]) {
    for (let q = 0; q < 4; q++) {
      const start = `${y}-${pad(q * 3 + 1)}-01`;
      const end = addDays(addMonths(start, 3), -1);
      periods.push({
        state: rule.state,
        periodStart: start,
        periodEnd: end,
        dueOn: addDays(end, daysAfterQuarter),
        rule,
      });
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
