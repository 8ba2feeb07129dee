import type { Database } from "../../../db/client.ts";
import { countHit } from "../../models/rate-limits.server.ts";
import { findPendingTwoFactorUserId } from "../../models/two-factor-challenges.server.ts";

// An authenticator code is valid for its 30-second step and one step either side, so a code seen
// once could be replayed for up to 90 seconds. Each accepted code is claimed for longer than
// that; a second use is refused.
export const TOTP_REUSE_WINDOW_SECONDS = 120;

/** Claims an accepted code for the user; false when it was already used. */
export async function claimTotpCode(db: Database, userId: string, code: string, now = new Date()): Promise<boolean> {
  return (await countHit(db, `totp-used:${userId}:${code}`, TOTP_REUSE_WINDOW_SECONDS, now)) === 1;
}

const TWO_FACTOR_COOKIE = /(?:^|;\s*)(?:__Secure-)?openinsure\.two_factor=([^;]+)/;

/**
 * The user whose password step this request's two-factor cookie stands for, or null. The cookie is
 * `identifier.signature`; better-auth checks the signature when it verifies the code.
 */
export async function pendingTwoFactorUserId(db: Database, request: Request): Promise<string | null> {
  const raw = TWO_FACTOR_COOKIE.exec(request.headers.get("cookie") ?? "")?.[1];
  if (!raw) return null;
  let signed: string;
  try {
    signed = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return null;
  return findPendingTwoFactorUserId(db, signed.slice(0, dot));
}
