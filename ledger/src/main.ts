// Entry point: `node src/main.ts`. Configuration comes from the environment (see config.ts).
import type { AddressInfo } from "node:net";
import { openBackend } from "./backend.ts";
import { withBatching } from "./batcher.ts";
import { ConfigError, configFromEnv } from "./config.ts";
import { createLedgerServer } from "./server.ts";

async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const backend = withBatching(await openBackend(config.backend));
  const server = createLedgerServer({ backend, apiKey: config.apiKey });
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    const where = config.backend.kind === "embedded" ? config.backend.dataDir : config.backend.addresses.join(",");
    console.log(`ledger: listening on :${port} at ${config.host} (backend ${config.backend.kind}: ${where})`);
  });

  // Stop taking requests, answer those already taken, then close the backend. A request still
  // waiting after the grace period (say, on an unreachable cluster) was never acknowledged, and
  // the caller's retry with the same ids is safe, so the process may then exit regardless.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`ledger: ${signal}, shutting down`);
    server.close(async () => {
      await backend.close();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      console.error("ledger: requests still pending after 10 s; exiting without them");
      process.exit(1);
    }, 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`ledger: ${error instanceof ConfigError ? error.message : error}`);
  process.exit(1);
});
