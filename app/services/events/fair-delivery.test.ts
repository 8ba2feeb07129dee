// Item 15 of issue 10: one tenant's slow receivers cannot stall the others.
import { expect, test } from "vitest";
import { interleaveByOrg, runFairly } from "./fair-delivery.ts";

/** A fake sender: each call waits until the test releases it (a receiver as slow as the test wants). */
function gatedSender() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  return {
    started,
    send: (id: string) =>
      new Promise<void>((resolve) => {
        started.push(id);
        gates.set(id, resolve);
      }),
    release: (id: string) => gates.get(id)?.(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test("a slow organization holds at most its own slots: the others are sent while its receivers hang", async () => {
  const sender = gatedSender();
  const work = [
    ...Array.from({ length: 8 }, (_, i) => ({ org: "slow", id: `slow-${i}` })),
    { org: "b", id: "b-0" },
    { org: "c", id: "c-0" },
    { org: "c", id: "c-1" },
  ];
  const done = runFairly(
    work,
    (w) => w.org,
    (w) => sender.send(w.id),
    { concurrency: 4, perKey: 2 },
  );
  await tick();
  // Round-robin: slow, b, c, slow. The slow org never has more than 2 in flight.
  expect(sender.started).toEqual(["slow-0", "b-0", "c-0", "slow-1"]);
  sender.release("b-0");
  sender.release("c-0");
  await tick();
  expect(sender.started).toEqual(["slow-0", "b-0", "c-0", "slow-1", "c-1"]);
  sender.release("c-1");
  await tick();
  expect(sender.started.filter((id) => id.startsWith("slow"))).toHaveLength(2);
  // The slow receivers answer (or their own timeout fires): the rest of that org goes out.
  for (let i = 0; i < 8; i++) {
    sender.release(`slow-${i}`);
    await tick();
  }
  await done;
  expect(sender.started).toHaveLength(11);
});

test("a task that throws is reported and does not stop the others", async () => {
  const seen: string[] = [];
  const errors: string[] = [];
  await runFairly(
    ["a", "b", "c"],
    (x) => x,
    async (x) => {
      if (x === "b") throw new Error("boom");
      seen.push(x);
    },
    { concurrency: 1, perKey: 1 },
    (x) => errors.push(x),
  );
  expect(seen).toEqual(["a", "c"]);
  expect(errors).toEqual(["b"]);
});

test("the sweep takes due deliveries round-robin by organization, a bounded share of each", () => {
  const due = [
    ...Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, org_id: "a" })),
    { id: "b0", org_id: "b" },
    { id: "c0", org_id: "c" },
    { id: "c1", org_id: "c" },
  ];
  expect(interleaveByOrg(due, 10, 6).map((r) => r.id)).toEqual(["a0", "b0", "c0", "a1", "c1", "a2"]);
  expect(interleaveByOrg(due, 3, 50).map((r) => r.id)).toEqual(["a0", "b0", "c0", "a1", "c1", "a2"]);
});
