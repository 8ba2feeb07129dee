import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { emailOutbox } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createId } from "../../utils/ids.ts";
import { deliverPendingEmails, MAX_DELIVERY_ATTEMPTS, type MailTransport } from "./email-delivery.server.ts";
import { queueEmail } from "./email.server.ts";

const db = guardedTestDatabase();
const received: { auth: string | undefined; body: Record<string, string> }[] = [];
let failNext = 0;
const server = createServer(async (req: IncomingMessage, res) => {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  if (failNext > 0) {
    failNext--;
    res.writeHead(503).end("mail relay unavailable");
    return;
  }
  received.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
  res.writeHead(202).end("{}");
});
let transport: MailTransport;

// This file owns only mail to its own addresses: other tests (and the seed) may queue mail at the
// same time, and every delivery run here is narrowed to these recipients.
const run = createId("run").toLowerCase();
const address = (name: string) => `${name}.${run}@example.test`;
const mine = ["one", "two", "retry", "never", "digest-1", "digest-2", "digest-3", "reset"].map(address);
const deliver = () => deliverPendingEmails(db, transport, { recipients: mine });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  transport = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    token: "test-token",
    from: "OpenInsure <no-reply@openinsure.test>",
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("queued emails are sent once through the HTTP transport, with the token and sender", async () => {
  await queueEmail(db, { to: address("one"), subject: "First", text: "Hello" });
  await queueEmail(db, { to: address("two"), subject: "Second", text: "Hi" });
  const [run1, run2] = await Promise.all([deliver(), deliver()]);
  expect(run1.sent + run2.sent).toBe(2);
  expect(received.map((r) => r.body.to).sort()).toEqual([address("one"), address("two")]);
  expect(received[0]).toMatchObject({
    auth: "Bearer test-token",
    body: { from: "OpenInsure <no-reply@openinsure.test>" },
  });
  expect((await deliver()).attempted).toBe(0);
});

test("a failing relay is retried, and an email is given up after its attempts", async () => {
  received.length = 0;
  await queueEmail(db, { to: address("retry"), subject: "Retry", text: "..." });
  failNext = 1;
  expect((await deliver()).sent).toBe(0);
  expect((await deliver()).sent).toBe(1);
  expect(received.map((r) => r.body.to)).toEqual([address("retry")]);

  await queueEmail(db, { to: address("never"), subject: "Never", text: "..." });
  failNext = MAX_DELIVERY_ATTEMPTS + 1;
  for (let i = 0; i < MAX_DELIVERY_ATTEMPTS + 1; i++) await deliver();
  const [row] = await db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address("never")));
  expect(row).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
  expect(row?.lastError).toContain("HTTP 503");
  failNext = 0;
});

test("issue 10 item 16: transactional mail queued after a burst of notifications is sent first", async () => {
  received.length = 0;
  for (const name of ["digest-1", "digest-2", "digest-3"])
    await queueEmail(db, { to: address(name), subject: "Policy bound", text: "..." });
  await queueEmail(db, { to: address("reset"), subject: "Reset your password", text: "..." }, "transactional");
  await deliverPendingEmails(db, transport, { recipients: mine, limit: 1 });
  expect(received.map((r) => r.body.to)).toEqual([address("reset")]);
  await deliver();
  expect(received.map((r) => r.body.to)).toEqual([
    address("reset"),
    address("digest-1"),
    address("digest-2"),
    address("digest-3"),
  ]);
});
