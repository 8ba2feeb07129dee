import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configFromEnv } from "./config.ts";

const apiKey = "a-secret-of-16-chars";

describe("configFromEnv", () => {
  it("defaults to the embedded backend in .data/ledger on port 8790, listening on loopback only", () => {
    expect(configFromEnv({ LEDGER_API_KEY: apiKey })).toEqual({
      port: 8790,
      host: "127.0.0.1",
      apiKey,
      backend: { kind: "embedded", dataDir: resolve(".data/ledger") },
    });
  });

  it("reads the tigerbeetle backend's cluster settings", () => {
    const config = configFromEnv({
      LEDGER_API_KEY: apiKey,
      LEDGER_PORT: "8080",
      LEDGER_BACKEND: "tigerbeetle",
      TB_ADDRESSES: "10.0.0.1:3000, 10.0.0.2:3000",
      TB_CLUSTER_ID: "340282366920938463463374607431768211455",
    });
    expect(config).toEqual({
      port: 8080,
      host: "127.0.0.1",
      apiKey,
      backend: { kind: "tigerbeetle", addresses: ["10.0.0.1:3000", "10.0.0.2:3000"], clusterId: (1n << 128n) - 1n },
    });
  });

  it("refuses settings it cannot honour, saying which", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /LEDGER_API_KEY/],
      [{ LEDGER_API_KEY: "short" }, /at least 16/],
      [{ LEDGER_API_KEY: apiKey, LEDGER_PORT: "http" }, /LEDGER_PORT/],
      [{ LEDGER_API_KEY: apiKey, LEDGER_BACKEND: "postgres" }, /LEDGER_BACKEND/],
      [{ LEDGER_API_KEY: apiKey, LEDGER_BACKEND: "tigerbeetle" }, /TB_ADDRESSES/],
      [
        { LEDGER_API_KEY: apiKey, LEDGER_BACKEND: "tigerbeetle", TB_ADDRESSES: "3000", TB_CLUSTER_ID: "-1" },
        /TB_CLUSTER_ID/,
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => configFromEnv(env)).toThrow(ConfigError);
      expect(() => configFromEnv(env)).toThrow(message);
    }
  });
});
