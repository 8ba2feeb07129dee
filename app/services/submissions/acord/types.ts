import type { Cents } from "../../../utils/money.ts";
import type { LineOfBusiness } from "../../rating/types.ts";

/** DOMAIN.md: a field below this is highlighted and the submission goes to manual review. */
export const REVIEW_THRESHOLD = 0.85;

/** What ACORD 125 intake hands to a submission. Dates are ISO `YYYY-MM-DD`, money is cents. */
export interface AcordFieldValues {
  insuredName: string;
  "mailingAddress.line1": string;
  "mailingAddress.city": string;
  /** Two-letter USPS code. */
  "mailingAddress.state": string;
  /** `12345` or `12345-6789`. */
  "mailingAddress.postalCode": string;
  /** Six digits, or a 2-5 digit NAICS prefix (always below the review threshold). */
  naicsCode: string;
  lineOfBusiness: LineOfBusiness;
  /** Home state (two-letter code); the mailing address state unless the form names one. */
  state: string;
  /** GL exposure: total over the premises listed. */
  annualRevenue: Cents;
  /** WC exposure: total over the rating classes listed. */
  payroll: Cents;
  /** GL each-occurrence limit, or the WC employers liability each-accident limit. */
  requestedLimit: Cents;
  aggregateLimit: Cents;
  deductible: Cents;
  effectiveDate: string;
  /** Whole years, or one decimal when the form says e.g. "2.5". */
  yearsInBusiness: number;
  priorLossCount: number;
  /** Incurred (paid + reserved) where the loss rows give both. */
  priorLossAmount: Cents;
  contactEmail: string;
  /** E.164, e.g. `+15125550142`. */
  contactPhone: string;
}

export type AcordFieldKey = keyof AcordFieldValues;

/**
 * How the PDF field was recognised: `standard` is an ACORD form field name (case and punctuation
 * ignored), `alias` a vendor/home-made name we know, `fuzzy` the same words as a known name in
 * another order or with filler words.
 */
export type MatchKind = "standard" | "alias" | "fuzzy";

export interface ExtractedField<T> {
  value: T;
  /** 0..1: how the PDF field was recognised times how cleanly its value parsed. */
  confidence: number;
  match: MatchKind;
  /** The PDF field names the value was read from (several when summed or derived). */
  sources: string[];
  /** Why the confidence is below 1, or how the value was derived. */
  note?: string;
}

export type ExtractedFields = { [K in AcordFieldKey]?: ExtractedField<AcordFieldValues[K]> };

/** The PDF had something for this field, but nothing usable. */
export interface OmittedField {
  field: AcordFieldKey;
  reason: string;
  sources: string[];
  rawValue?: string;
}

export interface AcordExtraction {
  form: "ACORD 125";
  fields: ExtractedFields;
  omitted: OmittedField[];
  /** Required for this line of business and not extracted (absent, or in `omitted`). */
  missingRequired: AcordFieldKey[];
  /** Extracted fields below REVIEW_THRESHOLD: the ones to highlight. */
  lowConfidenceFields: AcordFieldKey[];
  /**
   * Mean over every extracted field, every omitted field and every missing required field (the
   * last two count 0). Informative only: `needsReview` does not rely on it, because a mean can
   * hide one bad field.
   */
  confidence: number;
  /** Any required field missing, any field omitted, or any field below REVIEW_THRESHOLD. */
  needsReview: boolean;
  /** Form fields read from the PDF, for the audit trail. */
  formFieldCount: number;
}

export type AcordErrorCode = "NOT_A_PDF" | "TOO_LARGE" | "ENCRYPTED" | "NO_FORM_FIELDS" | "UNREADABLE" | "TOO_COMPLEX";

export interface AcordUploadError {
  code: AcordErrorCode;
  /** Safe to show to the uploader. */
  message: string;
  /** For logs only: the parser's own words, which mean nothing to a producer. */
  detail?: string;
}

export type AcordResult = { ok: true; extraction: AcordExtraction } | { ok: false; error: AcordUploadError };
