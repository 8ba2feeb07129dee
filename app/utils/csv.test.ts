import { expect, test } from "vitest";
import { csvField, csvRow, neutraliseFormula } from "./csv.ts";

test("plain values stay as they are", () => {
  expect(csvRow(["Lone Star Roofing", 1250, null, undefined, true])).toBe("Lone Star Roofing,1250,,,true\r\n");
});

test("quotes, commas and line breaks are quoted, inner quotes doubled", () => {
  expect(csvField('Say "hi"')).toBe('"Say ""hi"""');
  expect(csvField("Roofing, Inc.")).toBe('"Roofing, Inc."');
  expect(csvField("line one\nline two")).toBe('"line one\nline two"');
  expect(csvField("a\r\nb")).toBe('"a\r\nb"');
});

test("text a spreadsheet would run as a formula is neutralised", () => {
  for (const text of ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  }
  expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(csvField("a=b")).toBe("a=b");
});

test("numbers stay numbers, negative ones included; dates are ISO", () => {
  expect(csvField(-1500)).toBe("-1500");
  expect(csvField(Number.NaN)).toBe("");
  expect(csvField(new Date("2026-12-03T17:00:00Z"))).toBe("2026-12-03T17:00:00.000Z");
});
