/**
 * An ACORD 125 extraction as the producer's review form: the form's text values, and for each
 * form field how sure the extraction was. Shared by the upload service, the review page and the
 * API (no server-only imports).
 */
import { z } from "zod";
import type { DraftReview } from "../../../db/schema/documents.ts";
import { formatMoney, type Cents } from "../../utils/money.ts";
import { REVIEW_THRESHOLD, type AcordExtraction, type AcordFieldKey } from "./acord/types.ts";
import { type IntakeChecks, NewSubmissionSchema, withIntakeChecks } from "./intake-schema.ts";

export const MAX_ACORD_BYTES = 10 * 1024 * 1024;
/** The multipart field an ACORD 125 PDF is sent in, by the producer page and API clients alike. */
export const ACORD_FILE_FIELD = "acord125";

/** Saving a draft keeps a form as typed: there is nothing to validate until it is filed. */
export const DraftSaveSchema = z.looseObject({});

/**
 * Which schema a submission form checks: its own, or none when the producer saves a draft. Typed
 * as the form's schema so Conform keeps the fields' types; a saved draft is never read as one.
 */
export function schemaForIntent<S extends z.ZodType>(formData: FormData, schema: S): S {
  return formData.get("intent") === "save" ? (DraftSaveSchema as unknown as S) : schema;
}

/** The review form: a new insured (ACORD describes one) plus the intake form's risk questions. */
export const AcordDraftSchema = NewSubmissionSchema.pick({
  programId: true,
  naicsCode: true,
  exposure: true,
  requestedLimit: true,
  deductible: true,
  effectiveDate: true,
  termMonths: true,
  priorLossCount: true,
  priorLossIncurred: true,
}).extend({
  insuredName: z.string("Enter the insured's name").trim().min(2, "Enter the insured's name").max(200),
  addressLine1: z.string("Enter the mailing address").trim().min(1, "Enter the mailing address").max(200),
  city: z.string("Enter the city").trim().min(1, "Enter the city").max(100),
  state: z
    .string("Enter the home state")
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "A two-letter state code, e.g. TX"),
  postalCode: z
    .string("Enter the ZIP code")
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, "A ZIP code, e.g. 78701"),
  yearsInBusiness: z.coerce.number("Enter the years in business").min(0).max(500).optional(),
});
export type AcordDraftInput = z.output<typeof AcordDraftSchema>;
export type AcordDraftField = keyof z.input<typeof AcordDraftSchema>;

type ProgramChoice = { id: string; lineOfBusiness: string; states: string[] };

// Which ACORD answers each form field is made of: its confidence is the weakest of them.
const SOURCES: Record<Exclude<AcordDraftField, "termMonths">, readonly AcordFieldKey[]> = {
  insuredName: ["insuredName"],
  addressLine1: ["mailingAddress.line1"],
  city: ["mailingAddress.city"],
  state: ["state"],
  postalCode: ["mailingAddress.postalCode"],
  yearsInBusiness: ["yearsInBusiness"],
  programId: ["lineOfBusiness", "state"],
  naicsCode: ["naicsCode"],
  exposure: ["annualRevenue", "payroll"],
  requestedLimit: ["requestedLimit"],
  deductible: ["deductible"],
  effectiveDate: ["effectiveDate"],
  priorLossCount: ["priorLossCount"],
  priorLossIncurred: ["priorLossAmount"],
};
// Answers a submission cannot be filed without; the rest have safe defaults.
const REQUIRED: readonly AcordDraftField[] = [
  "insuredName",
  "addressLine1",
  "city",
  "state",
  "postalCode",
  "programId",
  "naicsCode",
  "exposure",
  "requestedLimit",
  "effectiveDate",
];

export interface AcordDraft {
  values: Record<string, string>;
  review: DraftReview;
  needsReview: boolean;
}

/** The review form pre-filled from an extraction; the program is the org's program for the line that writes the home state. */
export function draftFromExtraction(extraction: AcordExtraction, programs: readonly ProgramChoice[]): AcordDraft {
  const { fields } = extraction;
  const line = fields.lineOfBusiness?.value;
  const state = fields.state?.value;
  const program =
    line && state ? programs.find((p) => p.lineOfBusiness === line && p.states.includes(state)) : undefined;
  const exposure = line === "WC" ? fields.payroll : fields.annualRevenue;

  const text: Partial<Record<AcordDraftField, string | undefined>> = {
    insuredName: fields.insuredName?.value,
    addressLine1: fields["mailingAddress.line1"]?.value,
    city: fields["mailingAddress.city"]?.value,
    state,
    postalCode: fields["mailingAddress.postalCode"]?.value,
    yearsInBusiness: fields.yearsInBusiness?.value.toString(),
    programId: program?.id,
    naicsCode: fields.naicsCode?.value,
    exposure: dollars(exposure?.value),
    requestedLimit: dollars(fields.requestedLimit?.value),
    deductible: dollars(fields.deductible?.value),
    effectiveDate: fields.effectiveDate?.value,
    priorLossCount: fields.priorLossCount?.value.toString(),
    priorLossIncurred: dollars(fields.priorLossAmount?.value),
  };
  const values: Record<string, string> = {
    termMonths: "12",
    deductible: "0",
    priorLossCount: "0",
    priorLossIncurred: "0",
  };
  const review: DraftReview = { fields: {}, lowConfidence: [], missing: [] };
  for (const [field, keys] of Object.entries(SOURCES) as [keyof typeof SOURCES, readonly AcordFieldKey[]][]) {
    const value = text[field];
    if (value === undefined) {
      if (REQUIRED.includes(field)) review.missing.push(field);
      continue;
    }
    values[field] = value;
    const read = keys.map((key) => fields[key]).filter((f) => f !== undefined);
    const confidence = Math.min(...read.map((f) => f.confidence));
    const notes = read.map((f) => f.note).filter((n) => n !== undefined);
    review.fields[field] = notes.length ? { confidence, note: notes.join("; ") } : { confidence };
    if (confidence < REVIEW_THRESHOLD) review.lowConfidence.push(field);
  }
  return {
    values,
    review,
    needsReview: extraction.needsReview || review.missing.length > 0 || review.lowConfidence.length > 0,
  };
}

/** "1,250,000" or "2,500.50": how a producer types an amount in the form. */
function dollars(cents: Cents | undefined): string | undefined {
  return cents === undefined ? undefined : formatMoney(cents).slice(1).replace(/\.00$/, "");
}

/** A form a producer may file or save as a draft: which one is the `intent` its button sends. */
const SaveIntent = z.looseObject({ intent: z.literal("save") });
export const SubmissionFormAction = z.discriminatedUnion("intent", [
  NewSubmissionSchema.extend({ intent: z.literal("file") }),
  SaveIntent,
]);
/** The intake form's action with the checks that need the date and the program's questions. */
export const submissionFormAction = (checks: IntakeChecks) =>
  z.discriminatedUnion("intent", [
    withIntakeChecks(NewSubmissionSchema.extend({ intent: z.literal("file") }), checks),
    SaveIntent,
  ]);
export const AcordDraftFormAction = z.discriminatedUnion("intent", [
  AcordDraftSchema.extend({ intent: z.literal("file") }),
  SaveIntent,
]);
export const isFilingIntent = (value: unknown): value is "file" | "save" => value === "file" || value === "save";
