// Runs statements for PlanetScale sessions. A session that has begun a transaction is pinned to
// one MySQL connection until COMMIT or ROLLBACK, as vtgate does with its shard sessions; every
// other statement takes any pooled connection, so session state (user variables, temporary
// tables, LAST_INSERT_ID()) does not carry over between statements outside a transaction.
// Like vtgate, BEGIN only marks the session: the connection is taken, and the MySQL transaction
// begun, by the first statement after it. A client may send BEGIN while its other reads are in
// flight; holding a pooled connection from BEGIN on would let a burst of such clients pin every
// connection while their reads wait for one.
import type { FieldPacket, Pool, PoolConnection, ResultSetHeader } from "mysql2/promise";

type StatementKind = "begin" | "commit" | "rollback" | "other";

export type QueryOutput = [rows: unknown, fields: FieldPacket[] | undefined];

export type StatementOutcome = { inTransaction: boolean } & ({ output: QueryOutput } | { error: unknown });

/** The session claims a transaction this simulator no longer holds: it idled out, or the simulator restarted. */
export class TransactionEndedError extends Error {}

interface Pinned {
  /** The BEGIN statement as sent, run on the connection by the first statement after it. */
  begin: string;
  /** Taken by the first statement after BEGIN; statements sent together share it. */
  connection?: Promise<PoolConnection>;
  idleTimer?: NodeJS.Timeout;
}

const EMPTY_OK: QueryOutput = [{ affectedRows: 0, insertId: 0 } as ResultSetHeader, undefined];

export function createSessionRunner(pool: Pool, idleTimeoutMs: number) {
  const pinned = new Map<string, Pinned>();

  /** Dropping the connection makes the server roll back and release the row locks. */
  function drop(pin: Pinned): void {
    pin.connection?.then(
      (connection) => connection.destroy(),
      () => {},
    );
  }

  function armIdleTimer(sessionId: string, pin: Pinned): void {
    clearTimeout(pin.idleTimer);
    pin.idleTimer = setTimeout(() => {
      if (pinned.get(sessionId) === pin) pinned.delete(sessionId);
      drop(pin);
    }, idleTimeoutMs);
    pin.idleTimer.unref();
  }

  function begin(sessionId: string, sql: string): StatementOutcome {
    const pin: Pinned = { begin: sql };
    pinned.set(sessionId, pin);
    armIdleTimer(sessionId, pin);
    return { inTransaction: true, output: EMPTY_OK };
  }

  /** The session's connection, taken and its transaction begun by the first statement that needs it. */
  function connectionOf(pin: Pinned): Promise<PoolConnection> {
    pin.connection ??= pool.getConnection().then(async (connection) => {
      try {
        await connection.query(pin.begin);
        return connection;
      } catch (error) {
        connection.release();
        throw error;
      }
    });
    return pin.connection;
  }

  async function runPinned(
    sessionId: string,
    pin: Pinned,
    sql: string,
    kind: StatementKind,
  ): Promise<StatementOutcome> {
    clearTimeout(pin.idleTimer);
    const ends = kind === "commit" || kind === "rollback";
    if (ends && !pin.connection) {
      // Nothing ran since BEGIN: there is no MySQL transaction to end.
      pinned.delete(sessionId);
      return { inTransaction: false, output: EMPTY_OK };
    }
    let connection: PoolConnection;
    try {
      connection = await connectionOf(pin);
    } catch (error) {
      // BEGIN itself failed: the session is no longer in a transaction.
      if (pinned.get(sessionId) === pin) pinned.delete(sessionId);
      return { inTransaction: false, error };
    }
    try {
      const output = (await connection.query(sql)) as QueryOutput;
      if (ends) {
        pinned.delete(sessionId);
        connection.release();
      }
      return { inTransaction: !ends, output };
    } catch (error) {
      if (ends) {
        // A failed COMMIT/ROLLBACK leaves the connection in an unknown state: do not reuse it.
        pinned.delete(sessionId);
        connection.destroy();
      }
      return { inTransaction: !ends, error };
    } finally {
      if (pinned.get(sessionId) === pin) armIdleTimer(sessionId, pin);
    }
  }

  return {
    async run(sessionId: string, inTransaction: boolean, sql: string): Promise<StatementOutcome> {
      const kind = statementKind(sql);
      const pin = pinned.get(sessionId);
      if (pin) return runPinned(sessionId, pin, sql, kind);
      if (inTransaction) {
        // Keep failing until the client rolls back, so nothing runs half outside the transaction.
        if (kind === "rollback") return { inTransaction: false, output: EMPTY_OK };
        return { inTransaction: true, error: new TransactionEndedError() };
      }
      if (kind === "begin") return begin(sessionId, sql);
      try {
        return { inTransaction: false, output: (await pool.query(sql)) as QueryOutput };
      } catch (error) {
        return { inTransaction: false, error };
      }
    },

    close(): void {
      for (const pin of pinned.values()) {
        clearTimeout(pin.idleTimer);
        drop(pin);
      }
      pinned.clear();
    },
  };
}

// Leading comments other than executable /*! */ ones do not change what a statement does.
const LEADING_COMMENTS = /^(?:\s+|\/\*(?!!)[\s\S]*?\*\/|(?:--\s|#)[^\n]*(?:\n|$))*/;

function statementKind(sql: string): StatementKind {
  const statement = sql.replace(LEADING_COMMENTS, "");
  if (/^(?:begin|start\s+transaction)\b/i.test(statement)) return "begin";
  if (/^commit\b/i.test(statement)) return "commit";
  // ROLLBACK TO SAVEPOINT stays inside the transaction.
  if (/^rollback\b(?!\s+(?:work\s+)?to\b)/i.test(statement)) return "rollback";
  return "other";
}
