import { createDatabase } from "../../db/client.ts";

export type StatementLog = {
  /** Every statement sent, in order (BEGIN and COMMIT included). */
  statements: string[];
  /**
   * Sequential round trips: the longest chain of statements each sent after the previous one's
   * answer. A statement's depth is one more than the deepest statement answered before it was
   * sent, so statements sent together (Promise.all) share a round trip, whatever order their
   * answers come back in; but as on Workers, at most six are open at once (ADR 032): a seventh
   * waits for the first of them to answer, a round trip later.
   */
  roundTrips: number;
};

/** A Worker invocation has at most six outgoing connections open at once; more wait for one. */
export const WORKER_CONNECTIONS = 6;

/**
 * The test database as the app sees it, counting what passes through the client's statement
 * hook. `measure` resets the count, runs the work and returns what it sent.
 */
export function countingTestDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: vitest's global setup starts the test database");
  let log: StatementLog = { statements: [], roundTrips: 0 };
  let answeredDepth = 0;
  // The depth at which each of the (at most six) open connections is answered.
  let open: number[] = [];
  let recording = false;
  const db = createDatabase(url, {
    tenantGuard: true,
    onStatement(query) {
      if (!recording) return undefined;
      log.statements.push(query);
      open = open.filter((d) => d > answeredDepth);
      let depth = answeredDepth + 1;
      if (open.length >= WORKER_CONNECTIONS) {
        // Waits for the open connection answered first, then takes its place.
        const first = Math.min(...open);
        open.splice(open.indexOf(first), 1);
        depth = Math.max(answeredDepth, first) + 1;
      }
      open.push(depth);
      log.roundTrips = Math.max(log.roundTrips, depth);
      return () => {
        answeredDepth = Math.max(answeredDepth, depth);
      };
    },
  });
  async function measure<T>(work: () => Promise<T>): Promise<{ result: T } & StatementLog> {
    log = { statements: [], roundTrips: 0 };
    answeredDepth = 0;
    open = [];
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
