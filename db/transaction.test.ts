import { and, eq, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { sequences } from "./schema/index.ts";
import { guardedTestDatabase } from "./test/tenants.ts";
import { transactionWithRetry } from "./transaction.ts";

const db = guardedTestDatabase();

test("two transactions that lock the same rows in opposite order both finish: the deadlock victim runs again", async () => {
  const org = `org_deadlock_${crypto.randomUUID().slice(0, 8)}`;
  await db.insert(sequences).values([
    { orgId: org, name: "a", lastValue: 0 },
    { orgId: org, name: "b", lastValue: 0 },
  ]);
  let attempts = 0;
  // A barrier, not a timer: neither takes its second lock until both hold their first, so the
  // two always cross. A retry finds the barrier open and goes straight on.
  let holdingFirstLock = 0;
  let release!: () => void;
  const bothHoldFirstLock = new Promise<void>((resolve) => (release = resolve));
  const crossing = (first: string, second: string) =>
    transactionWithRetry(db, async (tx) => {
      attempts++;
      await tx
        .update(sequences)
        .set({ lastValue: sql`${sequences.lastValue} + 1` })
        .where(and(eq(sequences.orgId, org), eq(sequences.name, first)));
      if (++holdingFirstLock === 2) release();
      await bothHoldFirstLock;
      await tx
        .update(sequences)
        .set({ lastValue: sql`${sequences.lastValue} + 1` })
        .where(and(eq(sequences.orgId, org), eq(sequences.name, second)));
    });
  await Promise.all([crossing("a", "b"), crossing("b", "a")]);
  expect(attempts).toBe(3);
  const rows = await db.select().from(sequences).where(eq(sequences.orgId, org));
  expect(rows.map((r) => r.lastValue)).toEqual([2, 2]);
});
