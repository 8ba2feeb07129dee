import { describe, expect, it } from "vitest";
import { toCents } from "../../utils/money.ts";
import { DeclarationsError, renderDeclarationsPdf, type DeclarationsData } from "./declarations.ts";
import { ONE_PIXEL_PNG, pageImages } from "../../../tests/support/pdf-images.ts";
import { pageTexts } from "../../../tests/support/pdf-text.ts";

const c = toCents;

async function textOf(data: DeclarationsData): Promise<string> {
  return (await pageTexts(await renderDeclarationsPdf(data))).flat().join("\n");
}

const data: DeclarationsData = {
  mga: { name: "Summit Risk Underwriters", addressLines: ["1200 Main Street, Suite 400, Dallas, TX 75201"] },
  carrier: { name: "Granite Mutual Insurance Company", naicCompanyCode: "12345" },
  producer: { name: "Harbor Insurance Agency", licenseNumber: "TX-2288301" },
  policyNumber: "SRU-GL-2026-000123",
  namedInsured: {
    name: "Lone Star Plumbing & Heating LLC",
    address: { addressLine1: "4410 Industrial Blvd", city: "Houston", state: "TX", postalCode: "77023" },
  },
  policyPeriod: { effectiveDate: "2026-03-01", expirationDate: "2027-03-01" },
  lineOfBusiness: "GL",
  limits: { occurrenceCents: c(100_000_000), aggregateCents: c(200_000_000) },
  deductibleCents: c(250_000),
  premium: {
    grossPremium: c(1_236_400),
    fees: [{ name: "Policy fee", amount: c(25_000) }],
    taxes: [
      { name: "Texas surplus lines tax (4.85%)", amount: c(60_459) },
      { name: "Texas stamping fee", amount: c(0) },
    ],
    totalDue: c(1_321_859),
  },
  coverages: [
    { name: "Bodily Injury and Property Damage Liability", limit: c(100_000_000), premiumCents: c(1_236_400) },
    { name: "Products-Completed Operations Aggregate", limit: c(200_000_000), premiumCents: null },
    { name: "Personal and Advertising Injury", limit: c(100_000_000), premiumCents: null },
    { name: "Damage to Premises Rented to You", limit: c(10_000_000), premiumCents: null },
    { name: "Medical Expense (any one person)", limit: c(500_000), premiumCents: null },
  ],
  ratingSummary: [
    { name: "Exposure: revenue $1,000,000.00 per $1,000 x 3.50", factor: "3.50", premiumAfter: c(350_000) },
    { name: "Increased limits $1M/$2M", factor: "1.00", premiumAfter: c(350_000) },
    { name: "Minimum premium", factor: null, premiumAfter: c(1_236_400) },
  ],
  issuedOn: "2026-02-20",
};

describe("renderDeclarationsPdf", () => {
  it("writes a PDF whose text holds the insured, the policy and the money", async () => {
    const bytes = await renderDeclarationsPdf(data);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    const text = (await pageTexts(bytes)).flat().join("\n");
    for (const expected of [
      "Summit Risk Underwriters",
      "Commercial General Liability Declarations",
      "Policy Number: SRU-GL-2026-000123",
      "Lone Star Plumbing & Heating LLC",
      "Houston, TX 77023",
      "Granite Mutual Insurance Company",
      "NAIC 12345",
      "Harbor Insurance Agency",
      "From 03/01/2026 to 03/01/2027",
      "Each Occurrence Limit",
      "$1,000,000.00",
      "$2,000,000.00",
      "$2,500.00",
      "Medical Expense (any one person)",
      "Included",
      "$12,364.00",
      "Policy fee",
      "$250.00",
      "Texas surplus lines tax (4.85%)",
      "$604.59",
      "Total due",
      "$13,218.59",
      "Minimum premium",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("numbers its pages in the footer and fits a typical policy on at most two", async () => {
    const pages = await pageTexts(await renderDeclarationsPdf(data));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    pages.forEach((page, index) => {
      expect(page).toContain(`SRU-GL-2026-000123  |  Page ${index + 1} of ${pages.length}`);
    });
  });

  it("continues a long rating summary on a second page", async () => {
    const steps = Array.from({ length: 40 }, (_, i) => ({
      name: `Schedule credit ${i + 1}`,
      factor: "0.99",
      premiumAfter: c(1_236_400),
    }));
    const pages = await pageTexts(await renderDeclarationsPdf({ ...data, ratingSummary: steps }));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain("Schedule credit 40");
    expect(pages[1]).toContain("SRU-GL-2026-000123  |  Page 2 of 2");
  });

  it("is byte-for-byte the same for the same data", async () => {
    expect(await renderDeclarationsPdf(data)).toEqual(await renderDeclarationsPdf(data));
  });

  it("titles a workers' compensation policy and its limits for that line", async () => {
    const text = await textOf({
      ...data,
      lineOfBusiness: "WC",
      coverages: [{ name: "Part One - Workers' Compensation", limit: "Statutory", premiumCents: c(1_236_400) }],
    });
    expect(text).toContain("Workers' Compensation and Employers' Liability Declarations");
    expect(text).toContain("Employers' Liability - Each Accident");
    expect(text).toContain("Statutory");
  });

  it("draws characters the standard fonts lack as ? instead of failing", async () => {
    const text = await textOf({ ...data, namedInsured: { ...data.namedInsured, name: "Łódź Café 🚀\tRoofing" } });
    expect(text).toContain("?ód? Café ? Roofing");
  });

  it("refuses figures that do not add up", async () => {
    await expect(
      renderDeclarationsPdf({ ...data, premium: { ...data.premium, totalDue: c(1_321_860) } }),
    ).rejects.toThrow(new DeclarationsError("Total due $13,218.60 is not premium + fees + taxes ($13,218.59)"));
  });
});

describe("declarations letterhead", () => {
  it("prints the organization's logo and name at the head of the first page", async () => {
    const pdf = await renderDeclarationsPdf({
      ...data,
      mga: { ...data.mga, logo: { bytes: ONE_PIXEL_PNG, contentType: "image/png" } },
    });
    expect((await pageImages(pdf))[0]).toEqual([{ width: 1, height: 1, filter: "/FlateDecode" }]);
    expect((await pageTexts(pdf))[0]![0]).toBe(data.mga.name);
  });
});
