import { constantTimeEqual, hmacSha256Hex } from "../../utils/hmac.ts";

// A short-lived grant to join one named room, issued by the app to a signed-in user and checked
// before the socket opens: `<expiry unix seconds>.<hex HMAC of "party/room/expiry">`.

export const ROOM_TOKEN_TTL_SECONDS = 120;

// A key of its own, derived from the app's secret, so no other signature made with that secret
// (session cookies, webhook sealing) can ever pass for a room token.
function roomTokenKey(secret: string): Promise<string> {
  return hmacSha256Hex(secret, "openinsure notification-room token v1");
}

async function sign(secret: string, party: string, room: string, expires: number): Promise<string> {
  return hmacSha256Hex(await roomTokenKey(secret), `${party}/${room}/${expires}`);
}

export async function issueRoomToken(secret: string, party: string, room: string, now: Date): Promise<string> {
  const expires = Math.floor(now.getTime() / 1000) + ROOM_TOKEN_TTL_SECONDS;
  return `${expires}.${await sign(secret, party, room, expires)}`;
}

export async function verifyRoomToken(secret: string, party: string, room: string, token: string | null, now: Date): Promise<boolean> {
  const match = token?.match(/^(\d{1,12})\.([0-9a-f]{64})$/);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires < now.getTime() / 1000) return false;
  return constantTimeEqual(await sign(secret, party, room, expires), match[2]!);
}
