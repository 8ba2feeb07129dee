import type { Database } from "../../../db/client.ts";
import { countQueuedEmailsTo } from "../../models/email-outbox.server.ts";
import { hitThrottle, type ThrottleResult } from "./sign-in-throttle.server.ts";

export const RESET_WINDOW_SECONDS = 60 * 60;
export const RESETS_PER_EMAIL = 3;
export const RESETS_PER_ADDRESS = 20;
/** More unsent mail than this to one recipient is not queued: the outbox serves every tenant. */
export const MAX_QUEUED_PER_RECIPIENT = 3;

/**
 * Counts a password-reset request per email (whether or not an account has it, so the answer
 * reveals nothing) and per client address.
 */
export async function throttlePasswordReset(
  db: Database,
  { email, ip }: { email: string; ip: string },
  now = new Date(),
): Promise<ThrottleResult> {
  const [byEmail, byAddress] = await Promise.all([
    hitThrottle(
      db,
      `reset:email:${email.toLowerCase()}`,
      { limit: RESETS_PER_EMAIL, windowSeconds: RESET_WINDOW_SECONDS },
      now,
    ),
    hitThrottle(db, `reset:ip:${ip}`, { limit: RESETS_PER_ADDRESS, windowSeconds: RESET_WINDOW_SECONDS }, now),
  ]);
  if (!byEmail.allowed) return byEmail;
  return byAddress;
}

/** Whether another mail to `address` may be queued. */
export async function recipientHasRoom(db: Pick<Database, "select">, address: string): Promise<boolean> {
  return (await countQueuedEmailsTo(db, address)) < MAX_QUEUED_PER_RECIPIENT;
}
