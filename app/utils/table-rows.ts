import { pageOffset, type TableState } from "./table-state.ts";

// A data table over rows computed in memory rather than stored (the filing calendar, the
// delegated-authority utilization): the same URL state, applied on the server.

export type RowAccessors<Row, Sort extends string, Filter extends string> = {
  sortValue: Record<Sort, (row: Row) => string | number>;
  filterValue?: Record<Filter, (row: Row) => string>;
  /** The text the search box matches, case-insensitively. */
  searchText?: (row: Row) => string;
};

/** The filtered set's size and the page's rows, sorted by the state's column (ties keep the input's order). */
export function pageRows<Row, Sort extends string, Filter extends string>(
  rows: readonly Row[],
  state: TableState<Sort, Filter>,
  { sortValue, filterValue, searchText }: RowAccessors<Row, Sort, Filter>,
): { rows: Row[]; total: number } {
  const q = state.q.toLowerCase();
  const filters = Object.entries(state.filters) as [Filter, string][];
  const kept = rows.filter(
    (row) =>
      filters.every(([name, value]) => filterValue?.[name]?.(row) === value) &&
      (!q || (searchText?.(row) ?? "").toLowerCase().includes(q)),
  );
  const key = sortValue[state.sort];
  const sign = state.dir === "asc" ? 1 : -1;
  const sorted = kept
    .map((row, index) => ({ row, index, value: key(row) }))
    .sort((a, b) => (a.value < b.value ? -sign : a.value > b.value ? sign : a.index - b.index))
    .map(({ row }) => row);
  const offset = pageOffset(state);
  return { rows: sorted.slice(offset, offset + state.pageSize), total: kept.length };
}
