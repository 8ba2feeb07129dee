import { decimal, index, int, json, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref, updatedAt } from "./columns.ts";
import { LINES_OF_BUSINESS } from "./programs.ts";
import { BILLING_METHODS } from "./agency-billing.ts";

export const POLICY_STATUSES = ["bound", "issued", "active", "expired", "cancelled", "non_renewed"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export type PostalAddressDetails = { addressLine1: string; city: string; state: string; postalCode: string };

/** The policy's servicing state beyond its columns; absent keys mean "as bound". */
export type PolicyServicingDetails = {
  namedInsured?: string;
  mailingAddress?: PostalAddressDetails;
  annualRevenueCents?: number | null;
  payrollCents?: number | null;
  locations?: string[];
  additionalInsureds?: { name: string; address: string }[];
  /** Waivers of subrogation in force: for a named holder, or blanket (`holderName: null`). */
  waiversOfSubrogation?: { holderName: string | null }[];
};

/** One endorsement's changes, field by field: what it was and what it became. */
export type PolicyChanges = Record<string, { from: unknown; to: unknown }>;

export const policies = mysqlTable(
  "policies",
  {
    id: id(),
    orgId: orgId(),
    policyNumber: varchar("policy_number", { length: 30 }).notNull(),
    submissionId: ref("submission_id"),
    quoteOptionId: ref("quote_option_id"),
    insuredId: ref("insured_id").notNull(),
    agencyId: ref("agency_id").notNull(),
    programId: ref("program_id").notNull(),
    carrierId: ref("carrier_id").notNull(),
    lineOfBusiness: varchar("line_of_business", { length: 4, enum: LINES_OF_BUSINESS }).notNull(),
    state: varchar("state", { length: 2 }).notNull(),
    status: varchar("status", { length: 12, enum: POLICY_STATUSES }).notNull(),
    effectiveDate: calendarDate("effective_date").notNull(),
    expirationDate: calendarDate("expiration_date").notNull(),
    grossPremiumCents: cents("gross_premium_cents").notNull(),
    feesCents: cents("fees_cents").notNull(),
    taxesCents: cents("taxes_cents").notNull(),
    occurrenceLimitCents: cents("occurrence_limit_cents"),
    aggregateLimitCents: cents("aggregate_limit_cents"),
    deductibleCents: cents("deductible_cents"),
    installmentPlan: varchar("installment_plan", { length: 12 }),
    /** Who collects the premium (ADR 024): the MGA (direct) or the agency, against its statement. */
    billingMethod: varchar("billing_method", { length: 6, enum: BILLING_METHODS }).notNull().default("direct"),
    /** R2 key of the declarations page PDF, written after the bind commits. */
    declarationsKey: varchar("declarations_key", { length: 200 }),
    boundByUserId: ref("bound_by_user_id"),
    /** What endorsements changed beyond limits and deductible (issue 12): exposure, locations, insureds. */
    servicingDetails: json("servicing_details").$type<PolicyServicingDetails>(),
    /** The prior term this policy renews, for a renewal term. */
    renewalOfPolicyId: ref("renewal_of_policy_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("policies_org_number_uq").on(t.orgId, t.policyNumber),
    // One policy per quote option, so a retried or concurrent bind can never make a second one.
    uniqueIndex("policies_org_quote_option_uq").on(t.orgId, t.quoteOptionId),
    index("policies_org_agency_idx").on(t.orgId, t.agencyId),
    index("policies_org_insured_idx").on(t.orgId, t.insuredId),
    index("policies_org_carrier_idx").on(t.orgId, t.carrierId),
    // Rate impact reads a program's book in id order (keyset chunks): without it every chunk sorted the org's policies.
    index("policies_org_program_idx").on(t.orgId, t.programId),
  ],
);

export const POLICY_TRANSACTION_TYPES = [
  "new_business",
  "endorsement",
  "cancellation",
  "reinstatement",
  "renewal",
] as const;
export type PolicyTransactionType = (typeof POLICY_TRANSACTION_TYPES)[number];

/**
 * The policy's versions by effective date: every change of written premium (new business,
 * endorsement, cancellation, reinstatement, renewal) is a row with its own effective date and
 * signed premium, fee and tax effect, so the policy as of any date, commission statements and
 * bordereaux all read one record. Commission is fixed when the row is written, from the rates in
 * force then, so later changes to an agency's rate never rewrite what was earned.
 */
export const policyTransactions = mysqlTable(
  "policy_transactions",
  {
    id: id(),
    orgId: orgId(),
    policyId: ref("policy_id").notNull(),
    /** 1 for the term's first transaction, then one more per change. */
    sequence: int("sequence").notNull(),
    type: varchar("type", { length: 14, enum: POLICY_TRANSACTION_TYPES }).notNull(),
    effectiveDate: calendarDate("effective_date").notNull(),
    /** The org-local date the transaction was entered: the period it is reported and paid in. */
    bookedOn: calendarDate("booked_on").notNull(),
    premiumCents: cents("premium_cents").notNull(),
    feesCents: cents("fees_cents").notNull(),
    taxesCents: cents("taxes_cents").notNull(),
    producerCommissionRate: decimal("producer_commission_rate", { precision: 6, scale: 4 }).notNull(),
    producerCommissionCents: cents("producer_commission_cents").notNull(),
    mgaCommissionRate: decimal("mga_commission_rate", { precision: 6, scale: 4 }).notNull(),
    mgaCommissionCents: cents("mga_commission_cents").notNull(),
    /** R2 key of the transaction's document (declarations, endorsement, notice). */
    documentKey: varchar("document_key", { length: 200 }),
    /** Endorsement changes; for a cancellation its reason code; the recalculation shown to the user. */
    changes: json("changes").$type<PolicyChanges>(),
    reason: varchar("reason", { length: 30 }),
    calculation: json("calculation").$type<Record<string, unknown>>(),
    createdByUserId: ref("created_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("policy_transactions_org_policy_seq_uq").on(t.orgId, t.policyId, t.sequence),
    index("policy_transactions_org_booked_idx").on(t.orgId, t.bookedOn),
  ],
);
