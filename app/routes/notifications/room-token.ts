import type { Route } from "./+types/room-token";
import { requireTenant } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { notificationRoomName } from "../../services/events/live-notifications.ts";
import { issueRoomPass } from "../../services/realtime/room-pass.ts";

/** A short-lived token for the signed-in user's own notification room, and no other. */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requireTenant(args);
  const { env } = appServices(args.context);
  const room = notificationRoomName(tenant.orgId, tenant.userId);
  const token = await issueRoomPass(env.BETTER_AUTH_SECRET, "notifications", {
    roomName: room,
    userId: tenant.userId,
    orgId: tenant.orgId,
  });
  return Response.json({ room, token }, { headers: { "Cache-Control": "no-store" } });
}
