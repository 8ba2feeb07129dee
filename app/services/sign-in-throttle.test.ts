import { expect, test } from "vitest";
import { guardedTestDatabase } from "../../db/test/tenants.ts";
import { clearAccountThrottle, hitThrottle, throttleSignIn } from "./sign-in-throttle.server.ts";

const db = guardedTestDatabase();

test("concurrent hits are counted exactly: a limit of 10 lets exactly 10 of 25 through", async () => {
  const bucket = `test:concurrent:${crypto.randomUUID()}`;
  const results = await Promise.all(Array.from({ length: 25 }, () => hitThrottle(db, bucket, { limit: 10, windowSeconds: 60 })));
  expect(results.filter((r) => r.allowed)).toHaveLength(10);
  const refused = results.find((r) => !r.allowed);
  expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
});

test("a window that has passed starts counting again", async () => {
  const bucket = `test:window:${crypto.randomUUID()}`;
  expect(await hitThrottle(db, bucket, { limit: 1, windowSeconds: 1 })).toEqual({ allowed: true });
  expect((await hitThrottle(db, bucket, { limit: 1, windowSeconds: 1 })).allowed).toBe(false);
  await new Promise((r) => setTimeout(r, 1100));
  expect(await hitThrottle(db, bucket, { limit: 1, windowSeconds: 1 })).toEqual({ allowed: true });
});

test("sign-in is throttled per account whatever the address, and per address whatever the account", async () => {
  const email = `${crypto.randomUUID()}@example.test`;
  for (let i = 0; i < 3; i++) {
    expect((await throttleSignIn(db, { email, ip: `10.0.0.${i}`, maxPerAccount: 3, maxPerAddress: 100 })).allowed).toBe(true);
  }
  expect((await throttleSignIn(db, { email, ip: "10.0.0.99", maxPerAccount: 3, maxPerAddress: 100 })).allowed).toBe(false);

  const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;
  for (let i = 0; i < 2; i++) {
    expect((await throttleSignIn(db, { email: `${i}-${email}`, ip, maxPerAccount: 10, maxPerAddress: 2 })).allowed).toBe(true);
  }
  expect((await throttleSignIn(db, { email: `x-${email}`, ip, maxPerAccount: 10, maxPerAddress: 2 })).allowed).toBe(false);
});

test("a completed sign-in clears the account's count but not the address's", async () => {
  const email = `${crypto.randomUUID()}@example.test`;
  const ip = `198.51.100.1-${crypto.randomUUID()}`;
  for (let i = 0; i < 2; i++) expect((await throttleSignIn(db, { email, ip, maxPerAccount: 2, maxPerAddress: 3 })).allowed).toBe(true);
  expect((await throttleSignIn(db, { email, ip: `${ip}-other`, maxPerAccount: 2, maxPerAddress: 3 })).allowed).toBe(false);
  await clearAccountThrottle(db, email.toUpperCase());
  expect((await throttleSignIn(db, { email, ip, maxPerAccount: 2, maxPerAddress: 3 })).allowed).toBe(true);
  expect((await throttleSignIn(db, { email: `y-${email}`, ip, maxPerAccount: 2, maxPerAddress: 3 })).allowed).toBe(false);
});
