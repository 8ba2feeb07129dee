import type { Route } from "./+types/room-token";
import { requireTenant } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { NOTIFICATIONS_PARTY, notificationRoomName } from "../../services/events/live-notifications.ts";
import { issueRoomToken } from "../../services/realtime/room-token.server.ts";

/** A short-lived token for the signed-in user's own notification room, and no other. */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requireTenant(args);
  const { env } = appServices(args.context);
  const room = notificationRoomName(tenant.orgId, tenant.userId);
  const token = await issueRoomToken(env.BETTER_AUTH_SECRET, NOTIFICATIONS_PARTY, room, new Date());
  return Response.json({ room, token }, { headers: { "Cache-Control": "no-store" } });
}
