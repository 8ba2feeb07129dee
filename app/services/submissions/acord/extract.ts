import type { LineOfBusiness } from "../../rating/types.ts";
import { mapAcord125, type Outcomes } from "./map-fields.ts";
import { FieldIndex } from "./match.ts";
import { readFormFields } from "./read-pdf.ts";
import {
  REVIEW_THRESHOLD,
  type AcordExtraction,
  type AcordFieldKey,
  type AcordResult,
  type ExtractedFields,
  type OmittedField,
} from "./types.ts";

export interface ExtractOptions {
  /** Checked before the PDF is parsed, so an oversized upload costs nothing. */
  maxBytes: number;
  /** "Today" for years in business and two-digit years; defaults to the current time (UTC date). */
  now?: Date;
}

// What a submission and its insured cannot be saved or rated without (the NOT NULL columns of
// submissions and insureds, plus the exposure rating reads for the line).
const ALWAYS_REQUIRED: readonly AcordFieldKey[] = [
  "insuredName",
  "mailingAddress.line1",
  "mailingAddress.city",
  "mailingAddress.state",
  "mailingAddress.postalCode",
  "naicsCode",
  "lineOfBusiness",
  "state",
  "effectiveDate",
  "requestedLimit",
];
// WC policies carry no deductible in most states, so its absence is no reason to hold one back.
const REQUIRED_FOR_LINE: Record<LineOfBusiness, readonly AcordFieldKey[]> = {
  GL: ["annualRevenue", "deductible"],
  WC: ["payroll"],
};

/**
 * Reads a fillable ACORD 125 (AcroForm) into submission fields with per-field confidence. Bad
 * uploads come back as `{ ok: false, error }` with a stable code; it does not throw for any input.
 */
export async function extractAcord125(
  bytes: Uint8Array,
  { maxBytes, now = new Date() }: ExtractOptions,
): Promise<AcordResult> {
  const read = await readFormFields(bytes, maxBytes);
  if (!read.ok) {
    return read;
  }
  const outcomes = mapAcord125(new FieldIndex(read.fields), now);
  return { ok: true, extraction: summarise(outcomes, read.fields.length) };
}

function summarise(outcomes: Outcomes, formFieldCount: number): AcordExtraction {
  const fields: ExtractedFields = {};
  const omitted: OmittedField[] = [];
  const collect = <K extends AcordFieldKey>(key: K) => {
    const outcome = outcomes[key];
    if (outcome.kind === "found") {
      // TypeScript cannot see that a generic key of this mapped type accepts its own value.
      fields[key] = outcome.field as ExtractedFields[K];
    } else if (outcome.kind === "omitted") {
      omitted.push({ field: key, ...outcome.omission });
    }
  };
  const keys = Object.keys(outcomes) as AcordFieldKey[];
  keys.forEach(collect);

  const line = fields.lineOfBusiness?.value;
  const required = [...ALWAYS_REQUIRED, ...(line === undefined ? [] : REQUIRED_FOR_LINE[line])];
  const missingRequired = required.filter((key) => fields[key] === undefined);
  const lowConfidenceFields = keys.filter((key) => (fields[key]?.confidence ?? 1) < REVIEW_THRESHOLD);

  const unanswered = new Set([...missingRequired, ...omitted.map((entry) => entry.field)]);
  const scores = [...Object.values(fields).map((field) => field.confidence), ...[...unanswered].map(() => 0)];
  const mean = scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + score, 0) / scores.length;

  return {
    form: "ACORD 125",
    fields,
    omitted,
    missingRequired,
    lowConfidenceFields,
    confidence: Math.round(mean * 100) / 100,
    needsReview: missingRequired.length > 0 || omitted.length > 0 || lowConfidenceFields.length > 0,
    formFieldCount,
  };
}
