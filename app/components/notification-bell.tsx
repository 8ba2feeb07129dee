import { Bell } from "@phosphor-icons/react";
import PartySocket from "partysocket";
import { useEffect, useState } from "react";
import { Link, useRevalidator } from "react-router";
import { NOTIFICATIONS_PARTY, type LiveUpdate } from "../services/events/live-notifications.ts";
import { cx } from "./ui.tsx";

export type BellData = { unread: number; room: string | null };

/**
 * The unread count from the loader, replaced live by the count the user's notification room
 * pushes. Every new loader result (after mark read, navigation) takes over again.
 */
export function NotificationBell({ bell }: { bell: BellData }) {
  const [liveUnread, setLiveUnread] = useState<number | null>(null);
  const [connected, setConnected] = useState(false);
  const { revalidate } = useRevalidator();
  // biome-ignore lint/correctness/useExhaustiveDependencies: fresh loader data replaces the live count
  useEffect(() => setLiveUnread(null), [bell]);

  useEffect(() => {
    if (!bell.room) return;
    let opened = 0;
    const socket = new PartySocket({
      host: window.location.host,
      party: NOTIFICATIONS_PARTY,
      room: bell.room,
      // A fresh short-lived token for every (re)connection.
      query: async () => {
        const response = await fetch("/notifications/room-token");
        if (!response.ok) throw new Error(`room token refused: ${response.status}`);
        return { token: ((await response.json()) as { token: string }).token };
      },
    });
    socket.addEventListener("open", () => {
      setConnected(true);
      // After a reconnect, what arrived while the socket was down is in the database.
      if (opened++ > 0) void revalidate();
    });
    socket.addEventListener("close", () => setConnected(false));
    socket.addEventListener("message", (event: MessageEvent<string>) => {
      const update = JSON.parse(event.data) as LiveUpdate | { type: "error" };
      if (update.type === "notification") setLiveUnread(update.unread);
    });
    return () => socket.close();
  }, [bell.room, revalidate]);

  const unread = liveUnread ?? bell.unread;
  return (
    <Link
      to="/notifications"
      className="relative inline-flex rounded-md p-1 text-text-muted hover:bg-surface-muted"
      aria-label={`Notifications: ${unread} unread`}
      data-live={connected ? "connected" : "offline"}
    >
      <Bell size={20} aria-hidden />
      <span
        className={cx(
          "absolute -top-1 -right-1 min-w-5 rounded-full px-1 text-center text-xs font-semibold",
          unread > 0 ? "bg-danger-solid text-white" : "hidden",
        )}
      >
        {unread}
      </span>
    </Link>
  );
}
