import type { Database } from "../../../db/client.ts";
import type { Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import {
  claimIdempotencyKey,
  findStoredResponse,
  storeResponse,
  type StoredResponse,
} from "../../models/idempotency-keys.server.ts";
import { sha256Hex } from "../../utils/sha256.ts";
import { ApiFailure, apiJson } from "./http.server.ts";

type Answer = { status: number; body: unknown };

/**
 * Stores `answer` under the request's key inside the run's own transaction (with its last writes,
 * so it costs no round trip and commits or rolls back with them); without a key it stores nothing.
 * The run must then answer with that same answer object. When a concurrent request with the key
 * stored its answer first (the insert waits for its commit), it throws, rolling the run's
 * transaction back, and the request answers with that stored answer instead.
 */
export type StoreAnswerInTransaction = (tx: Transaction, answer: Answer) => Promise<void>;

/** What a run's own write sets on the row it claimed: the key and the final answer. */
export type AnswerForKey = { key: string; status: number; body: unknown };

/**
 * For a run whose write round has no room for one more statement (ADR 032): claims the request's
 * key in the run's transaction, sent with its reads before its writes, and gives back `answered`,
 * which records the run's final answer and returns what one of the run's writes must set on the
 * claimed row in that transaction; null without a key. The run must then answer with that same
 * answer object. Like StoreAnswerInTransaction it throws when a concurrent request stored its
 * answer first (the claim waits for its commit); a run that refuses after claiming must roll back.
 */
export type ClaimKeyInTransaction = (tx: Transaction) => Promise<((answer: Answer) => AnswerForKey) | null>;

/**
 * Runs a write at most once per Idempotency-Key: a retry with the same key and the same request
 * gets the stored answer; the same key with a different request is refused. A run that stores its
 * answer in its transaction (`storeInTransaction`, or `claimInTransaction` and one of its writes)
 * saves the store after it.
 */
export async function idempotent(
  db: Database,
  tenant: TenantContext,
  request: Request,
  body: string,
  run: (storeInTransaction: StoreAnswerInTransaction, claimInTransaction: ClaimKeyInTransaction) => Promise<Answer>,
  /** The answer stored under the key, already looked up (handleApi's lookUpIdempotencyKey). */
  lookedUp?: StoredResponse | null,
): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (!key) {
    const result = await run(
      async () => {},
      async () => null,
    );
    return apiJson(result.body, result.status);
  }
  if (key.length > 100) throw new ApiFailure(400, "VALIDATION_FAILED", "Idempotency-Key is at most 100 characters.");
  const fingerprint = await sha256Hex(`${request.method} ${new URL(request.url).pathname}\n${body}`);
  const stored = async (known?: StoredResponse | null) => {
    const row = known === undefined ? await findStoredResponse(db, tenant, key) : known;
    if (!row) return null;
    if (row.requestFingerprint !== fingerprint) {
      throw new ApiFailure(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request.");
    }
    return apiJson(row.body, row.status, { "idempotent-replayed": "true" });
  };
  const replay = await stored(lookedUp);
  if (replay) return replay;
  // The answer last stored in a transaction; kept only if the run answers with it (a transaction
  // retried or rolled back after storing answers otherwise, and is stored below).
  const inTransaction: { answer: Answer | null } = { answer: null };
  let result: Answer;
  try {
    result = await run(
      async (tx, answer) => {
        if (answer.status >= 500) return;
        if (!(await storeResponse(tx, tenant, key, { requestFingerprint: fingerprint, ...answer })))
          throw new AnsweredConcurrently();
        inTransaction.answer = answer;
      },
      async (tx) => {
        if (!(await claimIdempotencyKey(tx, tenant, key, fingerprint))) throw new AnsweredConcurrently();
        return (answer) => {
          if (answer.status >= 500) throw new Error("Only a final answer is written into a claimed Idempotency-Key");
          inTransaction.answer = answer;
          return { key, status: answer.status, body: answer.body };
        };
      },
    );
  } catch (error) {
    if (!(error instanceof AnsweredConcurrently)) throw error;
    const first = await stored();
    if (!first) throw new Error(`Idempotency-Key ${key} was stored by a concurrent request but cannot be read`);
    return first;
  }
  if (result === inTransaction.answer) return apiJson(result.body, result.status);
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

/** Thrown inside a run's transaction when another request with the key committed its answer first. */
class AnsweredConcurrently extends Error {}
