import { mkdtempSync, rmSync } from "node:fs";
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
