import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../db/local/free-port.ts";
import { startLocalStack } from "./local-stack.ts";

// A throwaway stack for Playwright: its own data folder and free ports, removed on exit.
const dataDir = mkdtempSync(join(tmpdir(), "openinsure-e2e-"));
const stack = await startLocalStack({
  dataDir,
  appPort: Number(process.env.PORT),
  databasePort: Number(process.env.E2E_DB_PORT) || (await findFreePort()),
  simulatorPort: await findFreePort(),
  ledgerPort: 0,
  databaseName: "openinsure_e2e",
  mode: "preview",
  log: (line) => console.log(line),
});

async function shutdown() {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
