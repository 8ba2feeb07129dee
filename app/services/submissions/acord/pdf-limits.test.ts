// Item 17 of issue 10: a hostile PDF gets a clear error before pdf-lib parses it, and takes
// nothing else down.
import { expect, test } from "vitest";
import {
  buildDeeplyNestedPdf,
  buildDeflateBombPdf,
  buildManyObjectsPdf,
} from "../../../../tests/support/acord/hostile-pdf.ts";
import { buildAcord125Pdf, COMPLETE_GL_VALUES } from "../../../../tests/support/acord/test-pdf.ts";
import { readFormFields } from "./read-pdf.ts";
import { pdfLimitProblem } from "./pdf-limits.ts";

const MAX = 10 * 1024 * 1024;

test("a deflate bomb is refused as TOO_COMPLEX without being inflated past the budget", async () => {
  const bomb = buildDeflateBombPdf();
  expect(bomb.byteLength).toBeLessThan(MAX);
  const started = performance.now();
  expect(await readFormFields(bomb, MAX)).toMatchObject({
    ok: false,
    error: { code: "TOO_COMPLEX", message: expect.stringContaining("too deeply nested") },
  });
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(await pdfLimitProblem(buildDeflateBombPdf(48 * 1024 * 1024, { objectStream: true }))).toMatchObject({
    limit: "inflated",
  });
});

test("deep nesting, in the file or inside an object stream, is refused as TOO_COMPLEX", async () => {
  expect(await readFormFields(buildDeeplyNestedPdf(), MAX)).toMatchObject({
    ok: false,
    error: { code: "TOO_COMPLEX" },
  });
  expect(await pdfLimitProblem(buildDeeplyNestedPdf(100_000, { objectStream: true }))).toMatchObject({
    limit: "nesting",
  });
  expect(await pdfLimitProblem(buildDeeplyNestedPdf(10))).toBeNull();
});

test("a real ACORD 125 passes the limits and is read, also right after a hostile file", async () => {
  await readFormFields(buildDeflateBombPdf(), MAX);
  const pdf = await buildAcord125Pdf(COMPLETE_GL_VALUES);
  expect(await pdfLimitProblem(pdf)).toBeNull();
  expect(await readFormFields(pdf, MAX)).toMatchObject({ ok: true });
});

test("parsing has a deadline: a file within the limits that outlasts it is refused as TOO_COMPLEX", async () => {
  const slow = buildManyObjectsPdf(20_000);
  expect(await pdfLimitProblem(slow)).toBeNull();
  // A deadline already passed fires at pdf-lib's first yield, before the parse is through.
  expect(await readFormFields(slow, MAX, { parseDeadlineMs: 0 })).toMatchObject({
    ok: false,
    error: { code: "TOO_COMPLEX" },
  });
  // Within the deadline the same file parses; it holds no form, and says so.
  expect(await readFormFields(slow, MAX)).toMatchObject({ ok: false, error: { code: "NO_FORM_FIELDS" } });
});
