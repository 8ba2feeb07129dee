import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { createId } from "../../utils/ids.ts";
import { openSecret, sealSecret } from "../../utils/secret-box.ts";
import type { DomainEventMessage } from "./domain-event-types.ts";
import { recordDomainEvent } from "./domain-events.server.ts";
import { DISABLE_AFTER_CONSECUTIVE_FAILURES, isSuccessStatus, nextWebhookAttemptAt } from "./webhook-retry.ts";
import { SIGNATURE_HEADER, signatureHeader } from "./webhook-signature.ts";

/**
 * How webhooks go out: the HTTP client, the clock (both injected so tests control them) and the
 * app secret that unseals the endpoints' signing secrets.
 */
export type WebhookSender = { fetch: typeof fetch; now: () => Date; appSecret: string };

export function liveWebhookSender(appSecret: string): WebhookSender {
  return { fetch: (input, init) => fetch(input, init), now: () => new Date(), appSecret };
}

const SECRET_PURPOSE = "webhook-signing-secret";

// A claimed attempt holds the delivery this long, so the cron sweep and the queue consumer
// never send the same delivery at once; a crashed attempt is retried after it.
const ATTEMPT_LEASE_MS = 2 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Creates an endpoint and returns its signing secret: the only time it leaves the server. */
export async function createWebhookEndpoint(db: Database, tenant: TenantContext, input: { url: string; eventTypes: string[] }, appSecret: string) {
  const id = createId("whe");
  const secret = randomSecret();
  const sealedSecret = await sealSecret(appSecret, SECRET_PURPOSE, secret);
  await db.insert(webhookEndpoints).values({ id, orgId: tenant.orgId, url: input.url, sealedSecret, eventTypes: input.eventTypes, createdByUserId: tenant.userId });
  return { id, secret };
}

export function listWebhookEndpoints(db: Database, tenant: TenantContext) {
  return db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, eventTypes: webhookEndpoints.eventTypes, status: webhookEndpoints.status, consecutiveFailures: webhookEndpoints.consecutiveFailures, disabledAt: webhookEndpoints.disabledAt, createdAt: webhookEndpoints.createdAt })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, tenant.orgId))
    .orderBy(desc(webhookEndpoints.createdAt), webhookEndpoints.id);
}

/** An endpoint with its recent deliveries and every attempt of those, for the delivery log. */
export async function findWebhookEndpointLog(db: Database, tenant: TenantContext, endpointId: string) {
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, eventTypes: webhookEndpoints.eventTypes, status: webhookEndpoints.status, consecutiveFailures: webhookEndpoints.consecutiveFailures, disabledAt: webhookEndpoints.disabledAt })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, tenant.orgId), eq(webhookEndpoints.id, endpointId)));
  if (!endpoint) return null;
  const deliveries = await db
    .select({ id: webhookDeliveries.id, eventId: webhookDeliveries.eventId, eventType: webhookDeliveries.eventType, status: webhookDeliveries.status, attempts: webhookDeliveries.attempts, nextAttemptAt: webhookDeliveries.nextAttemptAt, lastStatusCode: webhookDeliveries.lastStatusCode, createdAt: webhookDeliveries.createdAt })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, tenant.orgId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(50);
  const attempts = deliveries.length
    ? await db
        .select()
        .from(webhookDeliveryAttempts)
        .where(and(eq(webhookDeliveryAttempts.orgId, tenant.orgId), inArray(webhookDeliveryAttempts.deliveryId, deliveries.map((d) => d.id))))
        .orderBy(webhookDeliveryAttempts.attempt)
    : [];
  return { endpoint, deliveries: deliveries.map((d) => ({ ...d, attemptLog: attempts.filter((a) => a.deliveryId === d.id) })) };
}

export async function setWebhookEndpointStatus(db: Database, tenant: TenantContext, endpointId: string, status: "active" | "disabled") {
  const result = await db
    .update(webhookEndpoints)
    .set(status === "active" ? { status, consecutiveFailures: 0, disabledAt: null } : { status, disabledAt: new Date() })
    .where(and(eq(webhookEndpoints.orgId, tenant.orgId), eq(webhookEndpoints.id, endpointId)));
  return Number(result.rowsAffected) > 0;
}

/** The body every receiver gets (DOMAIN.md): `{id, type, created_at, data}`. */
export function webhookBody(event: DomainEventMessage): string {
  return JSON.stringify({ id: event.id, type: event.type, created_at: event.createdAt, data: event.data });
}

/**
 * Creates one delivery per subscribed active endpoint (the unique endpoint+event key makes a
 * redelivered event a no-op) and makes the first attempt of each delivery it created.
 */
export async function fanOutToWebhooks(db: Database, event: DomainEventMessage, sender: WebhookSender): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, event.orgId), eq(webhookEndpoints.status, "active")));
  const body = webhookBody(event);
  let created = 0;
  for (const endpoint of endpoints.filter((e) => e.eventTypes.includes(event.type))) {
    const id = createId("whd");
    const inserted = await db
      .insert(webhookDeliveries)
      .ignore()
      .values({ id, orgId: event.orgId, endpointId: endpoint.id, eventId: event.id, eventType: event.type, body, nextAttemptAt: sender.now() });
    if (Number(inserted.rowsAffected) === 0) continue;
    created++;
    await attemptWebhookDelivery(db, event.orgId, id, sender);
  }
  return created;
}

/**
 * One attempt of a pending delivery that is due: claimed first (so no one else sends it), then
 * sent, logged, and either settled or scheduled for the next retry. Returns false when the
 * delivery was not due or someone else holds it.
 */
export async function attemptWebhookDelivery(db: Database, orgId: string, deliveryId: string, sender: WebhookSender): Promise<boolean> {
  const startedAt = sender.now();
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(startedAt.getTime() + ATTEMPT_LEASE_MS) })
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, startedAt)));
  if (Number(claimed.rowsAffected) === 0) return false;
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.orgId, webhookDeliveries.orgId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, deliveryId)));
  if (!row) return false;
  const { delivery, endpoint } = row;
  if (endpoint.status !== "active") {
    // A disabled endpoint is not called; the delivery waits for re-enabling and a replay.
    await db.update(webhookDeliveries).set({ status: "failed", nextAttemptAt: null }).where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, deliveryId)));
    return false;
  }

  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await sender.fetch(endpoint.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "OpenInsure-Webhooks/1",
        [SIGNATURE_HEADER]: await signatureHeader(await openSecret(sender.appSecret, SECRET_PURPOSE, endpoint.sealedSecret), delivery.body, startedAt),
        "X-OpenInsure-Event": delivery.eventType,
        "X-OpenInsure-Delivery": delivery.id,
      },
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    statusCode = response.status;
    await response.body?.cancel();
  } catch (cause) {
    error = (cause instanceof Error ? cause.message : String(cause)).slice(0, 500);
  }
  const finishedAt = sender.now();
  const succeeded = statusCode !== null && isSuccessStatus(statusCode);
  const attempt = delivery.attempts + 1;
  const retryAt = succeeded ? null : nextWebhookAttemptAt(attempt, finishedAt);

  await transactionWithRetry(db, async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values({
      id: createId("wha"),
      orgId,
      deliveryId,
      attempt,
      statusCode,
      error: error ?? (succeeded ? null : `HTTP ${statusCode}`),
      durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
      attemptedAt: startedAt,
    });
    await tx
      .update(webhookDeliveries)
      .set({ attempts: attempt, lastStatusCode: statusCode, status: succeeded ? "succeeded" : retryAt ? "pending" : "failed", nextAttemptAt: retryAt })
      .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, deliveryId)));
    if (succeeded) {
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpoint.id)));
      return;
    }
    const [current] = await tx
      .select({ failures: webhookEndpoints.consecutiveFailures, status: webhookEndpoints.status })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpoint.id)))
      .for("update");
    if (!current) return;
    const failures = current.failures + 1;
    const disable = current.status === "active" && failures >= DISABLE_AFTER_CONSECUTIVE_FAILURES;
    await tx
      .update(webhookEndpoints)
      .set(disable ? { consecutiveFailures: failures, status: "disabled", disabledAt: finishedAt } : { consecutiveFailures: failures })
      .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpoint.id)));
    if (disable) {
      await recordDomainEvent(tx, orgId, "webhook.endpoint_disabled", { endpointId: endpoint.id, url: endpoint.url, consecutiveFailures: failures, lastStatusCode: statusCode, lastError: error });
    }
  });
  return true;
}

/** The cron's sweep: every pending delivery whose retry time has come, across organizations. */
export async function retryDueWebhookDeliveries(db: Database, sender: WebhookSender, limit = 50): Promise<number> {
  const now = sender.now();
  const result = await db.execute(sql`/* unscoped: the retry sweep serves every organization */
    SELECT ${webhookDeliveries.id} AS id, ${webhookDeliveries.orgId} AS org_id FROM ${webhookDeliveries}
    WHERE ${webhookDeliveries.status} = 'pending' AND ${webhookDeliveries.nextAttemptAt} <= ${now}
    ORDER BY ${webhookDeliveries.nextAttemptAt} LIMIT ${limit}`);
  let attempted = 0;
  for (const row of result.rows as { id: string; org_id: string }[]) {
    try {
      if (await attemptWebhookDelivery(db, row.org_id, row.id, sender)) attempted++;
    } catch (error) {
      // One broken delivery must not hold up the others; its lease brings it back later.
      console.error(`webhook delivery ${row.id} could not be attempted`, error);
    }
  }
  return attempted;
}

/** An admin's manual replay: the delivery is sent again now, whatever its state. */
export async function replayWebhookDelivery(db: Database, tenant: TenantContext, deliveryId: string, sender: WebhookSender): Promise<boolean> {
  const reset = await db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: sender.now() })
    .where(and(eq(webhookDeliveries.orgId, tenant.orgId), eq(webhookDeliveries.id, deliveryId)));
  if (Number(reset.rowsAffected) === 0) return false;
  return attemptWebhookDelivery(db, tenant.orgId, deliveryId, sender);
}
