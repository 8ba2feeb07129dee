import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import { ChartFrame, MARGIN, XLabels, YAxis, seriesColour, type ChartSize } from "./chart-frame.tsx";

export type StackedDatum = { label: string; values: Record<string, number> };

/** Parts of a whole per category, e.g. a month's premium split into carrier, producer, MGA, tax. */
export function StackedBarChart({
  title,
  description,
  series,
  data,
  format = String,
  width = 640,
  height = 260,
}: ChartSize & {
  title: string;
  description: string;
  series: string[];
  data: StackedDatum[];
  format?: (v: number) => string;
}) {
  const layers = stack<StackedDatum, string>()
    .keys(series)
    .value((d, key) => Math.max(0, d.values[key] ?? 0))(data);
  const top = Math.max(0, ...layers.flatMap((layer) => layer.map((point) => point[1])));
  const x = scaleBand<string>()
    .domain(data.map((d) => d.label))
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, top])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  return (
    <ChartFrame
      title={title}
      description={description}
      width={width}
      height={height}
      legend={series.map((s, i) => ({ label: s, colour: seriesColour(i) }))}
      table={{
        columns: ["", ...series, "Total"],
        rows: data.map((d) => [
          d.label,
          ...series.map((s) => format(d.values[s] ?? 0)),
          format(series.reduce((sum, s) => sum + (d.values[s] ?? 0), 0)),
        ]),
      }}
    >
      <YAxis ticks={y.ticks(5)} y={y} left={MARGIN.left} right={width - MARGIN.right} format={format} />
      {layers.map((layer, i) => (
        <g key={layer.key} fill={seriesColour(i)}>
          {layer.map((point) => (
            <rect
              key={point.data.label}
              x={x(point.data.label)}
              y={y(point[1])}
              width={x.bandwidth()}
              height={Math.max(0, y(point[0]) - y(point[1]))}
            >
              <title>{`${point.data.label}, ${layer.key}: ${format(point.data.values[layer.key] ?? 0)}`}</title>
            </rect>
          ))}
        </g>
      ))}
      <XLabels
        labels={data.map((d) => ({ key: d.label, text: d.label }))}
        x={(k) => (x(k) ?? 0) + x.bandwidth() / 2}
        top={height - MARGIN.bottom}
      />
    </ChartFrame>
  );
}
