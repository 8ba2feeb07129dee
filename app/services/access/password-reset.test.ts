import { expect, test } from "vitest";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { queueEmail } from "../events/email.server.ts";
import {
  MAX_QUEUED_PER_RECIPIENT,
  RESETS_PER_ADDRESS,
  RESETS_PER_EMAIL,
  recipientHasRoom,
  throttlePasswordReset,
} from "./password-reset.server.ts";

const db = guardedTestDatabase();

test("forgot-password is throttled per email whatever the address, and per address whatever the email", async () => {
  const email = `${crypto.randomUUID()}@example.test`;
  const now = new Date();
  for (let i = 0; i < RESETS_PER_EMAIL; i++)
    expect((await throttlePasswordReset(db, { email, ip: `10.1.0.${i}` }, now)).allowed).toBe(true);
  const refused = await throttlePasswordReset(db, { email: email.toUpperCase(), ip: "10.1.0.99" }, now);
  expect(refused.allowed).toBe(false);
  expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);

  const ip = `192.0.2.1-${crypto.randomUUID()}`;
  for (let i = 0; i < RESETS_PER_ADDRESS; i++)
    expect((await throttlePasswordReset(db, { email: `${i}-${email}`, ip }, now)).allowed).toBe(true);
  expect((await throttlePasswordReset(db, { email: `x-${email}`, ip }, now)).allowed).toBe(false);
});

test("a recipient with the maximum of unsent mail gets no more queued", async () => {
  const to = `${crypto.randomUUID()}@example.test`;
  for (let i = 0; i < MAX_QUEUED_PER_RECIPIENT; i++) {
    expect(await recipientHasRoom(db, to)).toBe(true);
    await queueEmail(db, { to, subject: "Reset", text: "link" });
  }
  expect(await recipientHasRoom(db, to)).toBe(false);
  expect(await recipientHasRoom(db, `other-${to}`)).toBe(true);
});
