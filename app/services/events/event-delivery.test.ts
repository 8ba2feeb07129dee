import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDatabase } from "../../../db/client.ts";
import {
  deadLetterEvents,
  emailOutbox,
  invoices,
  notifications,
  outboxEvents,
  webhookDeliveries,
} from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { createId } from "../../utils/ids.ts";
import { addDays } from "../../utils/calendar-date.ts";
import type { DomainEventMessage } from "./domain-event-types.ts";
import { findOutboxEvent, publishOutbox } from "./domain-events.server.ts";
import { audienceOf } from "./event-audience.server.ts";
import {
  consumeDomainEvents,
  deliverDomainEvent,
  recordDeadLetters,
  replayDeadLetter,
  type DeliveryDeps,
} from "./event-delivery.server.ts";
import { raiseInvoicesDue } from "../billing/invoices-due.server.ts";
import type { LiveUpdate } from "./live-notifications.ts";
import {
  channelEnabled,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  saveNotificationPreferences,
  unreadNotificationCount,
} from "./notifications.server.ts";
import { quoteSubmission } from "../underwriting/quoting.server.ts";
import { insertLouisianaSubmission } from "../../../tests/support/louisiana-submission.ts";
import { startWebhookReceiver } from "../../../tests/support/webhook-receiver.ts";
import { createWebhookEndpoint, setWebhookEndpointStatus } from "./webhooks.server.ts";
import { testHostResolver } from "../../../tests/support/host-resolver.ts";

const db = guardedTestDatabase();
const APP_SECRET = process.env.BETTER_AUTH_SECRET!;
const producer = tenantOf("producer@summit.demo");
const admin = tenantOf("admin@summit.demo");
const org = producer.orgId;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const pushed: { userId: string; update: LiveUpdate }[] = [];
let deps: DeliveryDeps;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  deps = {
    db,
    appUrl: "https://app.openinsure.test",
    webhooks: {
      fetch: globalThis.fetch,
      now: () => new Date(),
      appSecret: APP_SECRET,
      allowLocal: true,
      resolveHost: testHostResolver,
    },
    pushLive: async (_orgId, userId, update) => {
      pushed.push({ userId, update });
    },
  };
});
afterAll(() => receiver.close());

/** The producer quotes a Louisiana risk, which is referred. */
async function referredSubmission() {
  const id = await insertLouisianaSubmission(db, producer);
  const quoted = await quoteSubmission(db, producer, id, "2026-11-22");
  if (!quoted.ok) throw new Error(quoted.error.message);
  const events = await db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, org), inArray(outboxEvents.type, ["submission.referred", "quote.issued"])));
  const ofSubmission = events.filter((e) => e.payload.submissionId === id);
  const referred = ofSubmission.find((e) => e.type === "submission.referred")!;
  return {
    id,
    reference: id.slice(-12),
    events: ofSubmission,
    referred: (await findOutboxEvent(db, org, referred.id))!,
  };
}

function collectingQueue() {
  const sent: DomainEventMessage[] = [];
  return {
    sent,
    sendBatch: async (messages: Iterable<MessageSendRequest<DomainEventMessage>>) => {
      for (const m of messages) sent.push(m.body);
    },
    send: async (body: DomainEventMessage) => {
      sent.push(body);
    },
  };
}

function queueMessage(body: unknown, attempts = 1) {
  const outcome = { acked: false, retryDelay: null as number | null };
  return {
    outcome,
    message: {
      body,
      attempts,
      ack: () => {
        outcome.acked = true;
      },
      retry: (options?: QueueRetryOptions) => {
        outcome.retryDelay = options?.delaySeconds ?? 0;
      },
    },
  };
}

describe("domain events", () => {
  test("a referred quote records quote.issued and submission.referred in the quoting transaction, and the publisher sends each once", async () => {
    const { events, referred } = await referredSubmission();
    expect(events.map((e) => e.type).sort()).toEqual(["quote.issued", "submission.referred"]);
    expect(referred.data).toMatchObject({
      reasons: ["appetite_check"],
      assignedToUserId: expect.stringMatching(/^usr_a_(uw|multi)$/),
    });

    const queue = collectingQueue();
    while ((await publishOutbox(db, queue)) > 0);
    expect(queue.sent.filter((m) => m.id === referred.id)).toEqual([{ ...referred, createdAt: expect.any(String) }]);
    const again = collectingQueue();
    await publishOutbox(db, again);
    expect(again.sent.some((m) => m.id === referred.id)).toBe(false);
  });

  test("delivering the same event twice creates one notification, one email, one live push and one webhook delivery per endpoint", async () => {
    receiver.respondWith(200);
    const { id: endpointId } = await createWebhookEndpoint(
      db,
      admin,
      { url: receiver.url, eventTypes: ["submission.referred"] },
      APP_SECRET,
      { allowLocal: true, resolveHost: testHostResolver },
    );
    const { reference, referred } = await referredSubmission();
    const assignee = String(referred.data.assignedToUserId);

    await Promise.all([deliverDomainEvent(deps, referred), deliverDomainEvent(deps, referred)]);
    await deliverDomainEvent(deps, referred);

    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org), eq(notifications.eventId, referred.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: assignee,
      title: `Referral routed to you: ${reference}`,
      link: `/uw/submissions/${referred.data.submissionId}`,
    });
    const emails = await db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.subject, `%${reference}%`));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.textBody).toContain(`https://app.openinsure.test/uw/submissions/${referred.data.submissionId}`);
    expect(pushed.filter((p) => p.update.notification.id === rows[0]!.id)).toEqual([
      { userId: assignee, update: expect.objectContaining({ type: "notification", unread: expect.any(Number) }) },
    ]);
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.orgId, org), eq(webhookDeliveries.eventId, referred.id)));
    expect(deliveries.filter((d) => d.endpointId === endpointId)).toHaveLength(1);
    expect(receiver.received.filter((r) => JSON.parse(r.body).id === referred.id)).toHaveLength(1);
    await setWebhookEndpointStatus(db, admin, endpointId, "disabled");
  });

  test("a referral no underwriter's authority covers is announced to the senior underwriters", async () => {
    const { referred } = await referredSubmission();
    const unassigned: DomainEventMessage = {
      ...referred,
      id: createId("evt"),
      data: { ...referred.data, assignedToUserId: null },
    };
    await deliverDomainEvent(deps, unassigned);
    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org), eq(notifications.eventId, unassigned.id)));
    expect(rows.map((r) => r.userId)).toEqual(["usr_a_suw"]);
  });

  test("a mention links the submission's producer to the producer area's room and anyone else to /uw", async () => {
    const mentionOf = (mentionedUserId: string): DomainEventMessage => ({
      id: createId("evt"),
      orgId: org,
      type: "deal_room.mention",
      createdAt: new Date().toISOString(),
      data: {
        dealRoomId: "dr_1",
        submissionId: "sub_a_1",
        messageId: createId("msg"),
        mentionedUserId,
        authorUserId: "usr_a_suw",
      },
    });
    expect((await audienceOf(db, mentionOf(producer.userId))).map((n) => n.link)).toEqual([
      "/producer/deal-rooms/dr_1",
    ]);
    expect((await audienceOf(db, mentionOf("usr_a_uw"))).map((n) => n.link)).toEqual(["/uw/deal-rooms/dr_1"]);
  });

  test("preferences choose the channels: in-app off means no notification, email off means no email", async () => {
    const compliance = tenantOf("compliance@summit.demo");
    const mention = (): DomainEventMessage => ({
      id: createId("evt"),
      orgId: org,
      type: "deal_room.mention",
      createdAt: new Date().toISOString(),
      data: {
        dealRoomId: "dr_1",
        submissionId: "sub_a_1",
        messageId: createId("msg"),
        mentionedUserId: compliance.userId,
        authorUserId: "usr_a_uw",
      },
    });
    const emailsTo = async () =>
      (await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "compliance@summit.demo"))).length;

    await saveNotificationPreferences(db, compliance, [{ eventType: "deal_room.mention", inApp: false, email: true }]);
    const emailOnly = mention();
    const emailsBefore = await emailsTo();
    await deliverDomainEvent(deps, emailOnly);
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.orgId, org), eq(notifications.eventId, emailOnly.id))),
    ).toHaveLength(0);
    expect(await emailsTo()).toBe(emailsBefore + 1);

    await saveNotificationPreferences(db, compliance, [{ eventType: "deal_room.mention", inApp: true, email: false }]);
    const inAppOnly = mention();
    await deliverDomainEvent(deps, inAppOnly);
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.orgId, org), eq(notifications.eventId, inAppOnly.id))),
    ).toHaveLength(1);
    expect(await emailsTo()).toBe(emailsBefore + 1);

    // The author of a mention is not told about it.
    const selfMention = { ...mention(), data: { ...mention().data, mentionedUserId: "usr_a_uw" } };
    await deliverDomainEvent(deps, selfMention);
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.orgId, org), eq(notifications.eventId, selfMention.id))),
    ).toHaveLength(0);
  });

  test("without a stored choice, in-app is on and email only for the types that cannot wait", () => {
    expect(channelEnabled([], "quote.issued", "in_app")).toBe(true);
    expect(channelEnabled([], "quote.issued", "email")).toBe(false);
    expect(channelEnabled([], "submission.referred", "email")).toBe(true);
    expect(
      channelEnabled(
        [{ eventType: "submission.referred", channel: "email", enabled: false }],
        "submission.referred",
        "email",
      ),
    ).toBe(false);
  });

  test("mark read and mark all read count down the user's own unread notifications only", async () => {
    const compliance = tenantOf("compliance@summit.demo");
    await saveNotificationPreferences(db, compliance, [{ eventType: "deal_room.mention", inApp: true, email: false }]);
    const mention: DomainEventMessage = {
      id: createId("evt"),
      orgId: org,
      type: "deal_room.mention",
      createdAt: new Date().toISOString(),
      data: {
        dealRoomId: "dr_1",
        submissionId: "sub_a_1",
        messageId: createId("msg"),
        mentionedUserId: compliance.userId,
        authorUserId: "usr_a_uw",
      },
    };
    await deliverDomainEvent(deps, mention);
    const [own] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org), eq(notifications.eventId, mention.id)));
    expect(own).toMatchObject({ userId: compliance.userId, readAt: null });
    const unreadBefore = await unreadNotificationCount(db, org, compliance.userId);
    expect(unreadBefore).toBeGreaterThanOrEqual(1);

    expect(await markNotificationRead(db, producer, own!.id)).toBe(false);
    expect((await listNotifications(db, compliance)).find((n) => n.id === own!.id)?.readAt).toBeNull();
    expect(await markNotificationRead(db, compliance, own!.id)).toBe(true);
    expect(await unreadNotificationCount(db, org, compliance.userId)).toBe(unreadBefore - 1);
    // Marking it again changes nothing.
    expect(await markNotificationRead(db, compliance, own!.id)).toBe(true);
    expect(await unreadNotificationCount(db, org, compliance.userId)).toBe(unreadBefore - 1);
    await markAllNotificationsRead(db, compliance);
    expect(await unreadNotificationCount(db, org, compliance.userId)).toBe(0);
  });

  test("the consumer retries a failing delivery with a growing delay, drops a malformed message, and dead letters are kept and replayable", async () => {
    const { referred } = await referredSubmission();
    const databaseDown = { ...deps, db: createDatabase("http://user:pass@127.0.0.1:9/none") };
    const failing = queueMessage(referred, 3);
    const malformed = queueMessage({ id: 42 });
    await consumeDomainEvents([failing.message, malformed.message], databaseDown);
    expect(failing.outcome).toEqual({ acked: false, retryDelay: 40 });
    expect(malformed.outcome).toEqual({ acked: true, retryDelay: null });

    const dead = queueMessage(referred, 5);
    await recordDeadLetters(db, [dead.message]);
    expect(dead.outcome.acked).toBe(true);
    const [letter] = await db
      .select()
      .from(deadLetterEvents)
      .where(and(eq(deadLetterEvents.orgId, org), eq(deadLetterEvents.eventId, referred.id)));
    expect(letter).toMatchObject({ eventType: "submission.referred", attempts: 5, replayedAt: null });

    const queue = collectingQueue();
    expect(await replayDeadLetter(db, tenantOf("admin@lakeshore.demo"), letter!.id, queue)).toBe(false);
    expect(await replayDeadLetter(db, admin, letter!.id, queue)).toBe(true);
    expect(queue.sent.map((m) => m.id)).toEqual([referred.id]);
  });

  test("an open invoice falling due within a week raises invoice.due once, for the finance team", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const invoiceId = createId("inv");
    await db.insert(invoices).values({
      id: invoiceId,
      orgId: org,
      invoiceNumber: `T-${invoiceId.slice(-10)}`,
      policyId: "pol_a_1",
      dueDate: addDays(today, 3),
      amountCents: 123_400,
      status: "invoiced",
    });
    await raiseInvoicesDue(db, today);
    await raiseInvoicesDue(db, today);
    const events = (
      await db
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "invoice.due")))
    ).filter((e) => e.payload.invoiceId === invoiceId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ dueDate: addDays(today, 3), amountCents: 123_400 });

    const event = (await findOutboxEvent(db, org, events[0]!.id))!;
    await deliverDomainEvent(deps, event);
    const recipients = (
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.orgId, org), eq(notifications.eventId, event.id)))
    )
      .map((n) => n.userId)
      .sort();
    expect(recipients).toEqual(["usr_a_finance", "usr_a_multi"]);
  });
});

test("issue 10 item 15: the consumer delivers round-robin by organization, so one org's stalled receiver holds at most its own slots", async () => {
  const lakeshore = tenantOf("admin@lakeshore.demo");
  const options = { allowLocal: false, resolveHost: testHostResolver };
  const stalled = await createWebhookEndpoint(
    db,
    admin,
    { url: "https://hooks.example.com/stalled", eventTypes: ["policy.bound"] },
    APP_SECRET,
    options,
  );
  const healthy = await createWebhookEndpoint(
    db,
    lakeshore,
    { url: "https://hooks.partner-insurer.com/healthy", eventTypes: ["policy.bound"] },
    APP_SECRET,
    options,
  );
  // Summit's receiver holds every request until the gate opens; Lakeshore's answers at once.
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  let heldAtOnce = 0;
  let mostHeldAtOnce = 0;
  let healthyDeliveredWhileHeld = false;
  let firstHeld = () => {};
  const someoneHeld = new Promise<void>((resolve) => {
    firstHeld = resolve;
  });
  const sender = {
    ...deps.webhooks,
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith("/stalled")) {
        heldAtOnce++;
        mostHeldAtOnce = Math.max(mostHeldAtOnce, heldAtOnce);
        firstHeld();
        await gate;
        heldAtOnce--;
      } else if (url.endsWith("/healthy")) {
        // Lakeshore's delivery may get here before Summit's first request is out: it answers once
        // one is held, so it is delivered while Summit's receiver holds its slots. A consumer
        // that ran Summit's events first (or one at a time) would never get here: the gate opens
        // only below, and the test times out.
        await someoneHeld;
        healthyDeliveredWhileHeld = heldAtOnce > 0;
        openGate();
      }
      return new Response(null, { status: 204 });
    }) as typeof fetch,
  };
  const event = (orgId: string): DomainEventMessage => ({
    id: createId("evt"),
    orgId,
    type: "policy.bound",
    createdAt: new Date().toISOString(),
    data: { policyId: "pol_fairness", policyNumber: "X-1", submissionId: "sub_fairness_none" },
  });
  // Eight of Summit's events come first in the batch, Lakeshore's one last.
  const batch = [
    ...Array.from({ length: 8 }, () => queueMessage(event(admin.orgId))),
    queueMessage(event(lakeshore.orgId)),
  ];
  await consumeDomainEvents(
    batch.map((b) => b.message),
    { ...deps, webhooks: sender },
  );
  expect(healthyDeliveredWhileHeld).toBe(true);
  expect(mostHeldAtOnce).toBeLessThanOrEqual(2);
  expect(batch.every((b) => b.outcome.acked)).toBe(true);
  await setWebhookEndpointStatus(db, admin, stalled.id, "disabled");
  await setWebhookEndpointStatus(db, lakeshore, healthy.id, "disabled");
});
