import { index, int, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, instant, orgId, ref, updatedAt } from "./columns.ts";
import { LINES_OF_BUSINESS } from "./programs.ts";

export const SUBMISSION_STATUSES = [
  "draft",
  "submitted",
  "in_review",
  "quoted",
  "bound",
  "referred",
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
    requestedLimitCents: cents("requested_limit_cents").notNull(),
    deductibleCents: cents("deductible_cents").notNull(),
    effectiveDate: calendarDate("effective_date").notNull(),
    termMonths: int("term_months").notNull(),
    status: varchar("status", { length: 12, enum: SUBMISSION_STATUSES }).notNull(),
    assignedUnderwriterId: ref("assigned_underwriter_id"),
    indicatedPremiumCents: cents("indicated_premium_cents"),
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
