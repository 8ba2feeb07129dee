import type { Database } from "./client.ts";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

// InnoDB picks a victim when two transactions' locks cross (errno 1213) and gives up on a lock
// held too long (1205). Both leave nothing written, so running the whole transaction again is
// the documented remedy; PlanetScale surfaces them the same way.
const RETRYABLE = /\(errno (1213|1205)\)/;

function isRetryable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (RETRYABLE.test(e.message)) return true;
  }
  return false;
}

/** Runs `work` in a transaction, running it again (up to `attempts` times) after a deadlock. */
export async function transactionWithRetry<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10 * attempt));
    }
  }
}
