import { expect, test } from "vitest";
import { z } from "zod";
import { text } from "./text.ts";

const Form = z.object({ name: text("Name").trim().min(2).max(50), notes: text("Notes", { multiline: true }).max(500) });

function issuesOf(input: unknown) {
  const parsed = Form.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

test("control characters are refused, naming the field; multi-line fields keep newlines and tabs", () => {
  expect(issuesOf({ name: "Acme\u0000Roofing", notes: "" })).toEqual([
    { path: "name", message: expect.stringMatching(/^Name contains a control character/) },
  ]);
  expect(issuesOf({ name: "Acme\tRoofing", notes: "" })[0]?.path).toBe("name");
  expect(issuesOf({ name: "Acme\u0085Roofing", notes: "" })[0]?.path).toBe("name");
  expect(issuesOf({ name: "Acme", notes: "line one\nline two\r\n\tindented" })).toEqual([]);
  expect(issuesOf({ name: "Acme", notes: "bell\u0007" })).toEqual([
    { path: "notes", message: expect.stringMatching(/^Notes contains a control character/) },
  ]);
  expect(issuesOf({ name: "Acme", notes: "bare\rreturn" })[0]?.path).toBe("notes");
});

test("invalid Unicode (lone surrogates) is refused; real astral characters pass", () => {
  expect(issuesOf({ name: "Acme \ud800 Co", notes: "" })).toEqual([
    { path: "name", message: "Name contains characters that are not valid text" },
  ]);
  expect(issuesOf({ name: "Acme \udc00 Co", notes: "" })[0]?.path).toBe("name");
  // A lone surrogate straight out of JSON, as a /v1 body carries it.
  expect(issuesOf(JSON.parse('{"name":"Acme \\udfff","notes":""}'))[0]?.path).toBe("name");
  expect(issuesOf({ name: "Café 🚀 Ltd", notes: "Ünïcødé ✓" })).toEqual([]);
});
