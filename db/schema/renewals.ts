import { index, json, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref, updatedAt } from "./columns.ts";

// Renewal offers (issue 12, ADR 023): the next term of a policy, prepared before expiry.

/**
 * `preparing`: claimed by the daily job, not yet rated; `offered`: rated, waiting for the
 * producer; `not_rated`: the renewal could not be rated (`note` says why), an underwriter looks;
 * `accepted`: bound as the new term; `declined`: the producer said no; `lapsed`: the renewal date
 * passed without an answer.
 */
export const RENEWAL_OFFER_STATUSES = ["preparing", "offered", "not_rated", "accepted", "declined", "lapsed"] as const;
export type RenewalOfferStatus = (typeof RENEWAL_OFFER_STATUSES)[number];

/** One line of "why this price": a rating step of the expiring term against the renewal's. */
export type RenewalComparisonLine = {
  key: string;
  name: string;
  expiringFactor: string | null;
  renewalFactor: string | null;
  expiringPremiumAfterCents: number | null;
  renewalPremiumAfterCents: number | null;
  changed: boolean;
};
export type RenewalComparison = {
  expiringRateTableVersion: string | null;
  renewalRateTableVersion: string;
  expiringPremiumCents: number;
  renewalPremiumCents: number;
  lines: RenewalComparisonLine[];
  /** Sentences naming what moved the price, most important first. */
  reasons: string[];
};

/**
 * One offer per expiring policy (unique on org + policy), so the daily job can claim candidates
 * with one INSERT ... SELECT and run again without doubling anything. The offer is a quote on a
 * renewal submission: accepting binds that quote's option through the ordinary bind.
 */
export const renewalOffers = mysqlTable(
  "renewal_offers",
  {
    id: id(),
    orgId: orgId(),
    /** The expiring term. */
    policyId: ref("policy_id").notNull(),
    agencyId: ref("agency_id").notNull(),
    /** The new term's effective date: the expiring term's expiration date. */
    renewalDate: calendarDate("renewal_date").notNull(),
    status: varchar("status", { length: 10, enum: RENEWAL_OFFER_STATUSES }).notNull(),
    preparedOn: calendarDate("prepared_on").notNull(),
    submissionId: ref("submission_id"),
    quoteOptionId: ref("quote_option_id"),
    expiringPremiumCents: cents("expiring_premium_cents").notNull(),
    renewalPremiumCents: cents("renewal_premium_cents"),
    renewalTotalDueCents: cents("renewal_total_due_cents"),
    comparison: json("comparison").$type<RenewalComparison>(),
    note: varchar("note", { length: 500 }),
    /** The bound renewal term. */
    renewalPolicyId: ref("renewal_policy_id"),
    decidedByUserId: ref("decided_by_user_id"),
    decidedOn: calendarDate("decided_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("renewal_offers_org_policy_uq").on(t.orgId, t.policyId),
    index("renewal_offers_org_agency_idx").on(t.orgId, t.agencyId, t.status, t.renewalDate),
    index("renewal_offers_status_idx").on(t.status, t.renewalDate),
  ],
);
