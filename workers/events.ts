import { getServerByName, type Lobby } from "partyserver";
import { servicesFor } from "../app/context.server.ts";
import type { DeliveryDeps } from "../app/services/events/event-delivery.server.ts";
import { notificationRoomName } from "../app/services/events/live-notifications.ts";
import { verifyRoomPass } from "../app/services/realtime/room-pass.ts";
import { liveWebhookSender } from "../app/services/events/webhooks.server.ts";

export const DEAD_LETTER_QUEUE = "openinsure-domain-events-dlq";

/** What the event consumer needs from the Worker: the database, the webhook sender and the rooms. */
export function deliveryDepsFor(env: Env): DeliveryDeps {
  return {
    db: servicesFor(env).db,
    appUrl: env.APP_URL,
    webhooks: liveWebhookSender(env.BETTER_AUTH_SECRET, { allowLocal: servicesFor(env).isDevelopment }),
    pushLive: async (orgId, userId, update) => {
      const room = await getServerByName(env.UserNotifications, notificationRoomName(orgId, userId));
      await room.push(update);
    },
  };
}

/** A socket joins a notification room only with a fresh token the app issued for that room. */
export async function authorizeRoomConnection(
  request: Request,
  lobby: Lobby<Env>,
  env: Env,
): Promise<Response | undefined> {
  if (lobby.className !== "UserNotifications") return new Response("Unknown room", { status: 404 });
  const token = new URL(request.url).searchParams.get("token");
  if (!(await verifyRoomPass(env.BETTER_AUTH_SECRET, "notifications", token, lobby.name)).ok) {
    return new Response("Not allowed to join this room", { status: 403 });
  }
}
