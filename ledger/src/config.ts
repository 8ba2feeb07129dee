import { resolve } from "node:path";
import type { BackendConfig } from "./backend.ts";

export type Config = { port: number; host: string; apiKey: string; backend: BackendConfig };

export class ConfigError extends Error {}

/**
 * Reads the proxy's settings: LEDGER_PORT (default 8790), LEDGER_HOST (the address to listen on;
 * default 127.0.0.1, so a local proxy is not reachable from the network; the container sets
 * 0.0.0.0), LEDGER_API_KEY (required),
 * LEDGER_BACKEND = embedded (default) | tigerbeetle, LEDGER_DATA_DIR (embedded; default
 * .data/ledger), TB_ADDRESSES (comma-separated) and TB_CLUSTER_ID (tigerbeetle; default 0).
 */
export function configFromEnv(env: Record<string, string | undefined>): Config {
  const port = Number(env.LEDGER_PORT ?? "8790");
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`LEDGER_PORT must be a port number, got ${JSON.stringify(env.LEDGER_PORT)}`);
  }
  const host = env.LEDGER_HOST ?? "127.0.0.1";
  const apiKey = env.LEDGER_API_KEY ?? "";
  if (apiKey.length < 16) throw new ConfigError("LEDGER_API_KEY must be set to a secret of at least 16 characters");

  const kind = env.LEDGER_BACKEND ?? "embedded";
  if (kind === "embedded") {
    return { port, host, apiKey, backend: { kind, dataDir: resolve(env.LEDGER_DATA_DIR ?? ".data/ledger") } };
  }
  if (kind !== "tigerbeetle") {
    throw new ConfigError(`LEDGER_BACKEND must be "embedded" or "tigerbeetle", got ${JSON.stringify(kind)}`);
  }
  const addresses = (env.TB_ADDRESSES ?? "")
    .split(",")
    .map((address) => address.trim())
    .filter(Boolean);
  if (addresses.length === 0) throw new ConfigError("LEDGER_BACKEND=tigerbeetle needs TB_ADDRESSES (host:port,...)");
  const clusterId = env.TB_CLUSTER_ID ?? "0";
  if (!/^(0|[1-9][0-9]*)$/.test(clusterId) || BigInt(clusterId) >= 1n << 128n) {
    throw new ConfigError(`TB_CLUSTER_ID must be a u128 in decimal, got ${JSON.stringify(clusterId)}`);
  }
  return { port, host, apiKey, backend: { kind, addresses, clusterId: BigInt(clusterId) } };
}
