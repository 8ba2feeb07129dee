// A short-lived pass to one room (a deal room, a user's notification room), issued by the app to a
// signed-in user and checked by the Worker before the WebSocket opens. One format, one lifetime and
// one verification for every room. Pure: Web Crypto only, so it runs in the Worker, Node and tests.
//
// Format: `<base64url JSON grant>.<base64url HMAC-SHA256 of the first part>`. The key is derived
// from the app's secret for each purpose alone, so no other signature made with that secret
// (session cookies, webhook sealing, a pass for another kind of room) can pass for this one.

export type RoomPurpose = "deal-room" | "notifications";

export type RoomGrant = { purpose: RoomPurpose; roomName: string; userId: string; orgId: string; expiresAt: number };

export type RoomPassRefusal = "malformed" | "bad_signature" | "expired" | "wrong_room";

export type RoomPassCheck = { ok: true; grant: RoomGrant } | { ok: false; reason: RoomPassRefusal };

/** Long enough to open a socket after the page asks for it; every (re)connection asks again. */
export const ROOM_PASS_TTL_MS = 60_000;

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function passKey(secret: string, purpose: RoomPurpose): Promise<CryptoKey> {
  const hmac = { name: "HMAC", hash: "SHA-256" };
  const master = await crypto.subtle.importKey("raw", encoder.encode(secret), hmac, false, ["sign"]);
  const derived = await crypto.subtle.sign("HMAC", master, encoder.encode(`openinsure room pass v2: ${purpose}`));
  return crypto.subtle.importKey("raw", derived, hmac, false, ["sign", "verify"]);
}

/** The Durable Object name of a submission's room: scoped by org so ids never meet across tenants. */
export function dealRoomName(orgId: string, submissionId: string): string {
  return `${orgId}.${submissionId}`;
}

export async function issueRoomPass(
  secret: string,
  purpose: RoomPurpose,
  grant: { roomName: string; userId: string; orgId: string },
  now = Date.now(),
): Promise<string> {
  const payload: RoomGrant = { purpose, ...grant, expiresAt: now + ROOM_PASS_TTL_MS };
  const body = base64url(encoder.encode(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign("HMAC", await passKey(secret, purpose), encoder.encode(body));
  return `${body}.${base64url(new Uint8Array(signature))}`;
}

/** Opens only the named room, for the purpose it was issued for, until it expires. */
export async function verifyRoomPass(
  secret: string,
  purpose: RoomPurpose,
  token: string | null,
  roomName: string,
  now = Date.now(),
): Promise<RoomPassCheck> {
  const [body, signature, extra] = (token ?? "").split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  let signatureBytes: Uint8Array<ArrayBuffer>;
  let bodyText: string;
  try {
    signatureBytes = fromBase64url(signature);
    bodyText = new TextDecoder().decode(fromBase64url(body));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const valid = await crypto.subtle.verify(
    "HMAC",
    await passKey(secret, purpose),
    signatureBytes,
    encoder.encode(body),
  );
  if (!valid) return { ok: false, reason: "bad_signature" };
  let grant: RoomGrant;
  try {
    grant = JSON.parse(bodyText) as RoomGrant;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof grant.expiresAt !== "number" || grant.expiresAt <= now) return { ok: false, reason: "expired" };
  if (grant.purpose !== purpose || grant.roomName !== roomName || !roomName.startsWith(`${grant.orgId}.`)) {
    return { ok: false, reason: "wrong_room" };
  }
  return { ok: true, grant };
}
