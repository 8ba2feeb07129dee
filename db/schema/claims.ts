import { boolean, index, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, instant, orgId, ref, updatedAt } from "./columns.ts";

export const CLAIM_STATUSES = [
  "open",
  "investigating",
  "reserved",
  "in_settlement",
  "settled",
  "closed",
  "litigated",
  "in_defense",
  "denied",
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** How the first notice of loss reached the MGA (DOMAIN.md, FNOL). */
export const CLAIM_CHANNELS = ["portal", "producer", "adjuster", "api"] as const;
export type ClaimChannel = (typeof CLAIM_CHANNELS)[number];

/** Recorded on a claim whose date of loss falls outside every term in force that day. */
export const NO_COVERAGE_ON_DATE_OF_LOSS = "no_coverage_on_date_of_loss";

export const claims = mysqlTable(
  "claims",
  {
    id: id(),
    orgId: orgId(),
    claimNumber: varchar("claim_number", { length: 30 }).notNull(),
    policyId: ref("policy_id").notNull(),
    status: varchar("status", { length: 14, enum: CLAIM_STATUSES }).notNull(),
    dateOfLoss: calendarDate("date_of_loss").notNull(),
    reportedOn: calendarDate("reported_on").notNull(),
    lossType: varchar("loss_type", { length: 60 }).notNull(),
    assignedAdjusterId: ref("assigned_adjuster_id"),
    /** Sum of the per-type reserves below, kept with them in the same statement. */
    caseReserveCents: cents("case_reserve_cents").notNull().default(0),
    /** Sum of paid indemnity and paid expense. */
    paidCents: cents("paid_cents").notNull().default(0),
    /** "HH:MM" local to the loss location, when the reporter knows it. */
    timeOfLoss: varchar("time_of_loss", { length: 5 }),
    lossCause: varchar("loss_cause", { length: 120 }),
    lossState: varchar("loss_state", { length: 2 }),
    lossLocation: varchar("loss_location", { length: 200 }),
    description: varchar("description", { length: 4000 }),
    injuries: boolean("injuries").notNull().default(false),
    /** Police or fire report number. */
    authorityReport: varchar("authority_report", { length: 80 }),
    reporterName: varchar("reporter_name", { length: 120 }),
    reportedByUserId: ref("reported_by_user_id"),
    channel: varchar("channel", { length: 10, enum: CLAIM_CHANNELS }),
    coverageFlag: varchar("coverage_flag", { length: 40 }),
    indemnityReserveCents: cents("indemnity_reserve_cents").notNull().default(0),
    expenseReserveCents: cents("expense_reserve_cents").notNull().default(0),
    paidIndemnityCents: cents("paid_indemnity_cents").notNull().default(0),
    paidExpenseCents: cents("paid_expense_cents").notNull().default(0),
    recoveredCents: cents("recovered_cents").notNull().default(0),
    denialReason: varchar("denial_reason", { length: 1000 }),
    closingReason: varchar("closing_reason", { length: 200 }),
    closedAt: instant("closed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("claims_org_number_uq").on(t.orgId, t.claimNumber),
    // With the status, an adjuster's open claims (assignment's load, the dashboard) are counted in the index.
    index("claims_org_adjuster_idx").on(t.orgId, t.assignedAdjusterId, t.status),
    index("claims_org_policy_idx").on(t.orgId, t.policyId),
    index("claims_org_reported_idx").on(t.orgId, t.reportedOn, t.id),
    index("claims_org_status_idx").on(t.orgId, t.status),
    // The claims list's other sorts and its status filter (models/claim-book.server.ts).
    index("claims_org_status_reported_idx").on(t.orgId, t.status, t.reportedOn),
    index("claims_org_loss_idx").on(t.orgId, t.dateOfLoss),
    index("claims_org_reserve_idx").on(t.orgId, t.caseReserveCents),
    index("claims_org_paid_idx").on(t.orgId, t.paidCents),
  ],
);
