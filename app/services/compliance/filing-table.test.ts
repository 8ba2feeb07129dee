import { expect, test } from "vitest";
import { filingTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { filingRows } from "./filing-table.ts";

const row = (
  state: string,
  dueOn: string,
  status: "overdue" | "due_soon" | "filed",
  taxCents: number,
  filed?: number,
) => ({
  state,
  periodStart: `${dueOn.slice(0, 4)}-01-01`,
  dueOn,
  status,
  amounts: { taxCents },
  filing: filed === undefined ? null : { taxCents: filed },
});
const calendar = [
  row("TX", "2026-03-01", "filed", 500, 480),
  row("CA", "2026-03-01", "overdue", 900),
  row("NY", "2026-02-01", "due_soon", 100),
  row("TN", "2026-04-01", "overdue", 300),
];
const states = (query: string) =>
  filingRows(calendar, parseTableState(new URLSearchParams(query), filingTable)).rows.map((r) => r.state);

test("the filing calendar's table: soonest due first, ties in the calendar's order", () => {
  expect(states("")).toEqual(["NY", "TX", "CA", "TN"]);
  expect(states("sort=due&dir=desc")).toEqual(["TN", "TX", "CA", "NY"]);
});

test("standing filter, state search and the tax a row shows (filed, else owed) as a sort", () => {
  expect(states("status=overdue")).toEqual(["CA", "TN"]);
  expect(states("q=t")).toEqual(["TX", "TN"]);
  expect(states("sort=tax&dir=asc")).toEqual(["NY", "TN", "TX", "CA"]);
  // An unknown standing is no filter.
  expect(states("status=lost")).toHaveLength(4);
});

test("pages: the total is the filtered set's, a page past the end is empty", () => {
  const page = filingRows(calendar, parseTableState(new URLSearchParams("size=10&page=2"), filingTable));
  expect(page).toEqual({ rows: [], total: 4 });
  expect(filingRows(calendar, parseTableState(new URLSearchParams("status=overdue"), filingTable)).total).toBe(2);
});
