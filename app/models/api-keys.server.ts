import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { apiKeys, idempotencyKeys, organization, orgSettings } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/tenant.ts";
import type { StoredResponse } from "./idempotency-keys.server.ts";

export type NewApiKey = {
  id: string;
  name: string;
  prefix: string;
  secretHash: string;
  roles: string[];
  agencyId: string | null;
};

export async function insertApiKey(db: Database, tenant: TenantContext, key: NewApiKey) {
  await db.insert(apiKeys).values({ ...key, orgId: tenant.orgId, createdByUserId: tenant.userId });
}

/** `agencyId` limits the list to one agency's keys (an agency admin sees only theirs). */
export async function listApiKeys(db: Database, tenant: TenantContext, { agencyId }: { agencyId?: string } = {}) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      roles: apiKeys.roles,
      agencyId: apiKeys.agencyId,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, tenant.orgId), agencyId === undefined ? undefined : eq(apiKeys.agencyId, agencyId)))
    .orderBy(desc(apiKeys.createdAt));
}

/** Marks a live key revoked; answers whether a key of this organization was. */
export async function revokeApiKey(
  db: Database,
  tenant: TenantContext,
  keyId: string,
  { agencyId }: { agencyId?: string } = {},
): Promise<boolean> {
  const result = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(apiKeys.orgId, tenant.orgId),
        eq(apiKeys.id, keyId),
        isNull(apiKeys.revokedAt),
        agencyId === undefined ? undefined : eq(apiKeys.agencyId, agencyId),
      ),
    );
  return Number(result.rowsAffected) === 1;
}

export type ActiveApiKey = {
  id: string;
  orgId: string;
  orgName: string;
  timeZone: string | null;
  roles: string[];
  agencyId: string | null;
  /** True when "last used" is more than a minute old and worth writing again. */
  lastUsedStale: boolean;
  /** The answer stored under the Idempotency-Key asked about, for this key; null when none. */
  storedAnswer?: StoredResponse | null;
};

/**
 * A live key by the hash of its secret. The key is found before the organization is known,
 * which is why this lookup is the marked exception to the tenant guard. With `idempotencyKey`,
 * the answer this API key stored under it comes in the same statement (its org and caller are
 * the key's own), so a route honouring Idempotency-Key pays no round trip for the lookup.
 */
export async function findActiveApiKeyBySecretHash(
  db: Database,
  hash: string,
  idempotencyKey?: string,
): Promise<ActiveApiKey | null> {
  const withAnswer = idempotencyKey !== undefined;
  const answerColumns = withAnswer
    ? sql`, ${idempotencyKeys.requestFingerprint} AS request_fingerprint, ${idempotencyKeys.responseStatus} AS response_status, ${idempotencyKeys.responseBody} AS response_body`
    : sql``;
  const answerJoin = withAnswer
    ? sql`LEFT JOIN ${idempotencyKeys} ON ${idempotencyKeys.orgId} = ${apiKeys.orgId}
        AND ${idempotencyKeys.callerId} = CONCAT('apikey:', ${apiKeys.id}) AND ${idempotencyKeys.key} = ${idempotencyKey}`
    : sql``;
  const result = await db.execute(sql`/* unscoped: API key lookup by secret hash */
    SELECT ${apiKeys.id} AS id, ${apiKeys.orgId} AS org_id, ${apiKeys.roles} AS roles, ${apiKeys.agencyId} AS agency_id,
      ${organization.name} AS org_name, ${orgSettings.timeZone} AS time_zone,
      (${apiKeys.lastUsedAt} IS NULL OR ${apiKeys.lastUsedAt} < NOW(3) - INTERVAL 1 MINUTE) AS last_used_stale${answerColumns}
    FROM ${apiKeys} INNER JOIN ${organization} ON ${organization.id} = ${apiKeys.orgId}
    LEFT JOIN ${orgSettings} ON ${orgSettings.orgId} = ${apiKeys.orgId}
    ${answerJoin}
    WHERE ${apiKeys.secretHash} = ${hash} AND ${apiKeys.revokedAt} IS NULL
    LIMIT 1`);
  const row = result.rows[0] as
    | {
        id: string;
        org_id: string;
        roles: string[] | string;
        agency_id: string | null;
        org_name: string;
        time_zone: string | null;
        last_used_stale: number | string;
        request_fingerprint?: string | null;
        response_status?: string | null;
        response_body?: unknown;
      }
    | undefined;
  if (!row) return null;
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    timeZone: row.time_zone,
    roles: typeof row.roles === "string" ? (JSON.parse(row.roles) as string[]) : row.roles,
    agencyId: row.agency_id,
    lastUsedStale: Number(row.last_used_stale) === 1,
    ...(withAnswer
      ? {
          storedAnswer: row.request_fingerprint
            ? {
                requestFingerprint: row.request_fingerprint,
                status: Number(row.response_status),
                body: typeof row.response_body === "string" ? JSON.parse(row.response_body) : row.response_body,
              }
            : null,
        }
      : {}),
  };
}

export async function touchApiKeyLastUsed(db: Database, orgId: string, keyId: string) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, keyId)));
}
