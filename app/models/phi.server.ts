import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { claimClaimants, orgDataKeys, phiAccessLog, phiChainHeads } from "../../db/schema/index.ts";

type Executor = Database | Transaction;

export async function findLatestDataKey(db: Executor, orgId: string) {
  const [row] = await db
    .select()
    .from(orgDataKeys)
    .where(eq(orgDataKeys.orgId, orgId))
    .orderBy(desc(orgDataKeys.version))
    .limit(1);
  return row ?? null;
}

export async function findDataKey(db: Executor, orgId: string, version: number) {
  const [row] = await db
    .select()
    .from(orgDataKeys)
    .where(and(eq(orgDataKeys.orgId, orgId), eq(orgDataKeys.version, version)))
    .limit(1);
  return row ?? null;
}

/** Adds a data key version; two requests creating the first key at once: the first one wins. */
export async function insertDataKey(
  db: Executor,
  orgId: string,
  row: { version: number; masterKeyId: string; wrappedKey: string },
): Promise<boolean> {
  const result = await db
    .insert(orgDataKeys)
    .ignore()
    .values({ ...row, orgId });
  return Number(result.rowsAffected) > 0;
}

/** Every data key version of an org (rotation re-wraps them all). */
export function listDataKeys(db: Executor, orgId: string) {
  return db.select().from(orgDataKeys).where(eq(orgDataKeys.orgId, orgId)).orderBy(asc(orgDataKeys.version));
}

export async function replaceWrappedDataKey(
  db: Executor,
  orgId: string,
  version: number,
  masterKeyId: string,
  wrappedKey: string,
) {
  await db
    .update(orgDataKeys)
    .set({ masterKeyId, wrappedKey })
    .where(and(eq(orgDataKeys.orgId, orgId), eq(orgDataKeys.version, version)));
}

/**
 * The org's chain head, locked until the transaction ends: every append of the org waits here,
 * so two appends can never link to the same previous row.
 */
export async function lockPhiChainHead(tx: Transaction, orgId: string, genesisHash: string) {
  const select = () =>
    tx
      .select({ lastSequence: phiChainHeads.lastSequence, lastHash: phiChainHeads.lastHash })
      .from(phiChainHeads)
      .where(eq(phiChainHeads.orgId, orgId))
      .for("update");
  // Locking first and creating the head only for an org's very first append: an INSERT IGNORE on
  // every append takes a shared lock that two appends then both try to upgrade (a deadlock).
  let [row] = await select();
  if (!row) {
    await tx.insert(phiChainHeads).ignore().values({ orgId, lastSequence: 0, lastHash: genesisHash });
    [row] = await select();
  }
  return row!;
}

export type PhiLogInsert = Omit<typeof phiAccessLog.$inferInsert, "orgId">;

export async function appendPhiLogRows(tx: Transaction, orgId: string, rows: PhiLogInsert[]) {
  if (rows.length === 0) return;
  await tx.insert(phiAccessLog).values(rows.map((r) => ({ ...r, orgId })));
  const last = rows.at(-1)!;
  await tx
    .update(phiChainHeads)
    .set({ lastSequence: last.sequence, lastHash: last.hash })
    .where(eq(phiChainHeads.orgId, orgId));
}

/** The org's chain in order, for verification (from a sequence, in pages). */
export function listPhiLogChain(db: Executor, orgId: string, { afterSequence = 0, limit = 1000 } = {}) {
  return db
    .select()
    .from(phiAccessLog)
    .where(and(eq(phiAccessLog.orgId, orgId), sql`${phiAccessLog.sequence} > ${afterSequence}`))
    .orderBy(asc(phiAccessLog.sequence))
    .limit(limit);
}

/** Orgs holding more than one data key version: the only ones a re-seal sweep has work in. */
export async function listOrgsWithOlderDataKeys(db: Database): Promise<{ orgId: string; latestVersion: number }[]> {
  const result = await db.execute(sql`/* unscoped: the re-seal sweep looks at every organization's keys */
    SELECT ${orgDataKeys.orgId} AS org_id, MAX(${orgDataKeys.version}) AS latest
    FROM ${orgDataKeys} GROUP BY ${orgDataKeys.orgId} HAVING COUNT(*) > 1`);
  return (result.rows as { org_id: string; latest: number | string }[]).map((r) => ({
    orgId: r.org_id,
    latestVersion: Number(r.latest),
  }));
}

/** Claimants still sealed under one older data key version, in id order after a cursor. */
export function listClaimantsSealedUnder(db: Executor, orgId: string, version: number, afterId: string, limit: number) {
  return db
    .select({ id: claimClaimants.id, phi: claimClaimants.phi, keyVersion: claimClaimants.keyVersion })
    .from(claimClaimants)
    .where(
      and(
        eq(claimClaimants.orgId, orgId),
        eq(claimClaimants.keyVersion, version),
        sql`${claimClaimants.id} > ${afterId}`,
      ),
    )
    .orderBy(asc(claimClaimants.id))
    .limit(limit);
}

/**
 * Replaces a chunk of sealed claimants in one statement. A row is replaced only while it is
 * still under the version it was read under: an edit in between (sealed anew under the
 * current key) is never overwritten with the older values.
 */
export async function resealClaimantRows(
  db: Executor,
  orgId: string,
  fromVersion: number,
  toVersion: number,
  rows: readonly { id: string; phi: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const phiCase = sql.join([sql`CASE id`, ...rows.map((r) => sql`WHEN ${r.id} THEN ${r.phi}`), sql`END`], sql` `);
  const result = await db
    .update(claimClaimants)
    .set({ phi: sql`${phiCase}`, keyVersion: toVersion })
    .where(
      and(
        eq(claimClaimants.orgId, orgId),
        eq(claimClaimants.keyVersion, fromVersion),
        inArray(
          claimClaimants.id,
          rows.map((r) => r.id),
        ),
      ),
    );
  return Number(result.rowsAffected);
}
