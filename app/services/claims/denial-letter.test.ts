import { expect, test } from "vitest";
import { pageTexts } from "../../../tests/support/pdf-text.ts";
import { renderDenialLetterPdf } from "./denial-letter.ts";

test("the denial letter names the claim, the policy and the reason, and is the same file for the same data", async () => {
  const data = {
    mgaName: "Summit Specialty MGA",
    insuredName: "Lone Star Diner LLC",
    policyNumber: "GL-2026-00001",
    claimNumber: "CLM-2026-00042",
    dateOfLoss: "2026-11-28",
    lossType: "Water damage",
    denialReason: "Gradual seepage over months is excluded (Section I, exclusion j).",
    issuedOn: "2026-12-03",
  };
  const bytes = await renderDenialLetterPdf(data);
  const text = (await pageTexts(bytes)).flat().join(" ");
  for (const part of [
    "Lone Star Diner LLC",
    "CLM-2026-00042",
    "GL-2026-00001",
    "11/28/2026",
    "12/03/2026",
    "exclusion j",
  ])
    expect(text).toContain(part);
  expect(Buffer.from(await renderDenialLetterPdf(data)).equals(Buffer.from(bytes))).toBe(true);
});
