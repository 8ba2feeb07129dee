import { char, index, int, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { cents, createdAt, id, instant, orgId, ref } from "./columns.ts";

// Money after bind (ADR 018): returned payments, and the month's statements paid out of the
// premium trust account. A statement's figures are those of the policy transactions booked in
// its period (a calendar month of `booked_on`, "YYYY-MM"); paying it posts one transfer.

/** A payment the bank returned (NSF, stopped): its reversal posting has this row's id. */
export const paymentReturns = mysqlTable(
  "payment_returns",
  {
    id: id(),
    orgId: orgId(),
    paymentId: ref("payment_id").notNull(),
    reason: varchar("reason", { length: 200 }).notNull(),
    recordedByUserId: ref("recorded_by_user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("payment_returns_org_payment_uq").on(t.orgId, t.paymentId)],
);

export const STATEMENT_STATUSES = ["draft", "approved", "paid"] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** One agency's producer commission for one month: every transaction booked in it. */
export const commissionStatements = mysqlTable(
  "commission_statements",
  {
    id: id(),
    orgId: orgId(),
    agencyId: ref("agency_id").notNull(),
    period: char("period", { length: 7 }).notNull(),
    transactionCount: int("transaction_count").notNull(),
    premiumCents: cents("premium_cents").notNull(),
    commissionCents: cents("commission_cents").notNull(),
    status: varchar("status", { length: 10, enum: STATEMENT_STATUSES }).notNull(),
    approvedByUserId: ref("approved_by_user_id"),
    approvedAt: instant("approved_at"),
    /** The payout posting, written when finance pays the approved statement. */
    payoutPostingId: ref("payout_posting_id"),
    paidAt: instant("paid_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commission_statements_org_agency_period_uq").on(t.orgId, t.agencyId, t.period),
    index("commission_statements_org_period_idx").on(t.orgId, t.period),
  ],
);

/** One carrier's premium for one month, net of commission, fees and taxes: what it is remitted. */
export const carrierStatements = mysqlTable(
  "carrier_statements",
  {
    id: id(),
    orgId: orgId(),
    carrierId: ref("carrier_id").notNull(),
    period: char("period", { length: 7 }).notNull(),
    transactionCount: int("transaction_count").notNull(),
    grossCents: cents("gross_cents").notNull(),
    commissionCents: cents("commission_cents").notNull(),
    feesCents: cents("fees_cents").notNull(),
    taxesCents: cents("taxes_cents").notNull(),
    netCents: cents("net_cents").notNull(),
    settlementPostingId: ref("settlement_posting_id"),
    settledAt: instant("settled_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("carrier_statements_org_carrier_period_uq").on(t.orgId, t.carrierId, t.period)],
);

/** Premium tax and stamping fees remitted to one state for one month. */
export const taxRemittances = mysqlTable(
  "tax_remittances",
  {
    id: id(),
    orgId: orgId(),
    state: char("state", { length: 2 }).notNull(),
    period: char("period", { length: 7 }).notNull(),
    amountCents: cents("amount_cents").notNull(),
    recordedByUserId: ref("recorded_by_user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tax_remittances_org_state_period_uq").on(t.orgId, t.state, t.period)],
);
