import { servicesFor } from "../app/context.server.ts";
import { findPlaceInRoom } from "../app/models/deal-rooms.server.ts";
import type { Rights } from "../app/services/realtime/deal-room-protocol.ts";
import { verifyRoomPass } from "../app/services/realtime/room-pass.ts";

// The gate in front of a deal room, run by the Worker before the WebSocket opens: a valid,
// unexpired token for this very room, and a place in the room for its holder. The room then
// trusts the admission headers written here (only the Worker can reach the Durable Object, and
// these headers are always overwritten, never passed through from the client).

export type Admission = { userId: string; orgId: string; dealRoomId: string; rights: Rights };

const HEADER = "x-openinsure-deal-room-admission";

function refuse(status: 401 | 403, error: string) {
  return Response.json({ error }, { status });
}

export async function admitToDealRoom(request: Request, roomName: string, env: Env): Promise<Request | Response> {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return refuse(401, "A deal room token is required.");
  const check = await verifyRoomPass(env.BETTER_AUTH_SECRET, "deal-room", token, roomName);
  if (!check.ok)
    return refuse(
      check.reason === "wrong_room" ? 403 : 401,
      `The deal room token is ${check.reason.replace("_", " ")}.`,
    );
  const { userId, orgId } = check.grant;
  const place = await findPlaceInRoom(servicesFor(env).db, orgId, roomName.slice(orgId.length + 1), userId);
  if (!place) return refuse(403, "You have no place in this deal room.");
  const admission: Admission = {
    userId,
    orgId,
    dealRoomId: place.dealRoomId,
    rights: { chat: place.chat, annotate: place.annotate, edit: place.edit },
  };
  const admitted = new Request(request);
  admitted.headers.set(HEADER, JSON.stringify(admission));
  return admitted;
}

export function readAdmission(request: Request): Admission | null {
  const header = request.headers.get(HEADER);
  return header ? (JSON.parse(header) as Admission) : null;
}
