import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { idempotencyKeys } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/tenant.ts";

export type StoredResponse = { requestFingerprint: string; status: number; body: unknown };

// A key belongs to its caller: the API key (tenant.userId is `apikey:<id>` for API clients).
export async function findStoredResponse(
  db: Database,
  tenant: TenantContext,
  key: string,
): Promise<StoredResponse | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, tenant.orgId),
        eq(idempotencyKeys.callerId, tenant.userId),
        eq(idempotencyKeys.key, key),
      ),
    );
  if (!row) return null;
  return { requestFingerprint: row.requestFingerprint, status: Number(row.responseStatus), body: row.responseBody };
}

/** Stores a final answer under its key; answers false when another request stored one first. */
export async function storeResponse(
  db: Database | Transaction,
  tenant: TenantContext,
  key: string,
  response: StoredResponse,
): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .ignore()
    .values({
      orgId: tenant.orgId,
      callerId: tenant.userId,
      key,
      requestFingerprint: response.requestFingerprint,
      responseStatus: String(response.status),
      responseBody: response.body,
    });
  return Number(inserted.rowsAffected) === 1;
}

// One-time form tokens (app/services/access/form-token.server.ts) share the table: the caller is
// `form:<userId>`, and a row is claimed (status "000") before the work runs, so a double click's
// second request finds it taken instead of acting twice.
export const PENDING = "000";

/**
 * Claims an API key's Idempotency-Key inside a transaction, before the run's writes: a later
 * statement of that transaction writes the answer into the row (see markSubmissionQuoted), so a
 * claim is never committed pending. Answers false when another request stored its answer first
 * (a concurrent claim waits for that request's commit or rollback).
 */
export async function claimIdempotencyKey(
  tx: Transaction,
  tenant: TenantContext,
  key: string,
  requestFingerprint: string,
): Promise<boolean> {
  const inserted = await tx.insert(idempotencyKeys).ignore().values({
    orgId: tenant.orgId,
    callerId: tenant.userId,
    key,
    requestFingerprint,
    responseStatus: PENDING,
    responseBody: {},
  });
  return Number(inserted.rowsAffected) === 1;
}

/** Claims a token for one run; false when it was claimed before (by this or an earlier request). */
export async function claimFormToken(
  db: Database,
  tenant: TenantContext,
  token: string,
  fingerprint: string,
): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .ignore()
    .values({
      orgId: tenant.orgId,
      callerId: `form:${tenant.userId}`,
      key: token,
      requestFingerprint: fingerprint,
      responseStatus: PENDING,
      responseBody: {},
    });
  return Number(inserted.rowsAffected) === 1;
}

/** The token's stored answer: pending while its first request runs. */
export async function findFormTokenAnswer(db: Database, tenant: TenantContext, token: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, tenant.orgId),
        eq(idempotencyKeys.callerId, `form:${tenant.userId}`),
        eq(idempotencyKeys.key, token),
      ),
    );
  if (!row) return null;
  return { fingerprint: row.requestFingerprint, pending: row.responseStatus === PENDING, body: row.responseBody };
}

export async function completeFormToken(
  db: Database,
  tenant: TenantContext,
  token: string,
  body: unknown,
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: "200", responseBody: body })
    .where(
      and(
        eq(idempotencyKeys.orgId, tenant.orgId),
        eq(idempotencyKeys.callerId, `form:${tenant.userId}`),
        eq(idempotencyKeys.key, token),
      ),
    );
}

/** Frees a token whose run failed unexpectedly, so sending the form again can succeed. */
export async function releaseFormToken(db: Database, tenant: TenantContext, token: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, tenant.orgId),
        eq(idempotencyKeys.callerId, `form:${tenant.userId}`),
        eq(idempotencyKeys.key, token),
      ),
    );
}
