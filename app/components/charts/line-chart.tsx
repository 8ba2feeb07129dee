import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { ChartFrame, MARGIN, XLabels, YAxis, seriesColour, type ChartSize } from "./chart-frame.tsx";

export type LineSeries = { name: string; points: { label: string; value: number }[] };

/** One or more series over ordered categories (months, quarters), e.g. loss ratio by month. */
export function LineChart({
  title,
  description,
  labels,
  series,
  format = String,
  width = 640,
  height = 260,
}: ChartSize & {
  title: string;
  description: string;
  labels: string[];
  series: LineSeries[];
  format?: (v: number) => string;
}) {
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const x = scalePoint<string>()
    .domain(labels)
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const path = line<{ label: string; value: number }>()
    .x((p) => x(p.label) ?? 0)
    .y((p) => y(p.value));
  const valueAt = (s: LineSeries, label: string) => s.points.find((p) => p.label === label)?.value;
  return (
    <ChartFrame
      title={title}
      description={description}
      width={width}
      height={height}
      legend={series.map((s, i) => ({ label: s.name, colour: seriesColour(i) }))}
      table={{
        columns: ["", ...series.map((s) => s.name)],
        rows: labels.map((label) => [
          label,
          ...series.map((s) => {
            const v = valueAt(s, label);
            return v === undefined ? "—" : format(v);
          }),
        ]),
      }}
    >
      <YAxis ticks={y.ticks(5)} y={y} left={MARGIN.left} right={width - MARGIN.right} format={format} />
      {series.map((s, i) => (
        <g key={s.name} stroke={seriesColour(i)} fill={seriesColour(i)}>
          <path d={path(s.points.filter((p) => labels.includes(p.label))) ?? undefined} fill="none" strokeWidth={2} />
          {s.points.map((p) => (
            <circle key={p.label} cx={x(p.label)} cy={y(p.value)} r={3}>
              <title>{`${s.name}, ${p.label}: ${format(p.value)}`}</title>
            </circle>
          ))}
        </g>
      ))}
      <XLabels labels={labels.map((l) => ({ key: l, text: l }))} x={(k) => x(k) ?? 0} top={height - MARGIN.bottom} />
    </ChartFrame>
  );
}
