import { bigint, boolean, decimal, index, int, json, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, instant, orgId, ref } from "./columns.ts";

export const LINES_OF_BUSINESS = ["GL", "WC"] as const;
export const DA_AGREEMENT_STATUSES = ["active", "suspended", "expired"] as const;
export type LineOfBusiness = (typeof LINES_OF_BUSINESS)[number];

export const programs = mysqlTable(
  "programs",
  {
    id: id(),
    orgId: orgId(),
    carrierId: ref("carrier_id").notNull(),
    name: varchar("name", { length: 200 }).notNull(),
    lineOfBusiness: varchar("line_of_business", { length: 4, enum: LINES_OF_BUSINESS }).notNull(),
    states: json("states").$type<string[]>().notNull(),
    autoBindPremiumCents: cents("auto_bind_premium_cents").notNull(),
    defaultCommissionRate: decimal("default_commission_rate", { precision: 6, scale: 4 }).notNull(),
    quoteValidDays: int("quote_valid_days").notNull().default(30),
    minimumPremiumCents: cents("minimum_premium_cents").notNull(),
    /** Share of written premium kept on an insured-requested cancellation ("0.2500"); null for none. */
    minimumEarnedRate: decimal("minimum_earned_rate", { precision: 6, scale: 4 }),
    installmentPlans: json("installment_plans").$type<string[]>().notNull(),
    /** Whether its policies may be agency billed (ADR 024); direct bill always is. */
    agencyBillAllowed: boolean("agency_bill_allowed").notNull().default(false),
    /** A retired program takes no new submissions; its policies and quotes keep it. */
    retiredAt: instant("retired_at"),
    createdAt: createdAt(),
  },
  (t) => [index("programs_org_idx").on(t.orgId, t.lineOfBusiness)],
);

/** The carrier's grant of delegated authority to the MGA for one program. */
export const daAgreements = mysqlTable(
  "da_agreements",
  {
    id: id(),
    orgId: orgId(),
    carrierId: ref("carrier_id").notNull(),
    programId: ref("program_id").notNull(),
    reference: varchar("reference", { length: 40 }).notNull(),
    effectiveDate: calendarDate("effective_date").notNull(),
    expirationDate: calendarDate("expiration_date").notNull(),
    status: varchar("status", { length: 12, enum: DA_AGREEMENT_STATUSES }).notNull(),
    maxOccurrenceLimitCents: cents("max_occurrence_limit_cents").notNull(),
    maxAggregateLimitCents: cents("max_aggregate_limit_cents").notNull(),
    maxPremiumPerPolicyCents: cents("max_premium_per_policy_cents").notNull(),
    /** Empty means every state. */
    authorizedStates: json("authorized_states").$type<string[]>().notNull(),
    excludedStates: json("excluded_states").$type<string[]>().notNull(),
    /** Empty means every class. */
    authorizedNaicsCodes: json("authorized_naics_codes").$type<string[]>().notNull(),
    excludedNaicsCodes: json("excluded_naics_codes").$type<string[]>().notNull(),
    naicsVintage: int("naics_vintage").notNull(),
    annualGwpLimitCents: cents("annual_gwp_limit_cents").notNull(),
    quarterlyGwpLimitCents: cents("quarterly_gwp_limit_cents"),
    /** Written premium bound so far under this agreement; locked FOR UPDATE by bind. */
    boundGwpCents: bigint("bound_gwp_cents", { mode: "number" }).notNull().default(0),
    maxPoliciesPerInsured: int("max_policies_per_insured").notNull(),
    maxInsuredRevenueCents: cents("max_insured_revenue_cents"),
    allowedTermsMonths: json("allowed_terms_months").$type<number[]>().notNull(),
    minYearsInBusiness: int("min_years_in_business"),
    referralTriggers: json("referral_triggers")
      .$type<{ revenueOverCents?: number; priorLossesOver?: number; classCodes?: string[]; states?: string[] }>()
      .notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("da_agreements_org_program_idx").on(t.orgId, t.programId)],
);
