import { expect, test } from "vitest";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { claimTotpCode, TOTP_REUSE_WINDOW_SECONDS } from "./two-factor.server.ts";

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
  expect(await claimTotpCode(db, user, "123456", new Date(now.getTime() + (TOTP_REUSE_WINDOW_SECONDS + 1) * 1000))).toBe(true);
});
