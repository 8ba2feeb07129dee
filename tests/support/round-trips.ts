import { createDatabase } from "../../db/client.ts";

export type StatementLog = {
  /** Every statement sent, in order (BEGIN and COMMIT included). */
  statements: string[];
  /**
   * Sequential round trips: a statement sent while another is still in flight (Promise.all)
   * shares its round trip, since the Worker waits for both at once.
   */
  roundTrips: number;
};

/**
 * The test database as the app sees it, counting what passes through the client's statement
 * hook. `measure` resets the count, runs the work and returns what it sent.
 */
export function countingTestDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: vitest's global setup starts the test database");
  let log: StatementLog = { statements: [], roundTrips: 0 };
  let inFlight = 0;
  let recording = false;
  const db = createDatabase(url, {
    tenantGuard: true,
    onStatement(query) {
      if (!recording) return undefined;
      log.statements.push(query);
      if (inFlight === 0) log.roundTrips++;
      inFlight++;
      return () => {
        inFlight--;
      };
    },
  });
  async function measure<T>(work: () => Promise<T>): Promise<{ result: T } & StatementLog> {
    log = { statements: [], roundTrips: 0 };
    inFlight = 0;
    recording = true;
    try {
      const result = await work();
      return { result, ...log };
    } finally {
      recording = false;
    }
  }
  return { db, measure };
}
