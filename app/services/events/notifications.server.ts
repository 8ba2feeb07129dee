import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { domainEventOnce, notificationPreferences, notifications, user, type NotificationChannel } from "../../../db/schema/index.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import { DOMAIN_EVENT_TYPES, EMAIL_BY_DEFAULT, isDomainEventType, type DomainEventMessage, type DomainEventType } from "./domain-event-types.ts";
import { queueEmail } from "./email.server.ts";
import type { NotificationDraft } from "./event-audience.server.ts";

export type PreferenceRow = { eventType: string; channel: NotificationChannel; enabled: boolean };

/** A missing preference means the default: in-app always, email for the types that need it. */
export function channelEnabled(preferences: readonly PreferenceRow[], eventType: string, channel: NotificationChannel): boolean {
  const chosen = preferences.find((p) => p.eventType === eventType && p.channel === channel);
  if (chosen) return chosen.enabled;
  return channel === "in_app" || (isDomainEventType(eventType) && EMAIL_BY_DEFAULT.has(eventType));
}

/** A notification as the bell and the live room show it. */
export type NotificationView = { id: string; title: string; body: string; link: string | null; createdAt: string };

/**
 * Creates each recipient's notification and queues their email, as their preferences say. The
 * notification's unique (event, user) key and the once-key of the email make a redelivered
 * event create nothing new. Returns the notifications created now, for live delivery.
 */
export async function notifyAudience(db: Database, appUrl: string, event: DomainEventMessage, drafts: readonly NotificationDraft[]) {
  if (drafts.length === 0) return [];
  const userIds = drafts.map((d) => d.userId);
  const [preferences, recipients] = await Promise.all([
    db
      .select({ userId: notificationPreferences.userId, eventType: notificationPreferences.eventType, channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.orgId, event.orgId), eq(notificationPreferences.eventType, event.type), inArray(notificationPreferences.userId, userIds))),
    db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.id, userIds)),
  ]);
  const created: { userId: string; notification: NotificationView }[] = [];
  for (const draft of drafts) {
    const mine = preferences.filter((p) => p.userId === draft.userId);
    const email = recipients.find((r) => r.id === draft.userId)?.email;
    const inApp = channelEnabled(mine, event.type, "in_app");
    const byEmail = !!email && channelEnabled(mine, event.type, "email");
    const fresh = await transactionWithRetry(db, async (tx) => {
      let notification: NotificationView | null = null;
      if (inApp) {
        const id = createId("ntf");
        const createdAt = new Date();
        const inserted = await tx
          .insert(notifications)
          .ignore()
          .values({ id, orgId: event.orgId, userId: draft.userId, eventId: event.id, eventType: event.type, title: draft.title, body: draft.body, link: draft.link, createdAt });
        if (Number(inserted.rowsAffected) > 0) notification = { id, title: draft.title, body: draft.body, link: draft.link, createdAt: createdAt.toISOString() };
      }
      if (byEmail) {
        const first = await tx.insert(domainEventOnce).ignore().values({ orgId: event.orgId, onceKey: `email:${event.id}:${draft.userId}`, eventId: event.id });
        if (Number(first.rowsAffected) > 0) {
          const link = draft.link ? `\n\n${new URL(draft.link, appUrl).toString()}` : "";
          await queueEmail(tx, { to: email, subject: draft.title, text: `${draft.body}${link}` });
        }
      }
      return notification;
    });
    if (fresh) created.push({ userId: draft.userId, notification: fresh });
  }
  return created;
}

export async function unreadNotificationCount(db: Database, orgId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count().mapWith(Number) })
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

export function listNotifications(db: Database, tenant: TenantContext, limit = 100) {
  return db
    .select({ id: notifications.id, eventType: notifications.eventType, title: notifications.title, body: notifications.body, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.orgId, tenant.orgId), eq(notifications.userId, tenant.userId)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function markNotificationRead(db: Database, tenant: TenantContext, notificationId: string): Promise<boolean> {
  const [row] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.orgId, tenant.orgId), eq(notifications.userId, tenant.userId), eq(notifications.id, notificationId)));
  if (!row) return false;
  if (!row.readAt) {
    await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.orgId, tenant.orgId), eq(notifications.userId, tenant.userId), eq(notifications.id, notificationId)));
  }
  return true;
}

export async function markAllNotificationsRead(db: Database, tenant: TenantContext) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.orgId, tenant.orgId), eq(notifications.userId, tenant.userId), isNull(notifications.readAt)));
}

/** Every event type and channel with the user's current choice (or the default). */
export async function loadNotificationPreferences(db: Database, tenant: TenantContext) {
  const rows = await db
    .select({ eventType: notificationPreferences.eventType, channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, tenant.orgId), eq(notificationPreferences.userId, tenant.userId)));
  return DOMAIN_EVENT_TYPES.map((eventType) => ({ eventType, inApp: channelEnabled(rows, eventType, "in_app"), email: channelEnabled(rows, eventType, "email") }));
}

export async function saveNotificationPreferences(db: Database, tenant: TenantContext, choices: readonly { eventType: DomainEventType; inApp: boolean; email: boolean }[]) {
  const rows = choices.flatMap((c) => [
    { orgId: tenant.orgId, userId: tenant.userId, eventType: c.eventType, channel: "in_app" as const, enabled: c.inApp },
    { orgId: tenant.orgId, userId: tenant.userId, eventType: c.eventType, channel: "email" as const, enabled: c.email },
  ]);
  if (rows.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(rows)
    .onDuplicateKeyUpdate({ set: { enabled: sql`values(${sql.identifier("enabled")})`, updatedAt: new Date() } });
}
