import { decimal, index, int, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { cents, createdAt, id, instant, orgId, ref } from "./columns.ts";

/** An organization's book on the ledger: its ledger number and how premium is split. */
export const ledgerBooks = mysqlTable("ledger_books", {
  orgId: orgId().primaryKey(),
  /** TigerBeetle ledger number (u32) of the org's USD book, derived from the org id. */
  ledger: int("ledger", { unsigned: true }).notNull(),
  /** The MGA's own commission on premium, beside the producer's (the agency's rate). */
  mgaCommissionRate: decimal("mga_commission_rate", { precision: 6, scale: 4 }).notNull(),
  /** Set once the nine accounts exist on the ledger. */
  provisionedAt: instant("provisioned_at"),
});

/**
 * `credit`: a credit balance of the policy applied to the invoice: a return-premium credit posts
 * its allocation (codes 170/171, ADR 030), an overpayment's posts nothing (its money was
 * allocated when it came in). `agency`: paid by the agency's receipt against its agency-bill
 * statement (ADR 024).
 */
export const PAYMENT_METHODS = ["test_card", "check", "ach", "wire", "credit", "agency"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Money received against an invoice. Its ledger posting has the same id. */
export const payments = mysqlTable(
  "payments",
  {
    id: id(),
    orgId: orgId(),
    invoiceId: ref("invoice_id").notNull(),
    policyId: ref("policy_id").notNull(),
    amountCents: cents("amount_cents").notNull(),
    method: varchar("method", { length: 12, enum: PAYMENT_METHODS }).notNull(),
    /** Check number, card's last four digits, bank reference. */
    reference: varchar("reference", { length: 60 }),
    receivedByUserId: ref("received_by_user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("payments_org_invoice_idx").on(t.orgId, t.invoiceId),
    index("payments_org_policy_idx").on(t.orgId, t.policyId),
  ],
);

export const POSTING_KINDS = [
  "premium_payment",
  "carrier_settlement",
  "claim_transaction",
  "premium_return",
  "return_reversal",
  "payment_returned",
  "premium_refund",
  "commission_payout",
  "tax_remittance",
  "credit_applied",
] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];
export const POSTING_STATUSES = ["awaiting_posting", "posted", "rejected"] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/**
 * One business event's linked chain of transfers: the outbox of the ledger. Written with its
 * entries (and their transfer ids) in the transaction of the event, then submitted; until the
 * ledger has acknowledged it, it waits as `awaiting_posting` for the retry job.
 */
export const ledgerPostings = mysqlTable(
  "ledger_postings",
  {
    id: id(),
    orgId: orgId(),
    kind: varchar("kind", { length: 20, enum: POSTING_KINDS }).notNull(),
    status: varchar("status", { length: 20, enum: POSTING_STATUSES }).notNull(),
    policyId: ref("policy_id"),
    invoiceId: ref("invoice_id"),
    claimId: ref("claim_id"),
    description: varchar("description", { length: 200 }).notNull(),
    attempts: int("attempts").notNull().default(0),
    lastError: varchar("last_error", { length: 500 }),
    createdAt: createdAt(),
    postedAt: instant("posted_at"),
  },
  (t) => [
    index("ledger_postings_status_idx").on(t.status, t.createdAt),
    index("ledger_postings_org_idx").on(t.orgId, t.createdAt),
  ],
);

/** One transfer of a posting's chain, with the id it has (or will have) on the ledger. */
export const ledgerEntries = mysqlTable(
  "ledger_entries",
  {
    /** The TigerBeetle transfer id: a u128 as a decimal string. */
    transferId: varchar("transfer_id", { length: 39 }).primaryKey(),
    orgId: orgId(),
    postingId: ref("posting_id").notNull(),
    position: int("position").notNull(),
    leg: varchar("leg", { length: 30 }).notNull(),
    /** Account type codes (1-9, DOMAIN.md); the org's account ids follow from them. */
    debitAccount: int("debit_account").notNull(),
    creditAccount: int("credit_account").notNull(),
    amountCents: cents("amount_cents").notNull(),
    transferCode: int("transfer_code").notNull(),
  },
  (t) => [uniqueIndex("ledger_entries_org_posting_position_uq").on(t.orgId, t.postingId, t.position)],
);
