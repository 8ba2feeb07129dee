import { readFileSync } from "node:fs";
import { expect, test } from "vitest";

// WCAG contrast of white text on the filled danger button, in both themes, from the tokens in
// app.css (axe flagged the dark theme's "Decline submission" at 2.87:1).
const css = readFileSync(new URL("../app.css", import.meta.url), "utf8");

function token(block: string, name: string): [number, number, number] {
  const match = new RegExp(`--${name}:\\s*oklch\\(([\\d.]+) ([\\d.]+) ([\\d.]+)\\)`).exec(block);
  if (!match) throw new Error(`--${name} not found`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function luminance([L, C, h]: [number, number, number]): number {
  const a = C * Math.cos((h * Math.PI) / 180);
  const b = C * Math.sin((h * Math.PI) / 180);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const r = clamp(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
  const g = clamp(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
  const bl = clamp(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s);
  return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
}

const onWhite = (color: [number, number, number]) => 1.05 / (luminance(color) + 0.05);

test("white text on the danger button has at least 4.5:1 contrast in light and dark themes", () => {
  const [light, dark] = css.split("prefers-color-scheme: dark");
  expect(onWhite(token(light!, "danger-solid"))).toBeGreaterThanOrEqual(4.5);
  expect(onWhite(token(dark!, "danger-solid"))).toBeGreaterThanOrEqual(4.5);
  const ui = readFileSync(new URL("./ui.tsx", import.meta.url), "utf8");
  expect(ui).toMatch(/danger: "bg-danger-solid text-white/);
});
