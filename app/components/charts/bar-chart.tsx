import { scaleBand, scaleLinear } from "d3-scale";
import { ChartFrame, MARGIN, XLabels, YAxis, seriesColour, type ChartSize } from "./chart-frame.tsx";

export type BarDatum = { label: string; value: number };

/** One value per category, e.g. gross written premium by line of business. */
export function BarChart({
  title,
  description,
  data,
  format = String,
  valueLabel = "Value",
  width = 640,
  height = 260,
}: ChartSize & {
  title: string;
  description: string;
  data: BarDatum[];
  format?: (v: number) => string;
  valueLabel?: string;
}) {
  const x = scaleBand<string>()
    .domain(data.map((d) => d.label))
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, Math.max(0, ...data.map((d) => d.value))])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  return (
    <ChartFrame
      title={title}
      description={description}
      width={width}
      height={height}
      table={{ columns: ["", valueLabel], rows: data.map((d) => [d.label, format(d.value)]) }}
    >
      <YAxis ticks={y.ticks(5)} y={y} left={MARGIN.left} right={width - MARGIN.right} format={format} />
      {data.map((d) => (
        <rect
          key={d.label}
          x={x(d.label)}
          y={y(Math.max(0, d.value))}
          width={x.bandwidth()}
          height={Math.abs(y(0) - y(d.value))}
          rx={2}
          fill={seriesColour(0)}
        >
          <title>{`${d.label}: ${format(d.value)}`}</title>
        </rect>
      ))}
      <XLabels
        labels={data.map((d) => ({ key: d.label, text: d.label }))}
        x={(k) => (x(k) ?? 0) + x.bandwidth() / 2}
        top={height - MARGIN.bottom}
      />
    </ChartFrame>
  );
}
