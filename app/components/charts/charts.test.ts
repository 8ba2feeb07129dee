import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { BarChart, LineChart, StackedBarChart } from "./index.ts";

const money = (v: number) => `$${v.toLocaleString("en-US")}`;

test("a bar chart renders on the server as a named SVG with one bar per category and its table", () => {
  const html = renderToStaticMarkup(
    createElement(BarChart, {
      title: "Premium by line",
      description: "GL leads WC.",
      data: [
        { label: "GL", value: 1200 },
        { label: "WC", value: 800 },
      ],
      format: money,
    }),
  );
  expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/);
  expect(html).toContain("<title id=");
  expect(html).toContain(">Premium by line</title>");
  expect(html).toContain("<desc id=");
  expect(html.match(/<rect /g)).toHaveLength(2);
  expect(html).toContain('<th scope="row" class="px-3 py-1 text-left font-normal">GL</th>');
  expect(html).toContain("$1,200");
});

test("a stacked bar chart stacks every series and totals them in its table", () => {
  const html = renderToStaticMarkup(
    createElement(StackedBarChart, {
      title: "Premium split",
      description: "Where each month's premium went.",
      series: ["Carrier", "Producer"],
      data: [
        { label: "Oct", values: { Carrier: 70, Producer: 30 } },
        { label: "Nov", values: { Carrier: 140, Producer: 60 } },
      ],
    }),
  );
  expect(html.match(/<rect /g)).toHaveLength(4);
  expect(html).toContain(">200</td>");
});

test("a line chart draws a path per series and lists missing points as a dash", () => {
  const html = renderToStaticMarkup(
    createElement(LineChart, {
      title: "Loss ratio",
      description: "By month.",
      labels: ["Oct", "Nov", "Dec"],
      series: [
        {
          name: "GL",
          points: [
            { label: "Oct", value: 0.4 },
            { label: "Nov", value: 0.5 },
          ],
        },
        { name: "WC", points: [{ label: "Dec", value: 0.2 }] },
      ],
    }),
  );
  expect(html.match(/<path d="M/g)).toHaveLength(2);
  expect(html.match(/<circle /g)).toHaveLength(3);
  expect(html).toContain(">—</td>");
});
