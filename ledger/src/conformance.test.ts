import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { describeConformance } from "./conformance.ts";
import { EmbeddedBackend } from "./embedded/backend.ts";
import { openTigerBeetleBackend } from "./tigerbeetle.ts";

const dataDir = mkdtempSync(join(tmpdir(), "ledger-conformance-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeConformance("embedded", () => EmbeddedBackend.open(dataDir));

const addresses = process.env.TB_ADDRESSES;
if (addresses) {
  const clusterId = BigInt(process.env.TB_CLUSTER_ID ?? "0");
  describeConformance(`tigerbeetle (${addresses})`, () => openTigerBeetleBackend(addresses.split(","), clusterId));
} else {
  const reason = "TB_ADDRESSES is not set, so there is no TigerBeetle cluster to run against";
  console.warn(`ledger: tigerbeetle conformance suite skipped: ${reason}`);
  describe.skip(`ledger backend conformance: tigerbeetle (skipped: ${reason})`, () => {
    it("runs the same suite against a real cluster when TB_ADDRESSES is set", () => {});
  });
}
