import { expect, test } from "vitest";
import { verification } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { claimTotpCode, pendingTwoFactorUserId, TOTP_REUSE_WINDOW_SECONDS } from "./two-factor.server.ts";

const db = guardedTestDatabase();

test("a TOTP code completes one sign-in: a second use in its validity is refused, another user's is not", async () => {
  const user = `usr_${crypto.randomUUID()}`;
  const now = new Date("2026-06-01T12:00:00.000Z");
  expect(await claimTotpCode(db, user, "123456", now)).toBe(true);
  expect(await claimTotpCode(db, user, "123456", new Date(now.getTime() + 29_000))).toBe(false);
  expect(await claimTotpCode(db, user, "123456", new Date(now.getTime() + 89_000))).toBe(false);
  expect(await claimTotpCode(db, `${user}-other`, "123456", now)).toBe(true);
  expect(await claimTotpCode(db, user, "654321", now)).toBe(true);
  // Long after the code expired, the same digits may come round again.
  expect(
    await claimTotpCode(db, user, "123456", new Date(now.getTime() + (TOTP_REUSE_WINDOW_SECONDS + 1) * 1000)),
  ).toBe(true);
});

test("the pending two-factor sign-in's user is read from better-auth's signed cookie", async () => {
  const identifier = `2fa-${crypto.randomUUID()}`;
  const userId = `usr_${crypto.randomUUID().slice(0, 8)}`;
  await db
    .insert(verification)
    .values({ id: crypto.randomUUID(), identifier, value: userId, expiresAt: new Date(Date.now() + 600_000) });
  const signed = encodeURIComponent(`${identifier}.c2lnbmF0dXJl+/=`);
  const request = (cookie: string) =>
    new Request("http://app.test/sign-in/two-factor", { method: "POST", headers: { cookie } });
  expect(await pendingTwoFactorUserId(db, request(`theme=dark; openinsure.two_factor=${signed}`))).toBe(userId);
  expect(await pendingTwoFactorUserId(db, request(`__Secure-openinsure.two_factor=${signed}`))).toBe(userId);
  expect(await pendingTwoFactorUserId(db, request("openinsure.two_factor=unknown.sig"))).toBeNull();
  expect(await pendingTwoFactorUserId(db, request("other=1"))).toBeNull();
});
