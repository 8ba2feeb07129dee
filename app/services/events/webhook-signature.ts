// The `X-OpenInsure-Signature` header (DOMAIN.md): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`.
// Web Crypto only, so the same code signs in the Worker and verifies in a Node receiver.
import { constantTimeEqual, hmacSha256Hex } from "../../utils/hmac.ts";

export const SIGNATURE_HEADER = "X-OpenInsure-Signature";
/** A receiver should refuse signatures older than this, so a captured request cannot be replayed. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export async function signatureHeader(secret: string, body: string, at: Date): Promise<string> {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${await hmacSha256Hex(secret, `${t}.${body}`)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/** What a receiver does: recompute the HMAC over the raw body and compare, within the tolerance. */
export async function verifySignature(
  secret: string,
  body: string,
  header: string | null,
  now: Date,
): Promise<SignatureCheck> {
  const parts = new Map((header ?? "").split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1");
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: "malformed" };
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: "stale" };
  return constantTimeEqual(await hmacSha256Hex(secret, `${t}.${body}`), v1)
    ? { ok: true }
    : { ok: false, reason: "mismatch" };
}
