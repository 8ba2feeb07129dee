/**
 * Append-only logs whose rows are hash-chained: each row's hash covers its own content and the
 * previous row's hash, so editing, deleting or reordering any row changes every later hash and
 * `verifyChain` names the first row where the stored chain no longer holds. Used by every log
 * that must be tamper-evident (the business audit log and the PHI access log).
 */
import { sha256Hex } from "../../utils/sha256.ts";

/** The hash the first row of a chain links to. */
export const GENESIS_HASH = "0".repeat(64);

type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

/**
 * One serialization per value whatever the key order or Date representation, so the hash a
 * row gets when written equals the hash recomputed from the row read back.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

function canonicalize(value: unknown): Canonical {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalize);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonicalize(v)]));
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  throw new TypeError(`A chained row cannot hold a ${typeof value}`);
}

/** The hash of a row given the previous row's hash (GENESIS_HASH for the first row). */
export function chainHash(previousHash: string, content: unknown): Promise<string> {
  return sha256Hex(`${previousHash}\n${canonicalJson(content)}`);
}

export type ChainedRow<T> = { content: T; previousHash: string; hash: string };

export type ChainVerdict = { intact: true; rows: number } | { intact: false; brokenAt: number; reason: string };

/**
 * Checks rows in chain order: each must link to the row before it and its hash must match its
 * content. `brokenAt` is the index of the first row that fails.
 */
export async function verifyChain<T>(rows: readonly ChainedRow<T>[], startHash = GENESIS_HASH): Promise<ChainVerdict> {
  let expectedPrevious = startHash;
  for (const [index, row] of rows.entries()) {
    if (row.previousHash !== expectedPrevious)
      return { intact: false, brokenAt: index, reason: "does not link to the row before it" };
    if ((await chainHash(row.previousHash, row.content)) !== row.hash)
      return { intact: false, brokenAt: index, reason: "its content no longer matches its hash" };
    expectedPrevious = row.hash;
  }
  return { intact: true, rows: rows.length };
}
