import { describe, expect, it } from "vitest";
import { type ChainedRow, canonicalJson, chainHash, GENESIS_HASH, verifyChain } from "./hash-chain.ts";

async function chain(contents: Record<string, unknown>[]) {
  const rows: ChainedRow<Record<string, unknown>>[] = [];
  let previousHash = GENESIS_HASH;
  for (const content of contents) {
    const hash = await chainHash(previousHash, content);
    rows.push({ content, previousHash, hash });
    previousHash = hash;
  }
  return rows;
}

describe("hash chain", () => {
  it("serializes the same content the same way whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: new Date("2026-12-03T00:00:00Z"), c: [2, "x"] } })).toBe(
      '{"a":{"c":[2,"x"],"d":"2026-12-03T00:00:00.000Z"},"b":1}',
    );
  });

  it("accepts an untouched chain", async () => {
    const rows = await chain([{ action: "bind" }, { action: "endorse" }, { action: "cancel" }]);
    expect(await verifyChain(rows)).toEqual({ intact: true, rows: 3 });
  });

  it("names the first row whose content was edited", async () => {
    const rows = await chain([{ action: "bind" }, { action: "endorse", amount: 100 }, { action: "cancel" }]);
    rows[1] = { ...rows[1]!, content: { action: "endorse", amount: 1 } };
    expect(await verifyChain(rows)).toEqual({
      intact: false,
      brokenAt: 1,
      reason: "its content no longer matches its hash",
    });
  });

  it("detects a deleted row and a row rewritten with a recomputed hash", async () => {
    const rows = await chain([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(await verifyChain([rows[0]!, rows[2]!])).toMatchObject({ intact: false, brokenAt: 1 });
    const forged = { content: { n: 20 }, previousHash: rows[0]!.hash, hash: await chainHash(rows[0]!.hash, { n: 20 }) };
    expect(await verifyChain([rows[0]!, forged, rows[2]!])).toMatchObject({
      intact: false,
      brokenAt: 2,
      reason: "does not link to the row before it",
    });
  });
});
