// Request and response shapes of the /v1 policy servicing endpoints (issue 12), shared by the
// routes that validate them and the OpenAPI document.
import { z } from "zod";
import { RENEWAL_OFFER_STATUSES } from "../../../db/schema/renewals.ts";
import { INSTALLMENT_PLANS } from "../billing/billing-schedule.ts";
import { CANCELLATION_REASONS } from "../servicing/cancellation.ts";
import { Policy } from "./schemas.ts";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const cents = z.number().int().nonnegative();

export const PolicyListQuery = z.object({
  status: z.enum(["bound", "issued", "active", "expired", "cancelled", "non_renewed"]).optional(),
  lineOfBusiness: z.enum(["GL", "WC"]).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  effectiveFrom: date.optional(),
  effectiveTo: date.optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const PolicyPage = z.object({
  data: z.array(Policy),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
});

export const CancelPolicyRequest = z.strictObject({
  reason: z.enum(CANCELLATION_REASONS),
  cancellationDate: date,
  dryRun: z.boolean().default(false).describe("Compute the return premium step by step without cancelling"),
});

export const EndorsePolicyRequest = z.strictObject({
  effectiveDate: date,
  changes: z.strictObject({
    occurrenceLimitCents: cents.optional(),
    aggregateLimitCents: cents.optional(),
    deductibleCents: cents.optional(),
    annualRevenueCents: cents.optional(),
    payrollCents: cents.optional(),
    namedInsured: z.string().min(1).max(200).optional(),
    mailingAddress: z
      .strictObject({
        addressLine1: z.string().min(1).max(200),
        city: z.string().min(1).max(100),
        state: z.string().regex(/^[A-Z]{2}$/),
        postalCode: z.string().min(3).max(10),
      })
      .optional(),
    addAdditionalInsured: z.strictObject({ name: z.string().min(1).max(200), address: z.string().max(300) }).optional(),
    addLocation: z.string().min(1).max(300).optional(),
    addWaiverOfSubrogation: z
      .strictObject({
        holderName: z
          .string()
          .min(1)
          .max(200)
          .nullable()
          .describe("The holder the insurer waives subrogation against; null for a blanket waiver"),
      })
      .optional()
      .describe("Waiver of subrogation (no premium)"),
  }),
  dryRun: z.boolean().default(false).describe("Quote the change (premium effect and why) without applying it"),
});

const Step = z.object({ label: z.string(), detail: z.string(), amountCents: z.number().int() });

export const CancellationResult = z.object({
  dryRun: z.boolean(),
  status: z.enum(["preview", "cancelled", "scheduled", "requested"]),
  transactionId: z.string().nullable(),
  returnPremium: z.number().int(),
  taxesReturned: z.number().int(),
  feesReturned: z.number().int(),
  commissionClawedBack: z.number().int(),
  totalReturn: z.number().int(),
  credit: z.number().int(),
  steps: z.array(Step),
});

export const EndorsementResult = z.object({
  dryRun: z.boolean(),
  status: z.enum(["quoted", "applied", "requested", "referred"]),
  transactionId: z.string().nullable(),
  premium: z.number().int().describe("Signed: positive is additional premium, negative is return premium"),
  taxes: z.number().int(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});

export const ReinstatementResult = z.object({ transactionId: z.string(), status: z.string() });

// Renewal offers (ADR 023).

export const RenewalOfferListQuery = z.object({
  status: z.enum(RENEWAL_OFFER_STATUSES).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const ComparisonLine = z.object({
  key: z.string(),
  name: z.string(),
  expiringFactor: z.string().nullable(),
  renewalFactor: z.string().nullable(),
  expiringPremiumAfterCents: z.number().int().nullable(),
  renewalPremiumAfterCents: z.number().int().nullable(),
  changed: z.boolean(),
});

export const RenewalOffer = z.object({
  id: z.string(),
  policyId: z.string().describe("The expiring term"),
  policyNumber: z.string(),
  status: z.enum(RENEWAL_OFFER_STATUSES),
  renewalDate: date.describe("The new term's effective date"),
  preparedOn: date,
  expiringPremiumCents: z.number().int(),
  renewalPremiumCents: z.number().int().nullable(),
  renewalTotalDueCents: z.number().int().nullable().describe("Premium, fees and taxes of the new term"),
  comparison: z
    .object({
      expiringRateTableVersion: z.string().nullable(),
      renewalRateTableVersion: z.string(),
      expiringPremiumCents: z.number().int(),
      renewalPremiumCents: z.number().int(),
      lines: z.array(ComparisonLine),
      reasons: z.array(z.string()).describe("Why this price, in sentences"),
    })
    .nullable(),
  note: z.string().nullable().describe("Why an offer could not be rated"),
  renewalPolicyId: z.string().nullable().describe("The bound renewal term, once accepted"),
});

export const RenewalOfferPage = z.object({
  data: z.array(RenewalOffer),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
});

export const AcceptRenewalRequest = z.strictObject({
  plan: z
    .enum(INSTALLMENT_PLANS)
    .optional()
    .describe("Installment plan of the new term; the expiring term's by default"),
});

export const RenewalAccepted = z.object({
  policyId: z.string().describe("The new term"),
  policyNumber: z.string().describe("The expiring number with a term suffix, e.g. -01"),
  renewalOfPolicyId: z.string(),
});

// Certificates of insurance (ADR 023).

const Holder = z.strictObject({
  name: z.string().trim().min(1).max(200),
  addressLine1: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  state: z.string().regex(/^[A-Z]{2}$/, "two capital letters"),
  postalCode: z.string().trim().min(3).max(10),
});

export const IssueCertificateRequest = z.union([
  z.strictObject({ holder: Holder }),
  z.strictObject({ holderId: z.string().min(1).max(40).describe("A holder remembered for this insured") }),
]);

export const Certificate = z.object({
  id: z.string(),
  certificateNumber: z.string(),
  issuedOn: date,
  holderName: z.string(),
  additionalInsured: z.boolean().describe("ADDL INSD: the policy's additional-insured endorsement names the holder"),
  waiverOfSubrogation: z.boolean().describe("SUBR WVD"),
  documentUrl: z.string().describe("The ACORD 25 PDF"),
});

export const CertificateList = z.object({ data: z.array(Certificate) });
