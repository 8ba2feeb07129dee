import type { Database } from "../../../db/client.ts";
import { parseRoles, type Role } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { findActiveApiKeyBySecretHash, insertApiKey, listApiKeys, revokeApiKey, touchApiKeyLastUsed } from "../../models/api-keys.server.ts";
import { createId } from "../../utils/ids.ts";
import { sha256Hex } from "../../utils/sha256.ts";

export { listApiKeys, revokeApiKey };

const KEY_PREFIX = "oi_sk_";

function randomSecret(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => alphabet[b % alphabet.length]).join("");
}

/** Issues a key and returns its secret, which is shown once and never stored. */
export async function issueApiKey(db: Database, tenant: TenantContext, input: { name: string; roles: Role[]; agencyId: string | null }) {
  const secret = `${KEY_PREFIX}${randomSecret()}`;
  const id = createId("key");
  await insertApiKey(db, tenant, {
    id,
    name: input.name,
    prefix: secret.slice(0, 12),
    secretHash: await sha256Hex(secret),
    roles: input.roles,
    agencyId: input.agencyId,
  });
  return { id, secret };
}

export type ApiClient = { keyId: string; tenant: TenantContext };

/** The tenant an API request acts for, from its bearer key. */
export async function authenticateApiKey(db: Database, authorization: string | null): Promise<ApiClient | null> {
  const secret = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!secret?.startsWith(KEY_PREFIX)) return null;
  const key = await findActiveApiKeyBySecretHash(db, await sha256Hex(secret));
  if (!key) return null;
  // "Last used" is shown to the minute, so a busy key writes it at most once a minute rather
  // than on every request.
  if (key.lastUsedStale) await touchApiKeyLastUsed(db, key.orgId, key.id);
  return {
    keyId: key.id,
    tenant: {
      orgId: key.orgId,
      orgName: key.orgName,
      userId: `apikey:${key.id}`,
      roles: parseRoles(key.roles.join(",")),
      agencyId: key.agencyId,
      insuredId: null,
      carrierId: null,
    },
  };
}
