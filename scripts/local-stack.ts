import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDatabase as createMariaDatabase, startMariaDB } from "../db/local/mariadb.ts";
import { startPlanetScaleSimulator } from "../db/local/planetscale-simulator.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { seedDemoData } from "../db/seed/index.ts";
import { startLocalLedger } from "../ledger/src/local.ts";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** Only for local development and tests: production sets its own secret with wrangler. */
export const DEV_AUTH_SECRET = "openinsure-development-secret-not-for-production-0001";
const DEV_LEDGER_API_KEY = "openinsure-development-ledger-key";

export type LocalStackOptions = {
  dataDir: string;
  appPort: number;
  databasePort: number;
  simulatorPort: number;
  ledgerPort: number;
  databaseName: string;
  /** "dev" serves with vite (hot reload); "preview" builds once and serves the build in workerd. */
  mode: "dev" | "preview";
  log?: (line: string) => void;
  /** Passed to the PlanetScale simulator: sees every statement (the bench counts round trips with it). */
  observeStatements?: (query: string, offRequestPath: string | undefined) => () => void;
};

export type LocalStack = {
  appUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
  appPid: number;
  mariadbPid: number;
};

// Wrangler and the Cloudflare vite plugin otherwise phone home (telemetry, update checks, the
// request.cf lookup), which hangs on machines that reach only the package registries.
export const offlineWranglerEnv = {
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
};

/** MariaDB, the PlanetScale simulator in front of it, migrations, demo data and the app. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => {});
  mkdirSync(options.dataDir, { recursive: true });
  const mariadb = await startMariaDB({ dataDir: `${options.dataDir}/mariadb`, port: options.databasePort });
  log(`MariaDB on 127.0.0.1:${mariadb.port}${mariadb.reused ? " (already running)" : ""}`);
  await createMariaDatabase(mariadb.connection, options.databaseName);
  const simulator = await startPlanetScaleSimulator({
    port: options.simulatorPort,
    mysql: { ...mariadb.connection, database: options.databaseName },
    username: "openinsure",
    password: "local-password",
    observe: options.observeStatements,
  });
  log(`PlanetScale API simulator on ${new URL(simulator.url).host}`);
  // The ledger first: the seed provisions every org's accounts and posts the demo payments.
  const ledger = await startLocalLedger({
    dataDir: `${options.dataDir}/ledger`,
    port: options.ledgerPort,
    apiKey: DEV_LEDGER_API_KEY,
  });
  log(`Ledger proxy (embedded TigerBeetle semantics) on ${new URL(ledger.url).host}`);
  await migrateDatabase(simulator.url);
  await seedDemoData(simulator.url, DEV_AUTH_SECRET, { ledger: { url: ledger.url, apiKey: DEV_LEDGER_API_KEY } });
  log("Database migrated, demo data seeded and the demo orgs' ledger accounts provisioned");

  const appUrl = `http://127.0.0.1:${options.appPort}`;
  const env = {
    ...appEnvironment({ appUrl, appPort: options.appPort, databaseUrl: simulator.url, dataDir: options.dataDir }),
    LEDGER_URL: ledger.url,
    LEDGER_API_KEY: DEV_LEDGER_API_KEY,
  };
  if (options.mode === "preview") {
    log("Building the app");
    execFileSync("npx", ["react-router", "build"], { cwd: projectRoot, env, stdio: ["ignore", "ignore", "inherit"] });
  }
  const command = options.mode === "preview" ? ["vite", "preview"] : ["react-router", "dev"];
  const app = spawn("npx", [...command, "--port", String(options.appPort), "--strictPort"], {
    cwd: projectRoot,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env,
  });
  await waitForHttp(appUrl, app);
  log(`App on ${appUrl}`);

  let stopped = false;
  return {
    appUrl,
    databaseUrl: simulator.url,
    appPid: app.pid ?? 0,
    mariadbPid: mariadb.pid,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopChild(app);
      await ledger.stop();
      await simulator.close();
      await mariadb.stop();
    },
  };
}

function appEnvironment({
  appUrl,
  appPort,
  databaseUrl,
  dataDir,
}: {
  appUrl: string;
  appPort: number;
  databaseUrl: string;
  dataDir: string;
}) {
  const tmp = `${dataDir}/tmp`;
  mkdirSync(tmp, { recursive: true });
  return {
    ...process.env,
    ...offlineWranglerEnv,
    XDG_CONFIG_HOME: `${dataDir}/config`,
    TMPDIR: tmp,
    PORT: String(appPort),
    CLOUDFLARE_INCLUDE_PROCESS_ENV: "true",
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: DEV_AUTH_SECRET,
    APP_URL: appUrl,
    APP_ENV: "development",
  };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} before it answered`);
    try {
      const response = await fetch(`${url}/sign-in`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000}s`);
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // The child runs in its own process group, so workerd and esbuild go with it.
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
}
