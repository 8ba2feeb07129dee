import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { apiKeys, organization } from "../../db/schema/index.ts";
import { parseRoles, type Role } from "../auth/permissions.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";
import { sha256Hex } from "../utils/sha256.ts";

const KEY_PREFIX = "oi_sk_";

function randomSecret(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => alphabet[b % alphabet.length]).join("");
}

/** Issues a key and returns its secret, which is shown once and never stored. */
export async function issueApiKey(db: Database, tenant: TenantContext, input: { name: string; roles: Role[]; agencyId: string | null }) {
  const secret = `${KEY_PREFIX}${randomSecret()}`;
  const id = createId("key");
  await db.insert(apiKeys).values({
    id,
    orgId: tenant.orgId,
    name: input.name,
    prefix: secret.slice(0, 12),
    secretHash: await sha256Hex(secret),
    roles: input.roles,
    agencyId: input.agencyId,
    createdByUserId: tenant.userId,
  });
  return { id, secret };
}

export async function listApiKeys(db: Database, tenant: TenantContext) {
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, roles: apiKeys.roles, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.orgId, tenant.orgId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Database, tenant: TenantContext, keyId: string): Promise<boolean> {
  const result = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.orgId, tenant.orgId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)));
  return Number(result.rowsAffected) === 1;
}

export type ApiClient = { keyId: string; tenant: TenantContext };

/**
 * The tenant an API request acts for, from its bearer key. The key is found by its hash before
 * the organization is known, which is why this lookup is the marked exception to the guard.
 */
export async function authenticateApiKey(db: Database, authorization: string | null): Promise<ApiClient | null> {
  const secret = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!secret?.startsWith(KEY_PREFIX)) return null;
  const hash = await sha256Hex(secret);
  const result = await db.execute(sql`/* unscoped: API key lookup by secret hash */
    SELECT ${apiKeys.id} AS id, ${apiKeys.orgId} AS org_id, ${apiKeys.roles} AS roles, ${apiKeys.agencyId} AS agency_id, ${organization.name} AS org_name,
      (${apiKeys.lastUsedAt} IS NULL OR ${apiKeys.lastUsedAt} < NOW(3) - INTERVAL 1 MINUTE) AS last_used_stale
    FROM ${apiKeys} INNER JOIN ${organization} ON ${organization.id} = ${apiKeys.orgId}
    WHERE ${apiKeys.secretHash} = ${hash} AND ${apiKeys.revokedAt} IS NULL
    LIMIT 1`);
  const row = result.rows[0] as
    | { id: string; org_id: string; roles: string[] | string; agency_id: string | null; org_name: string; last_used_stale: number | string }
    | undefined;
  if (!row) return null;
  const roles = typeof row.roles === "string" ? (JSON.parse(row.roles) as string[]) : row.roles;
  // "Last used" is shown to the minute, so a busy key writes it at most once a minute rather
  // than on every request.
  if (Number(row.last_used_stale) === 1) {
    await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(and(eq(apiKeys.orgId, row.org_id), eq(apiKeys.id, row.id)));
  }
  return {
    keyId: row.id,
    tenant: {
      orgId: row.org_id,
      orgName: row.org_name,
      userId: `apikey:${row.id}`,
      roles: parseRoles(roles.join(",")),
      agencyId: row.agency_id,
      insuredId: null,
      carrierId: null,
    },
  };
}
