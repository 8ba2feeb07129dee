import { index, int, json, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, instant, orgId, ref, updatedAt } from "./columns.ts";
import { LINES_OF_BUSINESS } from "./programs.ts";

export const SUBMISSION_STATUSES = [
  "draft",
  "submitted",
  "in_review",
  "quoted",
  "bound",
  "referred",
  /** Waiting on the producer to answer an underwriter's request for information. */
  "pending_info",
  "declined",
  "withdrawn",
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const submissions = mysqlTable(
  "submissions",
  {
    id: id(),
    orgId: orgId(),
    reference: varchar("reference", { length: 20 }).notNull(),
    agencyId: ref("agency_id").notNull(),
    producerUserId: ref("producer_user_id").notNull(),
    insuredId: ref("insured_id").notNull(),
    programId: ref("program_id").notNull(),
    lineOfBusiness: varchar("line_of_business", { length: 4, enum: LINES_OF_BUSINESS }).notNull(),
    state: varchar("state", { length: 2 }).notNull(),
    naicsCode: varchar("naics_code", { length: 6 }).notNull(),
    annualRevenueCents: cents("annual_revenue_cents"),
    payrollCents: cents("payroll_cents"),
    /** Per-occurrence limit requested (each accident for WC employers liability). */
    requestedLimitCents: cents("requested_limit_cents").notNull(),
    deductibleCents: cents("deductible_cents").notNull(),
    effectiveDate: calendarDate("effective_date").notNull(),
    termMonths: int("term_months").notNull(),
    priorLossCount: int("prior_loss_count").notNull().default(0),
    priorLossIncurredCents: cents("prior_loss_incurred_cents").notNull().default(0),
    status: varchar("status", { length: 12, enum: SUBMISSION_STATUSES }).notNull(),
    assignedUnderwriterId: ref("assigned_underwriter_id"),
    indicatedPremiumCents: cents("indicated_premium_cents"),
    /** Why the submission was declined (a referral reason code), shown to the producer. */
    declineCode: varchar("decline_code", { length: 40 }),
    declineRationale: varchar("decline_rationale", { length: 2000 }),
    submittedAt: instant("submitted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("submissions_org_reference_uq").on(t.orgId, t.reference),
    index("submissions_org_status_idx").on(t.orgId, t.status, t.createdAt),
    index("submissions_org_agency_idx").on(t.orgId, t.agencyId, t.createdAt),
  ],
);

/** The submission's timeline: every change of status and every action taken on it. */
export const submissionEvents = mysqlTable(
  "submission_events",
  {
    id: id(),
    orgId: orgId(),
    submissionId: ref("submission_id").notNull(),
    actorUserId: ref("actor_user_id"),
    type: varchar("type", { length: 40 }).notNull(),
    detail: json("detail").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("submission_events_org_submission_idx").on(t.orgId, t.submissionId, t.createdAt)],
);

/** Declinations by admitted carriers: the diligent search a surplus lines placement needs. */
export const submissionDeclinations = mysqlTable(
  "submission_declinations",
  {
    id: id(),
    orgId: orgId(),
    submissionId: ref("submission_id").notNull(),
    carrierName: varchar("carrier_name", { length: 200 }).notNull(),
    declinedOn: calendarDate("declined_on").notNull(),
    reason: varchar("reason", { length: 300 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("submission_declinations_org_submission_idx").on(t.orgId, t.submissionId)],
);

/** An underwriter's binding authority per line of business (tiers above the producers' auto tier). */
export const authorityProfiles = mysqlTable(
  "authority_profiles",
  {
    id: id(),
    orgId: orgId(),
    name: varchar("name", { length: 100 }).notNull(),
    tier: varchar("tier", { length: 20, enum: ["underwriter", "senior_underwriter", "chief_underwriter"] }).notNull(),
    grants: json("grants")
      .$type<{ lineOfBusiness: "GL" | "WC"; maxPremiumCents: number; maxLimitCents: number }[]>()
      .notNull(),
  },
  (t) => [index("authority_profiles_org_idx").on(t.orgId)],
);

export const userAuthority = mysqlTable(
  "user_authority",
  {
    id: id(),
    orgId: orgId(),
    userId: ref("user_id").notNull(),
    profileId: ref("profile_id").notNull(),
  },
  (t) => [uniqueIndex("user_authority_org_user_uq").on(t.orgId, t.userId)],
);

export const REFERRAL_STATUSES = ["pending", "approved", "declined", "withdrawn"] as const;
export type ReferralReason = { code: string; rationale: string };

/** A risk outside the producer's authority or on a DA referral trigger, waiting on an underwriter. */
export const referrals = mysqlTable(
  "referrals",
  {
    id: id(),
    orgId: orgId(),
    submissionId: ref("submission_id").notNull(),
    quoteId: ref("quote_id").notNull(),
    reasons: json("reasons").$type<ReferralReason[]>().notNull(),
    status: varchar("status", { length: 10, enum: REFERRAL_STATUSES }).notNull(),
    assignedToUserId: ref("assigned_to_user_id"),
    decidedByUserId: ref("decided_by_user_id"),
    decisionCode: varchar("decision_code", { length: 40 }),
    decisionRationale: varchar("decision_rationale", { length: 2000 }),
    createdAt: createdAt(),
    decidedAt: instant("decided_at"),
  },
  (t) => [
    index("referrals_org_status_idx").on(t.orgId, t.status, t.createdAt),
    index("referrals_org_submission_idx").on(t.orgId, t.submissionId),
  ],
);

/** Every step of a referral: raised, routed, decided. */
export const referralActivity = mysqlTable(
  "referral_activity",
  {
    id: id(),
    orgId: orgId(),
    referralId: ref("referral_id").notNull(),
    actorUserId: ref("actor_user_id"),
    action: varchar("action", { length: 20 }).notNull(),
    note: varchar("note", { length: 2000 }),
    createdAt: createdAt(),
  },
  (t) => [index("referral_activity_org_referral_idx").on(t.orgId, t.referralId, t.createdAt)],
);
