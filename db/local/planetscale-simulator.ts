// A local stand-in for PlanetScale's HTTP database API, enough for `@planetscale/database` (and so
// `drizzle-orm/planetscale-serverless`) to run against MariaDB or MySQL unchanged.
//
// Protocol (Connect-style JSON over HTTP POST, Basic auth):
//   /psdb.v1alpha1.Database/CreateSession  {}               -> { branch, user, session }
//   /psdb.v1alpha1.Database/Execute        { query, session } -> { session, result | error, timing }
// The session is opaque to the driver, which sends back whatever it last received. SQL errors are
// answered with HTTP 200 and `error`, with the session, so the client can still ROLLBACK.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { createPool, type FieldPacket, type ResultSetHeader } from "mysql2/promise";
import { DEFAULT_PORT as DEFAULT_MARIADB_PORT } from "./mariadb.ts";
import { createSessionRunner, TransactionEndedError, type QueryOutput } from "./session-transactions.ts";
import { toVitessError, transactionEndedError, type VitessError } from "./vitess-error.ts";
import { okPacketToVitess, resultSetToVitess, type RawRow, type VitessQueryResult } from "./vitess-result.ts";

export interface PlanetScaleSimulatorOptions {
  /** HTTP port; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** The MySQL-compatible server and database behind the API. */
  mysql: { host: string; port: number; user: string; password: string; database: string };
  /** Credentials clients must present (Basic auth, i.e. user:password in the database URL). */
  username: string;
  password: string;
  /** A pinned transaction left idle this long is rolled back. PlanetScale allows 20 s. */
  transactionIdleTimeoutMs?: number;
  connectionLimit?: number;
  /** Called once per Execute with a one-line summary; nothing is logged without it. */
  log?: (line: string) => void;
  /**
   * Called as each statement arrives, with the kind of off-request-path work that sent it (the
   * app's `x-openinsure-work` header, absent on a request's path); the returned function when its
   * answer is sent (the bench counts with it).
   */
  observe?: (query: string, offRequestPath: string | undefined) => () => void;
}

export interface PlanetScaleSimulator {
  /** Database URL for the driver: http://user:password@host:port/database */
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Session {
  signature: string;
  vitessSession: { SessionUUID: string; inTransaction?: boolean; [key: string]: unknown };
}

const CREATE_SESSION_PATH = "/psdb.v1alpha1.Database/CreateSession";
const EXECUTE_PATH = "/psdb.v1alpha1.Database/Execute";

export async function startPlanetScaleSimulator(options: PlanetScaleSimulatorOptions): Promise<PlanetScaleSimulator> {
  const { mysql, username, password } = options;
  const host = options.host ?? "127.0.0.1";
  const idleTimeoutMs = options.transactionIdleTimeoutMs ?? 20_000;

  const pool = createPool({
    ...mysql,
    connectionLimit: options.connectionLimit ?? 20,
    charset: "UTF8MB4_UNICODE_CI",
    // Raw text-protocol bytes are exactly what the PlanetScale API forwards, and arrays keep
    // duplicate column names (joins) apart.
    rowsAsArray: true,
    typeCast: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot reach MySQL at ${mysql.host}:${mysql.port}/${mysql.database}: ${(error as Error).message}`);
  }
  const sessions = createSessionRunner(pool, idleTimeoutMs);

  async function execute(body: Record<string, unknown>, offRequestPath: string | undefined) {
    const { query } = body;
    if (typeof query !== "string") return connectError(400, "invalid_argument", "query must be a string");
    const session = isSession(body.session) ? body.session : newSession(mysql.database);
    const answered = options.observe?.(query, offRequestPath);
    const started = performance.now();
    const outcome = await sessions
      .run(session.vitessSession.SessionUUID, session.vitessSession.inTransaction === true, query)
      .finally(() => answered?.());
    const timing = (performance.now() - started) / 1000;
    const nextSession = withTransactionState(session, outcome.inTransaction);

    if ("error" in outcome) {
      const error: VitessError =
        outcome.error instanceof TransactionEndedError
          ? transactionEndedError(idleTimeoutMs, username)
          : toVitessError(outcome.error, { database: mysql.database, username, sql: query });
      options.log?.(`${(timing * 1000).toFixed(1)}ms ${error.code} ${oneLine(query)}`);
      return { status: 200, body: { session: nextSession, error, timing } };
    }
    options.log?.(`${(timing * 1000).toFixed(1)}ms ${oneLine(query)}`);
    return { status: 200, body: { session: nextSession, result: toVitessResult(outcome.output), timing } };
  }

  async function route(request: IncomingMessage) {
    if (request.method !== "POST") return connectError(405, "unimplemented", "only POST is supported");
    if (!authorized(request.headers.authorization, username, password)) {
      return connectError(401, "unauthenticated", "invalid username or password");
    }
    const body = parseJsonObject(await readBody(request));
    if (!body) return connectError(400, "invalid_argument", "request body must be a JSON object");
    switch (request.url) {
      case EXECUTE_PATH: {
        const work = request.headers["x-openinsure-work"];
        return execute(body, typeof work === "string" ? work : undefined);
      }
      case CREATE_SESSION_PATH:
        return {
          status: 200,
          body: { branch: mysql.database, user: { username }, session: newSession(mysql.database) },
        };
      default:
        return connectError(404, "not_found", `no such procedure: ${request.url}`);
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    route(request)
      .catch((error: unknown) => connectError(500, "internal", (error as Error).message))
      .then(({ status, body }) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(body));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const credentials = `${encodeURIComponent(username)}:${encodeURIComponent(password)}`;

  return {
    url: `http://${credentials}@${host}:${port}/${encodeURIComponent(mysql.database)}`,
    port,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      // fetch keeps connections alive, which would hold close() open.
      server.closeAllConnections();
      await closed;
      sessions.close();
      await pool.end();
    },
  };
}

function toVitessResult([rows, fields]: QueryOutput): VitessQueryResult {
  return Array.isArray(rows)
    ? resultSetToVitess(rows as RawRow[], fields as FieldPacket[])
    : okPacketToVitess(rows as ResultSetHeader);
}

function newSession(database: string): Session {
  // Field names follow Vitess' vtgate.Session; the driver never looks inside.
  return {
    signature: randomBytes(32).toString("base64"),
    vitessSession: {
      autocommit: true,
      targetString: database,
      options: { includedFields: "ALL", clientFoundRows: true },
      DDLStrategy: "direct",
      SessionUUID: randomUUID(),
      enableSystemSettings: true,
    },
  };
}

function isSession(value: unknown): value is Session {
  const vitessSession = (value as Session | null)?.vitessSession;
  return typeof vitessSession?.SessionUUID === "string";
}

function withTransactionState(session: Session, inTransaction: boolean): Session {
  // Protobuf JSON leaves out false booleans.
  const { inTransaction: _previous, ...vitessSession } = session.vitessSession;
  return { ...session, vitessSession: inTransaction ? { ...vitessSession, inTransaction } : vitessSession };
}

function authorized(header: string | undefined, username: string, password: string): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, "base64").toString("latin1");
  const separator = decoded.indexOf(":");
  if (separator < 0) return false;
  // The driver takes user and password from URL.username/password, which stay percent-encoded.
  const matches = (given: string, expected: string) => given === expected || safeDecode(given) === expected;
  return matches(decoded.slice(0, separator), username) && matches(decoded.slice(separator + 1), password);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Errors outside a query travel as Connect errors: an HTTP status plus `{ code, message }`. */
function connectError(status: number, code: string, message: string) {
  return { status, body: { code, message } };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text || "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "3900" },
      host: { type: "string", default: "127.0.0.1" },
      "mysql-host": { type: "string", default: "127.0.0.1" },
      "mysql-port": { type: "string", default: String(DEFAULT_MARIADB_PORT) },
      "mysql-user": { type: "string", default: "root" },
      "mysql-password": { type: "string", default: "" },
      database: { type: "string", default: "openinsure" },
      username: { type: "string", default: "openinsure" },
      password: { type: "string", default: "local" },
      verbose: { type: "boolean", default: false },
    },
  });
  const simulator = await startPlanetScaleSimulator({
    port: Number(values.port),
    host: values.host,
    mysql: {
      host: values["mysql-host"],
      port: Number(values["mysql-port"]),
      user: values["mysql-user"],
      password: values["mysql-password"],
      database: values.database,
    },
    username: values.username,
    password: values.password,
    log: values.verbose ? (line) => console.log(line) : undefined,
  });
  console.log(`PlanetScale simulator ready: DATABASE_URL=${simulator.url}`);
  const shutdown = () => void simulator.close().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
