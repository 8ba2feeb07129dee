import { describe, expect, it } from "vitest";
import { pageTexts } from "../../../tests/support/pdf-text.ts";
import { renderServicingDocument } from "./servicing-documents.ts";

const data = {
  mgaName: "Summit Ridge Underwriters",
  title: "Endorsement No. 2",
  policyNumber: "SRU-GL-2027-000123",
  insuredName: "Lone Star Roofing",
  carrierName: "Granite Mutual",
  policyPeriod: { effectiveDate: "2027-01-01", expirationDate: "2028-01-01" },
  issuedOn: "2027-06-01",
  facts: [
    ["Effective", "2027-06-20"],
    ["occurrenceLimitCents", "$1,000,000.00 -> $2,000,000.00"],
  ] as [string, string][],
  amounts: [["Additional premium", 153_000]] as [string, number][],
};

describe("servicing documents", () => {
  it("prints the number, changes, effective date and premium effect, the same bytes every time", async () => {
    const first = await renderServicingDocument(data);
    const text = (await pageTexts(first)).flat().join("\n");
    for (const expected of ["Endorsement No. 2", "SRU-GL-2027-000123", "2027-06-20", "$2,000,000.00", "$1,530.00"])
      expect(text).toContain(expected);
    expect(Buffer.from(await renderServicingDocument(data)).equals(Buffer.from(first))).toBe(true);
  });
});
