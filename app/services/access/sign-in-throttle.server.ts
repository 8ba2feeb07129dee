import type { Database } from "../../../db/client.ts";
import {
  countHit,
  deleteCounter,
  purgeCountersStartedBefore,
  secondsLeftInWindow,
} from "../../models/rate-limits.server.ts";

export type ThrottleRule = { limit: number; windowSeconds: number };
export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts a hit against `bucket` and answers whether it is within the rule's limit. */
export async function hitThrottle(
  db: Database,
  bucket: string,
  rule: ThrottleRule,
  now = new Date(),
): Promise<ThrottleResult> {
  const hitNumber = await countHit(db, bucket, rule.windowSeconds, now);
  if (hitNumber <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: await secondsLeftInWindow(db, bucket, rule.windowSeconds, now) };
}

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const accountBucket = (email: string) => `sign-in:account:${email.toLowerCase()}`;

/** Throttles sign-in per account and per client address. */
export async function throttleSignIn(
  db: Database,
  {
    email,
    ip,
    maxPerAccount,
    maxPerAddress,
  }: { email: string; ip: string; maxPerAccount: number; maxPerAddress: number },
  now = new Date(),
): Promise<ThrottleResult> {
  const [byAccount, byAddress] = await Promise.all([
    hitThrottle(db, accountBucket(email), { limit: maxPerAccount, windowSeconds: SIGN_IN_WINDOW_SECONDS }, now),
    hitThrottle(db, `sign-in:ip:${ip}`, { limit: maxPerAddress, windowSeconds: SIGN_IN_WINDOW_SECONDS }, now),
  ]);
  if (!byAccount.allowed) return byAccount;
  return byAddress;
}

/**
 * A completed sign-in proves the account's owner is at the keyboard, so their failed attempts stop
 * counting against them; the per-address count is left alone.
 */
export async function clearAccountThrottle(db: Database, email: string): Promise<void> {
  await deleteCounter(db, accountBucket(email));
}

/** The longest window any throttle uses; counters older than this count nothing. */
export const LONGEST_THROTTLE_WINDOW_SECONDS = 24 * 60 * 60;

/** Deletes counters whose window has certainly ended (the cron sweep calls this). */
export async function purgeExpiredThrottles(db: Database, now = new Date()): Promise<number> {
  return purgeCountersStartedBefore(db, new Date(now.getTime() - LONGEST_THROTTLE_WINDOW_SECONDS * 1000));
}
