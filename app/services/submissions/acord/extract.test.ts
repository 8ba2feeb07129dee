import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { extractAcord125 } from "./extract.ts";
import { FIELD_NAMES } from "./field-names.ts";
import { nameKey, wordsKey, type NameSpec } from "./match.ts";
import {
  buildAcord125Pdf,
  buildEncryptedAcord125Pdf,
  buildFlattenedAcord125Pdf,
  buildTruncatedAcord125Pdf,
  COMPLETE_GL_VALUES,
  type Acord125TestValues,
  type BuildOptions,
} from "../../../../tests/support/acord/test-pdf.ts";
import type { AcordExtraction, AcordFieldKey, AcordResult } from "./types.ts";

const NOW = new Date("2026-06-01T12:00:00Z");
const MAX_BYTES = 10 * 1024 * 1024;

function extract(bytes: Uint8Array, maxBytes = MAX_BYTES): Promise<AcordResult> {
  return extractAcord125(bytes, { maxBytes, now: NOW });
}

async function extraction(values: Acord125TestValues, options?: BuildOptions): Promise<AcordExtraction> {
  const result = await extract(await buildAcord125Pdf(values, options));
  if (!result.ok) {
    throw new Error(`extraction failed: ${result.error.code}`);
  }
  return result.extraction;
}

function valuesOf(result: AcordExtraction): Partial<Record<AcordFieldKey, unknown>> {
  return Object.fromEntries(Object.entries(result.fields).map(([key, field]) => [key, field.value]));
}

function confidencesOf(result: AcordExtraction): Partial<Record<AcordFieldKey, number>> {
  return Object.fromEntries(Object.entries(result.fields).map(([key, field]) => [key, field.confidence]));
}

const WC_VALUES: Acord125TestValues = {
  ...COMPLETE_GL_VALUES,
  glIndicator: undefined,
  otherLine: "Workers Compensation",
  requestedLimit: undefined,
  aggregateLimit: undefined,
  deductible: undefined,
  annualRevenue: undefined,
  employersLiabilityLimit: "$500,000",
  payroll: "$640,000",
  payroll2: "$85,500.50",
};

describe("a complete ACORD 125 with ACORD's field names", () => {
  it("extracts every field at full confidence and needs no review", async () => {
    const result = await extraction(COMPLETE_GL_VALUES);

    expect(valuesOf(result)).toEqual({
      insuredName: "Harbor Line Plumbing LLC",
      "mailingAddress.line1": "4800 Dahlia St Suite 13",
      "mailingAddress.city": "Austin",
      "mailingAddress.state": "TX",
      "mailingAddress.postalCode": "78701",
      naicsCode: "238220",
      lineOfBusiness: "GL",
      state: "TX",
      annualRevenue: 125_000_000,
      requestedLimit: 100_000_000,
      aggregateLimit: 200_000_000,
      deductible: 250_000,
      effectiveDate: "2027-01-15",
      yearsInBusiness: 14,
      priorLossCount: 0,
      priorLossAmount: 0,
      contactEmail: "ops@harborline.example",
      contactPhone: "+15125550142",
    });
    expect(Object.values(result.fields).every((field) => field.confidence === 1 && field.match === "standard")).toBe(
      true,
    );
    expect(result).toMatchObject({
      form: "ACORD 125",
      omitted: [],
      missingRequired: [],
      lowConfidenceFields: [],
      confidence: 1,
      needsReview: false,
    });
    expect(result.fields.insuredName?.sources).toEqual(["NamedInsured_FullName_A"]);
    expect(result.fields.state?.note).toBe("home state taken from the mailing address");
  });

  it("treats ACORD's XFA paths and other spellings of its names as the standard name", async () => {
    const result = await extraction(COMPLETE_GL_VALUES, {
      rename: {
        insuredName: "F[0].P1[0].NamedInsured_FullName_A[0]",
        naicsCode: "NAMEDINSURED_NAICSCODE_A",
        effectiveDate: "policy-effective-date-a",
      },
    });

    expect(result.fields.insuredName).toMatchObject({
      value: "Harbor Line Plumbing LLC",
      confidence: 1,
      match: "standard",
      sources: ["F[0].P1[0].NamedInsured_FullName_A[0]"],
    });
    expect(result.fields.naicsCode).toMatchObject({ value: "238220", confidence: 1, match: "standard" });
    expect(result.fields.effectiveDate).toMatchObject({ value: "2027-01-15", confidence: 1, match: "standard" });
    expect(result.needsReview).toBe(false);
  });

  it("accepts the copy of the insured's name on later pages when it agrees, and doubts both when it does not", async () => {
    const rename = { insuredName: "F[0].P1[0].NamedInsured_FullName_A[0]" };
    const agreeing = await extraction(COMPLETE_GL_VALUES, {
      rename,
      extraFields: { "F[0].P2[0].NamedInsured_FullName_A[0]": "HARBOR LINE  PLUMBING LLC" },
    });
    expect(agreeing.fields.insuredName?.confidence).toBe(1);

    const disagreeing = await extraction(COMPLETE_GL_VALUES, {
      rename,
      extraFields: { "F[0].P2[0].NamedInsured_FullName_A[0]": "Harbor Line Holdings Inc" },
    });
    expect(disagreeing.fields.insuredName).toMatchObject({
      value: "Harbor Line Plumbing LLC",
      confidence: 0.6,
      note: 'F[0].P2[0].NamedInsured_FullName_A[0] says "Harbor Line Holdings Inc"',
    });
    expect(disagreeing.lowConfidenceFields).toEqual(["insuredName"]);
    expect(disagreeing.needsReview).toBe(true);
  });
});

describe("vendor field names", () => {
  it("reads a form built with alias names at lower confidence and flags every field for review", async () => {
    const standard = await extraction(COMPLETE_GL_VALUES);
    const result = await extraction(COMPLETE_GL_VALUES, { fieldNames: "alias" });

    expect(valuesOf(result)).toEqual(valuesOf(standard));
    expect(Object.values(result.fields).every((field) => field.confidence === 0.8 && field.match === "alias")).toBe(
      true,
    );
    expect(result.lowConfidenceFields).toEqual(Object.keys(result.fields));
    expect(result.missingRequired).toEqual([]);
    expect(result.confidence).toBe(0.8);
    expect(result.needsReview).toBe(true);
  });

  it("flags exactly the fields found under alias or fuzzy names", async () => {
    const result = await extraction(COMPLETE_GL_VALUES, {
      rename: { insuredName: "insured_name", naicsCode: "NAICS", effectiveDate: "Effective Date of the Policy" },
    });

    expect(result.lowConfidenceFields).toEqual(["insuredName", "naicsCode", "effectiveDate"]);
    expect(confidencesOf(result)).toMatchObject({
      insuredName: 0.8,
      naicsCode: 0.8,
      effectiveDate: 0.65,
      requestedLimit: 1,
    });
    expect(result.fields.effectiveDate).toMatchObject({ value: "2027-01-15", match: "fuzzy" });
    expect(result.missingRequired).toEqual([]);
    expect(result.needsReview).toBe(true);
  });

  it("never takes the second named insured (row B) for the first", async () => {
    const result = await extraction(
      { ...COMPLETE_GL_VALUES, insuredName: undefined },
      { extraFields: { NamedInsured_FullName_B: "Harbor Line Holdings Inc" } },
    );

    expect(result.fields.insuredName).toBeUndefined();
    expect(result.missingRequired).toEqual(["insuredName"]);
  });

  it("claims no field name for two questions", () => {
    const owners = new Map<string, string>();
    for (const [question, spec] of Object.entries(FIELD_NAMES) as [string, NameSpec][]) {
      for (const name of [...(spec.standard ?? []), ...(spec.aliases ?? [])]) {
        for (const key of [`name:${nameKey(name)}`, `words:${wordsKey(name)}`]) {
          expect(owners.get(key) ?? question, `${name} (${key})`).toBe(question);
          owners.set(key, question);
        }
      }
    }
  });
});

describe("money and dates as written on the form", () => {
  it.each<[string, number, number]>([
    ["$1,250,000", 125_000_000, 1],
    ["2,000,000.00", 200_000_000, 1],
    ["1MM", 100_000_000, 0.9],
    ["1.25M", 125_000_000, 0.6],
  ])("requested limit %s", async (written, cents, confidence) => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, requestedLimit: written });
    expect(result.fields.requestedLimit).toMatchObject({ value: cents, confidence });
    expect(result.needsReview).toBe(confidence < 0.85);
  });

  it.each<[string, string, number]>([
    ["01/15/2027", "2027-01-15", 1],
    ["2027-01-15", "2027-01-15", 1],
    ["January 15, 2027", "2027-01-15", 0.9],
    ["01/15/27", "2027-01-15", 0.6],
  ])("effective date %s", async (written, iso, confidence) => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, effectiveDate: written });
    expect(result.fields.effectiveDate).toMatchObject({ value: iso, confidence });
  });

  it("omits a value it cannot read, with the reason and what was written", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, effectiveDate: "ASAP", deductible: "see attached" });

    expect(result.fields.effectiveDate).toBeUndefined();
    expect(result.omitted).toEqual([
      {
        field: "deductible",
        reason: '"see attached" is not an amount of money',
        sources: ["GeneralLiability_PropertyDamage_DeductibleAmount_A"],
        rawValue: "see attached",
      },
      { field: "effectiveDate", reason: '"ASAP" is not a date', sources: ["Policy_EffectiveDate_A"], rawValue: "ASAP" },
    ]);
    expect(result.missingRequired).toEqual(["effectiveDate", "deductible"]);
    expect(result.needsReview).toBe(true);
  });

  it("falls back to a worse-named field when the ACORD box is unreadable, and says so", async () => {
    const result = await extraction(
      { ...COMPLETE_GL_VALUES, naicsCode: "N/A" },
      { extraFields: { "NAICS Code": "238220" } },
    );

    expect(result.fields.naicsCode).toMatchObject({
      value: "238220",
      confidence: 0.8,
      match: "alias",
      note: 'NamedInsured_NAICSCode_A unreadable: "N/A" is not a NAICS code (six digits)',
    });
  });
});

describe("required fields and review", () => {
  it("lists missing required fields and counts them as zero in the overall confidence", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, naicsCode: undefined, mailingPostalCode: undefined });

    expect(result.missingRequired).toEqual(["mailingAddress.postalCode", "naicsCode"]);
    expect(result.lowConfidenceFields).toEqual([]);
    expect(result.confidence).toBe(0.89); // 16 fields at 1 and 2 missing at 0: 16 / 18
    expect(result.needsReview).toBe(true);
  });

  it("explains a missing NAICS code when only an SIC code was given", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, naicsCode: undefined, sicCode: "1711" });

    expect(result.omitted).toEqual([
      {
        field: "naicsCode",
        reason: expect.stringMatching(/SIC codes are not accepted/) as unknown,
        sources: ["NamedInsured_SICCode_A"],
        rawValue: "1711",
      },
    ]);
    expect(result.missingRequired).toEqual(["naicsCode"]);
  });

  it("keeps a NAICS prefix but at low confidence", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, naicsCode: "2382" });

    expect(result.fields.naicsCode).toMatchObject({ value: "2382", confidence: 0.5 });
    expect(result.lowConfidenceFields).toEqual(["naicsCode"]);
  });

  it("flags an unreadable optional field too", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, contactEmail: "n/a" });

    expect(result.missingRequired).toEqual([]);
    expect(result.omitted.map((entry) => entry.field)).toEqual(["contactEmail"]);
    expect(result.needsReview).toBe(true);
  });

  it("prefers a declared home state to the mailing address state", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, homeState: "Oklahoma" });

    expect(result.fields.state).toMatchObject({ value: "OK", confidence: 0.72, sources: ["Home State"] });
    expect(result.fields["mailingAddress.state"]?.value).toBe("TX");

    const unreadable = await extraction({ ...COMPLETE_GL_VALUES, homeState: "TX and OK" });
    expect(unreadable.fields.state).toMatchObject({
      value: "TX",
      confidence: 0.6,
      note: expect.stringContaining('"TX and OK" is not a US state') as unknown,
    });
  });

  it("leaves a form asking for both GL and WC to a person", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, otherLine: "Workers Comp" });

    expect(result.fields.lineOfBusiness).toBeUndefined();
    expect(result.omitted).toEqual([
      {
        field: "lineOfBusiness",
        reason: "both GL and WC are requested; a submission is for one line, so enter one per line",
        sources: [
          "Policy_LineOfBusiness_CommercialGeneralLiability_A",
          "Policy_LineOfBusiness_OtherLineOfBusinessDescription_A",
        ],
      },
    ]);
    expect(result.missingRequired).toEqual(["lineOfBusiness"]);
  });

  it("says when the only line requested is not one written here", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, glIndicator: undefined, otherLine: "Inland Marine" });

    expect(result.omitted).toMatchObject([
      { field: "lineOfBusiness", reason: '"Inland Marine" is not a line written here (GL or WC)' },
    ]);
  });
});

describe("exposure: WC payroll, GL revenue", () => {
  it("reads a WC application: line from the other-line box, payroll summed over classes, the employers liability limit", async () => {
    const result = await extraction(WC_VALUES);

    expect(valuesOf(result)).toMatchObject({ lineOfBusiness: "WC", payroll: 72_550_050, requestedLimit: 50_000_000 });
    expect(result.fields.payroll).toMatchObject({
      confidence: 1,
      note: "sum of 2 rating class rows",
      sources: [
        "WorkersCompensation_RateClass_RemunerationAmount_A",
        "WorkersCompensation_RateClass_RemunerationAmount_B",
      ],
    });
    // No revenue and no deductible, and neither is required for WC.
    expect(result.fields.annualRevenue).toBeUndefined();
    expect(result.fields.deductible).toBeUndefined();
    expect(result.missingRequired).toEqual([]);
    expect(result.needsReview).toBe(false);
  });

  it("requires payroll, not revenue, for WC", async () => {
    const result = await extraction({
      ...WC_VALUES,
      payroll: undefined,
      payroll2: undefined,
      annualRevenue: "$900,000",
    });

    expect(result.fields.annualRevenue?.value).toBe(90_000_000);
    expect(result.missingRequired).toEqual(["payroll"]);
  });

  it("requires revenue and a deductible, not payroll, for GL", async () => {
    const result = await extraction({
      ...COMPLETE_GL_VALUES,
      annualRevenue: undefined,
      deductible: undefined,
      payroll: "$640,000",
    });

    expect(result.fields.payroll?.value).toBe(64_000_000);
    expect(result.missingRequired).toEqual(["annualRevenue", "deductible"]);
  });

  it("sums revenue over premises, and refuses a partial sum when one premises is unreadable", async () => {
    const summed = await extraction({ ...COMPLETE_GL_VALUES, annualRevenue2: "350,000" });
    expect(summed.fields.annualRevenue).toMatchObject({
      value: 160_000_000,
      confidence: 1,
      note: "sum of 2 premises rows",
    });

    const partial = await extraction({ ...COMPLETE_GL_VALUES, annualRevenue2: "about 350k" });
    expect(partial.fields.annualRevenue).toBeUndefined();
    expect(partial.omitted).toMatchObject([
      { field: "annualRevenue", reason: 'premises B: "about 350k" is not an amount of money' },
    ]);
  });

  it("reads WC from a vendor check box and a vendor payroll box", async () => {
    const result = await extraction(
      { ...WC_VALUES, otherLine: undefined, wcIndicator: "X", payroll: undefined, payroll2: undefined },
      { extraFields: { "Annual Payroll": "$640,000" } },
    );

    expect(result.fields.lineOfBusiness).toMatchObject({ value: "WC", confidence: 0.8, match: "alias" });
    expect(result.fields.payroll).toMatchObject({ value: 64_000_000, confidence: 0.8 });
  });
});

describe("loss history", () => {
  const withoutNoLossBox = { ...COMPLETE_GL_VALUES, noPriorLosses: undefined };

  it("counts the loss rows and adds paid and reserved into incurred", async () => {
    const result = await extraction({
      ...withoutNoLossBox,
      loss1Date: "04/12/2024",
      loss1Paid: "$12,500",
      loss1Reserved: "$0",
      loss2Date: "09/30/2025",
      loss2Reserved: "$40,000",
    });

    expect(result.fields.priorLossCount).toMatchObject({ value: 2, confidence: 1 });
    expect(result.fields.priorLossAmount).toMatchObject({ value: 5_250_000, confidence: 1 });
  });

  it("doubts rows that contradict a ticked no-prior-losses box", async () => {
    const result = await extraction({ ...COMPLETE_GL_VALUES, loss1Date: "04/12/2024", loss1Paid: "$12,500" });

    expect(result.fields.priorLossCount).toMatchObject({
      value: 1,
      confidence: 0.6,
      note: '"no prior losses" is ticked but 1 loss rows are filled in',
    });
    expect(result.lowConfidenceFields).toEqual(["priorLossCount", "priorLossAmount"]);
  });

  it("treats a loss row without amounts as a floor, not a figure", async () => {
    const result = await extraction({ ...withoutNoLossBox, loss1Date: "04/12/2024" });

    expect(result.fields.priorLossAmount).toMatchObject({
      value: 0,
      confidence: 0.6,
      note: "loss row A has no paid or reserved amount",
    });
  });

  it("uses ACORD's total (paid only) just as a doubtful last resort", async () => {
    const result = await extraction({ ...withoutNoLossBox, totalPaid: "$8,000" });

    expect(result.fields.priorLossAmount).toMatchObject({ value: 800_000, confidence: 0.6 });
    expect(result.fields.priorLossCount).toBeUndefined();
  });

  it("reads vendor count and amount boxes", async () => {
    const result = await extraction({ ...withoutNoLossBox, priorLossCount: "1", priorLossAmount: "$30,000" });

    expect(result.fields.priorLossCount).toMatchObject({ value: 1, confidence: 0.8 });
    expect(result.fields.priorLossAmount).toMatchObject({ value: 3_000_000, confidence: 0.8 });
  });
});

describe("bad uploads", () => {
  // pdf-lib reports what it skips in broken files on console.warn.
  beforeEach(() => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function errorOf(bytes: Uint8Array, maxBytes = MAX_BYTES) {
    const result = await extract(bytes, maxBytes);
    if (result.ok) {
      throw new Error("expected an error");
    }
    expect(result.error.message.length).toBeGreaterThan(20);
    return result.error;
  }

  it("NOT_A_PDF for anything without the %PDF- header", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    for (const bytes of [png, new TextEncoder().encode("Name,Revenue\nAcme,100\n"), new Uint8Array(0)]) {
      expect((await errorOf(bytes)).code).toBe("NOT_A_PDF");
    }
  });

  it("reads a PDF with junk before its header, as readers do", async () => {
    const pdf = await buildAcord125Pdf(COMPLETE_GL_VALUES);
    const prefixed = new Uint8Array([...new TextEncoder().encode("X-Mailer-Junk\r\n"), ...pdf]);
    expect((await extract(prefixed)).ok).toBe(true);
  });

  it("TOO_LARGE before looking at the content", async () => {
    const error = await errorOf(new Uint8Array(3 * 1024 * 1024 + 1), 3 * 1024 * 1024);
    expect(error).toEqual({ code: "TOO_LARGE", message: "This PDF is 3.1 MB; the largest accepted is 3.0 MB." });
  });

  it("ENCRYPTED for a PDF with an encryption dictionary", async () => {
    expect((await errorOf(await buildEncryptedAcord125Pdf())).code).toBe("ENCRYPTED");
  });

  it("ENCRYPTED for a really encrypted form (AES-256, owner password only, as agency systems send them)", async () => {
    // The standard test form, encrypted with `qpdf --encrypt "" owner-secret 256`.
    const bytes = new Uint8Array(
      readFileSync(new URL("../../../../tests/support/acord/acord125-aes256-owner-password.pdf", import.meta.url)),
    );
    expect((await errorOf(bytes)).code).toBe("ENCRYPTED");
  });

  it("NO_FORM_FIELDS for a flattened or printed copy", async () => {
    expect((await errorOf(await buildFlattenedAcord125Pdf())).code).toBe("NO_FORM_FIELDS");
  });

  it("UNREADABLE for a cut-off file or a header with garbage behind it, with the parser's words for the logs", async () => {
    const truncated = await errorOf(await buildTruncatedAcord125Pdf());
    const garbage = await errorOf(new TextEncoder().encode("%PDF-1.7\nthis is not a PDF body at all"));
    for (const error of [truncated, garbage]) {
      expect(error.code).toBe("UNREADABLE");
      expect(error.detail).toEqual(expect.any(String));
    }
  });

  it("never throws, whatever the bytes", async () => {
    const pdf = await buildAcord125Pdf(COMPLETE_GL_VALUES);
    let seed = 20_270_115;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let trial = 0; trial < 150; trial++) {
      const bytes = pdf.slice(0, trial % 3 === 0 ? random(pdf.byteLength) : pdf.byteLength);
      for (let flips = 0; flips < 1 + random(20); flips++) {
        bytes[random(bytes.byteLength)] = random(256);
      }
      const result = await extract(bytes);
      expect(typeof result.ok).toBe("boolean");
    }
  });
});
