import {
  bigint,
  index,
  int,
  json,
  mysqlTable,
  primaryKey,
  text,
  tinyint,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { createdAt, id, instant, orgId, ref } from "./columns.ts";

/** A delivery run takes the lowest number first: mail someone is waiting for, then notifications. */
export const EMAIL_PRIORITY = { transactional: 0, notification: 1 } as const;
export type EmailPriority = keyof typeof EMAIL_PRIORITY;

/** Every outgoing email is written here first; a transport (or the dev mailbox page) reads it. */
export const emailOutbox = mysqlTable(
  "email_outbox",
  {
    id: id(),
    toAddress: varchar("to_address", { length: 255 }).notNull(),
    subject: varchar("subject", { length: 300 }).notNull(),
    textBody: text("text_body").notNull(),
    /** Mail someone is waiting for (password resets, invitations) goes out before notifications. */
    priority: tinyint("priority").notNull().default(EMAIL_PRIORITY.notification),
    status: varchar("status", { length: 20, enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: int("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    claimedAt: instant("claimed_at"),
    sentAt: instant("sent_at"),
  },
  (t) => [index("email_outbox_status_idx").on(t.status, t.priority, t.createdAt)],
);

/** Fixed-window counters shared by every Worker isolate (sign-in throttling). */
export const rateLimitCounter = mysqlTable(
  "rate_limit_counter",
  {
    bucket: varchar("bucket", { length: 300 }).notNull(),
    windowStart: instant("window_start").notNull(),
    hits: int("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket] })],
);

export const auditLog = mysqlTable(
  "audit_log",
  {
    id: id(),
    orgId: orgId(),
    actorUserId: ref("actor_user_id"),
    actorEmail: varchar("actor_email", { length: 255 }),
    action: varchar("action", { length: 60 }).notNull(),
    targetType: varchar("target_type", { length: 60 }),
    targetId: varchar("target_id", { length: 64 }),
    detail: json("detail").$type<Record<string, unknown>>(),
    ipAddress: varchar("ip_address", { length: 64 }),
    createdAt: createdAt(),
    /** Position in the organization's chain (audit_chain_heads), 1 for the first row. */
    chainSequence: bigint("chain_sequence", { mode: "number" }),
    previousHash: varchar("previous_hash", { length: 64 }),
    hash: varchar("hash", { length: 64 }),
  },
  (t) => [
    index("audit_log_org_created_idx").on(t.orgId, t.createdAt),
    uniqueIndex("audit_log_org_chain_uq").on(t.orgId, t.chainSequence),
  ],
);

/**
 * Domain events written in the same transaction as the change they describe (the outbox
 * pattern); a publisher delivers them to notifications and webhooks after commit.
 */
export const outboxEvents = mysqlTable(
  "outbox_events",
  {
    id: id(),
    orgId: orgId(),
    type: varchar("type", { length: 40 }).notNull(),
    payload: json("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    publishedAt: instant("published_at"),
  },
  (t) => [
    index("outbox_events_org_published_idx").on(t.orgId, t.publishedAt, t.createdAt),
    // The publisher drains every organization's unpublished rows, oldest first.
    index("outbox_events_unpublished_idx").on(t.publishedAt, t.createdAt),
  ],
);
