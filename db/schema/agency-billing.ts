import { char, index, int, mysqlTable, primaryKey, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { cents, createdAt, id, instant, orgId, ref } from "./columns.ts";

// Agency bill (ADR 024): the agency collects the premium of the policies it bills and remits it,
// net of its commission, against a monthly statement of their invoices due in the month.

export const BILLING_METHODS = ["direct", "agency"] as const;
export type BillingMethod = (typeof BILLING_METHODS)[number];

export const AGENCY_STATEMENT_STATUSES = ["open", "received"] as const;
export type AgencyStatementStatus = (typeof AGENCY_STATEMENT_STATUSES)[number];

/** What one agency owes for one month: its agency-billed invoices due in it, less its commission. */
export const agencyStatements = mysqlTable(
  "agency_statements",
  {
    id: id(),
    orgId: orgId(),
    agencyId: ref("agency_id").notNull(),
    period: char("period", { length: 7 }).notNull(),
    invoiceCount: int("invoice_count").notNull(),
    grossCents: cents("gross_cents").notNull(),
    commissionCents: cents("commission_cents").notNull(),
    netCents: cents("net_cents").notNull(),
    status: varchar("status", { length: 10, enum: AGENCY_STATEMENT_STATUSES }).notNull(),
    receivedByUserId: ref("received_by_user_id"),
    receivedAt: instant("received_at"),
    /** The agency's check or wire reference. */
    reference: varchar("reference", { length: 60 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("agency_statements_org_agency_period_uq").on(t.orgId, t.agencyId, t.period),
    index("agency_statements_org_period_idx").on(t.orgId, t.period),
  ],
);

/**
 * One invoice on an agency statement, with the commission the agency keeps of it: the policy's
 * cumulative share at the invoice's end less its share before (ADR 018), so the receipt's
 * allocation nets exactly this.
 */
export const agencyStatementItems = mysqlTable(
  "agency_statement_items",
  {
    orgId: orgId(),
    statementId: ref("statement_id").notNull(),
    invoiceId: ref("invoice_id").notNull(),
    policyId: ref("policy_id").notNull(),
    grossCents: cents("gross_cents").notNull(),
    commissionCents: cents("commission_cents").notNull(),
    /** The payment the agency's receipt wrote for this invoice. */
    paymentId: ref("payment_id"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.statementId, t.invoiceId] }),
    uniqueIndex("agency_statement_items_org_invoice_uq").on(t.orgId, t.invoiceId),
  ],
);
