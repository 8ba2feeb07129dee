// What the per-user notification room sends to the browser. Shared by the room and the bell.

export const NOTIFICATIONS_PARTY = "user-notifications";

export type LiveNotification = { id: string; title: string; body: string; link: string | null; createdAt: string };
export type LiveUpdate = { type: "notification"; unread: number; notification: LiveNotification };

/** One room per user per organization: the bell counts the active organization's notifications. */
export function notificationRoomName(orgId: string, userId: string): string {
  return `${orgId}.${userId}`;
}
