import { CaretDown, CaretUp, DownloadSimple, MagnifyingGlass } from "@phosphor-icons/react";
import type { ReactNode } from "react";
import { Form, Link, useLocation, useSearchParams } from "react-router";
import { pageSummary, paramName, sortHref, tableHref, type TableSpec, type TableState } from "../utils/table-state.ts";
import { SubmitButton } from "./submit-button.tsx";
import { EmptyState, cx } from "./ui.tsx";

export type TableColumn<Row> = {
  /** A sortable column's id is its sort key in the spec. */
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
};

export type TableFilter = {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  allLabel?: string;
};

export type TablePage<Row> = { rows: Row[]; total: number; state: TableState };

const controlClass = "rounded-md border border-border bg-surface px-3 py-2 text-sm";

/** The parameters a GET form would drop: every one this table's own controls do not carry. */
function keptParams(params: URLSearchParams, spec: TableSpec, own: string[]) {
  const owned = new Set(own.map((name) => paramName(spec, name)));
  return [...params].filter(([name]) => !owned.has(name) && name !== "export");
}

/**
 * The data table: server-side sort (header links with aria-sort), search and filters (a GET
 * form), pages ("Showing 1-25 of N", page size) and CSV/XLSX export of the whole filtered set.
 * Everything is a link or a GET form, so it works before and without JavaScript. Wide tables
 * scroll inside their own container.
 */
export function PagedTable<Row>({
  spec,
  page,
  columns,
  rowKey,
  caption,
  empty,
  search,
  filters = [],
  exportPath,
  children,
  childFields = [],
}: {
  spec: TableSpec;
  page: TablePage<Row>;
  columns: TableColumn<Row>[];
  rowKey: (row: Row) => string;
  caption: string;
  empty: string;
  /** The search box's label, e.g. "Search by insured or reference". */
  search?: string;
  filters?: TableFilter[];
  /** The resource route that answers ?format=csv|xlsx with the same parameters. */
  exportPath?: string;
  /** Extra controls inside the filter form, unprefixed (e.g. the journal's own filters)... */
  children?: ReactNode;
  /** ...and the names of their fields, which the form must not also carry as hidden inputs. */
  childFields?: string[];
}) {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const { state, rows, total } = page;
  const summary = pageSummary(state, total, rows.length);
  const sortable = new Set<string>(spec.sortable);
  const own = ["q", "size", "page", ...filters.map((f) => f.name)];
  const kept = keptParams(params, spec, own).filter(([name]) => !childFields.includes(name));
  const exportHref = (format: "csv" | "xlsx") => {
    const query = new URLSearchParams(tableHref(params, spec, { page: null }).slice(1));
    query.set("format", format);
    return `${exportPath}?${query}`;
  };

  return (
    <div className="grid gap-3">
      <Form
        method="get"
        action={pathname}
        className="flex flex-wrap items-end gap-3"
        aria-label={`${caption}: search and filters`}
      >
        {kept.map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        {search ? (
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium">
            {search}
            <span className="relative">
              <MagnifyingGlass
                size={16}
                className="absolute top-1/2 left-3 -translate-y-1/2 text-text-muted"
                aria-hidden
              />
              <input
                type="search"
                name={paramName(spec, "q")}
                defaultValue={state.q}
                className={cx(controlClass, "w-full pl-9")}
                maxLength={100}
              />
            </span>
          </label>
        ) : null}
        {filters.map((filter) => (
          <label key={filter.name} className="flex flex-col gap-1 text-sm font-medium">
            {filter.label}
            <select
              name={paramName(spec, filter.name)}
              defaultValue={params.get(paramName(spec, filter.name)) ?? ""}
              className={controlClass}
            >
              <option value="">{filter.allLabel ?? "All"}</option>
              {filter.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        {children}
        <label className="flex flex-col gap-1 text-sm font-medium">
          Rows per page
          <select name={paramName(spec, "size")} defaultValue={String(state.pageSize)} className={controlClass}>
            {(spec.pageSizes ?? [10, 25, 50, 100]).map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <SubmitButton variant="secondary" action={pathname} pendingLabel="Applying…">
          Apply
        </SubmitButton>
      </Form>

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-text-muted">
        <p>
          {total === 0
            ? "No rows"
            : rows.length === 0
              ? `No rows on page ${summary.page}; ${total} in all`
              : `Showing ${summary.first}-${summary.last} of ${total}`}
        </p>
        {exportPath && total > 0 ? (
          <p className="flex items-center gap-3">
            <DownloadSimple size={16} aria-hidden />
            <span>Export all {total}:</span>
            <a
              className="text-brand hover:underline"
              href={exportHref("csv")}
              aria-label={`${caption} as CSV`}
              download
            >
              CSV
            </a>
            <a
              className="text-brand hover:underline"
              href={exportHref("xlsx")}
              aria-label={`${caption} as Excel`}
              download
            >
              Excel
            </a>
          </p>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <EmptyState>
          {total > 0 ? (
            <Link className="text-brand underline" to={tableHref(params, spec, { page: null })}>
              Back to the first page
            </Link>
          ) : (
            empty
          )}
        </EmptyState>
      ) : (
        // A focusable region, so keyboard users can scroll a table wider than the screen.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
        <section className="overflow-x-auto rounded-md" aria-label={caption} tabIndex={0}>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr className="border-b border-border text-left text-text-muted">
                {columns.map((c) => {
                  const sorted = state.sort === c.id;
                  return (
                    <th
                      key={c.id}
                      scope="col"
                      aria-sort={
                        sortable.has(c.id)
                          ? sorted
                            ? state.dir === "asc"
                              ? "ascending"
                              : "descending"
                            : "none"
                          : undefined
                      }
                      className={cx("px-3 py-2 font-medium whitespace-nowrap", c.numeric && "text-right")}
                    >
                      {sortable.has(c.id) ? (
                        <Link
                          to={sortHref(params, spec, state, c.id)}
                          className={cx("inline-flex items-center gap-1 hover:text-text", sorted && "text-text")}
                        >
                          {c.header}
                          {sorted ? (
                            state.dir === "asc" ? (
                              <CaretUp size={12} aria-hidden />
                            ) : (
                              <CaretDown size={12} aria-hidden />
                            )
                          ) : null}
                        </Link>
                      ) : (
                        c.header
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className="border-b border-border/60 last:border-0 hover:bg-surface-muted/60">
                  {columns.map((c) => (
                    <td key={c.id} className={cx("px-3 py-2", c.numeric && "text-right font-mono tabular-nums")}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {summary.pages > 1 ? (
        <nav aria-label={`${caption}: pages`} className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <span className="text-text-muted">
            Page {Math.min(summary.page, summary.pages)} of {summary.pages}
          </span>
          <span className="flex gap-2">
            <PageLink to={tableHref(params, spec, { page: 1 })} disabled={state.page <= 1}>
              First
            </PageLink>
            <PageLink
              to={tableHref(params, spec, { page: Math.min(state.page - 1, summary.pages) })}
              disabled={state.page <= 1}
              rel="prev"
            >
              Previous
            </PageLink>
            <PageLink
              to={tableHref(params, spec, { page: state.page + 1 })}
              disabled={state.page >= summary.pages}
              rel="next"
            >
              Next
            </PageLink>
            <PageLink to={tableHref(params, spec, { page: summary.pages })} disabled={state.page >= summary.pages}>
              Last
            </PageLink>
          </span>
        </nav>
      ) : null}
    </div>
  );
}

function PageLink({
  to,
  disabled,
  rel,
  children,
}: {
  to: string;
  disabled: boolean;
  rel?: string;
  children: ReactNode;
}) {
  const className = "rounded-md border border-border px-3 py-1.5";
  if (disabled) {
    return (
      <span className={cx(className, "text-text-muted opacity-50")} aria-disabled="true">
        {children}
      </span>
    );
  }
  return (
    <Link to={to} rel={rel} className={cx(className, "bg-surface hover:bg-surface-muted")}>
      {children}
    </Link>
  );
}
