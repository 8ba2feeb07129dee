import { describe, expect, it } from "vitest";
import { jpegHeader, ONE_PIXEL_PNG, pageImages } from "../../../tests/support/pdf-images.ts";
import { pageTexts } from "../../../tests/support/pdf-text.ts";
import { renderDenialLetterPdf } from "../claims/denial-letter.ts";
import { LOGO_BOX, logoSize, sniffLogoType } from "./letterhead.ts";
import { renderServicingDocument } from "./servicing-documents.ts";

const notice = {
  mgaName: "Summit Ridge Underwriters",
  title: "Notice of cancellation",
  policyNumber: "SRU-GL-2027-000123",
  insuredName: "Lone Star Roofing",
  carrierName: "Granite Mutual",
  policyPeriod: { effectiveDate: "2027-01-01", expirationDate: "2028-01-01" },
  issuedOn: "2027-06-01",
  facts: [["Takes effect", "2027-06-11"]] as [string, string][],
  amounts: [] as [string, number][],
};

describe("the letterhead", () => {
  it("reads the image type from the bytes, not the name", () => {
    expect(sniffLogoType(ONE_PIXEL_PNG)).toBe("image/png");
    expect(sniffLogoType(jpegHeader(10, 10))).toBe("image/jpeg");
    expect(sniffLogoType(new TextEncoder().encode("GIF89a....."))).toBeNull();
    expect(sniffLogoType(new TextEncoder().encode("<svg xmlns="))).toBeNull();
    expect(sniffLogoType(new Uint8Array())).toBeNull();
  });

  it("scales a logo down into its box keeping its proportions, never up", () => {
    expect(logoSize(1800, 270)).toEqual({ width: LOGO_BOX.width, height: 27 });
    expect(logoSize(200, 540)).toEqual({ width: 20, height: LOGO_BOX.height });
    expect(logoSize(40, 20)).toEqual({ width: 40, height: 20 });
  });

  it("a notice prints the organization's PNG logo above its name", async () => {
    const pdf = await renderServicingDocument({ ...notice, logo: { bytes: ONE_PIXEL_PNG, contentType: "image/png" } });
    expect((await pageImages(pdf))[0]).toEqual([{ width: 1, height: 1, filter: "/FlateDecode" }]);
    expect((await pageTexts(pdf))[0]![0]).toBe("Summit Ridge Underwriters");
    // Without a logo the page has no image at all.
    expect((await pageImages(await renderServicingDocument(notice)))[0]).toEqual([]);
  });

  it("a denial letter prints a JPEG logo as a JPEG", async () => {
    const pdf = await renderDenialLetterPdf({
      mgaName: "Summit Ridge Underwriters",
      logo: { bytes: jpegHeader(300, 90), contentType: "image/jpeg" },
      insuredName: "Lone Star Roofing",
      policyNumber: "SRU-GL-2027-000123",
      claimNumber: "CLM-2027-0001",
      dateOfLoss: "2027-03-02",
      lossType: "Property damage",
      denialReason: "The loss occurred before the policy period",
      issuedOn: "2027-04-01",
    });
    expect((await pageImages(pdf))[0]).toEqual([{ width: 300, height: 90, filter: "/DCTDecode" }]);
    expect((await pageTexts(pdf)).flat()).toContain("Summit Ridge Underwriters");
  });
});
