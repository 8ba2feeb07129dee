import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  organization,
  outboxEvents,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
} from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { createId } from "../../utils/ids.ts";
import type { DomainEventMessage } from "./domain-event-types.ts";
import { startWebhookReceiver } from "../../../tests/support/webhook-receiver.ts";
import { WEBHOOK_RETRY_DELAYS_MS, nextWebhookAttemptAt } from "./webhook-retry.ts";
import { verifySignature } from "./webhook-signature.ts";
import {
  attemptWebhookDelivery,
  createWebhookEndpoint,
  fanOutToWebhooks,
  findWebhookEndpointLog,
  replayWebhookDelivery,
  retryDueWebhookDeliveries,
  setWebhookEndpointStatus,
  WEBHOOK_ATTEMPT_FAILED,
  WEBHOOK_URL_REFUSED,
  WebhookEndpointLimit,
  WebhookUrlRefused,
} from "./webhooks.server.ts";
import { MAX_WEBHOOK_ENDPOINTS_PER_ORG } from "./fair-delivery.ts";
import { testHostResolver } from "../../../tests/support/host-resolver.ts";
import { HostLookupFailed } from "./webhook-dns.server.ts";

const db = guardedTestDatabase();
// The secret vitest's global setup gives the app: the retry sweep may meet other files' endpoints.
const APP_SECRET = process.env.BETTER_AUTH_SECRET!;
// Lakeshore: the notification tests use Summit, so neither sweeps the other's endpoints.
const admin = tenantOf("admin@lakeshore.demo");
const org = admin.orgId;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

function policyBound(): DomainEventMessage {
  return {
    id: createId("evt"),
    orgId: org,
    type: "policy.bound",
    createdAt: "2026-11-22T05:00:00.000Z",
    data: { policyId: "pol_b_1", policyNumber: "LSM-GL-2026-000001" },
  };
}

/** A clock the test moves by hand: retries come due without any real waiting. */
function controllableClock(start: string) {
  let now = new Date(start).getTime();
  return {
    sender: {
      fetch: globalThis.fetch,
      now: () => new Date(now),
      appSecret: APP_SECRET,
      allowLocal: true,
      resolveHost: testHostResolver,
    },
    advance: (ms: number) => (now += ms),
  };
}

async function deliveryOf(endpointId: string, eventId: string) {
  const [delivery] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, org),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.eventId, eventId),
      ),
    );
  return delivery!;
}

describe("webhook retry schedule", () => {
  test("retries come 1 m, 5 m, 30 m, 2 h and 12 h after the failure before, then stop", () => {
    const failedAt = new Date("2026-11-22T00:00:00.000Z");
    expect([1, 2, 3, 4, 5, 6].map((n) => nextWebhookAttemptAt(n, failedAt)?.toISOString() ?? null)).toEqual([
      "2026-11-22T00:01:00.000Z",
      "2026-11-22T00:05:00.000Z",
      "2026-11-22T00:30:00.000Z",
      "2026-11-22T02:00:00.000Z",
      "2026-11-22T12:00:00.000Z",
      null,
    ]);
  });
});

describe("webhook delivery", () => {
  test("a failing endpoint is retried on the schedule, disabled after 5 failures in a row with a notice event, and the log keeps every response", async () => {
    receiver.respondWith(500);
    const clock = controllableClock("2030-01-01T00:00:00.000Z");
    const { id: endpointId, secret } = await createWebhookEndpoint(
      db,
      admin,
      { url: receiver.url, eventTypes: ["policy.bound"] },
      APP_SECRET,
      { allowLocal: true, resolveHost: testHostResolver },
    );
    const event = policyBound();
    const before = receiver.received.length;

    expect(await fanOutToWebhooks(db, event, clock.sender)).toBe(1);
    expect(receiver.received.length).toBe(before + 1);
    const first = receiver.received.at(-1)!;
    expect(JSON.parse(first.body)).toEqual({
      id: event.id,
      type: "policy.bound",
      created_at: event.createdAt,
      data: event.data,
    });
    expect(
      await verifySignature(secret, first.body, String(first.headers["x-openinsure-signature"]), clock.sender.now()),
    ).toEqual({ ok: true });

    for (const delay of WEBHOOK_RETRY_DELAYS_MS.slice(0, 4)) {
      const sent = receiver.received.length;
      clock.advance(delay - 1000);
      await retryDueWebhookDeliveries(db, clock.sender);
      expect(receiver.received.length).toBe(sent);
      clock.advance(1000);
      await retryDueWebhookDeliveries(db, clock.sender);
      expect(receiver.received.length).toBe(sent + 1);
    }
    const [endpoint] = await db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.orgId, org), eq(webhookEndpoints.id, endpointId)));
    expect(endpoint).toMatchObject({ status: "disabled", consecutiveFailures: 5 });
    expect(endpoint!.sealedSecret).not.toContain(secret.slice(6));
    const notices = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "webhook.endpoint_disabled")));
    expect(notices.filter((n) => n.payload.endpointId === endpointId)).toHaveLength(1);

    // Disabled: the last retry comes due but nothing is sent.
    clock.advance(WEBHOOK_RETRY_DELAYS_MS[4]);
    const sent = receiver.received.length;
    await retryDueWebhookDeliveries(db, clock.sender);
    expect(receiver.received.length).toBe(sent);
    expect(await deliveryOf(endpointId, event.id)).toMatchObject({
      status: "failed",
      attempts: 5,
      lastStatusCode: 500,
    });

    // Enabled again and fixed: a manual replay goes through and the log shows every response.
    receiver.respondWith(204);
    await setWebhookEndpointStatus(db, admin, endpointId, "active");
    const delivery = await deliveryOf(endpointId, event.id);
    expect(await replayWebhookDelivery(db, admin, delivery.id, clock.sender)).toBe(true);
    expect(await deliveryOf(endpointId, event.id)).toMatchObject({
      status: "succeeded",
      attempts: 6,
      lastStatusCode: 204,
    });
    const attempts = await db
      .select()
      .from(webhookDeliveryAttempts)
      .where(and(eq(webhookDeliveryAttempts.orgId, org), eq(webhookDeliveryAttempts.deliveryId, delivery.id)))
      .orderBy(webhookDeliveryAttempts.attempt);
    expect(attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 500, 500, 204]);
    await setWebhookEndpointStatus(db, admin, endpointId, "disabled");
  });

  test("an event delivered twice makes one delivery per endpoint, and a claimed attempt is not sent twice", async () => {
    receiver.respondWith(200);
    const clock = controllableClock("2030-02-01T00:00:00.000Z");
    const { id: endpointId } = await createWebhookEndpoint(
      db,
      admin,
      { url: receiver.url, eventTypes: ["policy.bound"] },
      APP_SECRET,
      { allowLocal: true, resolveHost: testHostResolver },
    );
    const event = policyBound();
    await Promise.all([fanOutToWebhooks(db, event, clock.sender), fanOutToWebhooks(db, event, clock.sender)]);
    await fanOutToWebhooks(db, event, clock.sender);
    expect(receiver.received.filter((r) => JSON.parse(r.body).id === event.id)).toHaveLength(1);
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.orgId, org),
          eq(webhookDeliveries.endpointId, endpointId),
          eq(webhookDeliveries.eventId, event.id),
        ),
      );
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(await attemptWebhookDelivery(db, org, deliveries[0]!.id, clock.sender)).toBe(false);
    await setWebhookEndpointStatus(db, admin, endpointId, "disabled");
  });
  test("issue 10 item 14: a URL that is not https on 443 to a public host is refused when saved and never called at delivery", async () => {
    await expect(
      createWebhookEndpoint(
        db,
        admin,
        { url: "https://169.254.169.254/latest/meta-data", eventTypes: ["policy.bound"] },
        APP_SECRET,
        { allowLocal: false, resolveHost: testHostResolver },
      ),
    ).rejects.toBeInstanceOf(WebhookUrlRefused);
    await expect(
      createWebhookEndpoint(db, admin, { url: receiver.url, eventTypes: ["policy.bound"] }, APP_SECRET, {
        allowLocal: false,
        resolveHost: testHostResolver,
      }),
    ).rejects.toThrow("https://");

    // Stored before these rules: the production sender does not call it, and the log says why in general terms.
    const endpointId = createId("whe");
    await db.insert(webhookEndpoints).values({
      id: endpointId,
      orgId: org,
      url: receiver.url,
      sealedSecret: "sealed",
      eventTypes: ["policy.bound"],
      createdByUserId: admin.userId,
    });
    const calls: string[] = [];
    const production = {
      fetch: (async (input: RequestInfo | URL) => {
        calls.push(String(input));
        return new Response(null, { status: 204 });
      }) as typeof fetch,
      now: () => new Date("2030-03-01T00:00:00.000Z"),
      appSecret: APP_SECRET,
      resolveHost: testHostResolver,
    };
    const event = policyBound();
    expect(await fanOutToWebhooks(db, event, production)).toBe(1);
    expect(calls).toEqual([]);
    expect(await deliveryOf(endpointId, event.id)).toMatchObject({ status: "failed", nextAttemptAt: null });
    const log = await findWebhookEndpointLog(db, admin, endpointId);
    expect(log!.deliveries[0]!.attemptLog).toEqual([
      expect.objectContaining({ delivered: false, message: WEBHOOK_URL_REFUSED }),
    ]);
    await setWebhookEndpointStatus(db, admin, endpointId, "disabled");
  });

  test("issue 10 item 14: a public host name that resolves to a private, link-local or loopback address is refused when saved", async () => {
    const create = (url: string) =>
      createWebhookEndpoint(db, admin, { url, eventTypes: ["policy.bound"] }, APP_SECRET, {
        allowLocal: false,
        resolveHost: testHostResolver,
      });
    await expect(create("https://rebind.attacker.net/in")).rejects.toThrow(
      "The endpoint's host name points at a private address, not a public one.",
    );
    await expect(create("https://metadata.attacker.net/in")).rejects.toThrow("points at a link-local address");
    await expect(create("https://loopback6.attacker.net/in")).rejects.toThrow("points at a loopback address");
    await expect(create("https://no-such-host.attacker.net/in")).rejects.toThrow("does not resolve to any address");
    const lookupDown: typeof testHostResolver = async () => {
      throw new HostLookupFailed("the resolver could not be reached");
    };
    await expect(
      createWebhookEndpoint(
        db,
        admin,
        { url: "https://hooks.example.com/in", eventTypes: ["policy.bound"] },
        APP_SECRET,
        {
          allowLocal: false,
          resolveHost: lookupDown,
        },
      ),
    ).rejects.toThrow("could not be looked up just now");
    const ok = await create("https://hooks.partner-insurer.com/in");
    await setWebhookEndpointStatus(db, admin, ok.id, "disabled");
  });

  test("issue 10 item 14: a name re-pointed at a private address after it was saved is never called", async () => {
    const saved = await createWebhookEndpoint(
      db,
      admin,
      { url: "https://hooks.example.com/in", eventTypes: ["policy.bound"] },
      APP_SECRET,
      { allowLocal: false, resolveHost: testHostResolver },
    );
    const calls: string[] = [];
    const sender = {
      fetch: (async (input: RequestInfo | URL) => {
        calls.push(String(input));
        return new Response(null, { status: 204 });
      }) as typeof fetch,
      now: () => new Date("2030-04-01T00:00:00.000Z"),
      appSecret: APP_SECRET,
      resolveHost: async () => ["192.168.1.20"],
    };
    const event = policyBound();
    expect(await fanOutToWebhooks(db, event, sender)).toBe(1);
    expect(calls).toEqual([]);
    expect(await deliveryOf(saved.id, event.id)).toMatchObject({ status: "failed", nextAttemptAt: null });

    // A lookup that fails is an attempt that failed: retried later, nothing sent now.
    const later = policyBound();
    const down = {
      ...sender,
      resolveHost: async () => {
        throw new HostLookupFailed("the resolver could not be reached");
      },
    };
    expect(await fanOutToWebhooks(db, later, down)).toBe(1);
    expect(calls).toEqual([]);
    expect(await deliveryOf(saved.id, later.id)).toMatchObject({ status: "pending", attempts: 1 });
    await setWebhookEndpointStatus(db, admin, saved.id, "disabled");
  });

  test("issue 10 item 14: the delivery log and replay show no upstream status, error text or timing", async () => {
    receiver.respondWith(503);
    const clock = controllableClock("2030-04-01T00:00:00.000Z");
    const { id: endpointId } = await createWebhookEndpoint(
      db,
      admin,
      { url: receiver.url, eventTypes: ["policy.bound"] },
      APP_SECRET,
      { allowLocal: true, resolveHost: testHostResolver },
    );
    const event = policyBound();
    await fanOutToWebhooks(db, event, clock.sender);
    const delivery = await deliveryOf(endpointId, event.id);
    // A closed port: the connection error text stays in the server log only.
    const refused = {
      ...clock.sender,
      fetch: (async () => {
        throw new TypeError("connect ECONNREFUSED 10.0.0.5:5432");
      }) as typeof fetch,
    };
    await replayWebhookDelivery(db, admin, delivery.id, refused);
    const log = await findWebhookEndpointLog(db, admin, endpointId);
    const shown = log!.deliveries[0]!;
    expect(shown).not.toHaveProperty("lastStatusCode");
    expect(shown.attemptLog).toEqual([
      {
        id: expect.any(String),
        attempt: 1,
        attemptedAt: expect.any(Date),
        delivered: false,
        message: WEBHOOK_ATTEMPT_FAILED,
      },
      {
        id: expect.any(String),
        attempt: 2,
        attemptedAt: expect.any(Date),
        delivered: false,
        message: WEBHOOK_ATTEMPT_FAILED,
      },
    ]);
    expect(JSON.stringify(log)).not.toMatch(/503|ECONNREFUSED|5432/);
    const stored = await db
      .select()
      .from(webhookDeliveryAttempts)
      .where(and(eq(webhookDeliveryAttempts.orgId, org), eq(webhookDeliveryAttempts.deliveryId, delivery.id)));
    expect(stored.map((a) => a.error)).toEqual([WEBHOOK_ATTEMPT_FAILED, WEBHOOK_ATTEMPT_FAILED]);
    await setWebhookEndpointStatus(db, admin, endpointId, "disabled");
  });

  test("issue 10 item 15: an organization has at most MAX_WEBHOOK_ENDPOINTS_PER_ORG active endpoints", async () => {
    const orgId = createId("org");
    await db.insert(organization).values({ id: orgId, name: `Webhook cap ${orgId}`, slug: orgId });
    const tenant = { ...admin, orgId, orgName: `Webhook cap ${orgId}` };
    const input = { url: "https://hooks.example.com/in", eventTypes: ["policy.bound"] };
    const ids: string[] = [];
    for (let i = 0; i < MAX_WEBHOOK_ENDPOINTS_PER_ORG; i++)
      ids.push(
        (
          await createWebhookEndpoint(db, tenant, input, APP_SECRET, {
            allowLocal: false,
            resolveHost: testHostResolver,
          })
        ).id,
      );
    await expect(
      createWebhookEndpoint(db, tenant, input, APP_SECRET, { allowLocal: false, resolveHost: testHostResolver }),
    ).rejects.toBeInstanceOf(WebhookEndpointLimit);
    // Disabling one frees a place; enabling it again beyond the cap is refused.
    await setWebhookEndpointStatus(db, tenant, ids[0]!, "disabled");
    const extra = await createWebhookEndpoint(db, tenant, input, APP_SECRET, {
      allowLocal: false,
      resolveHost: testHostResolver,
    });
    await expect(setWebhookEndpointStatus(db, tenant, ids[0]!, "active")).rejects.toBeInstanceOf(WebhookEndpointLimit);
    await setWebhookEndpointStatus(db, tenant, extra.id, "active");
    await setWebhookEndpointStatus(db, tenant, extra.id, "disabled");
    expect(await setWebhookEndpointStatus(db, tenant, ids[0]!, "active")).toBeTruthy();
    for (const id of ids) await setWebhookEndpointStatus(db, tenant, id, "disabled");
  });

  test("issue 10 item 15: creating and enabling endpoints at once cannot pass the cap", async () => {
    const orgId = createId("org");
    await db.insert(organization).values({ id: orgId, name: `Webhook race ${orgId}`, slug: orgId });
    const tenant = { ...admin, orgId, orgName: `Webhook race ${orgId}` };
    const input = { url: "https://hooks.example.com/in", eventTypes: ["policy.bound"] };
    const created = await Promise.allSettled(
      Array.from({ length: MAX_WEBHOOK_ENDPOINTS_PER_ORG + 6 }, () =>
        createWebhookEndpoint(db, tenant, input, APP_SECRET, { allowLocal: false, resolveHost: testHostResolver }),
      ),
    );
    const made = created.flatMap((c) => (c.status === "fulfilled" ? [c.value.id] : []));
    expect(made).toHaveLength(MAX_WEBHOOK_ENDPOINTS_PER_ORG);
    expect(created.filter((c) => c.status === "rejected").every((c) => c.reason instanceof WebhookEndpointLimit)).toBe(
      true,
    );
    // Two disabled endpoints enabled together while one place is free: one of them gets it.
    await setWebhookEndpointStatus(db, tenant, made[0]!, "disabled");
    await setWebhookEndpointStatus(db, tenant, made[1]!, "disabled");
    await createWebhookEndpoint(db, tenant, input, APP_SECRET, { allowLocal: false, resolveHost: testHostResolver });
    const enabled = await Promise.allSettled(
      [made[0]!, made[1]!].map((id) => setWebhookEndpointStatus(db, tenant, id, "active")),
    );
    expect(enabled.filter((e) => e.status === "fulfilled")).toHaveLength(1);
  });
});
