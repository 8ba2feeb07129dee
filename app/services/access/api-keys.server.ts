import type { Database } from "../../../db/client.ts";
import { parseRoles, type Role } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import * as keys from "../../models/api-keys.server.ts";
import type { StoredResponse } from "../../models/idempotency-keys.server.ts";
import { countApiKeyHit, secondsLeftInWindow } from "../../models/rate-limits.server.ts";
import { createId } from "../../utils/ids.ts";
import { sha256Hex } from "../../utils/sha256.ts";
import { DEFAULT_TIME_ZONE } from "../../utils/today.ts";

/**
 * The agency whose keys a manager may see and change: an org admin manages every agency's keys
 * (undefined: no limit); an agency admin only their own agency's; anyone else none.
 */
export function apiKeyAgencyLimit(tenant: TenantContext): string | undefined {
  if (tenant.roles.includes("org_admin")) return undefined;
  return tenant.agencyId ?? "\u0000no-agency";
}

export function listApiKeys(db: Database, tenant: TenantContext) {
  return keys.listApiKeys(db, tenant, { agencyId: apiKeyAgencyLimit(tenant) });
}

export function revokeApiKey(db: Database, tenant: TenantContext, keyId: string) {
  return keys.revokeApiKey(db, tenant, keyId, { agencyId: apiKeyAgencyLimit(tenant) });
}

export class ApiKeyAgencyRefused extends Error {}

const KEY_PREFIX = "oi_sk_";

function randomSecret(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => alphabet[b % alphabet.length]).join("");
}

/** Issues a key and returns its secret, which is shown once and never stored. */
export async function issueApiKey(
  db: Database,
  tenant: TenantContext,
  input: { name: string; roles: Role[]; agencyId: string | null },
) {
  const limit = apiKeyAgencyLimit(tenant);
  if (limit !== undefined && input.agencyId !== limit)
    throw new ApiKeyAgencyRefused("An agency admin issues keys for their own agency only.");
  const secret = `${KEY_PREFIX}${randomSecret()}`;
  const id = createId("key");
  await keys.insertApiKey(db, tenant, {
    id,
    name: input.name,
    prefix: secret.slice(0, 12),
    secretHash: await sha256Hex(secret),
    roles: input.roles,
    agencyId: input.agencyId,
  });
  return { id, secret };
}

export type ApiClient = {
  keyId: string;
  tenant: TenantContext;
  /** Asked for with `idempotencyKey`: the answer stored under it (null: none yet). */
  storedAnswer?: StoredResponse | null;
};

/** The tenant an API request acts for, from its bearer key. */
export async function authenticateApiKey(db: Database, authorization: string | null): Promise<ApiClient | null> {
  const hash = await secretHashOf(authorization);
  return hash ? clientOf(db, await keys.findActiveApiKeyBySecretHash(db, hash)) : null;
}

/** `idempotencyKey`: also look up the answer the key stored under it (same statement). */
export type ApiThrottleRule = { limit: number; windowSeconds: number; idempotencyKey?: string | undefined };
export type ApiRequestAdmission =
  | { client: null }
  | { client: ApiClient; allowed: true }
  | { client: ApiClient; allowed: false; retryAfterSeconds: number };

/**
 * The key's tenant and its per-key rate limit, in one round trip: the lookup and the counted hit
 * (which finds the key by the same hash) are sent together.
 */
export async function admitApiRequest(
  db: Database,
  authorization: string | null,
  rule: ApiThrottleRule,
  now = new Date(),
): Promise<ApiRequestAdmission> {
  const hash = await secretHashOf(authorization);
  if (!hash) return { client: null };
  const [key, hits] = await Promise.all([
    keys.findActiveApiKeyBySecretHash(db, hash, rule.idempotencyKey),
    countApiKeyHit(db, hash, rule.windowSeconds, now),
  ]);
  const client = await clientOf(db, key);
  if (!client) return { client: null };
  if (hits <= rule.limit) return { client, allowed: true };
  return {
    client,
    allowed: false,
    retryAfterSeconds: await secondsLeftInWindow(db, `api:${client.keyId}`, rule.windowSeconds, now),
  };
}

async function secretHashOf(authorization: string | null): Promise<string | null> {
  const secret = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!secret?.startsWith(KEY_PREFIX)) return null;
  return sha256Hex(secret);
}

async function clientOf(db: Database, key: keys.ActiveApiKey | null): Promise<ApiClient | null> {
  if (!key) return null;
  // "Last used" is shown to the minute, so a busy key writes it at most once a minute rather
  // than on every request.
  if (key.lastUsedStale) await keys.touchApiKeyLastUsed(db, key.orgId, key.id);
  return {
    keyId: key.id,
    ...(key.storedAnswer === undefined ? {} : { storedAnswer: key.storedAnswer }),
    tenant: {
      orgId: key.orgId,
      orgName: key.orgName,
      userId: `apikey:${key.id}`,
      roles: parseRoles(key.roles.join(",")),
      agencyId: key.agencyId,
      insuredId: null,
      carrierId: null,
      timeZone: key.timeZone ?? DEFAULT_TIME_ZONE,
    },
  };
}
