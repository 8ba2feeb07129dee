// A data table's state as it lives in the URL: sort, direction, search, filters, page and page
// size. Pure (no framework, no I/O): loaders parse it, models read it, the table renders links
// from it, so a table works without JavaScript (links and a GET form).

export type SortDir = "asc" | "desc";

export type TableSpec<Sort extends string = string, Filter extends string = string> = {
  /** Prefixes every parameter, so two tables on one page keep their own state ("p." gives p.page). */
  prefix?: string;
  /** Columns the database may sort by; any other value falls back to the default. */
  sortable: readonly Sort[];
  defaultSort: Sort;
  defaultDir: SortDir;
  pageSizes?: readonly number[];
  defaultPageSize?: number;
  /** Allowed values per filter; an unknown value counts as no filter. */
  filters?: { readonly [K in Filter]: readonly string[] };
  /** Whether the table has a search box. */
  searchable?: boolean;
};

export type TableState<Sort extends string = string, Filter extends string = string> = {
  sort: Sort;
  dir: SortDir;
  page: number;
  pageSize: number;
  /** Trimmed search text, "" when none. */
  q: string;
  filters: Partial<Record<Filter, string>>;
};

export const DEFAULT_PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_PAGE = 100_000;
export const MAX_SEARCH_LENGTH = 100;

export function paramName(spec: Pick<TableSpec, "prefix">, name: string): string {
  return `${spec.prefix ?? ""}${name}`;
}

function pageSizesOf(spec: TableSpec): readonly number[] {
  return spec.pageSizes ?? DEFAULT_PAGE_SIZES;
}

function defaultPageSizeOf(spec: TableSpec): number {
  return spec.defaultPageSize ?? 25;
}

/** Reads a table's state from search params; anything out of bounds or unknown takes the default. */
export function parseTableState<Sort extends string, Filter extends string>(
  params: URLSearchParams,
  spec: TableSpec<Sort, Filter>,
): TableState<Sort, Filter> {
  const get = (name: string) => params.get(paramName(spec, name))?.trim() ?? "";

  const rawSort = get("sort");
  const known = (spec.sortable as readonly string[]).includes(rawSort);
  const sort = known ? (rawSort as Sort) : spec.defaultSort;
  const rawDir = get("dir");
  const dir: SortDir =
    rawDir === "asc" || rawDir === "desc" ? rawDir : sort === spec.defaultSort ? spec.defaultDir : "asc";

  const rawPage = get("page");
  const page = /^\d{1,9}$/.test(rawPage) ? Math.min(Math.max(Number(rawPage), 1), MAX_PAGE) : 1;

  const rawSize = Number(get("size"));
  const pageSize = pageSizesOf(spec).includes(rawSize) ? rawSize : defaultPageSizeOf(spec);

  const q = spec.searchable ? get("q").slice(0, MAX_SEARCH_LENGTH) : "";

  const filters: Partial<Record<Filter, string>> = {};
  for (const [name, allowed] of Object.entries(spec.filters ?? {}) as [Filter, readonly string[]][]) {
    const value = get(name);
    if (value && allowed.includes(value)) filters[name] = value;
  }
  return { sort, dir, page, pageSize, q, filters };
}

/** The rows a page skips. */
export function pageOffset(state: Pick<TableState, "page" | "pageSize">): number {
  return (state.page - 1) * state.pageSize;
}

export type PageSummary = { first: number; last: number; total: number; pages: number; page: number };

/** "Showing first-last of total"; first and last are 0 when the page holds no rows. */
export function pageSummary(
  state: Pick<TableState, "page" | "pageSize">,
  total: number,
  rowsOnPage: number,
): PageSummary {
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  const first = rowsOnPage > 0 ? pageOffset(state) + 1 : 0;
  const last = rowsOnPage > 0 ? pageOffset(state) + rowsOnPage : 0;
  return { first, last, total, pages, page: state.page };
}

/**
 * The query string of the same page with some of the table's parameters changed (null removes
 * one). Parameters of other tables and filters are kept; a default value is left out.
 */
export function tableHref(
  current: URLSearchParams,
  spec: TableSpec,
  changes: Record<string, string | number | null>,
): string {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    const key = paramName(spec, name);
    if (value === null || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  if (next.get(paramName(spec, "page")) === "1") next.delete(paramName(spec, "page"));
  next.delete("export");
  const query = next.toString();
  return query ? `?${query}` : "?";
}

/** The link a sortable header follows: the same column flips direction, another starts ascending. */
export function sortHref(current: URLSearchParams, spec: TableSpec, state: TableState, column: string): string {
  const dir: SortDir =
    state.sort === column
      ? state.dir === "asc"
        ? "desc"
        : "asc"
      : column === spec.defaultSort
        ? spec.defaultDir
        : "asc";
  return tableHref(current, spec, { sort: column, dir, page: null });
}

export type ExportFormat = "csv" | "xlsx";

export function parseExportFormat(value: string | null): ExportFormat | null {
  return value === "csv" || value === "xlsx" ? value : null;
}

/** Escapes LIKE's wildcards so a search matches its text literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
