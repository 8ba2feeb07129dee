// Item 22 of issue 10: a request publishes the cross-tenant outbox only when it wrote events.
import { and, eq } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { outboxEvents } from "../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { insertOutboxEvent, insertOutboxEvents } from "../models/outbox-events.server.ts";
import { createId } from "./ids.ts";
import { trackOutboxWrites } from "./outbox-writes.ts";

const db = guardedTestDatabase();
const org = tenantOf("admin@lakeshore.demo").orgId;

// The rows are only markers: gone before any publisher could send them on.
afterAll(() => db.delete(outboxEvents).where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "test.tracked"))));

test("a request that writes no event is not marked; one that writes events is, through awaits and transactions", async () => {
  expect(await trackOutboxWrites(async () => "nothing")).toEqual({ result: "nothing", wroteEvents: false });
  expect((await trackOutboxWrites(() => insertOutboxEvents(db, org, []))).wroteEvents).toBe(false);
  const wrote = await trackOutboxWrites(async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    await db.transaction(async (tx) =>
      insertOutboxEvent(tx, org, { id: createId("evt"), type: "test.tracked", payload: {} }),
    );
    return "done";
  });
  expect(wrote).toEqual({ result: "done", wroteEvents: true });
  // Two requests at once: each sees only its own writes.
  const [quiet, busy] = await Promise.all([
    trackOutboxWrites(async () => new Promise((resolve) => setTimeout(resolve, 20))),
    trackOutboxWrites(() => insertOutboxEvents(db, org, [{ id: createId("evt"), type: "test.tracked", payload: {} }])),
  ]);
  expect([quiet.wroteEvents, busy.wroteEvents]).toEqual([false, true]);
});
