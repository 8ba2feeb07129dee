import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { findStoredResponse, storeResponse } from "../../models/idempotency-keys.server.ts";
import { sha256Hex } from "../../utils/sha256.ts";
import { ApiFailure, apiJson } from "./http.server.ts";

/**
 * Runs a write at most once per Idempotency-Key: a retry with the same key and the same request
 * gets the stored answer; the same key with a different request is refused.
 */
export async function idempotent(
  db: Database,
  tenant: TenantContext,
  request: Request,
  body: string,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (!key) {
    const result = await run();
    return apiJson(result.body, result.status);
  }
  if (key.length > 100) throw new ApiFailure(400, "VALIDATION_FAILED", "Idempotency-Key is at most 100 characters.");
  const fingerprint = await sha256Hex(`${request.method} ${new URL(request.url).pathname}\n${body}`);
  const stored = async () => {
    const row = await findStoredResponse(db, tenant, key);
    if (!row) return null;
    if (row.requestFingerprint !== fingerprint) {
      throw new ApiFailure(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request.");
    }
    return apiJson(row.body, row.status, { "idempotent-replayed": "true" });
  };
  const replay = await stored();
  if (replay) return replay;
  const result = await run();
  // Only final answers are kept: a 5xx may succeed on retry.
  if (result.status < 500) {
    const kept = await storeResponse(db, tenant, key, {
      requestFingerprint: fingerprint,
      status: result.status,
      body: result.body,
    });
    if (!kept) return (await stored()) ?? apiJson(result.body, result.status);
  }
  return apiJson(result.body, result.status);
}
