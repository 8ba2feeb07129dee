import { expect, test } from "vitest";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { idempotent, type StoreAnswerInTransaction } from "./idempotency.server.ts";

const db = guardedTestDatabase();
const summit = tenantOf("producer@summit.demo");
const lakeshore = tenantOf("underwriter@lakeshore.demo");

function post(key: string, path = "/v1/submissions/sub_1/bind") {
  return new Request(`http://app.test${path}`, { method: "POST", headers: { "idempotency-key": key } });
}

function counter() {
  let runs = 0;
  const run = async () => {
    runs++;
    return { status: 201, body: { run: runs } };
  };
  return { run, runs: () => runs };
}

test("a completed request replays its stored answer and runs once", async () => {
  const key = `k-${crypto.randomUUID()}`;
  const work = counter();
  const first = await idempotent(db, summit, post(key), "{}", work.run);
  const second = await idempotent(db, summit, post(key), "{}", work.run);
  expect(first.status).toBe(201);
  expect(await first.json()).toEqual({ run: 1 });
  expect(second.status).toBe(201);
  expect(second.headers.get("idempotent-replayed")).toBe("true");
  expect(await second.json()).toEqual({ run: 1 });
  expect(work.runs()).toBe(1);
});

test("the same key with another body or path is refused as reused", async () => {
  const key = `k-${crypto.randomUUID()}`;
  const work = counter();
  await idempotent(db, summit, post(key), '{"a":1}', work.run);
  await expect(idempotent(db, summit, post(key), '{"a":2}', work.run)).rejects.toMatchObject({
    status: 422,
    code: "IDEMPOTENCY_KEY_REUSED",
  });
  await expect(
    idempotent(db, summit, post(key, "/v1/submissions/sub_2/bind"), '{"a":1}', work.run),
  ).rejects.toMatchObject({
    code: "IDEMPOTENCY_KEY_REUSED",
  });
  expect(work.runs()).toBe(1);
});

test("keys are scoped to the organization: another org's identical request runs on its own", async () => {
  const key = `k-${crypto.randomUUID()}`;
  const work = counter();
  await idempotent(db, summit, post(key), "{}", work.run);
  const other = await idempotent(db, lakeshore, post(key), "{}", work.run);
  expect(other.headers.get("idempotent-replayed")).toBeNull();
  expect(await other.json()).toEqual({ run: 2 });
});

test("a 5xx answer is not kept, so a retry runs again", async () => {
  const key = `k-${crypto.randomUUID()}`;
  let runs = 0;
  const flaky = async () =>
    ++runs === 1 ? { status: 503, body: { error: "later" } } : { status: 200, body: { ok: true } };
  expect((await idempotent(db, summit, post(key), "{}", flaky)).status).toBe(503);
  expect((await idempotent(db, summit, post(key), "{}", flaky)).status).toBe(200);
  expect((await idempotent(db, summit, post(key), "{}", flaky)).headers.get("idempotent-replayed")).toBe("true");
  expect(runs).toBe(2);
});

test("without a key every request runs", async () => {
  const work = counter();
  const request = () => new Request("http://app.test/v1/submissions", { method: "POST" });
  await idempotent(db, summit, request(), "{}", work.run);
  await idempotent(db, summit, request(), "{}", work.run);
  expect(work.runs()).toBe(2);
});

test("keys are scoped to the API key: another key of the same organization sending the same request runs on its own", async () => {
  const key = `k-${crypto.randomUUID()}`;
  const work = counter();
  const keyOne = { ...summit, userId: "apikey:key_one" };
  const keyTwo = { ...summit, userId: "apikey:key_two", agencyId: "agy_bluemesa" };
  await idempotent(db, keyOne, post(key), "{}", work.run);
  const other = await idempotent(db, keyTwo, post(key), "{}", work.run);
  expect(other.headers.get("idempotent-replayed")).toBeNull();
  expect(await other.json()).toEqual({ run: 2 });
  expect(await (await idempotent(db, keyOne, post(key), "{}", work.run)).json()).toEqual({ run: 1 });
});

test("keys compare byte-exact: the same key in other case is another key", async () => {
  const key = `Key-${crypto.randomUUID()}`;
  const work = counter();
  await idempotent(db, summit, post(key), '{"a":1}', work.run);
  const lower = await idempotent(db, summit, post(key.toLowerCase()), '{"a":2}', work.run);
  expect(lower.status).toBe(201);
  expect(await lower.json()).toEqual({ run: 2 });
});

test("an answer stored in the run's own transaction commits with it and is replayed, not stored twice", async () => {
  const key = `k-${crypto.randomUUID()}`;
  let runs = 0;
  const run = (store: StoreAnswerInTransaction) =>
    transactionWithRetry(db, async (tx) => {
      runs++;
      const answer = { status: 201, body: { run: runs } };
      await store(tx, answer);
      return answer;
    });
  const first = await idempotent(db, summit, post(key), "{}", run);
  expect(first.headers.get("idempotent-replayed")).toBeNull();
  const again = await idempotent(db, summit, post(key), "{}", run);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect(await again.json()).toEqual({ run: 1 });
  expect(runs).toBe(1);
});

test("an answer stored in a transaction that rolled back is not kept; the answer the run gives is", async () => {
  const key = `k-${crypto.randomUUID()}`;
  const run = async (store: StoreAnswerInTransaction) => {
    // The first attempt stores its answer, then rolls back (as a deadlock retry would).
    await transactionWithRetry(db, async (tx) => {
      await store(tx, { status: 201, body: { attempt: 1 } });
      throw new Error("rolled back");
    }).catch(() => {});
    return { status: 200, body: { attempt: 2 } };
  };
  expect(await (await idempotent(db, summit, post(key), "{}", run)).json()).toEqual({ attempt: 2 });
  const again = await idempotent(db, summit, post(key), "{}", run);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual({ attempt: 2 });
});
