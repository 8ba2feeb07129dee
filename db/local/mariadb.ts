// A throwaway MariaDB server for local development and tests, run straight from the Debian
// binaries in a project folder (no systemd, no system config files).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { createConnection } from "mysql2/promise";

const execFileAsync = promisify(execFile);

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../.data/mariadb", import.meta.url));
export const DEFAULT_PORT = 3307; // 3306 is left to any system MySQL/MariaDB service

export const INSTALL_COMMAND = "sudo apt-get update && sudo apt-get install -y mariadb-server";

// MySQL 8's default sql_mode (PlanetScale's) minus ONLY_FULL_GROUP_BY: MariaDB does not detect
// functional dependencies, so it would reject GROUP BY queries that MySQL 8 accepts.
// NO_BACKSLASH_ESCAPES must stay off: the PlanetScale driver escapes parameters with backslashes.
const SQL_MODE = "STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

export interface MySQLConnectionOptions {
  host: string;
  port: number;
  user: string;
  password: string;
}

export interface MariaDBInstance {
  port: number;
  pid: number;
  dataDir: string;
  /** True when an instance already running on this data dir was reused instead of started. */
  reused: boolean;
  /** Root credentials over TCP (root has an empty password on these throwaway instances). */
  connection: MySQLConnectionOptions;
  stop(): Promise<void>;
}

export interface StartMariaDBOptions {
  /** Folder holding the data files, socket, pid file and error log. Default: `.data/mariadb`. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; ignored when an instance is already running on `dataDir`. */
  port?: number;
  /** Start the server in its own process group so it outlives the caller (CLI use). */
  detached?: boolean;
  timeoutMs?: number;
}

interface Binaries {
  server: string;
  installDb: string;
  admin: string;
}

interface InstancePaths {
  root: string;
  datadir: string;
  socket: string;
  pidFile: string;
  portFile: string;
  errorLog: string;
}

export async function startMariaDB(options: StartMariaDBOptions = {}): Promise<MariaDBInstance> {
  const binaries = findMariaDBBinaries();
  const paths = instancePaths(options.dataDir);
  const runningPid = readLivePid(paths);
  if (runningPid) return describeInstance(paths, runningPid, Number(readFileSync(paths.portFile, "utf8")), true);

  mkdirSync(paths.root, { recursive: true });
  if (!existsSync(path.join(paths.datadir, "mysql"))) await installSystemTables(binaries, paths);

  const port = options.port ?? DEFAULT_PORT;
  const child = spawn(binaries.server, serverArguments(paths, port), {
    stdio: "ignore",
    detached: options.detached ?? false,
  });
  child.unref();
  writeFileSync(paths.portFile, String(port));
  await waitUntilReady(binaries, paths, child, options.timeoutMs ?? 30_000);
  return describeInstance(paths, child.pid!, port, false);
}

/** Stops the instance whose pid file lives in `dataDir`. Returns false when none was running. */
export async function stopMariaDB(options: { dataDir?: string } = {}): Promise<boolean> {
  const pid = readLivePid(instancePaths(options.dataDir));
  if (!pid) return false;
  await terminate(pid);
  return true;
}

export async function createDatabase(connection: MySQLConnectionOptions, database: string): Promise<void> {
  const conn = await createConnection(connection);
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS ${conn.escapeId(database)}`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(connection: MySQLConnectionOptions, database: string): Promise<void> {
  const conn = await createConnection(connection);
  try {
    await conn.query(`DROP DATABASE IF EXISTS ${conn.escapeId(database)}`);
  } finally {
    await conn.end();
  }
}

export function findMariaDBBinaries(): Binaries {
  // sbin directories are often missing from PATH for non-root users, yet that is where mariadbd lives.
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin", "/usr/bin"];
  const find = (name: string) => dirs.map((dir) => path.join(dir, name)).find(isExecutable);
  const server = find("mariadbd");
  const installDb = find("mariadb-install-db");
  const admin = find("mariadb-admin");
  if (!server || !installDb || !admin) {
    throw new Error(
      `MariaDB server binaries not found (need mariadbd, mariadb-install-db, mariadb-admin). Install them with:\n  ${INSTALL_COMMAND}`,
    );
  }
  return { server, installDb, admin };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function instancePaths(dataDir = DEFAULT_DATA_DIR): InstancePaths {
  const root = path.resolve(dataDir);
  return {
    root,
    datadir: path.join(root, "data"),
    socket: path.join(root, "mariadbd.sock"),
    pidFile: path.join(root, "mariadbd.pid"),
    portFile: path.join(root, "mariadbd.port"),
    errorLog: path.join(root, "error.log"),
  };
}

function describeInstance(paths: InstancePaths, pid: number, port: number, reused: boolean): MariaDBInstance {
  return {
    port,
    pid,
    dataDir: paths.root,
    reused,
    connection: { host: "127.0.0.1", port, user: "root", password: "" },
    stop: () => terminate(pid),
  };
}

async function installSystemTables(binaries: Binaries, paths: InstancePaths): Promise<void> {
  try {
    await execFileAsync(binaries.installDb, [
      "--no-defaults",
      `--datadir=${paths.datadir}`,
      `--user=${userInfo().username}`,
      // Otherwise root may only log in through the unix socket, and the simulator uses TCP.
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
    ]);
  } catch (error) {
    // A half-written datadir would be mistaken for an initialised one on the next start.
    rmSync(paths.datadir, { recursive: true, force: true });
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`mariadb-install-db failed:\n${stdout}${stderr}`);
  }
}

function serverArguments(paths: InstancePaths, port: number): string[] {
  return [
    "--no-defaults", // must come first: keeps /etc/mysql out of the picture
    // mariadbd refuses to run as root unless told which user to run as.
    `--user=${userInfo().username}`,
    `--datadir=${paths.datadir}`,
    `--socket=${paths.socket}`,
    `--pid-file=${paths.pidFile}`,
    `--log-error=${paths.errorLog}`,
    `--port=${port}`,
    "--bind-address=127.0.0.1",
    "--skip-name-resolve",
    "--default-time-zone=+00:00",
    // Compiled-in defaults are latin1; PlanetScale databases are utf8mb4.
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
    "--explicit-defaults-for-timestamp=ON",
    `--sql-mode=${SQL_MODE}`,
    // Local data is disposable: trade crash safety for speed.
    "--skip-log-bin",
    "--innodb-flush-log-at-trx-commit=2",
    "--innodb-flush-method=nosync",
    "--innodb-doublewrite=OFF",
    "--innodb-buffer-pool-size=128M",
    "--innodb-buffer-pool-dump-at-shutdown=OFF",
    "--innodb-buffer-pool-load-at-startup=OFF",
    "--performance-schema=OFF",
  ];
}

async function waitUntilReady(
  binaries: Binaries,
  paths: InstancePaths,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  let exitReason: string | undefined;
  child.once("exit", (code, signal) => (exitReason = signal ?? `exit code ${code}`));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitReason) throw new Error(`mariadbd stopped during startup (${exitReason}):\n${logTail(paths)}`);
    if (await ping(binaries, paths)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await terminate(child.pid!);
  throw new Error(`mariadbd did not answer within ${timeoutMs} ms:\n${logTail(paths)}`);
}

async function ping(binaries: Binaries, paths: InstancePaths): Promise<boolean> {
  try {
    // Exits 0 as soon as the server answers, even with "access denied".
    await execFileAsync(binaries.admin, ["--no-defaults", `--socket=${paths.socket}`, "--connect-timeout=1", "ping"]);
    return true;
  } catch {
    return false;
  }
}

function logTail(paths: InstancePaths): string {
  try {
    return readFileSync(paths.errorLog, "utf8").trimEnd().split("\n").slice(-15).join("\n");
  } catch {
    return "(no error log)";
  }
}

function readLivePid(paths: InstancePaths): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(paths.pidFile, "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  // After a reboot the pid may belong to an unrelated process.
  try {
    if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "mariadbd") return undefined;
  } catch {
    // No procfs: trust the pid file.
  }
  return pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A server started by a CLI that has since exited is reparented to init; once stopped it can
  // linger as a zombie for seconds until init reaps it. A zombie has finished.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

async function terminate(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGTERM");
  if (await waitForExit(pid, 30_000)) return;
  process.kill(pid, "SIGKILL");
  await waitForExit(pid, 5_000);
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "data-dir": { type: "string" },
      port: { type: "string" },
      database: { type: "string" },
    },
  });
  const dataDir = values["data-dir"];
  switch (positionals[0]) {
    case "start": {
      const instance = await startMariaDB({
        dataDir,
        port: values.port ? Number(values.port) : undefined,
        detached: true,
      });
      if (values.database) await createDatabase(instance.connection, values.database);
      const state = instance.reused ? "already running" : "started";
      console.log(`MariaDB ${state} on 127.0.0.1:${instance.port} (pid ${instance.pid}, data in ${instance.dataDir})`);
      return;
    }
    case "stop": {
      const stopped = await stopMariaDB({ dataDir });
      console.log(stopped ? "MariaDB stopped" : "MariaDB was not running");
      return;
    }
    default:
      console.error("Usage: npx node db/local/mariadb.ts start|stop [--data-dir DIR] [--port N] [--database NAME]");
      process.exitCode = 1;
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
