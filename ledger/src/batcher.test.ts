import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Batcher, splitById, splitByPosition, withBatching } from "./batcher.ts";
import { account, transfer } from "./testing.ts";
import { EmbeddedBackend } from "./embedded/backend.ts";
import { TransferFlags } from "./types.ts";

/** A backend stand-in that answers each event with itself, after a short delay. */
function echo(delayMs = 5) {
  const batches: number[][] = [];
  const batcher = new Batcher<number, number>({
    run: async (events) => {
      batches.push(events);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return events.map((event) => event * 10);
    },
    split: splitByPosition,
    endsBatch: (events) => events.at(-1)! < 0,
    max: 100,
  });
  return { batcher, batches };
}

describe("Batcher", () => {
  it("coalesces many concurrent requests into few batches and hands each caller its own results", async () => {
    const { batcher, batches } = echo();
    const requests = Array.from({ length: 90 }, (_, i) => [i + 1]);
    const results = await Promise.all(requests.map((events) => batcher.submit(events)));
    expect(results).toEqual(requests.map(([n]) => [n * 10]));
    expect(batches).toHaveLength(1);
  });

  it("starts the next batch with what arrived while one was in flight", async () => {
    const { batcher, batches } = echo(20);
    const first = batcher.submit([1]);
    await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 30 }, (_, i) => batcher.submit([i + 2]));
    await Promise.all([first, ...later]);
    expect(batches.map((batch) => batch.length)).toEqual([1, 30]);
  });

  it("never exceeds the batch size and never splits a request", async () => {
    const { batcher, batches } = echo(1);
    const sizes = [60, 30, 20, 90, 1, 100];
    const requests = sizes.map((size, r) => Array.from({ length: size }, (_, i) => r * 1000 + i + 1));
    const results = await Promise.all(requests.map((events) => batcher.submit(events)));
    expect(results).toEqual(requests.map((events) => events.map((n) => n * 10)));
    expect(batches.map((batch) => batch.length)).toEqual([90, 20, 91, 100]);
  });

  it("ends a batch after a request that asks for it (an open linked chain)", async () => {
    const { batcher, batches } = echo(1);
    await Promise.all([batcher.submit([1]), batcher.submit([2, -3]), batcher.submit([4])]);
    expect(batches).toEqual([[1, 2, -3], [4]]);
  });

  it("answers empty requests at once and refuses oversized ones", async () => {
    const { batcher, batches } = echo();
    expect(await batcher.submit([])).toEqual([]);
    await expect(batcher.submit(Array.from({ length: 101 }, () => 1))).rejects.toThrow(RangeError);
    expect(batches).toEqual([]);
  });

  it("fails every request of a failed batch and carries on with the next", async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>({
      run: async (events) => {
        if (calls++ === 0) throw new Error("backend down");
        return events;
      },
      split: splitByPosition,
    });
    const failed = [batcher.submit([1]), batcher.submit([2])];
    await expect(Promise.all(failed)).rejects.toThrow("backend down");
    await expect(failed[1]).rejects.toThrow("backend down");
    expect(await batcher.submit([3])).toEqual([3]);
  });

  it("resolves idle() once everything submitted is answered", async () => {
    const { batcher } = echo(10);
    let answered = 0;
    for (let i = 1; i <= 5; i++) void batcher.submit([i]).then(() => answered++);
    await batcher.idle();
    expect(answered).toBe(5);
  });
});

describe("splitById", () => {
  it("gives each lookup the objects it asked for, in its own order, skipping what was not found", () => {
    const found = [{ id: 1n }, { id: 3n }, { id: 2n }];
    expect(splitById(found, [[3n, 9n, 1n], [2n, 3n], [9n]])).toEqual([
      [{ id: 3n }, { id: 1n }],
      [{ id: 2n }, { id: 3n }],
      [],
    ]);
  });
});

describe("withBatching over the embedded backend", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ledger-batching-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps each caller's linked chain whole and its results its own", async () => {
    const embedded = await EmbeddedBackend.open(dataDir);
    const batches = vi.spyOn(embedded, "createTransfers");
    const ledger = withBatching(embedded);
    const [a, b] = [account(), account()];
    await ledger.createAccounts([a, b]);
    const move = (fields = {}) => transfer({ debit_account_id: a.id, credit_account_id: b.id, amount: 1n, ...fields });
    const linked = { flags: TransferFlags.linked };

    const [broken, open, fine, singles] = await Promise.all([
      ledger.createTransfers([move(linked), move({ ...linked, code: 0 }), move()]),
      ledger.createTransfers([move(linked), move(linked)]),
      ledger.createTransfers([move(linked), move()]),
      Promise.all(Array.from({ length: 50 }, () => ledger.createTransfers([move()]))),
    ]);
    expect(broken.map((r) => r.status)).toEqual([
      "linked_event_failed",
      "code_must_not_be_zero",
      "linked_event_failed",
    ]);
    // Alone, a request ending on `linked` gets linked_event_chain_open; batched, it must too.
    expect(open.map((r) => r.status)).toEqual(["linked_event_failed", "linked_event_chain_open"]);
    expect(fine.map((r) => r.status)).toEqual(["created", "created"]);
    expect(singles.flat().map((r) => r.status)).toEqual(Array(50).fill("created"));
    expect(batches.mock.calls.map(([events]) => events.length)).toEqual([5, 52]);

    const [stored] = await ledger.lookupAccounts([a.id]);
    expect(stored.debits_posted).toBe(52n);
    await ledger.close();
  });
});
