import { it } from "vitest";
import { extractAcord125 } from "./extract.ts";
import { buildAcord125Pdf, COMPLETE_GL_VALUES } from "./test-pdf.ts";
import { writeFileSync } from "node:fs";
it("smoke", async () => {
  const bytes = await buildAcord125Pdf(COMPLETE_GL_VALUES);
  writeFileSync("/tmp/acord-x/standard.pdf", bytes);
  const r = await extractAcord125(bytes, { maxBytes: 5_000_000, now: new Date("2026-06-01T12:00:00Z") });
  console.log(JSON.stringify(r, null, 1));
  const a = await buildAcord125Pdf(COMPLETE_GL_VALUES, { fieldNames: "alias" });
  const r2 = await extractAcord125(a, { maxBytes: 5_000_000, now: new Date("2026-06-01T12:00:00Z") });
  console.log(JSON.stringify(r2, null, 1));
});
