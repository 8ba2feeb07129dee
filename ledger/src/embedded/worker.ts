// The embedded backend's worker thread: it owns the SQLite connection and applies one call at a
// time, so the main thread keeps parsing requests (which join the next batch) during a commit.
import { parentPort, workerData } from "node:worker_threads";
import { Engine } from "./engine.ts";

export type Method =
  | "createAccounts"
  | "createTransfers"
  | "lookupAccounts"
  | "lookupTransfers"
  | "getAccountTransfers"
  | "getAccountBalances"
  | "close";
export type Call = { id: number; method: Method; argument: unknown };
export type Reply = { id: number; result: unknown } | { id: number; error: string };

const engine = new Engine((workerData as { dataDir: string }).dataDir);
const port = parentPort!;
// The first message tells the opener that the database is open.
port.postMessage("ready");

port.on("message", ({ id, method, argument }: Call) => {
  try {
    const result = (engine[method] as (argument: unknown) => unknown)(argument);
    port.postMessage({ id, result } satisfies Reply);
  } catch (error) {
    port.postMessage({ id, error: (error as Error).message } satisfies Reply);
  }
  if (method === "close") port.close();
});
