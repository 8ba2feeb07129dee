import { index, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref, updatedAt } from "./columns.ts";

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
    caseReserveCents: cents("case_reserve_cents").notNull().default(0),
    paidCents: cents("paid_cents").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("claims_org_number_uq").on(t.orgId, t.claimNumber),
    index("claims_org_adjuster_idx").on(t.orgId, t.assignedAdjusterId),
    index("claims_org_policy_idx").on(t.orgId, t.policyId),
  ],
);
