import { useId, type ReactNode } from "react";

// What every chart shares: an SVG with its title and description (role="img" names it), drawn
// entirely on the server from the loader's data, and the same numbers as a table for screen
// readers and for anyone who prefers the figures (a <details> below the chart).

export type ChartSize = { width?: number; height?: number };
export const MARGIN = { top: 12, right: 12, bottom: 28, left: 56 };

export const SERIES_COLOURS = [
  "var(--brand)",
  "var(--success)",
  "var(--warning)",
  "var(--danger)",
  "var(--text-muted)",
];

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? "var(--brand)";
}

export function ChartFrame({
  title,
  description,
  width,
  height,
  children,
  table,
  legend,
}: {
  title: string;
  description: string;
  width: number;
  height: number;
  children: ReactNode;
  /** The data as a table: header row and body rows, already formatted. */
  table: { columns: string[]; rows: (string | number)[][] };
  legend?: { label: string; colour: string }[];
}) {
  const id = useId();
  return (
    <figure className="grid gap-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-full overflow-visible text-text-muted"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      {legend && legend.length > 1 ? (
        <ul className="flex flex-wrap gap-4 text-xs text-text-muted" aria-hidden>
          {legend.map((item) => (
            <li key={item.label} className="flex items-center gap-1.5">
              <span className="inline-block size-3 rounded-sm" style={{ background: item.colour }} />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <figcaption className="text-sm">
        <details>
          <summary className="cursor-pointer text-text-muted">{title}: the figures</summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b border-border text-left text-text-muted">
                  {table.columns.map((c, i) => (
                    <th
                      key={c}
                      scope="col"
                      className={i > 0 ? "px-3 py-1 text-right font-medium" : "px-3 py-1 font-medium"}
                    >
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={String(row[0])} className="border-b border-border/60 last:border-0">
                    {row.map((cell, i) =>
                      i === 0 ? (
                        <th key={i} scope="row" className="px-3 py-1 text-left font-normal">
                          {cell}
                        </th>
                      ) : (
                        <td key={i} className="px-3 py-1 text-right font-mono tabular-nums">
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}

/** Horizontal grid lines and value labels of a linear y scale. */
export function YAxis({
  ticks,
  y,
  left,
  right,
  format,
}: {
  ticks: number[];
  y: (v: number) => number;
  left: number;
  right: number;
  format: (v: number) => string;
}) {
  return (
    <g aria-hidden>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke="var(--border)" strokeWidth={1} />
          <text x={left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={11} fill="currentColor">
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Category labels under the plot. */
export function XLabels({
  labels,
  x,
  top,
}: {
  labels: { key: string; text: string }[];
  x: (key: string) => number;
  top: number;
}) {
  return (
    <g aria-hidden>
      {labels.map((l) => (
        <text key={l.key} x={x(l.key)} y={top + 16} textAnchor="middle" fontSize={11} fill="currentColor">
          {l.text}
        </text>
      ))}
    </g>
  );
}
