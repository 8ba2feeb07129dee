import type { ComponentProps, ReactNode } from "react";

export function cx(...classes: (string | false | null | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}

export function Button({
  variant = "primary",
  className,
  ...props
}: ComponentProps<"button"> & { variant?: "primary" | "secondary" | "danger" }) {
  const styles = {
    primary: "bg-brand text-brand-contrast hover:bg-brand-strong",
    secondary: "border border-border bg-surface text-text hover:bg-surface-muted",
    danger: "bg-danger-solid text-white hover:opacity-90",
  }[variant];
  return (
    <button
      className={cx(
        "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition disabled:opacity-50",
        styles,
        className,
      )}
      {...props}
    />
  );
}

export function Card({
  title,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={cx("rounded-lg border border-border bg-surface p-5 shadow-sm", className)}>
      {title || actions ? (
        <header className="mb-4 flex items-center justify-between gap-4">
          {title ? <h2 className="text-lg font-semibold">{title}</h2> : <span />}
          {actions}
        </header>
      ) : null}
      {children}
    </section>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-3xl font-semibold">{title}</h1>
        {description ? <p className="mt-1 text-text-muted">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

const tones = {
  neutral: "bg-surface-muted text-text",
  good: "bg-success/15 text-success",
  warn: "bg-warning/20 text-text",
  bad: "bg-danger/15 text-danger",
  info: "bg-brand/15 text-brand-strong",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <span className={cx("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", tones[tone])}>{children}</span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const tone: keyof typeof tones = ["bound", "active", "issued", "paid", "settled", "closed"].includes(status)
    ? "good"
    : ["declined", "cancelled", "denied", "overdue", "expired", "litigated"].includes(status)
      ? "bad"
      : ["referred", "in_review", "pending", "investigating", "suspended"].includes(status)
        ? "warn"
        : "info";
  return <Badge tone={tone}>{status.replaceAll("_", " ")}</Badge>;
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-border p-6 text-center text-text-muted">{children}</p>;
}

export type Column<Row> = { header: string; cell: (row: Row) => ReactNode; numeric?: boolean };

export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  empty,
  caption,
}: {
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  empty: string;
  caption: string;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-border text-left text-text-muted">
            {columns.map((c) => (
              <th key={c.header} scope="col" className={cx("px-3 py-2 font-medium", c.numeric && "text-right")}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-border/60 last:border-0 hover:bg-surface-muted/60">
              {columns.map((c) => (
                <td key={c.header} className={cx("px-3 py-2", c.numeric && "text-right font-mono tabular-nums")}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Label and value pairs of a record, in two columns on wide screens. */
export function FactList({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs uppercase tracking-wide text-text-muted">{label}</dt>
          <dd className="mt-0.5">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
