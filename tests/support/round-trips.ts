import { createDatabase } from "../../db/client.ts";

export type StatementLog = {
  /** Every statement sent, in order (BEGIN and COMMIT included). */
  statements: string[];
  /**
   * Sequential round trips: the longest chain of statements each sent after the previous one's
   * answer. A statement's depth is one more than the deepest statement answered before it was
   * sent, so statements sent together (Promise.all) share a round trip, whatever order their
   * answers come back in.
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
  let answeredDepth = 0;
  let recording = false;
  const db = createDatabase(url, {
    tenantGuard: true,
    onStatement(query) {
      if (!recording) return undefined;
      log.statements.push(query);
      const depth = answeredDepth + 1;
      log.roundTrips = Math.max(log.roundTrips, depth);
      return () => {
        answeredDepth = Math.max(answeredDepth, depth);
      };
    },
  });
  async function measure<T>(work: () => Promise<T>): Promise<{ result: T } & StatementLog> {
    log = { statements: [], roundTrips: 0 };
    answeredDepth = 0;
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
