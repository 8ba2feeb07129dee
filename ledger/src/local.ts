// Starts the proxy with the embedded backend as a child process: for the local stack (`npm start`
// runs it beside the app), end-to-end tests and the benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";

export type LocalLedger = { url: string; child: ChildProcess; stop(): Promise<void> };

/** `port: 0` takes a free port; the URL says which. Resolves once the proxy listens. */
export async function startLocalLedger(options: {
  dataDir: string;
  port: number;
  apiKey: string;
}): Promise<LocalLedger> {
  const child = spawn(process.execPath, [join(import.meta.dirname, "main.ts")], {
    env: {
      ...process.env,
      LEDGER_BACKEND: "embedded",
      LEDGER_DATA_DIR: options.dataDir,
      LEDGER_PORT: String(options.port),
      LEDGER_API_KEY: options.apiKey,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`the ledger proxy exited with code ${code} before listening`);
  });
  const [line] = await Promise.race([once(child.stdout!, "data"), exited]);
  const port = /listening on :(\d+)/.exec(String(line))?.[1];
  if (!port) throw new Error(`unexpected output from the ledger proxy: ${line}`);
  // Past the first line it only logs shutdown; errors arrive on the inherited stderr.
  child.stdout!.resume();
  exited.catch(() => {});

  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = once(child, "exit");
      child.kill("SIGTERM");
      // The proxy drains for at most 10 s before it exits on its own.
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await done;
      clearTimeout(timer);
    },
  };
}
