import type { Database } from "../../../db/client.ts";
import type { NotificationChannel } from "../../../db/schema/index.ts";
import { claimOnceKey } from "../../models/outbox-events.server.ts";
import {
  countUnreadNotifications,
  findUserNotification,
  insertNotificationOnce,
  listPreferencesForEvent,
  listUserEmails,
  listUserNotifications,
  listUserPreferences,
  setAllNotificationsRead,
  setNotificationRead,
  upsertUserPreferences,
} from "../../models/notifications.server.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import {
  DOMAIN_EVENT_TYPES,
  EMAIL_BY_DEFAULT,
  isDomainEventType,
  type DomainEventMessage,
  type DomainEventType,
} from "./domain-event-types.ts";
import { queueEmail } from "./email.server.ts";
import type { NotificationDraft } from "./event-audience.server.ts";

export type PreferenceRow = { eventType: string; channel: NotificationChannel; enabled: boolean };

/** A missing preference means the default: in-app always, email for the types that need it. */
export function channelEnabled(
  preferences: readonly PreferenceRow[],
  eventType: string,
  channel: NotificationChannel,
): boolean {
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
export async function notifyAudience(
  db: Database,
  appUrl: string,
  event: DomainEventMessage,
  drafts: readonly NotificationDraft[],
) {
  if (drafts.length === 0) return [];
  const userIds = drafts.map((d) => d.userId);
  const [preferences, recipients] = await Promise.all([
    listPreferencesForEvent(db, event.orgId, event.type, userIds),
    listUserEmails(db, userIds),
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
        const row = {
          id,
          userId: draft.userId,
          eventId: event.id,
          eventType: event.type,
          title: draft.title,
          body: draft.body,
          link: draft.link,
          createdAt,
        };
        if (await insertNotificationOnce(tx, event.orgId, row))
          notification = {
            id,
            title: draft.title,
            body: draft.body,
            link: draft.link,
            createdAt: createdAt.toISOString(),
          };
      }
      if (byEmail) {
        if (await claimOnceKey(tx, event.orgId, `email:${event.id}:${draft.userId}`, event.id)) {
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

export function unreadNotificationCount(db: Database, orgId: string, userId: string): Promise<number> {
  return countUnreadNotifications(db, orgId, userId);
}

export function listNotifications(db: Database, tenant: TenantContext, limit = 100) {
  return listUserNotifications(db, tenant.orgId, tenant.userId, limit);
}

export async function markNotificationRead(
  db: Database,
  tenant: TenantContext,
  notificationId: string,
): Promise<boolean> {
  const row = await findUserNotification(db, tenant.orgId, tenant.userId, notificationId);
  if (!row) return false;
  if (!row.readAt) await setNotificationRead(db, tenant.orgId, tenant.userId, notificationId, new Date());
  return true;
}

export async function markAllNotificationsRead(db: Database, tenant: TenantContext) {
  await setAllNotificationsRead(db, tenant.orgId, tenant.userId, new Date());
}

/** Every event type and channel with the user's current choice (or the default). */
export async function loadNotificationPreferences(db: Database, tenant: TenantContext) {
  const rows = await listUserPreferences(db, tenant.orgId, tenant.userId);
  return DOMAIN_EVENT_TYPES.map((eventType) => ({
    eventType,
    inApp: channelEnabled(rows, eventType, "in_app"),
    email: channelEnabled(rows, eventType, "email"),
  }));
}

export async function saveNotificationPreferences(
  db: Database,
  tenant: TenantContext,
  choices: readonly { eventType: DomainEventType; inApp: boolean; email: boolean }[],
) {
  const rows = choices.flatMap((c) => [
    { eventType: c.eventType, channel: "in_app" as const, enabled: c.inApp },
    { eventType: c.eventType, channel: "email" as const, enabled: c.email },
  ]);
  await upsertUserPreferences(db, tenant.orgId, tenant.userId, rows, new Date());
}
