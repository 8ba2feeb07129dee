// A fresh database behind the PlanetScale simulator, for tests (vitest globalSetup or beforeAll)
// and e2e runs: MariaDB on a free port, a new database, the simulator on another free port.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "./free-port.ts";
import { createDatabase, dropDatabase, startMariaDB, type MySQLConnectionOptions } from "./mariadb.ts";
import { startPlanetScaleSimulator } from "./planetscale-simulator.ts";

export interface TestDatabaseOptions {
  /** Reuse or create a MariaDB data dir instead of a temporary one (faster when run repeatedly). */
  dataDir?: string;
  /** Database name; default a random `test_…`. */
  database?: string;
  transactionIdleTimeoutMs?: number;
}

export interface TestDatabase {
  /** For `new Client({ url })` / `createDatabase(url)`; carries the simulator's credentials. */
  databaseUrl: string;
  /** Direct root access to the same database, for setup and assertions that bypass the API. */
  mysql: MySQLConnectionOptions & { database: string };
  stop(): Promise<void>;
}

export async function startTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const tempDir = options.dataDir ? undefined : await mkdtemp(path.join(tmpdir(), "openinsure-mariadb-"));
  const mariadb = await startMariaDB({ dataDir: options.dataDir ?? tempDir, port: await findFreePort() });
  const database = options.database ?? `test_${randomBytes(4).toString("hex")}`;
  await createDatabase(mariadb.connection, database);
  const mysql = { ...mariadb.connection, database };
  const simulator = await startPlanetScaleSimulator({
    mysql,
    username: "test",
    password: randomBytes(12).toString("hex"),
    transactionIdleTimeoutMs: options.transactionIdleTimeoutMs,
  });

  return {
    databaseUrl: simulator.url,
    mysql,
    async stop() {
      await simulator.close();
      // A kept data dir should not fill up with test databases; a temporary one goes entirely.
      if (!tempDir) await dropDatabase(mariadb.connection, database);
      if (!mariadb.reused) await mariadb.stop();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/**
 * For `globalSetup` in vitest (and, wrapped in a default export, Playwright): starts a test
 * database, publishes it as DATABASE_URL to the test processes, and returns the teardown.
 */
export async function setup(): Promise<() => Promise<void>> {
  const database = await startTestDatabase();
  process.env.DATABASE_URL = database.databaseUrl;
  return database.stop;
}
