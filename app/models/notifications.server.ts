import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { notificationPreferences, notifications, user, type NotificationChannel } from "../../db/schema/index.ts";

// In-app notifications and each user's notification preferences, per organization.

type Db = Database | Transaction;

/** Stored preferences of some users for one event type. */
export function listPreferencesForEvent(db: Db, orgId: string, eventType: string, userIds: readonly string[]) {
  return db
    .select({
      userId: notificationPreferences.userId,
      eventType: notificationPreferences.eventType,
      channel: notificationPreferences.channel,
      enabled: notificationPreferences.enabled,
    })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.orgId, orgId),
        eq(notificationPreferences.eventType, eventType),
        inArray(notificationPreferences.userId, [...userIds]),
      ),
    );
}

/** The email addresses of users (a platform table: users are not an organization's rows). */
export function listUserEmails(db: Db, userIds: readonly string[]) {
  return db
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(inArray(user.id, [...userIds]));
}

/** Inserts a notification unless the user already has one for the event; true when inserted. */
export async function insertNotificationOnce(
  tx: Db,
  orgId: string,
  row: {
    id: string;
    userId: string;
    eventId: string;
    eventType: string;
    title: string;
    body: string;
    link: string | null;
    createdAt: Date;
  },
): Promise<boolean> {
  const inserted = await tx
    .insert(notifications)
    .ignore()
    .values({ ...row, orgId });
  return Number(inserted.rowsAffected) > 0;
}

export async function countUnreadNotifications(db: Db, orgId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count().mapWith(Number) })
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

export function listUserNotifications(db: Db, orgId: string, userId: string, limit: number) {
  return db
    .select({
      id: notifications.id,
      eventType: notifications.eventType,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function findUserNotification(db: Db, orgId: string, userId: string, notificationId: string) {
  const [row] = await db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), eq(notifications.id, notificationId)));
  return row ?? null;
}

export async function setNotificationRead(db: Db, orgId: string, userId: string, notificationId: string, readAt: Date) {
  await db
    .update(notifications)
    .set({ readAt })
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), eq(notifications.id, notificationId)));
}

export async function setAllNotificationsRead(db: Db, orgId: string, userId: string, readAt: Date) {
  await db
    .update(notifications)
    .set({ readAt })
    .where(and(eq(notifications.orgId, orgId), eq(notifications.userId, userId), isNull(notifications.readAt)));
}

export function listUserPreferences(db: Db, orgId: string, userId: string) {
  return db
    .select({
      eventType: notificationPreferences.eventType,
      channel: notificationPreferences.channel,
      enabled: notificationPreferences.enabled,
    })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, orgId), eq(notificationPreferences.userId, userId)));
}

export async function upsertUserPreferences(
  db: Db,
  orgId: string,
  userId: string,
  choices: readonly { eventType: string; channel: NotificationChannel; enabled: boolean }[],
  updatedAt: Date,
) {
  if (choices.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(choices.map((c) => ({ orgId, userId, ...c })))
    .onDuplicateKeyUpdate({ set: { enabled: sql`values(${sql.identifier("enabled")})`, updatedAt } });
}
