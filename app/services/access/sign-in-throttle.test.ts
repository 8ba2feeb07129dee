import { expect, test } from "vitest";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { clearAccountThrottle, hitThrottle, purgeExpiredThrottles, throttleSignIn } from "./sign-in-throttle.server.ts";

const db = guardedTestDatabase();

test("concurrent hits are counted exactly: a limit of 10 lets exactly 10 of 25 through", async () => {
  const bucket = `test:concurrent:${crypto.randomUUID()}`;
  const results = await Promise.all(
    Array.from({ length: 25 }, () => hitThrottle(db, bucket, { limit: 10, windowSeconds: 60 })),
  );
  expect(results.filter((r) => r.allowed)).toHaveLength(10);
  const refused = results.find((r) => !r.allowed);
  expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
});

test("a window that has passed starts counting again (on the caller's clock, not a timer)", async () => {
  const bucket = `test:window:${crypto.randomUUID()}`;
  const start = new Date("2026-06-01T12:00:00.000Z");
  const at = (ms: number) => new Date(start.getTime() + ms);
  expect(await hitThrottle(db, bucket, { limit: 1, windowSeconds: 1 }, start)).toEqual({ allowed: true });
  expect(await hitThrottle(db, bucket, { limit: 1, windowSeconds: 1 }, at(999))).toEqual({
    allowed: false,
    retryAfterSeconds: 1,
  });
  expect(await hitThrottle(db, bucket, { limit: 1, windowSeconds: 1 }, at(1001))).toEqual({ allowed: true });
  expect((await hitThrottle(db, bucket, { limit: 1, windowSeconds: 1 }, at(1500))).allowed).toBe(false);
});

test("a refused hit is told how long its window still runs", async () => {
  const bucket = `test:retry:${crypto.randomUUID()}`;
  const start = new Date("2026-06-01T12:00:00.000Z");
  await hitThrottle(db, bucket, { limit: 1, windowSeconds: 600 }, start);
  const refused = await hitThrottle(db, bucket, { limit: 1, windowSeconds: 600 }, new Date(start.getTime() + 100_000));
  expect(refused).toEqual({ allowed: false, retryAfterSeconds: 500 });
});

test("counters whose window ended more than a day ago are purged; newer ones stay", async () => {
  const old = `test:purge-old:${crypto.randomUUID()}`;
  const fresh = `test:purge-fresh:${crypto.randomUUID()}`;
  const now = new Date();
  await hitThrottle(db, old, { limit: 1, windowSeconds: 60 }, new Date(now.getTime() - 25 * 3600_000));
  await hitThrottle(db, fresh, { limit: 1, windowSeconds: 60 }, new Date(now.getTime() - 3600_000));
  expect(await purgeExpiredThrottles(db, now)).toBeGreaterThanOrEqual(1);
  // The purged bucket starts a new window; the kept one is still in its window.
  expect(await hitThrottle(db, old, { limit: 1, windowSeconds: 48 * 3600 }, now)).toEqual({ allowed: true });
  expect((await hitThrottle(db, fresh, { limit: 1, windowSeconds: 48 * 3600 }, now)).allowed).toBe(false);
});

test("sign-in is throttled per account whatever the address, and per address whatever the account", async () => {
  const email = `${crypto.randomUUID()}@example.test`;
  for (let i = 0; i < 3; i++) {
    expect((await throttleSignIn(db, { email, ip: `10.0.0.${i}`, maxPerAccount: 3, maxPerAddress: 100 })).allowed).toBe(
      true,
    );
  }
  expect((await throttleSignIn(db, { email, ip: "10.0.0.99", maxPerAccount: 3, maxPerAddress: 100 })).allowed).toBe(
    false,
  );

  const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}`;
  for (let i = 0; i < 2; i++) {
    expect(
      (await throttleSignIn(db, { email: `${i}-${email}`, ip, maxPerAccount: 10, maxPerAddress: 2 })).allowed,
    ).toBe(true);
  }
  expect((await throttleSignIn(db, { email: `x-${email}`, ip, maxPerAccount: 10, maxPerAddress: 2 })).allowed).toBe(
    false,
  );
});

test("a completed sign-in clears the account's count but not the address's", async () => {
  const email = `${crypto.randomUUID()}@example.test`;
  const ip = `198.51.100.1-${crypto.randomUUID()}`;
  for (let i = 0; i < 2; i++)
    expect((await throttleSignIn(db, { email, ip, maxPerAccount: 2, maxPerAddress: 3 })).allowed).toBe(true);
  expect((await throttleSignIn(db, { email, ip: `${ip}-other`, maxPerAccount: 2, maxPerAddress: 3 })).allowed).toBe(
    false,
  );
  await clearAccountThrottle(db, email.toUpperCase());
  expect((await throttleSignIn(db, { email, ip, maxPerAccount: 2, maxPerAddress: 3 })).allowed).toBe(true);
  expect((await throttleSignIn(db, { email: `y-${email}`, ip, maxPerAccount: 2, maxPerAddress: 3 })).allowed).toBe(
    false,
  );
});
