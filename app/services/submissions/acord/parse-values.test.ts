import { describe, expect, it } from "vitest";
import {
  parseAmount,
  parseCount,
  parseDate,
  parseEmail,
  parseLimit,
  parseLineOfBusiness,
  parseNaics,
  parsePhone,
  parsePostalCode,
  parseStateCode,
  parseYears,
  parseYearsSince,
  QUALITY,
  readIndicator,
  type Parsed,
} from "./parse-values.ts";

const TODAY = new Date("2026-06-01T12:00:00Z");

function value<T>(parsed: Parsed<T>): { value: T; quality: number } {
  if (!parsed.ok) {
    throw new Error(`expected a value, got: ${parsed.reason}`);
  }
  return { value: parsed.value, quality: parsed.quality };
}

describe("parseAmount", () => {
  it.each<[string, number, number]>([
    ["$1,250,000", 125_000_000, QUALITY.clean],
    ["2,000,000.00", 200_000_000, QUALITY.clean],
    ["1250000", 125_000_000, QUALITY.clean],
    ["$ 1,000,000 USD", 100_000_000, QUALITY.clean],
    ["0", 0, QUALITY.clean],
    ["$2,500.5", 250_050, QUALITY.clean],
    // Shorthand: K and MM are unambiguous, M is not (accounting uses M for a thousand).
    ["500K", 50_000_000, QUALITY.reformatted],
    ["1MM", 100_000_000, QUALITY.reformatted],
    ["1.25M", 125_000_000, QUALITY.guessed],
    ["$1.5m", 150_000_000, QUALITY.guessed],
    ["2.345K", 234_500, QUALITY.reformatted],
  ])("%s -> %i cents", (text, cents, quality) => {
    expect(value(parseAmount(text))).toEqual({ value: cents, quality });
  });

  it.each(["1.000.000", "-5,000", "(1,000)", "12,34", "$1,000.005", "N/A", "TBD", "1.2345678K", "9".repeat(20)])(
    "refuses %s",
    (text) => {
      expect(parseAmount(text).ok).toBe(false);
    },
  );

  it("reads the occurrence half of a combined limit and says so", () => {
    const parsed = parseLimit("1,000,000 / 2,000,000");
    expect(parsed).toMatchObject({ ok: true, value: 100_000_000, quality: QUALITY.reformatted });
    expect(parsed.ok && parsed.note).toMatch(/occurrence limit/);
  });

  it("refuses a zero limit", () => {
    expect(parseLimit("$0")).toEqual({ ok: false, reason: "is $0" });
  });
});

describe("parseDate", () => {
  it.each<[string, string, number]>([
    ["01/15/2027", "2027-01-15", QUALITY.clean],
    ["1/5/2027", "2027-01-05", QUALITY.clean],
    ["2027-01-15", "2027-01-15", QUALITY.clean],
    ["01-15-2027", "2027-01-15", QUALITY.clean],
    ["01.15.2027", "2027-01-15", QUALITY.clean],
    ["02/29/2028", "2028-02-29", QUALITY.clean],
    ["2027/1/15", "2027-01-15", QUALITY.reformatted],
    ["January 15, 2027", "2027-01-15", QUALITY.reformatted],
    ["Jan 15 2027", "2027-01-15", QUALITY.reformatted],
    ["Sept. 3rd, 2027", "2027-09-03", QUALITY.reformatted],
    ["15 Jan 2027", "2027-01-15", QUALITY.reformatted],
    ["15-Jan-2027", "2027-01-15", QUALITY.reformatted],
    ["01/15/27", "2027-01-15", QUALITY.guessed],
    // More than ten years ahead of 2026 reads as last century.
    ["03/01/98", "1998-03-01", QUALITY.guessed],
    ["31/01/2027", "2027-01-31", QUALITY.guessed],
  ])("%s -> %s", (text, iso, quality) => {
    expect(value(parseDate(text, TODAY))).toEqual({ value: iso, quality });
  });

  it.each([
    "02/30/2027",
    "02/29/2027",
    "13/13/2027",
    "2027-13-01",
    "00/10/2027",
    "next Monday",
    "2027",
    "Ju 15 2027",
    "01/15/1492",
  ])("refuses %s", (text) => {
    expect(parseDate(text, TODAY).ok).toBe(false);
  });

  it("says which guess it made", () => {
    const parsed = parseDate("31/01/27", TODAY);
    expect(parsed.ok && parsed.note).toBe("two-digit year read as 2027; read as day/month/year");
  });
});

describe("years in business", () => {
  it.each<[string, number]>([
    ["03/01/2012", 14],
    ["06/01/2012", 14],
    ["06/02/2012", 13],
  ])("from the start date %s", (text, years) => {
    expect(value(parseYearsSince(text, TODAY)).value).toBe(years);
  });

  it("counts a bare start year from January 1, at lower quality", () => {
    expect(value(parseYearsSince("2012", TODAY))).toEqual({ value: 14, quality: QUALITY.reformatted });
  });

  it("refuses a start date in the future", () => {
    expect(parseYearsSince("07/01/2026", TODAY).ok).toBe(false);
  });

  it.each<[string, number]>([
    ["12", 12],
    ["12 years", 12],
    ["2.5 yrs", 2.5],
  ])("reads %s", (text, years) => {
    expect(value(parseYears(text)).value).toBe(years);
  });
});

describe("codes and contact details", () => {
  it("reads NAICS codes and refuses SIC codes", () => {
    expect(value(parseNaics("238220"))).toEqual({ value: "238220", quality: QUALITY.clean });
    expect(value(parseNaics("238220 - Plumbing, Heating, and Air-Conditioning Contractors"))).toEqual({
      value: "238220",
      quality: QUALITY.clean,
    });
    expect(value(parseNaics("2382"))).toEqual({ value: "2382", quality: QUALITY.incomplete });
    expect(value(parseNaics("23"))).toEqual({ value: "23", quality: QUALITY.incomplete });
    expect(parseNaics("1711")).toEqual({
      ok: false,
      reason: expect.stringMatching(/SIC codes are not accepted/) as unknown,
    });
    expect(parseNaics("2382201").ok).toBe(false);
    expect(parseNaics("2").ok).toBe(false);
  });

  it("reads states by code or name", () => {
    expect(value(parseStateCode("tx"))).toEqual({ value: "TX", quality: QUALITY.clean });
    expect(value(parseStateCode("New  Mexico"))).toEqual({ value: "NM", quality: QUALITY.reformatted });
    expect(parseStateCode("ON").ok).toBe(false);
  });

  it("reads ZIP codes", () => {
    expect(value(parsePostalCode("78701"))).toEqual({ value: "78701", quality: QUALITY.clean });
    expect(value(parsePostalCode("78701-1234"))).toEqual({ value: "78701-1234", quality: QUALITY.clean });
    expect(value(parsePostalCode("787011234"))).toEqual({ value: "78701-1234", quality: QUALITY.reformatted });
    expect(value(parsePostalCode("2134"))).toEqual({ value: "02134", quality: QUALITY.guessed });
    expect(parsePostalCode("M5V 3L9").ok).toBe(false);
  });

  it("reads phone numbers into E.164", () => {
    expect(value(parsePhone("(512) 555-0142"))).toEqual({ value: "+15125550142", quality: QUALITY.clean });
    expect(value(parsePhone("+1 512.555.0142"))).toEqual({ value: "+15125550142", quality: QUALITY.clean });
    expect(value(parsePhone("512-555-0142 ext. 12"))).toEqual({ value: "+15125550142", quality: QUALITY.reformatted });
    for (const text of ["555-0142", "(012) 555-0142", "512-555-0142 call after 5"]) {
      expect(parsePhone(text).ok).toBe(false);
    }
  });

  it("reads email addresses", () => {
    expect(value(parseEmail(" ops@harborline.example "))).toEqual({
      value: "ops@harborline.example",
      quality: QUALITY.clean,
    });
    expect(value(parseEmail("mailto:ops@harborline.example"))).toEqual({
      value: "ops@harborline.example",
      quality: QUALITY.reformatted,
    });
    expect(parseEmail("ops at harborline").ok).toBe(false);
  });

  it("reads lines of business, check boxes and counts", () => {
    expect(value(parseLineOfBusiness("Workers' Compensation & Employers Liability")).value).toBe("WC");
    expect(value(parseLineOfBusiness("W/C")).value).toBe("WC");
    expect(value(parseLineOfBusiness("Commercial General Liability")).value).toBe("GL");
    expect(parseLineOfBusiness("Inland Marine").ok).toBe(false);
    expect([readIndicator(true), readIndicator("X"), readIndicator("Off"), readIndicator("$1,000")]).toEqual([
      true,
      true,
      false,
      undefined,
    ]);
    expect(value(parseCount("3"))).toEqual({ value: 3, quality: QUALITY.clean });
    expect(value(parseCount("None"))).toEqual({ value: 0, quality: QUALITY.reformatted });
  });
});
