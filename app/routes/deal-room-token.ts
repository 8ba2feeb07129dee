import type { Route } from "./+types/deal-room-token";
import { forbidden, requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { findPlaceInRoom, getDealRoom } from "../models/deal-rooms.server.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { dealRoomName, issueRoomPass } from "../services/realtime/room-pass.ts";

// A room's page asks here for a pass each time its socket (re)connects: the pass lives a minute,
// the session cookie never reaches the room.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:deal-room");
  const { db, env } = appServices(args.context);
  const room = await getDealRoom(db, user.tenant, args.params.dealRoomId);
  invariantResponse(room, "Deal room not found");
  const place = await findPlaceInRoom(db, user.tenant.orgId, room.submissionId, user.id);
  if (!place) forbidden("You have no place in this deal room.");
  const roomName = dealRoomName(user.tenant.orgId, room.submissionId);
  const token = await issueRoomPass(env.BETTER_AUTH_SECRET, "deal-room", {
    userId: user.id,
    orgId: user.tenant.orgId,
    roomName,
  });
  return Response.json({ token, roomName }, { headers: { "Cache-Control": "no-store" } });
}
