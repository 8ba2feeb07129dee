import { index, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref } from "./columns.ts";

export const INVOICE_STATUSES = ["pending", "invoiced", "paid", "overdue", "waived"] as const;

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
