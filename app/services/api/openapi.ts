import { z } from "zod";
import { ACORD_FILE_FIELD, MAX_ACORD_BYTES } from "../submissions/acord-draft.ts";
import { FnolSchema } from "../claims/claim-forms.ts";
import { PHI_FIELD_KEYS } from "../claims/phi.ts";
import { ApiError, BindRequest, Policy, Quote, Submission, SubmissionCreate, SubmissionCreated } from "./schemas.ts";
import {
  CancellationResult,
  CancelPolicyRequest,
  EndorsementResult,
  EndorsePolicyRequest,
  PolicyPage,
  ReinstatementResult,
  AcceptRenewalRequest,
  RenewalAccepted,
  RenewalOffer,
  RenewalOfferPage,
  Certificate,
  CertificateList,
  IssueCertificateRequest,
} from "./servicing-schemas.ts";
import { ProgramList } from "./programs.ts";

const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const json = (ref: string, description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const IDEMPOTENCY_KEY = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  schema: { type: "string", maxLength: 100 },
  description: "A retry with the same key and body gets the first answer",
};
const common = {
  "401": errorResponse("Missing or invalid API key (UNAUTHENTICATED)"),
  "429": {
    ...errorResponse("Rate limited (RATE_LIMITED); see the Retry-After header"),
    headers: { "Retry-After": { schema: { type: "integer" } } },
  },
};

/** The OpenAPI 3.1 document of /v1, generated from the same zod schemas that validate requests. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "OpenInsure API",
      version: "1.0.0",
      description:
        "Submissions, quotes and binding for API clients of an MGA. Authenticate with an organization API key: `Authorization: Bearer <key>`. Money is integer cents; dates are YYYY-MM-DD. Errors are `{error:{code, message, details}}`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An organization API key (oi_sk_…)" } },
      schemas: {
        SubmissionCreate: schema(SubmissionCreate, "input"),
        Submission: schema(Submission),
        SubmissionCreated: schema(SubmissionCreated),
        AcordUpload: {
          type: "object",
          required: [ACORD_FILE_FIELD],
          properties: {
            [ACORD_FILE_FIELD]: {
              type: "string",
              format: "binary",
              contentMediaType: "application/pdf",
              description: `A fillable ACORD 125 PDF, at most ${MAX_ACORD_BYTES / (1024 * 1024)} MB. Its form fields are read into the submission; the PDF is stored with it.`,
            },
          },
        },
        Quote: schema(Quote),
        BindRequest: schema(BindRequest, "input"),
        Policy: schema(Policy),
        Error: schema(ApiError),
        PolicyPage: schema(PolicyPage),
        CancelPolicyRequest: schema(CancelPolicyRequest, "input"),
        CancellationResult: schema(CancellationResult),
        EndorsePolicyRequest: schema(EndorsePolicyRequest, "input"),
        EndorsementResult: schema(EndorsementResult),
        ReinstatementResult: schema(ReinstatementResult),
        RenewalOffer: schema(RenewalOffer),
        RenewalOfferPage: schema(RenewalOfferPage),
        AcceptRenewalRequest: schema(AcceptRenewalRequest, "input"),
        RenewalAccepted: schema(RenewalAccepted),
        Certificate: schema(Certificate),
        CertificateList: schema(CertificateList),
        IssueCertificateRequest: schema(IssueCertificateRequest, "input"),
        ProgramList: schema(ProgramList),
        ClaimCreate: schema(FnolSchema, "input"),
        ClaimSummary: {
          type: "object",
          description: "A claim in a list: no claimant, so no PHI.",
          properties: {
            id: { type: "string" },
            claimNumber: { type: "string" },
            status: { type: "string" },
            policyNumber: { type: "string" },
            insuredName: { type: "string" },
            dateOfLoss: { type: "string", format: "date" },
            reportedOn: { type: "string", format: "date" },
            lossType: { type: "string" },
            lossState: { type: ["string", "null"] },
            noCoverageOnDateOfLoss: { type: "boolean" },
            caseReserveCents: { type: "integer" },
            paidCents: { type: "integer" },
            incurredCents: { type: "integer", description: "paid + case reserve" },
            recoveredCents: { type: "integer" },
          },
        },
        Claim: {
          type: "object",
          description: `One claim. Claimant PHI fields (${PHI_FIELD_KEYS.join(", ")}) are always "[redacted]" for API keys; phiRedacted says so.`,
          properties: {
            id: { type: "string" },
            claimNumber: { type: "string" },
            status: { type: "string" },
            policy: { type: "object", properties: { id: { type: "string" }, policyNumber: { type: "string" } } },
            dateOfLoss: { type: "string", format: "date" },
            reportedOn: { type: "string", format: "date" },
            lossType: { type: "string" },
            noCoverageOnDateOfLoss: { type: "boolean" },
            reserves: { type: "object" },
            paid: { type: "object" },
            incurredCents: { type: "integer" },
            recoveredCents: { type: "integer" },
            claimants: { type: "array", items: { type: "object" } },
            phiRedacted: { type: "boolean" },
          },
        },
        ClaimList: {
          type: "object",
          properties: {
            data: { type: "array", items: { $ref: "#/components/schemas/ClaimSummary" } },
            nextCursor: {
              type: ["string", "null"],
              description: "Pass as cursor for the next page; null on the last.",
            },
          },
        },
      },
    },
    paths: {
      "/v1/submissions": {
        post: {
          operationId: "createSubmission",
          summary: "File a submission, as JSON or as an ACORD 125 PDF (multipart/form-data)",
          parameters: [
            {
              ...IDEMPOTENCY_KEY,
              description:
                "A retry with the same key and body (for an ACORD upload: the same PDF) gets the first answer and files nothing",
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/SubmissionCreate" } },
              "multipart/form-data": { schema: { $ref: "#/components/schemas/AcordUpload" } },
            },
          },
          responses: {
            "201": json(
              "SubmissionCreated",
              "The submission, filed; from a PDF, `acord` carries each field's confidence and the review flag",
            ),
            "400": errorResponse("VALIDATION_FAILED (for a PDF: no file in the acord125 field)"),
            "413": errorResponse("TOO_LARGE: the PDF is over the size limit"),
            "415": errorResponse("NOT_A_PDF"),
            "422": errorResponse(
              "STATE_NOT_AUTHORIZED or VALIDATION_FAILED (for a PDF, details.acord shows what was read); ENCRYPTED, NO_FORM_FIELDS, UNREADABLE or TOO_COMPLEX for a PDF that cannot be read",
            ),
            ...common,
          },
        },
      },
      "/v1/submissions/{submissionId}": {
        get: {
          operationId: "getSubmission",
          parameters: [idParam("submissionId")],
          responses: {
            "200": json("Submission", "The submission with its current quote"),
            "404": errorResponse("NOT_FOUND"),
            ...common,
          },
        },
      },
      "/v1/submissions/{submissionId}/quote": {
        post: {
          operationId: "quoteSubmission",
          summary:
            "Rate the submission; every rating step is returned. Send an Idempotency-Key: a retry returns the same quote and rates nothing.",
          parameters: [idParam("submissionId"), IDEMPOTENCY_KEY],
          responses: {
            "201": json("Quote", "A new quote (earlier quotes are kept as history)"),
            "404": errorResponse("NOT_FOUND"),
            "422": errorResponse(
              "RATING_FAILED or NOT_QUOTABLE; IDEMPOTENCY_KEY_REUSED when the key was sent with another request",
            ),
            ...common,
          },
        },
      },
      "/v1/submissions/{submissionId}/bind": {
        post: {
          operationId: "bindSubmission",
          summary: "Bind a quote option. Send an Idempotency-Key: a retry returns the same policy.",
          parameters: [
            idParam("submissionId"),
            { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 100 } },
          ],
          requestBody: {
            required: false,
            content: { "application/json": { schema: { $ref: "#/components/schemas/BindRequest" } } },
          },
          responses: {
            "201": json("Policy", "The policy, bound"),
            "200": json("Policy", "The policy this quote option was already bound as"),
            "404": errorResponse("NOT_FOUND"),
            "422": errorResponse(
              "A pre-bind check failed: QUOTE_EXPIRED, DA_LIMIT_EXCEEDED, DA_AGGREGATE_EXCEEDED, STATE_NOT_AUTHORIZED, NAICS_EXCLUDED, AUTHORITY_EXCEEDED, UW_ISSUES_OPEN, DILIGENT_SEARCH_MISSING, DA_NOT_IN_FORCE, PRODUCER_NOT_LICENSED; details.failedChecks lists each. When only the key's binding authority is exceeded, the quote is referred to an underwriter and details.referralId names the referral",
            ),
            ...common,
          },
        },
      },
      "/v1/policies/{policyId}": {
        get: {
          operationId: "getPolicy",
          parameters: [idParam("policyId")],
          responses: { "200": json("Policy", "The policy"), "404": errorResponse("NOT_FOUND"), ...common },
        },
      },
      "/v1/policies": {
        get: {
          operationId: "listPolicies",
          parameters: [
            ...["status", "lineOfBusiness", "state", "effectiveFrom", "effectiveTo", "cursor"].map((name) => ({
              name,
              in: "query",
              required: false,
              schema: { type: "string" },
            })),
            { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200 } },
          ],
          responses: {
            "200": json("PolicyPage", "A page of policies, by id"),
            "400": errorResponse("VALIDATION_FAILED"),
            ...common,
          },
        },
      },
      "/v1/policies/{policyId}/cancel": {
        post: {
          operationId: "cancelPolicy",
          parameters: [idParam("policyId"), IDEMPOTENCY_KEY],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/CancelPolicyRequest" } } },
          },
          responses: {
            "200": json("CancellationResult", "dryRun: the return premium step by step"),
            "201": json("CancellationResult", "Cancelled, or a notice of cancellation issued for a later date"),
            "202": json("CancellationResult", "A cancellation request waiting for an underwriter"),
            "404": errorResponse("NOT_FOUND"),
            "422": errorResponse(
              "POLICY_TRANSITION_INVALID (details.from, details.to) or VALIDATION_FAILED (notice period, dates)",
            ),
            ...common,
          },
        },
      },
      "/v1/policies/{policyId}/endorsements": {
        post: {
          operationId: "endorsePolicy",
          parameters: [idParam("policyId"), IDEMPOTENCY_KEY],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/EndorsePolicyRequest" } } },
          },
          responses: {
            "200": json("EndorsementResult", "dryRun: the change quoted"),
            "201": json("EndorsementResult", "Applied"),
            "202": json("EndorsementResult", "Requested, or referred beyond the key's authority"),
            "404": errorResponse("NOT_FOUND"),
            "422": errorResponse("POLICY_TRANSITION_INVALID or VALIDATION_FAILED"),
            ...common,
          },
        },
      },
      "/v1/policies/{policyId}/reinstate": {
        post: {
          operationId: "reinstatePolicy",
          parameters: [idParam("policyId"), IDEMPOTENCY_KEY],
          responses: {
            "201": json("ReinstatementResult", "Reinstated without a lapse"),
            "404": errorResponse("NOT_FOUND"),
            "422": errorResponse(
              "POLICY_TRANSITION_INVALID or VALIDATION_FAILED (window closed, overdue premium unpaid)",
            ),
            ...common,
          },
        },
      },
      "/v1/policies/{policyId}/certificates": {
        get: {
          operationId: "listCertificates",
          parameters: [idParam("policyId")],
          responses: {
            "200": json("CertificateList", "The certificates of insurance issued on the policy, newest first"),
            "404": errorResponse("NOT_FOUND"),
            ...common,
          },
        },
        post: {
          operationId: "issueCertificate",
          description:
            "Issues a certificate of insurance (ACORD 25 layout) for a holder, from the policy as of today; the holder is remembered for the insured.",
          parameters: [idParam("policyId"), IDEMPOTENCY_KEY],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/IssueCertificateRequest" } } },
          },
          responses: {
            "201": json("Certificate", "Issued; documentUrl is the PDF"),
            "400": errorResponse("VALIDATION_FAILED"),
            "404": errorResponse("NOT_FOUND"),
            "422": errorResponse("VALIDATION_FAILED: the policy is not in force, or the holder is not this insured's"),
            ...common,
          },
        },
      },
      "/v1/renewal-offers": {
        get: {
          operationId: "listRenewalOffers",
          description:
            "Offers for the next term, prepared 60 days before expiry on the rate table in force at renewal, with why the price changed.",
          parameters: [
            {
              name: "status",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["preparing", "offered", "not_rated", "accepted", "declined", "lapsed"] },
            },
            { name: "cursor", in: "query", required: false, schema: { type: "string" } },
            { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200 } },
          ],
          responses: {
            "200": json("RenewalOfferPage", "A page of renewal offers, by id"),
            "400": errorResponse("VALIDATION_FAILED"),
            ...common,
          },
        },
      },
      "/v1/renewal-offers/{offerId}/accept": {
        post: {
          operationId: "acceptRenewalOffer",
          parameters: [idParam("offerId"), IDEMPOTENCY_KEY],
          requestBody: {
            required: false,
            content: { "application/json": { schema: { $ref: "#/components/schemas/AcceptRenewalRequest" } } },
          },
          responses: {
            "201": json("RenewalAccepted", "The renewal term, bound"),
            "200": json("RenewalAccepted", "The offer was already accepted: the term it bound"),
            "404": errorResponse("NOT_FOUND"),
            "422": errorResponse(
              "A pre-bind check failed (the codes of bindSubmission; details.failedChecks), or RENEWAL_NOT_ACCEPTABLE (already answered, lapsed, not rated)",
            ),
            ...common,
          },
        },
      },
      "/v1/policies/{policyId}/declarations.pdf": {
        get: {
          operationId: "getDeclarations",
          parameters: [idParam("policyId")],
          responses: {
            "200": {
              description: "The declarations page",
              content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
            },
            "404": errorResponse("NOT_FOUND"),
            ...common,
          },
        },
      },
      "/v1/programs": {
        get: {
          operationId: "listPrograms",
          description:
            "Programs taking submissions, with the states, limits and deductibles offered by the rate table in force today and the knockout questions to answer.",
          responses: { "200": json("ProgramList", "The programs"), ...common },
        },
      },
      "/v1/claims": {
        get: {
          operationId: "listClaims",
          parameters: [
            { name: "status", in: "query", schema: { type: "string" } },
            { name: "policyId", in: "query", schema: { type: "string" } },
            { name: "reportedFrom", in: "query", schema: { type: "string", format: "date" } },
            { name: "reportedTo", in: "query", schema: { type: "string", format: "date" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
            { name: "cursor", in: "query", schema: { type: "string" } },
          ],
          responses: {
            "200": json("ClaimList", "Claims, newest reported first"),
            "400": errorResponse("VALIDATION_FAILED"),
            ...common,
          },
        },
        post: {
          operationId: "fileClaim",
          description:
            "First notice of loss. A date of loss outside the policy's term is filed and flagged noCoverageOnDateOfLoss. Send an Idempotency-Key to retry safely.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ClaimCreate" } } },
          },
          responses: {
            "201": json("Claim", "The claim, PHI redacted"),
            "400": errorResponse("VALIDATION_FAILED"),
            "404": errorResponse("NOT_FOUND: no such policy"),
            ...common,
          },
        },
      },
      "/v1/claims/{claimId}": {
        get: {
          operationId: "getClaim",
          parameters: [idParam("claimId")],
          responses: { "200": json("Claim", "The claim, PHI redacted"), "404": errorResponse("NOT_FOUND"), ...common },
        },
      },
    },
  };
}
