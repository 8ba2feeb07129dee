import { index, int, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref } from "./columns.ts";

export const INVOICE_STATUSES = ["pending", "invoiced", "paid", "overdue", "waived"] as const;
export const INSTALLMENT_STATUSES = INVOICE_STATUSES;

export const invoices = mysqlTable(
  "invoices",
  {
    id: id(),
    orgId: orgId(),
    invoiceNumber: varchar("invoice_number", { length: 30 }).notNull(),
    policyId: ref("policy_id").notNull(),
    dueDate: calendarDate("due_date").notNull(),
    amountCents: cents("amount_cents").notNull(),
    status: varchar("status", { length: 10, enum: INVOICE_STATUSES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invoices_org_number_uq").on(t.orgId, t.invoiceNumber),
    index("invoices_org_due_idx").on(t.orgId, t.status, t.dueDate),
    index("invoices_org_policy_idx").on(t.orgId, t.policyId),
  ],
);

/** The billing schedule of a policy: one row per installment of its plan. */
export const installments = mysqlTable(
  "installments",
  {
    id: id(),
    orgId: orgId(),
    policyId: ref("policy_id").notNull(),
    number: int("number").notNull(),
    dueDate: calendarDate("due_date").notNull(),
    shareCents: cents("share_cents").notNull(),
    feeCents: cents("fee_cents").notNull(),
    amountCents: cents("amount_cents").notNull(),
    status: varchar("status", { length: 10, enum: INSTALLMENT_STATUSES }).notNull(),
    invoiceId: ref("invoice_id"),
  },
  (t) => [
    uniqueIndex("installments_org_policy_number_uq").on(t.orgId, t.policyId, t.number),
    index("installments_org_due_idx").on(t.orgId, t.status, t.dueDate),
    // A payment finds the installment its invoice bills, and the billing run moves them together.
    index("installments_org_invoice_idx").on(t.orgId, t.invoiceId),
  ],
);

export const POLICY_CREDIT_SOURCES = ["return_premium", "overpayment"] as const;
export const POLICY_CREDIT_STATUSES = ["open", "applied", "refunded"] as const;

/**
 * Money the MGA owes back on a policy: return premium from a cancellation or endorsement, or an
 * overpayment. It is applied to the next invoice or refunded; `remainingCents` is what is left.
 */
export const policyCredits = mysqlTable(
  "policy_credits",
  {
    id: id(),
    orgId: orgId(),
    policyId: ref("policy_id").notNull(),
    source: varchar("source", { length: 14, enum: POLICY_CREDIT_SOURCES }).notNull(),
    /** The policy transaction or payment the credit arose from. */
    sourceId: ref("source_id").notNull(),
    amountCents: cents("amount_cents").notNull(),
    remainingCents: cents("remaining_cents").notNull(),
    status: varchar("status", { length: 10, enum: POLICY_CREDIT_STATUSES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("policy_credits_org_source_uq").on(t.orgId, t.source, t.sourceId),
    index("policy_credits_org_policy_idx").on(t.orgId, t.policyId),
  ],
);
