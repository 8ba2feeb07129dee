import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { rateLimitCounter } from "../../db/schema/index.ts";

export type ThrottleRule = { limit: number; windowSeconds: number };
export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts a hit in a fixed window kept in the database, so every Worker isolate sees the same
 * count. The upsert is a single atomic statement: concurrent hits can never both read a stale
 * count.
 */
export async function hitThrottle(db: Database, bucket: string, rule: ThrottleRule): Promise<ThrottleResult> {
  const expired = sql`${rateLimitCounter.windowStart} < NOW(3) - INTERVAL ${rule.windowSeconds} SECOND`;
  await db
    .insert(rateLimitCounter)
    .values({ bucket, windowStart: sql`NOW(3)`, hits: 1 })
    .onDuplicateKeyUpdate({
      set: {
        hits: sql`IF(${expired}, 1, ${rateLimitCounter.hits} + 1)`,
        windowStart: sql`IF(${expired}, NOW(3), ${rateLimitCounter.windowStart})`,
      },
    });
  const [row] = await db
    .select({
      hits: rateLimitCounter.hits,
      secondsLeft: sql`GREATEST(1, ${rule.windowSeconds} - TIMESTAMPDIFF(SECOND, ${rateLimitCounter.windowStart}, NOW(3)))`.mapWith(Number),
    })
    .from(rateLimitCounter)
    .where(eq(rateLimitCounter.bucket, bucket));
  if (!row || row.hits <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: row.secondsLeft };
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
