import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { emailOutbox } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
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

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  transport = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, token: "test-token", from: "OpenInsure <no-reply@openinsure.test>" };
  // Earlier tests and the seed may have queued mail; this test owns the outbox from here on.
  await db.update(emailOutbox).set({ status: "sent" }).where(inArray(emailOutbox.status, ["pending", "sending"]));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("queued emails are sent once through the HTTP transport, with the token and sender", async () => {
  await queueEmail(db, { to: "one@example.test", subject: "First", text: "Hello" });
  await queueEmail(db, { to: "two@example.test", subject: "Second", text: "Hi" });
  const [run1, run2] = await Promise.all([deliverPendingEmails(db, transport), deliverPendingEmails(db, transport)]);
  expect(run1.sent + run2.sent).toBe(2);
  expect(received.map((r) => r.body.to).sort()).toEqual(["one@example.test", "two@example.test"]);
  expect(received[0]).toMatchObject({ auth: "Bearer test-token", body: { from: "OpenInsure <no-reply@openinsure.test>" } });
  expect((await deliverPendingEmails(db, transport)).attempted).toBe(0);
});

test("a failing relay is retried, and an email is given up after its attempts", async () => {
  received.length = 0;
  await queueEmail(db, { to: "retry@example.test", subject: "Retry", text: "..." });
  failNext = 1;
  expect((await deliverPendingEmails(db, transport)).sent).toBe(0);
  expect((await deliverPendingEmails(db, transport)).sent).toBe(1);
  expect(received.map((r) => r.body.to)).toEqual(["retry@example.test"]);

  await queueEmail(db, { to: "never@example.test", subject: "Never", text: "..." });
  failNext = MAX_DELIVERY_ATTEMPTS + 1;
  for (let i = 0; i < MAX_DELIVERY_ATTEMPTS + 1; i++) await deliverPendingEmails(db, transport);
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "never@example.test"));
  expect(row).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
  expect(row?.lastError).toContain("HTTP 503");
  failNext = 0;
});
