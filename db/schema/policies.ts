import { index, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref, updatedAt } from "./columns.ts";
import { LINES_OF_BUSINESS } from "./programs.ts";

export const POLICY_STATUSES = ["bound", "issued", "active", "expired", "cancelled", "non_renewed"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

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
    /** R2 key of the declarations page PDF, written after the bind commits. */
    declarationsKey: varchar("declarations_key", { length: 200 }),
    boundByUserId: ref("bound_by_user_id"),
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
  ],
);
