import { expect, test } from "vitest";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { newFormToken, oncePerFormToken } from "./form-token.server.ts";

const db = guardedTestDatabase();
const holder = tenantOf("policyholder@summit.demo");
const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 0,
    (error: { init?: { status?: number } }) => error.init?.status ?? -1,
  );

test("a double click acts once: both requests get the first answer", async () => {
  const token = newFormToken();
  let runs = 0;
  const pay = () =>
    oncePerFormToken(db, holder, token, "pay:inv_test", async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { paid: runs };
    });
  const answers = await Promise.all([pay(), pay()]);
  expect(runs).toBe(1);
  expect(answers).toEqual([{ paid: 1 }, { paid: 1 }]);
  // A resend later still gets the kept answer.
  expect(await pay()).toEqual({ paid: 1 });
  expect(runs).toBe(1);
});

test("a token is for one action, must be present, and is freed when the work fails", async () => {
  const token = newFormToken();
  await oncePerFormToken(db, holder, token, "pay:inv_a", async () => "done");
  expect(await status(oncePerFormToken(db, holder, token, "pay:inv_b", async () => "other"))).toBe(422);
  expect(await status(oncePerFormToken(db, holder, null, "pay:inv_a", async () => "x"))).toBe(400);

  const retried = newFormToken();
  await expect(
    oncePerFormToken(db, holder, retried, "pay:inv_c", async () => {
      throw new Error("ledger down");
    }),
  ).rejects.toThrow("ledger down");
  expect(await oncePerFormToken(db, holder, retried, "pay:inv_c", async () => "paid on retry")).toBe("paid on retry");
});

test("another user's equal token is another token", async () => {
  const token = newFormToken();
  await oncePerFormToken(db, holder, token, "pay:inv_a", async () => "holder");
  expect(await oncePerFormToken(db, tenantOf("finance@summit.demo"), token, "pay:inv_a", async () => "finance")).toBe(
    "finance",
  );
});

test("a refusal frees the token: the corrected form goes through", async () => {
  const token = newFormToken();
  const refused = await oncePerFormToken(
    db,
    holder,
    token,
    "pay:inv_d",
    async () => ({ error: "more than owed" }),
    (o) => o.error === null,
  );
  expect(refused).toEqual({ error: "more than owed" });
  const paid = await oncePerFormToken(
    db,
    holder,
    token,
    "pay:inv_d",
    async () => ({ error: null }),
    (o) => o.error === null,
  );
  expect(paid).toEqual({ error: null });
});
