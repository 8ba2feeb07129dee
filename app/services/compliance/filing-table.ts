import type { FilingSort, FilingTableState } from "../../models/table-specs.ts";
import { pageRows } from "../../utils/table-rows.ts";
import type { FilingStatus } from "./filing-calendar.ts";

// The filing calendar as a data table. The calendar is computed (the rules table by the
// period's premium tax), not stored, so its table runs over the rows in memory.

type CalendarRow = {
  state: string;
  dueOn: string;
  status: FilingStatus;
  amounts: { taxCents: number };
  filing: { taxCents: number } | null;
};

/** The tax a row shows: what was filed, else what the period's transactions owe. */
export const filingTaxCents = (row: CalendarRow) => row.filing?.taxCents ?? row.amounts.taxCents;

export function filingRows<Row extends CalendarRow>(rows: readonly Row[], state: FilingTableState) {
  return pageRows(rows, state, {
    sortValue: {
      due: (r) => r.dueOn,
      state: (r) => r.state,
      tax: filingTaxCents,
    } satisfies Record<FilingSort, (r: Row) => string | number>,
    filterValue: { status: (r) => r.status },
    searchText: (r) => r.state,
  });
}
