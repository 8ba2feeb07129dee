import { z } from "zod";
import { text } from "../../utils/text.ts";

// The /v1 contract. Money is integer cents, dates are YYYY-MM-DD, field names are camelCase.
// The same schemas validate requests and generate /v1/openapi.json.

const cents = (description: string) =>
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).describe(`${description}, in integer cents`);
const calendarDate = (description: string) => z.iso.date().describe(`${description} (YYYY-MM-DD)`);

export const SubmissionCreate = z
  .strictObject({
    lineOfBusiness: z.enum(["GL", "WC"]),
    insuredName: text("insuredName").trim().min(2).max(200),
    naicsCode: z.string().regex(/^\d{6}$/, "a NAICS code has 6 digits"),
    state: z
      .string()
      .regex(/^[A-Z]{2}$/, "a two-letter state code")
      .describe("Home state of the insured"),
    address: z
      .strictObject({
        line1: text("address.line1").min(1).max(200),
        city: text("address.city").min(1).max(100),
        postalCode: text("address.postalCode").min(3).max(10),
      })
      .optional(),
    annualRevenue: cents("Annual revenue (GL exposure)").optional(),
    payroll: cents("Annual payroll (WC exposure)").optional(),
    requestedLimit: cents("Each-occurrence limit requested"),
    deductible: cents("Deductible").default(0),
    effectiveDate: calendarDate("Policy effective date"),
    termMonths: z.union([z.literal(6), z.literal(12)]).default(12),
    yearsInBusiness: z.number().min(0).max(500).optional(),
    priorLosses: z
      .strictObject({ count: z.number().int().min(0).max(99), incurred: cents("Incurred losses, last 5 years") })
      .default({ count: 0, incurred: 0 }),
    knockoutAnswers: z
      .record(z.string().regex(/^[A-Z0-9_]{2,40}$/), z.boolean())
      .optional()
      .describe(
        'Answers to the program\'s knockout (underwriting) questions, by question code, true for yes, e.g. {"GL_PRIOR_CANCELLATION": false}. ' +
          "An unknown code is refused with VALIDATION_FAILED naming the program's codes. An adverse answer is reported in knockoutsHit: a decline rule declines the submission at once; a refer rule sends its quote to an underwriter.",
      ),
  })
  .refine((s) => (s.lineOfBusiness === "GL" ? s.annualRevenue !== undefined : s.payroll !== undefined), {
    message: "GL submissions need annualRevenue; WC submissions need payroll",
    path: ["annualRevenue"],
  });

export const RatingStep = z.object({
  step: z.number().int(),
  name: z.string(),
  source: z.string(),
  input: z.string(),
  factor: z.string().nullable().describe("Exact decimal factor, as a string"),
  premiumAfter: cents("Premium after this step"),
});

export const DaFlag = z.object({ check: z.string(), code: z.string(), detail: z.string() });

export const QuoteOption = z.object({
  id: z.string(),
  occurrenceLimit: cents("Each-occurrence limit"),
  aggregateLimit: cents("Aggregate limit"),
  deductible: cents("Deductible"),
  grossPremium: cents("Gross premium"),
  fees: cents("Fees"),
  taxes: cents("Surplus lines tax and stamping fee"),
  totalDue: cents("Total due"),
  withinAuthority: z.boolean(),
  ratingSteps: z.array(RatingStep),
});

export const Quote = z.object({
  id: z.string(),
  submissionId: z.string(),
  status: z.enum(["active", "superseded", "bound"]),
  expiresAt: calendarDate("Last day the quote can be bound"),
  rateTableVersion: z.string(),
  daFlags: z.array(DaFlag).describe("Delegated-authority checks that failed: the quote is priced but cannot be bound"),
  grossPremium: cents("Gross premium of the first option"),
  fees: cents("Fees of the first option"),
  taxes: cents("Taxes of the first option"),
  totalDue: cents("Total due of the first option"),
  ratingSteps: z.array(RatingStep).describe("Rating steps of the first option"),
  options: z.array(QuoteOption),
});

export const Submission = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  lineOfBusiness: z.enum(["GL", "WC"]),
  insuredName: z.string(),
  naicsCode: z.string(),
  state: z.string(),
  annualRevenue: cents("Annual revenue").nullable(),
  payroll: cents("Payroll").nullable(),
  requestedLimit: cents("Each-occurrence limit requested"),
  deductible: cents("Deductible"),
  effectiveDate: calendarDate("Policy effective date"),
  termMonths: z.number().int(),
  decline: z
    .object({ code: z.string(), rationale: z.string() })
    .nullable()
    .describe("Why the submission was declined, when it was"),
  knockoutsHit: z
    .array(
      z.object({
        code: z.string(),
        question: z.string(),
        action: z.enum(["refer", "decline"]),
        cleared: z.boolean().describe("An underwriter has accepted the hit"),
      }),
    )
    .describe("Knockout questions answered adversely"),
  quote: Quote.nullable().describe("The current quote, if any"),
});

const AcordField = z.object({
  value: z.union([z.string(), z.number()]).describe("As filed on the submission: money in cents, dates YYYY-MM-DD"),
  confidence: z.number().min(0).max(1),
  note: z.string().optional().describe("Why the confidence is below 1, or how the value was derived"),
});

export const AcordReading = z.object({
  needsReview: z
    .boolean()
    .describe(
      "True when any field was read below 0.85 confidence (or is missing): the submission is filed as in_review",
    ),
  confidence: z.number().min(0).max(1).describe("Mean confidence over the fields, informative only"),
  lowConfidenceFields: z.array(z.string()).describe("Fields read below 0.85 confidence"),
  fields: z.record(z.string(), AcordField).describe("Every field read from the PDF, by ACORD field key"),
  documentId: z.string().describe("The stored PDF"),
});

/** A submission as filed; `acord` is present when it was filed from an ACORD 125 PDF. */
export const SubmissionCreated = Submission.extend({ acord: AcordReading.optional() });

export const BindRequest = z.strictObject({
  quoteOptionId: text("quoteOptionId")
    .max(100)
    .optional()
    .describe("Defaults to the first option of the current quote"),
  plan: z.enum(["PIF", "TWO_PAY", "QUARTERLY", "MONTHLY_10"]).default("PIF"),
  billingMethod: z
    .enum(["direct", "agency"])
    .default("direct")
    .describe("Who collects the premium: agency bill only where the program allows it"),
  declinations: z
    .array(text("declinations").min(1).max(200))
    .max(10)
    .default([])
    .describe("Admitted carriers that declined the risk (surplus lines diligent search)"),
});

export const Policy = z.object({
  id: z.string(),
  policyNumber: z.string(),
  status: z.string(),
  lineOfBusiness: z.enum(["GL", "WC"]),
  state: z.string(),
  insuredName: z.string(),
  effectiveDate: calendarDate("Effective date"),
  expirationDate: calendarDate("Expiration date"),
  grossPremium: cents("Gross premium"),
  fees: cents("Fees"),
  taxes: cents("Taxes"),
  declarationsUrl: z.string().describe("Path of the declarations page PDF"),
});

export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "VALIDATION_FAILED",
  "RATE_LIMITED",
  "URI_TOO_LONG",
  "METHOD_NOT_ALLOWED",
  "UNSUPPORTED_MEDIA_TYPE",
  "IDEMPOTENCY_KEY_REUSED",
  "RATING_FAILED",
  "NOT_QUOTABLE",
  "NO_QUOTE",
  "QUOTE_EXPIRED",
  "QUOTE_SUPERSEDED",
  "DA_NOT_IN_FORCE",
  "DA_LIMIT_EXCEEDED",
  "DA_AGGREGATE_EXCEEDED",
  "STATE_NOT_AUTHORIZED",
  "NAICS_EXCLUDED",
  "AUTHORITY_EXCEEDED",
  "UW_ISSUES_OPEN",
  "DILIGENT_SEARCH_MISSING",
  "PRODUCER_NOT_LICENSED",
  "PLAN_NOT_OFFERED",
  "NOT_A_PDF",
  "TOO_LARGE",
  "ENCRYPTED",
  "NO_FORM_FIELDS",
  "UNREADABLE",
  "TOO_COMPLEX",
  "INTERNAL",
] as const;
export type ApiErrorCode = (typeof ERROR_CODES)[number];

export const ApiError = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }),
});
