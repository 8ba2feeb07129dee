import { boolean, index, int, json, mysqlTable, primaryKey, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, instant, orgId, ref, updatedAt } from "./columns.ts";

export const NOTIFICATION_CHANNELS = ["in_app", "email"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** One per recipient per domain event: the unique key is what makes a redelivered event harmless. */
export const notifications = mysqlTable(
  "notifications",
  {
    id: id(),
    orgId: orgId(),
    userId: ref("user_id").notNull(),
    eventId: ref("event_id").notNull(),
    eventType: varchar("event_type", { length: 40 }).notNull(),
    title: varchar("title", { length: 200 }).notNull(),
    body: text("body").notNull(),
    link: varchar("link", { length: 300 }),
    readAt: instant("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_event_user_uq").on(t.eventId, t.userId),
    index("notifications_org_user_read_idx").on(t.orgId, t.userId, t.readAt, t.createdAt),
  ],
);

/** A user's choice per event type and channel; a missing row means the type's default. */
export const notificationPreferences = mysqlTable(
  "notification_preferences",
  {
    orgId: orgId(),
    userId: ref("user_id").notNull(),
    eventType: varchar("event_type", { length: 40 }).notNull(),
    channel: varchar("channel", { length: 10, enum: NOTIFICATION_CHANNELS }).notNull(),
    enabled: boolean("enabled").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.eventType, t.channel] })],
);

/** Marks an event that must be raised once only (an invoice falling due), keyed by its subject. */
export const domainEventOnce = mysqlTable(
  "domain_event_once",
  {
    orgId: orgId(),
    onceKey: varchar("once_key", { length: 120 }).notNull(),
    eventId: ref("event_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.onceKey] })],
);

/** Queue messages whose consumer kept failing: kept for the admins to inspect and replay. */
export const deadLetterEvents = mysqlTable(
  "dead_letter_events",
  {
    id: id(),
    orgId: orgId(),
    eventId: ref("event_id").notNull(),
    eventType: varchar("event_type", { length: 40 }).notNull(),
    attempts: int("attempts").notNull(),
    receivedAt: instant("received_at")
      .notNull()
      .$defaultFn(() => new Date()),
    replayedAt: instant("replayed_at"),
  },
  (t) => [index("dead_letter_events_org_received_idx").on(t.orgId, t.receivedAt)],
);

export const WEBHOOK_ENDPOINT_STATUSES = ["active", "disabled"] as const;

export const webhookEndpoints = mysqlTable(
  "webhook_endpoints",
  {
    id: id(),
    orgId: orgId(),
    url: varchar("url", { length: 500 }).notNull(),
    /** The signing secret, sealed (app/utils/secret-box.ts); shown to the admin once, at creation. */
    sealedSecret: varchar("sealed_secret", { length: 255 }).notNull(),
    eventTypes: json("event_types").$type<string[]>().notNull(),
    status: varchar("status", { length: 10, enum: WEBHOOK_ENDPOINT_STATUSES }).notNull().default("active"),
    consecutiveFailures: int("consecutive_failures").notNull().default(0),
    disabledAt: instant("disabled_at"),
    createdByUserId: ref("created_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_org_idx").on(t.orgId, t.status)],
);

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

/** One per endpoint per event (unique), with its retry state; attempts are logged below. */
export const webhookDeliveries = mysqlTable(
  "webhook_deliveries",
  {
    id: id(),
    orgId: orgId(),
    endpointId: ref("endpoint_id").notNull(),
    eventId: ref("event_id").notNull(),
    eventType: varchar("event_type", { length: 40 }).notNull(),
    /** The exact JSON body sent, so every retry and replay signs and sends the same bytes. */
    body: text("body").notNull(),
    status: varchar("status", { length: 10, enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: int("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at"),
    lastStatusCode: int("last_status_code"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_event_uq").on(t.endpointId, t.eventId),
    index("webhook_deliveries_org_endpoint_idx").on(t.orgId, t.endpointId, t.createdAt),
    // The retry sweep looks across organizations.
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

export const webhookDeliveryAttempts = mysqlTable(
  "webhook_delivery_attempts",
  {
    id: id(),
    orgId: orgId(),
    deliveryId: ref("delivery_id").notNull(),
    attempt: int("attempt").notNull(),
    statusCode: int("status_code"),
    error: varchar("error", { length: 500 }),
    durationMs: int("duration_ms").notNull(),
    attemptedAt: instant("attempted_at").notNull(),
  },
  (t) => [index("webhook_delivery_attempts_org_delivery_idx").on(t.orgId, t.deliveryId, t.attempt)],
);
