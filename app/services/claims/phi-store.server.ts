/**
 * PHI at rest and its access log. Claimant PHI is sealed under the org's current data key
 * (phi-crypto.ts); every read or write of it appends rows to the org's hash-chained PHI access
 * log, under the lock of the org's chain head so concurrent appends cannot fork the chain.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import {
  appendPhiLogRows,
  findDataKey,
  findLatestDataKey,
  insertDataKey,
  listClaimantsSealedUnder,
  listDataKeys,
  listOrgsWithOlderDataKeys,
  listPhiLogChain,
  lockPhiChainHead,
  replaceWrappedDataKey,
  resealClaimantRows,
} from "../../models/phi.server.ts";
import { chainHash, GENESIS_HASH, verifyChain, type ChainVerdict } from "../access/hash-chain.ts";
import { createId } from "../../utils/ids.ts";
import {
  importMasterKey,
  newWrappedDataKey,
  openJson,
  PhiKeyError,
  rewrapDataKey,
  sealJson,
  unwrapDataKey,
  type MasterKey,
} from "./phi-crypto.ts";
import { normalizePhi, type ClaimantPhi, type PhiField } from "./phi.ts";

type Executor = Database | Transaction;

/**
 * The master key of this deployment: the `PHI_MASTER_KEY` secret; only a development build
 * falls back to the labelled development key of wrangler.jsonc.
 */
export function masterKeyFrom(env: {
  PHI_MASTER_KEY?: string;
  PHI_MASTER_KEY_DEVELOPMENT?: string;
  APP_ENV?: string;
}): Promise<MasterKey> {
  const secret = env.PHI_MASTER_KEY || (env.APP_ENV === "development" ? env.PHI_MASTER_KEY_DEVELOPMENT : undefined);
  return importMasterKey(secret);
}

// Unwrapped data keys per isolate: unwrapping is cheap, but a claim page opens several claimants.
const unwrapped = new Map<string, Promise<CryptoKey>>();

function keyOf(master: MasterKey, orgId: string, version: number, wrapped: string): Promise<CryptoKey> {
  const cacheKey = `${master.id}:${orgId}:${version}:${wrapped}`;
  let key = unwrapped.get(cacheKey);
  if (!key) {
    key = unwrapDataKey(master, orgId, version, wrapped);
    key.catch(() => unwrapped.delete(cacheKey));
    unwrapped.set(cacheKey, key);
  }
  return key;
}

/** The org's current data key, creating version 1 the first time PHI is written. */
export async function currentDataKey(
  db: Executor,
  master: MasterKey,
  orgId: string,
): Promise<{ version: number; key: CryptoKey }> {
  let row = await findLatestDataKey(db, orgId);
  if (!row) {
    await insertDataKey(db, orgId, {
      version: 1,
      masterKeyId: master.id,
      wrappedKey: await newWrappedDataKey(master, orgId, 1),
    });
    row = (await findLatestDataKey(db, orgId))!;
  }
  return { version: row.version, key: await keyOf(master, orgId, row.version, row.wrappedKey) };
}

export async function sealClaimantPhi(
  db: Executor,
  master: MasterKey,
  orgId: string,
  claimantId: string,
  phi: ClaimantPhi,
): Promise<{ phi: string; keyVersion: number }> {
  const { version, key } = await currentDataKey(db, master, orgId);
  return { phi: await sealJson(key, phi, orgId, claimantId), keyVersion: version };
}

export async function openClaimantPhi(
  db: Executor,
  master: MasterKey,
  orgId: string,
  claimant: { id: string; phi: string; keyVersion: number },
): Promise<ClaimantPhi> {
  const row = await findDataKey(db, orgId, claimant.keyVersion);
  if (!row) throw new Error(`data key version ${claimant.keyVersion} of ${orgId} is missing`);
  const key = await keyOf(master, orgId, row.version, row.wrappedKey);
  return normalizePhi((await openJson(key, claimant.phi, orgId, claimant.id)) as Record<string, unknown>);
}

/**
 * Master key rotation: every data key of the org is re-wrapped under the new master key; the
 * sealed PHI stays as it is. Idempotent: keys already under the new master are left alone.
 */
export async function rewrapOrgDataKeys(db: Database, from: MasterKey, to: MasterKey, orgId: string): Promise<number> {
  let rewrapped = 0;
  for (const row of await listDataKeys(db, orgId)) {
    if (row.masterKeyId === to.id) continue;
    await replaceWrappedDataKey(
      db,
      orgId,
      row.version,
      to.id,
      await rewrapDataKey(from, to, orgId, row.version, row.wrappedKey),
    );
    rewrapped++;
  }
  return rewrapped;
}

/** Data key rotation: a new version for new writes; older rows stay readable under their version. */
export async function addDataKeyVersion(db: Database, master: MasterKey, orgId: string): Promise<number> {
  const latest = await findLatestDataKey(db, orgId);
  const version = (latest?.version ?? 0) + 1;
  await insertDataKey(db, orgId, {
    version,
    masterKeyId: master.id,
    wrappedKey: await newWrappedDataKey(master, orgId, version),
  });
  return version;
}

export type ResealProgress = { resealed: number; unreadable: number; remaining: boolean };

/**
 * Data key rotation, second step (ADR 025): re-seals the org's claimants still under an older
 * data key version under the newest one, a chunk at a time (one read, one UPDATE per chunk), so
 * memory stays bounded and a run can stop anywhere. Idempotent and resumable: a row leaves the
 * older version as it is re-sealed, so a later run picks up what is left and a finished org has
 * nothing to do. A row that no longer opens is counted and passed over, never rewritten.
 * Re-sealing changes no value and shows none to anyone, so it is not logged as a PHI access.
 */
export async function resealOrgClaimants(
  db: Database,
  master: MasterKey,
  orgId: string,
  { chunkSize = 200, maxChunks = Number.POSITIVE_INFINITY } = {},
): Promise<ResealProgress> {
  const latest = await findLatestDataKey(db, orgId);
  const progress: ResealProgress = { resealed: 0, unreadable: 0, remaining: false };
  if (!latest) return progress;
  const keys = await listDataKeys(db, orgId);
  // In the middle of a master key rotation some keys may still be wrapped under the other
  // master: this org waits until `rewrapOrgDataKeys` has moved them all.
  if (keys.some((k) => k.masterKeyId !== master.id)) return { ...progress, remaining: true };
  const target = await currentDataKey(db, master, orgId);
  let chunks = 0;
  for (const older of keys) {
    if (older.version >= latest.version) continue;
    const key = await keyOf(master, orgId, older.version, older.wrappedKey);
    let after = "";
    for (;;) {
      if (chunks >= maxChunks) return { ...progress, remaining: true };
      const rows = await listClaimantsSealedUnder(db, orgId, older.version, after, chunkSize);
      if (rows.length === 0) break;
      chunks++;
      after = rows.at(-1)!.id;
      const resealed: { id: string; phi: string }[] = [];
      for (const row of rows) {
        let phi: unknown;
        try {
          phi = await openJson(key, row.phi, orgId, row.id);
        } catch (error) {
          if (!(error instanceof PhiKeyError)) throw error;
          progress.unreadable++;
          continue;
        }
        resealed.push({ id: row.id, phi: await sealJson(target.key, phi, orgId, row.id) });
      }
      progress.resealed += await resealClaimantRows(db, orgId, older.version, target.version, resealed);
    }
  }
  return progress;
}

/**
 * The cron's sweep: every org with an older data key version, a bounded number of chunks each.
 * The master key is imported only when some org has work (a deployment without PHI has none).
 */
export async function resealClaimantsOfAllOrgs(
  db: Database,
  masterKey: () => Promise<MasterKey>,
  options: { chunkSize?: number; maxChunks?: number } = { maxChunks: 50 },
): Promise<Record<string, ResealProgress>> {
  const out: Record<string, ResealProgress> = {};
  const orgs = await listOrgsWithOlderDataKeys(db);
  if (orgs.length === 0) return out;
  const master = await masterKey();
  for (const { orgId } of orgs) out[orgId] = await resealOrgClaimants(db, master, orgId, options);
  return out;
}

export type PhiAccess = {
  actorUserId: string | null;
  actorApiKeyId?: string | null;
  action: "read" | "write";
  claimId: string;
  /** The PHI fields touched; "attachment" for a photo or document of the claim. */
  fields: readonly (PhiField | "attachment")[];
  surface: string;
  ipAddress: string | null;
};

/** What a row's hash covers: everything but the hash itself. */
function chainedContent(row: {
  id: string;
  sequence: number;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: "read" | "write";
  claimId: string;
  fields: readonly string[];
  surface: string;
  ipAddress: string | null;
  occurredAt: Date;
}) {
  return {
    id: row.id,
    sequence: row.sequence,
    actorUserId: row.actorUserId,
    actorApiKeyId: row.actorApiKeyId,
    action: row.action,
    claimId: row.claimId,
    fields: [...row.fields],
    surface: row.surface,
    ipAddress: row.ipAddress,
    // DATETIME(3) keeps milliseconds: the hash is taken over what the row reads back as.
    occurredAt: row.occurredAt,
  };
}

/** Appends access rows to the org's chain inside the caller's transaction. */
export async function appendPhiAccess(tx: Transaction, orgId: string, accesses: readonly PhiAccess[]): Promise<void> {
  if (accesses.length === 0) return;
  const head = await lockPhiChainHead(tx, orgId, GENESIS_HASH);
  let previousHash = head.lastHash;
  let sequence = head.lastSequence;
  const occurredAt = new Date();
  const rows = [];
  for (const access of accesses) {
    sequence++;
    const content = chainedContent({
      id: createId("phl"),
      sequence,
      actorUserId: access.actorUserId,
      actorApiKeyId: access.actorApiKeyId ?? null,
      action: access.action,
      claimId: access.claimId,
      fields: access.fields,
      surface: access.surface,
      ipAddress: access.ipAddress,
      occurredAt,
    });
    const hash = await chainHash(previousHash, content);
    rows.push({ ...content, previousHash, hash });
    previousHash = hash;
  }
  await appendPhiLogRows(tx, orgId, rows);
}

/** Appends in a transaction of its own (a read outside any write). */
export async function logPhiAccess(db: Database, orgId: string, accesses: readonly PhiAccess[]): Promise<void> {
  if (accesses.length === 0) return;
  await transactionWithRetry(db, (tx) => appendPhiAccess(tx, orgId, accesses));
}

/** Walks the org's whole chain in pages; `brokenAt` is the sequence of the first row that fails. */
export async function verifyPhiAccessChain(
  db: Database,
  orgId: string,
): Promise<{ intact: true; rows: number } | { intact: false; brokenAtSequence: number; reason: string }> {
  let previous = GENESIS_HASH;
  let after = 0;
  let total = 0;
  for (;;) {
    const page = await listPhiLogChain(db, orgId, { afterSequence: after, limit: 1000 });
    if (page.length === 0) return { intact: true, rows: total };
    const verdict: ChainVerdict = await verifyChain(
      page.map((row) => ({ content: chainedContent(row), previousHash: row.previousHash, hash: row.hash })),
      previous,
    );
    if (!verdict.intact)
      return { intact: false, brokenAtSequence: page[verdict.brokenAt]!.sequence, reason: verdict.reason };
    // A deleted row leaves a gap in the sequence even when the hashes were recomputed around it.
    const gap = page.findIndex((row, i) => row.sequence !== after + i + 1);
    if (gap >= 0) return { intact: false, brokenAtSequence: page[gap]!.sequence, reason: "a row before it is missing" };
    total += page.length;
    after = page.at(-1)!.sequence;
    previous = page.at(-1)!.hash;
  }
}
