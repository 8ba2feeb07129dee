import { eq, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { apiKeys, rateLimitCounter } from "../../db/schema/index.ts";

/**
 * Counts a hit in a fixed window kept in the database, so every Worker isolate sees the same
 * count, and answers this hit's number in its window. One atomic upsert both counts and reports:
 * LAST_INSERT_ID(expr) hands the new count back as the statement's insert id, so concurrent hits
 * each see their own position instead of a later reader's total. `hits` is assigned before
 * `window_start` on purpose: MySQL evaluates assignments left to right, and the expiry test must
 * see the old window start. `now` is the caller's clock (tests move it), not the database's.
 */
export async function countHit(db: Database, bucket: string, windowSeconds: number, now: Date): Promise<number> {
  const t = rateLimitCounter;
  const expired = sql`${t.windowStart} < ${now} - INTERVAL ${windowSeconds} SECOND`;
  const result = await db.execute(sql`
    INSERT INTO ${t} (${sql.identifier(t.bucket.name)}, ${sql.identifier(t.windowStart.name)}, ${sql.identifier(t.hits.name)})
    VALUES (${bucket}, ${now}, 1)
    ON DUPLICATE KEY UPDATE
      ${sql.identifier(t.hits.name)} = LAST_INSERT_ID(IF(${expired}, 1, ${t.hits} + 1)),
      ${sql.identifier(t.windowStart.name)} = IF(${expired}, ${now}, ${t.windowStart})`);
  // A fresh row sets no insert id: that hit is the first of its window.
  return Math.max(1, Number(result.insertId));
}

/**
 * `countHit` for the bucket `api:<key id>` of the active key with this secret hash, found by the
 * same statement (INSERT ... SELECT), so a request's key lookup and its hit go out together in one
 * round trip. An unknown or revoked key counts nothing (0).
 */
export async function countApiKeyHit(
  db: Database,
  secretHash: string,
  windowSeconds: number,
  now: Date,
): Promise<number> {
  const t = rateLimitCounter;
  const expired = sql`${t.windowStart} < ${now} - INTERVAL ${windowSeconds} SECOND`;
  const result = await db.execute(sql`/* unscoped: API key lookup by secret hash */
    INSERT INTO ${t} (${sql.identifier(t.bucket.name)}, ${sql.identifier(t.windowStart.name)}, ${sql.identifier(t.hits.name)})
    SELECT CONCAT('api:', ${apiKeys.id}), ${now}, 1 FROM ${apiKeys}
    WHERE ${apiKeys.secretHash} = ${secretHash} AND ${apiKeys.revokedAt} IS NULL
    ON DUPLICATE KEY UPDATE
      ${sql.identifier(t.hits.name)} = LAST_INSERT_ID(IF(${expired}, 1, ${t.hits} + 1)),
      ${sql.identifier(t.windowStart.name)} = IF(${expired}, ${now}, ${t.windowStart})`);
  if (Number(result.rowsAffected) === 0) return 0;
  return Math.max(1, Number(result.insertId));
}

/** Whole seconds (at least 1) until the bucket's current window ends. */
export async function secondsLeftInWindow(
  db: Database,
  bucket: string,
  windowSeconds: number,
  now: Date,
): Promise<number> {
  const t = rateLimitCounter;
  const [row] = await db
    .select({
      secondsLeft: sql`GREATEST(1, ${windowSeconds} - TIMESTAMPDIFF(SECOND, ${t.windowStart}, ${now}))`.mapWith(Number),
    })
    .from(t)
    .where(eq(t.bucket, bucket));
  return row?.secondsLeft ?? windowSeconds;
}

export async function deleteCounter(db: Database, bucket: string): Promise<void> {
  await db.delete(rateLimitCounter).where(eq(rateLimitCounter.bucket, bucket));
}

/** Removes counters whose window started before `before`; answers how many went. */
export async function purgeCountersStartedBefore(db: Database, before: Date): Promise<number> {
  const result = await db.delete(rateLimitCounter).where(lt(rateLimitCounter.windowStart, before));
  return Number(result.rowsAffected);
}
