// A short-lived pass to one deal room, issued by the app to a participant and checked by the
// Worker before the WebSocket opens. HMAC-SHA256 with a key derived from the app's secret, so
// no new secret has to be managed and a session cookie can never be replayed as a room token.

export type DealRoomGrant = { userId: string; orgId: string; roomName: string; expiresAt: number };

export type TokenCheck = { ok: true; grant: DealRoomGrant } | { ok: false; reason: "malformed" | "bad_signature" | "expired" | "wrong_room" };

/** Long enough to open a socket after the page asks for it; reconnects ask again. */
export const DEAL_ROOM_TOKEN_TTL_MS = 60_000;

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

async function roomKey(secret: string): Promise<CryptoKey> {
  const master = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const derived = await crypto.subtle.sign("HMAC", master, encoder.encode("openinsure deal-room token v1"));
  return crypto.subtle.importKey("raw", derived, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

/** The Durable Object name of a submission's room: scoped by org so ids never meet across tenants. */
export function dealRoomName(orgId: string, submissionId: string): string {
  return `${orgId}.${submissionId}`;
}

export async function signDealRoomToken(secret: string, grant: Omit<DealRoomGrant, "expiresAt">, now = Date.now()): Promise<string> {
  const payload: DealRoomGrant = { ...grant, expiresAt: now + DEAL_ROOM_TOKEN_TTL_MS };
  const body = base64url(encoder.encode(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign("HMAC", await roomKey(secret), encoder.encode(body));
  return `${body}.${base64url(new Uint8Array(signature))}`;
}

export async function verifyDealRoomToken(secret: string, token: string, roomName: string, now = Date.now()): Promise<TokenCheck> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  let signatureBytes: Uint8Array<ArrayBuffer>;
  try {
    signatureBytes = fromBase64url(signature);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const valid = await crypto.subtle.verify("HMAC", await roomKey(secret), signatureBytes, encoder.encode(body));
  if (!valid) return { ok: false, reason: "bad_signature" };
  const grant = JSON.parse(new TextDecoder().decode(fromBase64url(body))) as DealRoomGrant;
  if (typeof grant.expiresAt !== "number" || grant.expiresAt <= now) return { ok: false, reason: "expired" };
  if (grant.roomName !== roomName || !roomName.startsWith(`${grant.orgId}.`)) return { ok: false, reason: "wrong_room" };
  return { ok: true, grant };
}
