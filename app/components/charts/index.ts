export { BarChart, type BarDatum } from "./bar-chart.tsx";
export { LineChart, type LineSeries } from "./line-chart.tsx";
export { StackedBarChart, type StackedDatum } from "./stacked-bar-chart.tsx";
