import { boolean, index, int, json, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, orgId, ref } from "./columns.ts";

export const QUOTE_STATUSES = ["active", "superseded", "bound"] as const;

/** A DA check that failed at quote time: the premium is shown but bind is blocked. */
export type DaFlag = { check: string; code: string; detail: string };

/** One rating of a submission, pinned to the rate and tax table versions it used. */
export const quotes = mysqlTable(
  "quotes",
  {
    id: id(),
    orgId: orgId(),
    submissionId: ref("submission_id").notNull(),
    rateTableId: ref("rate_table_id").notNull(),
    rateTableVersion: varchar("rate_table_version", { length: 30 }).notNull(),
    taxTableId: ref("tax_table_id").notNull(),
    status: varchar("status", { length: 12, enum: QUOTE_STATUSES }).notNull(),
    /** Last calendar day on which the quote may be bound. */
    expiresOn: calendarDate("expires_on").notNull(),
    daFlags: json("da_flags").$type<DaFlag[]>().notNull(),
    /** The underwriter's schedule credits and debits this quote was rated with; null when none. */
    schedule: json("schedule").$type<{ factor: string; reason: string }[]>(),
    createdByUserId: ref("created_by_user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("quotes_org_submission_idx").on(t.orgId, t.submissionId, t.createdAt)],
);

/** A priced alternative of a quote (limit and deductible tier) with its full rating trail. */
export const quoteOptions = mysqlTable(
  "quote_options",
  {
    id: id(),
    orgId: orgId(),
    quoteId: ref("quote_id").notNull(),
    position: int("position").notNull(),
    occurrenceLimitCents: cents("occurrence_limit_cents").notNull(),
    aggregateLimitCents: cents("aggregate_limit_cents").notNull(),
    deductibleCents: cents("deductible_cents").notNull(),
    grossPremiumCents: cents("gross_premium_cents").notNull(),
    feesCents: cents("fees_cents").notNull(),
    taxesCents: cents("taxes_cents").notNull(),
    totalDueCents: cents("total_due_cents").notNull(),
    /** The engine's RatedQuote: every step, fee and tax line, as recorded. Never edited. */
    rating: json("rating").$type<Record<string, unknown>>().notNull(),
    withinAuthority: boolean("within_authority").notNull(),
  },
  (t) => [index("quote_options_org_quote_idx").on(t.orgId, t.quoteId, t.position)],
);
