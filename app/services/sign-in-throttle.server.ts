import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { rateLimitCounter } from "../../db/schema/index.ts";

export type ThrottleRule = { limit: number; windowSeconds: number };
export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts a hit in a fixed window kept in the database, so every Worker isolate sees the same
 * count. One atomic upsert both counts and reports this hit's number: LAST_INSERT_ID(expr)
 * hands the new count back as the statement's insert id, so concurrent hits each see their
 * own position instead of a later reader's total. `hits` is assigned before `window_start`
 * on purpose: MySQL evaluates assignments left to right, and the expiry test must see the
 * old window start.
 */
export async function hitThrottle(db: Database, bucket: string, rule: ThrottleRule): Promise<ThrottleResult> {
  const t = rateLimitCounter;
  const expired = sql`${t.windowStart} < NOW(3) - INTERVAL ${rule.windowSeconds} SECOND`;
  const result = await db.execute(sql`
    INSERT INTO ${t} (${sql.identifier(t.bucket.name)}, ${sql.identifier(t.windowStart.name)}, ${sql.identifier(t.hits.name)})
    VALUES (${bucket}, NOW(3), 1)
    ON DUPLICATE KEY UPDATE
      ${sql.identifier(t.hits.name)} = LAST_INSERT_ID(IF(${expired}, 1, ${t.hits} + 1)),
      ${sql.identifier(t.windowStart.name)} = IF(${expired}, NOW(3), ${t.windowStart})`);
  // A fresh row sets no insert id: that hit is the first of its window.
  const hitNumber = Math.max(1, Number(result.insertId));
  if (hitNumber <= rule.limit) return { allowed: true };
  const [row] = await db
    .select({
      secondsLeft: sql`GREATEST(1, ${rule.windowSeconds} - TIMESTAMPDIFF(SECOND, ${t.windowStart}, NOW(3)))`.mapWith(Number),
    })
    .from(t)
    .where(eq(t.bucket, bucket));
  return { allowed: false, retryAfterSeconds: row?.secondsLeft ?? rule.windowSeconds };
}

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/** Throttles sign-in per account and per client address. */
export async function throttleSignIn(
  db: Database,
  { email, ip, maxPerAccount, maxPerAddress }: { email: string; ip: string; maxPerAccount: number; maxPerAddress: number },
): Promise<ThrottleResult> {
  const [byAccount, byAddress] = await Promise.all([
    hitThrottle(db, `sign-in:account:${email.toLowerCase()}`, { limit: maxPerAccount, windowSeconds: SIGN_IN_WINDOW_SECONDS }),
    hitThrottle(db, `sign-in:ip:${ip}`, { limit: maxPerAddress, windowSeconds: SIGN_IN_WINDOW_SECONDS }),
  ]);
  if (!byAccount.allowed) return byAccount;
  return byAddress;
}

/**
 * A completed sign-in proves the account's owner is at the keyboard, so their failed attempts stop
 * counting against them; the per-address count is left alone.
 */
export async function clearAccountThrottle(db: Database, email: string): Promise<void> {
  await db.delete(rateLimitCounter).where(eq(rateLimitCounter.bucket, `sign-in:account:${email.toLowerCase()}`));
}
