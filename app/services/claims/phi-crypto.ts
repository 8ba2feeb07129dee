/**
 * Envelope encryption of PHI (ADR 019). Each org has data keys (random AES-256), stored only
 * wrapped under the master key (a Worker secret); a claimant's PHI is one AES-GCM sealed JSON
 * object whose additional data names the org and the row, so a ciphertext moved to another row
 * or org fails to open. Format of both: `v1.<base64 iv>.<base64 ciphertext+tag>`.
 */
import { sha256Hex } from "../../utils/sha256.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export class PhiKeyError extends Error {
  override readonly name = "PhiKeyError";
}

export type MasterKey = { id: string; key: CryptoKey };

/** The master key from its secret: 32 random bytes, base64. Its id is a hash prefix, never the key. */
export async function importMasterKey(secret: string | undefined): Promise<MasterKey> {
  if (!secret) throw new PhiKeyError("PHI_MASTER_KEY is not configured");
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64(secret.trim());
  } catch {
    throw new PhiKeyError("PHI_MASTER_KEY is not base64");
  }
  if (raw.length !== 32) throw new PhiKeyError("PHI_MASTER_KEY must be 32 bytes (base64 of 32 random bytes)");
  const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
  return { id: `mk_${(await sha256Hex(`openinsure:phi-master:${toBase64(raw)}`)).slice(0, 16)}`, key };
}

async function seal(key: CryptoKey, plaintext: Uint8Array<ArrayBuffer>, additionalData: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: encoder.encode(additionalData) },
      key,
      plaintext,
    ),
  );
  return `v1.${toBase64(iv)}.${toBase64(sealed)}`;
}

async function open(key: CryptoKey, sealed: string, additionalData: string): Promise<Uint8Array<ArrayBuffer>> {
  const [version, iv, data] = sealed.split(".");
  if (version !== "v1" || !iv || !data) throw new PhiKeyError("not a sealed value");
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: fromBase64(iv), additionalData: encoder.encode(additionalData) },
        key,
        fromBase64(data),
      ),
    );
  } catch {
    throw new PhiKeyError("the value does not open under this key (wrong key, row or org, or altered)");
  }
}

/** A new data key for an org, wrapped under the master key: what org_data_keys stores. */
export async function newWrappedDataKey(master: MasterKey, orgId: string, version: number): Promise<string> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  return seal(master.key, raw, `data-key:${orgId}:${version}`);
}

export async function unwrapDataKey(
  master: MasterKey,
  orgId: string,
  version: number,
  wrapped: string,
): Promise<CryptoKey> {
  const raw = await open(master.key, wrapped, `data-key:${orgId}:${version}`);
  return crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
}

/** Re-wraps a data key under a new master key (rotation of the master key; the PHI is untouched). */
export async function rewrapDataKey(
  from: MasterKey,
  to: MasterKey,
  orgId: string,
  version: number,
  wrapped: string,
): Promise<string> {
  const raw = await open(from.key, wrapped, `data-key:${orgId}:${version}`);
  return seal(to.key, raw, `data-key:${orgId}:${version}`);
}

export function sealJson(dataKey: CryptoKey, value: unknown, orgId: string, rowId: string): Promise<string> {
  return seal(dataKey, encoder.encode(JSON.stringify(value)), `phi:${orgId}:${rowId}`);
}

export async function openJson(dataKey: CryptoKey, sealed: string, orgId: string, rowId: string): Promise<unknown> {
  return JSON.parse(decoder.decode(await open(dataKey, sealed, `phi:${orgId}:${rowId}`)));
}
