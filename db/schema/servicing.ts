import { index, json, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref } from "./columns.ts";

// Policy servicing after bind (issue 12, ADR 017): notices that end a policy at a future date.

// `request`: a producer's or policyholder's change or cancellation waiting for an underwriter.
export const POLICY_NOTICE_KINDS = ["cancellation", "non_payment", "non_renewal", "request"] as const;
export type PolicyNoticeKind = (typeof POLICY_NOTICE_KINDS)[number];
export const POLICY_NOTICE_STATUSES = ["pending", "executed", "rescinded"] as const;
export type PolicyNoticeStatus = (typeof POLICY_NOTICE_STATUSES)[number];

/**
 * A notice of cancellation or non-renewal: issued on one date, effective on a later one, executed
 * by the daily lifecycle job when that date comes (or rescinded first: the overdue premium was
 * paid). A non-payment notice names the invoice it is for, once per invoice.
 */
export const policyNotices = mysqlTable(
  "policy_notices",
  {
    id: id(),
    orgId: orgId(),
    policyId: ref("policy_id").notNull(),
    kind: varchar("kind", { length: 12, enum: POLICY_NOTICE_KINDS }).notNull(),
    /** A cancellation reason code, or a non-renewal reason code. */
    reason: varchar("reason", { length: 30 }).notNull(),
    /** The overdue invoice a non-payment notice is about. */
    invoiceId: ref("invoice_id"),
    overdueCents: cents("overdue_cents"),
    issuedOn: calendarDate("issued_on").notNull(),
    effectiveOn: calendarDate("effective_on").notNull(),
    status: varchar("status", { length: 10, enum: POLICY_NOTICE_STATUSES }).notNull(),
    /** The cancellation transaction written when the notice took effect. */
    transactionId: ref("transaction_id"),
    documentKey: varchar("document_key", { length: 200 }),
    details: json("details").$type<Record<string, unknown>>(),
    createdByUserId: ref("created_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("policy_notices_org_policy_idx").on(t.orgId, t.policyId),
    index("policy_notices_status_idx").on(t.status, t.effectiveOn),
    uniqueIndex("policy_notices_org_invoice_uq").on(t.orgId, t.invoiceId),
  ],
);
