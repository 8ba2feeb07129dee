import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { idempotencyKeys } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/tenant.ts";

export type StoredResponse = { requestFingerprint: string; status: number; body: unknown };

// A key belongs to its caller: the API key (tenant.userId is `apikey:<id>` for API clients).
export async function findStoredResponse(db: Database, tenant: TenantContext, key: string): Promise<StoredResponse | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, tenant.orgId), eq(idempotencyKeys.callerId, tenant.userId), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  return { requestFingerprint: row.requestFingerprint, status: Number(row.responseStatus), body: row.responseBody };
}

/** Stores a final answer under its key; answers false when another request stored one first. */
export async function storeResponse(db: Database, tenant: TenantContext, key: string, response: StoredResponse): Promise<boolean> {
  const inserted = await db.insert(idempotencyKeys).ignore().values({
    orgId: tenant.orgId,
    callerId: tenant.userId,
    key,
    requestFingerprint: response.requestFingerprint,
    responseStatus: String(response.status),
    responseBody: response.body,
  });
  return Number(inserted.rowsAffected) === 1;
}
