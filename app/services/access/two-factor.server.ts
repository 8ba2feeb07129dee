import type { Database } from "../../../db/client.ts";
import { countHit } from "../../models/rate-limits.server.ts";

// An authenticator code is valid for its 30-second step and one step either side, so a code seen
// once could be replayed for up to 90 seconds. Each accepted code is claimed for longer than
// that; a second use is refused.
export const TOTP_REUSE_WINDOW_SECONDS = 120;

/** Claims an accepted code for the user; false when it was already used. */
export async function claimTotpCode(db: Database, userId: string, code: string, now = new Date()): Promise<boolean> {
  return (await countHit(db, `totp-used:${userId}:${code}`, TOTP_REUSE_WINDOW_SECONDS, now)) === 1;
}
