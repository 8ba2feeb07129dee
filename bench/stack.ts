import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../db/local/free-port.ts";
import { DEMO_PASSWORD } from "../db/seed/demo-data.ts";
import { startLocalStack, type LocalStack } from "../scripts/local-stack.ts";

/** The whole local stack as a built preview in workerd, on free ports, removed afterwards. */
export async function withBenchStack<T>(
  databaseName: string,
  work: (stack: LocalStack) => Promise<T>,
  observeStatements?: (query: string, offRequestPath: string | undefined) => () => void,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "openinsure-bench-"));
  const stack = await startLocalStack({
    dataDir,
    appPort: await findFreePort(),
    databasePort: await findFreePort(),
    simulatorPort: await findFreePort(),
    ledgerPort: 0,
    databaseName,
    mode: "preview",
    observeStatements,
  });
  try {
    return await work(stack);
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function signIn(appUrl: string, email: string): Promise<string> {
  const response = await fetch(`${appUrl}/sign-in`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The p-th percentile of sorted samples, to a tenth. */
export function percentile(sorted: number[], p: number) {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

const TICK_MS = 10; // /proc CPU times are in clock ticks (USER_HZ = 100)

function procTable() {
  const table = new Map<number, { ppid: number; comm: string; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      table.set(Number(entry), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

/** CPU ms so far of the app's process tree (workerd apart from the node/npx proxy) and of MariaDB. */
export function cpuSnapshot(appPid: number, mariadbPid: number) {
  const table = procTable();
  let workerd = 0;
  let previewProxy = 0;
  const inTree = (pid: number): boolean => {
    for (let p = pid, guard = 0; p > 1 && guard < 50; p = table.get(p)?.ppid ?? 0, guard++)
      if (p === appPid) return true;
    return false;
  };
  for (const [pid, row] of table) {
    if (!inTree(pid)) continue;
    if (row.comm.startsWith("workerd")) workerd += row.ticks;
    else previewProxy += row.ticks;
  }
  const own = process.cpuUsage();
  return {
    workerd: workerd * TICK_MS,
    previewProxy: previewProxy * TICK_MS,
    mariadb: (table.get(mariadbPid)?.ticks ?? 0) * TICK_MS,
    simulator: (own.user + own.system) / 1000,
  };
}
