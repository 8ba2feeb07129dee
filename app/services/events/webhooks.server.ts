import type { Database } from "../../../db/client.ts";
import {
  findDeliveryWithEndpoint,
  findWebhookEndpoint,
  insertDeliveryAttempt,
  insertWebhookDeliveryOnce,
  insertWebhookEndpoint,
  leaseDueWebhookDelivery,
  listActiveWebhookEndpoints,
  lockActiveWebhookEndpoints,
  listDeliveryAttempts,
  listDueWebhookDeliveries,
  listEndpointDeliveries,
  listWebhookEndpoints as listEndpointRows,
  lockWebhookEndpointFailures,
  setWebhookEndpointFailures,
  updateWebhookDelivery,
  updateWebhookEndpointStatus,
} from "../../models/webhooks.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { createId } from "../../utils/ids.ts";
import { openSecret, sealSecret } from "../../utils/secret-box.ts";
import type { DomainEventMessage } from "./domain-event-types.ts";
import { recordDomainEvent } from "./domain-events.server.ts";
import { DISABLE_AFTER_CONSECUTIVE_FAILURES, isSuccessStatus, nextWebhookAttemptAt } from "./webhook-retry.ts";
import { SIGNATURE_HEADER, signatureHeader } from "./webhook-signature.ts";
import { webhookUrlProblem } from "./webhook-url.ts";
import { HostLookupFailed, type HostResolver, dnsOverHttpsResolver, webhookHostProblem } from "./webhook-dns.server.ts";
import {
  interleaveByOrg,
  MAX_WEBHOOK_ENDPOINTS_PER_ORG,
  runFairly,
  SWEEP_PER_ORG,
  WEBHOOK_CONCURRENCY,
  WEBHOOK_CONCURRENCY_PER_ORG,
} from "./fair-delivery.ts";

/**
 * How webhooks go out: the HTTP client, the clock (both injected so tests control them) and the
 * app secret that unseals the endpoints' signing secrets.
 */
export type WebhookSender = {
  fetch: typeof fetch;
  now: () => Date;
  appSecret: string;
  /** Development and tests only: endpoints on this machine (plain http, localhost) may be called. */
  allowLocal?: boolean;
  resolveHost: HostResolver;
};

export function liveWebhookSender(appSecret: string, options: { allowLocal: boolean }): WebhookSender {
  return {
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    appSecret,
    allowLocal: options.allowLocal,
    resolveHost: dnsOverHttpsResolver(),
  };
}

/**
 * What the delivery log and replay show of a failed attempt: nothing of the receiver's answer
 * (status, error text, timing), which would make the log a port scanner. The detail goes to the
 * server's log only.
 */
export const WEBHOOK_ATTEMPT_FAILED = "Not delivered: the endpoint did not accept the event.";
export const WEBHOOK_URL_REFUSED =
  "Not delivered: the endpoint URL is not allowed (https on port 443 to a public host).";

const SECRET_PURPOSE = "webhook-signing-secret";

// A claimed attempt holds the delivery this long, so the cron sweep and the queue consumer
// never send the same delivery at once; a crashed attempt is retried after it.
const ATTEMPT_LEASE_MS = 2 * 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export class WebhookUrlRefused extends Error {
  override readonly name = "WebhookUrlRefused";
}

export class WebhookEndpointLimit extends Error {
  override readonly name = "WebhookEndpointLimit";
}

export const WEBHOOK_ENDPOINT_LIMIT_MESSAGE = `An organization may have at most ${MAX_WEBHOOK_ENDPOINTS_PER_ORG} active endpoints: disable one first.`;

/** Creates an endpoint (refusing a URL webhookUrlProblem refuses) and returns its signing secret: the only time it leaves the server. */
export async function createWebhookEndpoint(
  db: Database,
  tenant: TenantContext,
  input: { url: string; eventTypes: string[] },
  appSecret: string,
  options: { allowLocal: boolean; resolveHost: HostResolver },
) {
  const problem = webhookUrlProblem(input.url, { allowLocal: options.allowLocal });
  if (problem) throw new WebhookUrlRefused(problem);
  let hostProblem: string | null;
  try {
    hostProblem = await webhookHostProblem(input.url, options.resolveHost, { allowLocal: options.allowLocal });
  } catch (error) {
    if (!(error instanceof HostLookupFailed)) throw error;
    throw new WebhookUrlRefused("The endpoint's host name could not be looked up just now: try again in a minute.");
  }
  if (hostProblem) throw new WebhookUrlRefused(hostProblem);
  const id = createId("whe");
  const secret = randomSecret();
  const sealedSecret = await sealSecret(appSecret, SECRET_PURPOSE, secret);
  await transactionWithRetry(db, async (tx) => {
    await lockActiveWebhookEndpoints(tx, tenant.orgId);
    if ((await listActiveWebhookEndpoints(tx, tenant.orgId)).length >= MAX_WEBHOOK_ENDPOINTS_PER_ORG) {
      throw new WebhookEndpointLimit(WEBHOOK_ENDPOINT_LIMIT_MESSAGE);
    }
    await insertWebhookEndpoint(tx, tenant.orgId, {
      id,
      url: input.url,
      sealedSecret,
      eventTypes: input.eventTypes,
      createdByUserId: tenant.userId,
    });
  });
  return { id, secret };
}

export function listWebhookEndpoints(db: Database, tenant: TenantContext) {
  return listEndpointRows(db, tenant.orgId);
}

/** An endpoint with its recent deliveries and every attempt of those, for the delivery log. */
export async function findWebhookEndpointLog(db: Database, tenant: TenantContext, endpointId: string) {
  const endpoint = await findWebhookEndpoint(db, tenant.orgId, endpointId);
  if (!endpoint) return null;
  const deliveries = await listEndpointDeliveries(db, tenant.orgId, endpointId, 50);
  const attempts = await listDeliveryAttempts(
    db,
    tenant.orgId,
    deliveries.map((d) => d.id),
  );
  return {
    endpoint,
    deliveries: deliveries.map(({ lastStatusCode: _status, ...d }) => ({
      ...d,
      // Only whether each attempt was delivered: no status, error text or duration (see WEBHOOK_ATTEMPT_FAILED).
      attemptLog: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({
          id: a.id,
          attempt: a.attempt,
          attemptedAt: a.attemptedAt,
          delivered: a.statusCode !== null && isSuccessStatus(a.statusCode),
          message:
            a.statusCode !== null && isSuccessStatus(a.statusCode)
              ? "Delivered"
              : a.error === WEBHOOK_URL_REFUSED
                ? WEBHOOK_URL_REFUSED
                : WEBHOOK_ATTEMPT_FAILED,
        })),
    })),
  };
}

/** Enables or disables an endpoint; enabling refuses (WebhookEndpointLimit) beyond the org's cap. */
export async function setWebhookEndpointStatus(
  db: Database,
  tenant: TenantContext,
  endpointId: string,
  status: "active" | "disabled",
) {
  if (status === "disabled") return updateWebhookEndpointStatus(db, tenant.orgId, endpointId, status, new Date());
  return transactionWithRetry(db, async (tx) => {
    await lockActiveWebhookEndpoints(tx, tenant.orgId);
    const active = await listActiveWebhookEndpoints(tx, tenant.orgId);
    if (!active.some((e) => e.id === endpointId) && active.length >= MAX_WEBHOOK_ENDPOINTS_PER_ORG) {
      throw new WebhookEndpointLimit(WEBHOOK_ENDPOINT_LIMIT_MESSAGE);
    }
    return updateWebhookEndpointStatus(tx, tenant.orgId, endpointId, status, new Date());
  });
}

/** The body every receiver gets (DOMAIN.md): `{id, type, created_at, data}`. */
export function webhookBody(event: DomainEventMessage): string {
  return JSON.stringify({ id: event.id, type: event.type, created_at: event.createdAt, data: event.data });
}

/**
 * Creates one delivery per subscribed active endpoint (the unique endpoint+event key makes a
 * redelivered event a no-op) and makes the first attempt of each delivery it created.
 */
export async function fanOutToWebhooks(
  db: Database,
  event: DomainEventMessage,
  sender: WebhookSender,
): Promise<number> {
  const endpoints = await listActiveWebhookEndpoints(db, event.orgId);
  const body = webhookBody(event);
  const created: string[] = [];
  for (const endpoint of endpoints.filter((e) => e.eventTypes.includes(event.type))) {
    const id = createId("whd");
    const delivery = {
      id,
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      body,
      nextAttemptAt: sender.now(),
    };
    if (await insertWebhookDeliveryOnce(db, event.orgId, delivery)) created.push(id);
  }
  // The org's endpoints are called side by side (bounded), so one slow receiver does not hold
  // up the org's others; a failed attempt is retried by the sweep.
  await runFairly(
    created,
    (id) => id,
    (id) => attemptWebhookDelivery(db, event.orgId, id, sender),
    { concurrency: WEBHOOK_CONCURRENCY_PER_ORG, perKey: 1 },
    (id, error) => console.error(`webhook delivery ${id} could not be attempted`, error),
  );
  return created.length;
}

/** One POST of a delivery to its endpoint: the receiver's status, or why there was none. */
async function postDelivery(
  sender: WebhookSender,
  endpoint: { url: string; sealedSecret: string },
  delivery: { id: string; eventType: string; body: string },
  startedAt: Date,
): Promise<{ statusCode: number | null; error: string | null }> {
  try {
    const response = await sender.fetch(endpoint.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "OpenInsure-Webhooks/1",
        [SIGNATURE_HEADER]: await signatureHeader(
          await openSecret(sender.appSecret, SECRET_PURPOSE, endpoint.sealedSecret),
          delivery.body,
          startedAt,
        ),
        "X-OpenInsure-Event": delivery.eventType,
        "X-OpenInsure-Delivery": delivery.id,
      },
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { statusCode: response.status, error: null };
  } catch (cause) {
    return { statusCode: null, error: (cause instanceof Error ? cause.message : String(cause)).slice(0, 500) };
  }
}

/**
 * One attempt of a pending delivery that is due: claimed first (so no one else sends it), then
 * sent, logged, and either settled or scheduled for the next retry. Returns false when the
 * delivery was not due or someone else holds it.
 */
export async function attemptWebhookDelivery(
  db: Database,
  orgId: string,
  deliveryId: string,
  sender: WebhookSender,
): Promise<boolean> {
  const startedAt = sender.now();
  if (
    !(await leaseDueWebhookDelivery(db, orgId, deliveryId, startedAt, new Date(startedAt.getTime() + ATTEMPT_LEASE_MS)))
  )
    return false;
  const row = await findDeliveryWithEndpoint(db, orgId, deliveryId);
  if (!row) return false;
  const { delivery, endpoint } = row;
  if (endpoint.status !== "active") {
    // A disabled endpoint is not called; the delivery waits for re-enabling and a replay.
    await updateWebhookDelivery(db, orgId, deliveryId, { status: "failed", nextAttemptAt: null });
    return false;
  }

  const policy = { allowLocal: sender.allowLocal ?? false };
  let refused = webhookUrlProblem(endpoint.url, policy) !== null;
  let lookupFailed = false;
  if (!refused) {
    // Resolved again at every attempt: the name may point somewhere else since it was saved.
    try {
      refused = (await webhookHostProblem(endpoint.url, sender.resolveHost, policy)) !== null;
    } catch (error) {
      if (!(error instanceof HostLookupFailed)) throw error;
      lookupFailed = true;
    }
  }
  if (refused) {
    // Stored before the rules (or under looser ones), or its name now points at a private
    // address: never called. The delivery fails for good.
    console.warn(`webhook delivery ${deliveryId}: endpoint ${endpoint.id} has a URL that is not allowed; not sent`);
    await transactionWithRetry(db, async (tx) => {
      await insertDeliveryAttempt(tx, orgId, {
        id: createId("wha"),
        deliveryId,
        attempt: delivery.attempts + 1,
        statusCode: null,
        error: WEBHOOK_URL_REFUSED,
        durationMs: 0,
        attemptedAt: startedAt,
      });
      await updateWebhookDelivery(tx, orgId, deliveryId, {
        attempts: delivery.attempts + 1,
        lastStatusCode: null,
        status: "failed",
        nextAttemptAt: null,
      });
    });
    return true;
  }

  const { statusCode, error } = lookupFailed
    ? { statusCode: null, error: "the host name could not be looked up" }
    : await postDelivery(sender, endpoint, delivery, startedAt);
  if (statusCode === null || !isSuccessStatus(statusCode)) {
    // The detail stays in the server's log; the org's log shows WEBHOOK_ATTEMPT_FAILED.
    console.warn(`webhook delivery ${deliveryId} to endpoint ${endpoint.id} failed: ${error ?? `HTTP ${statusCode}`}`);
  }
  const finishedAt = sender.now();
  const succeeded = statusCode !== null && isSuccessStatus(statusCode);
  const attempt = delivery.attempts + 1;
  const retryAt = succeeded ? null : nextWebhookAttemptAt(attempt, finishedAt);

  await transactionWithRetry(db, async (tx) => {
    await insertDeliveryAttempt(tx, orgId, {
      id: createId("wha"),
      deliveryId,
      attempt,
      statusCode,
      error: succeeded ? null : WEBHOOK_ATTEMPT_FAILED,
      durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
      attemptedAt: startedAt,
    });
    const status = succeeded ? "succeeded" : retryAt ? "pending" : "failed";
    await updateWebhookDelivery(tx, orgId, deliveryId, {
      attempts: attempt,
      lastStatusCode: statusCode,
      status,
      nextAttemptAt: retryAt,
    });
    if (succeeded) {
      await setWebhookEndpointFailures(tx, orgId, endpoint.id, 0);
      return;
    }
    const current = await lockWebhookEndpointFailures(tx, orgId, endpoint.id);
    if (!current) return;
    const failures = current.failures + 1;
    const disable = current.status === "active" && failures >= DISABLE_AFTER_CONSECUTIVE_FAILURES;
    await setWebhookEndpointFailures(tx, orgId, endpoint.id, failures, disable ? finishedAt : null);
    if (disable) {
      await recordDomainEvent(tx, orgId, "webhook.endpoint_disabled", {
        endpointId: endpoint.id,
        url: endpoint.url,
        consecutiveFailures: failures,
      });
    }
  });
  return true;
}

/**
 * The cron's sweep: pending deliveries whose retry time has come, across organizations, taken
 * round-robin by org (at most SWEEP_PER_ORG of one org per run) and sent with bounded
 * concurrency per org, so one tenant's backlog or slow receivers cannot stall the others.
 */
export async function retryDueWebhookDeliveries(db: Database, sender: WebhookSender, limit = 50): Promise<number> {
  const now = sender.now();
  const due = interleaveByOrg(await listDueWebhookDeliveries(db, now, limit * 10), SWEEP_PER_ORG, limit);
  let attempted = 0;
  await runFairly(
    due,
    (row) => row.org_id,
    async (row) => {
      if (await attemptWebhookDelivery(db, row.org_id, row.id, sender)) attempted++;
    },
    { concurrency: WEBHOOK_CONCURRENCY, perKey: WEBHOOK_CONCURRENCY_PER_ORG },
    // One broken delivery must not hold up the others; its lease brings it back later.
    (row, error) => console.error(`webhook delivery ${row.id} could not be attempted`, error),
  );
  return attempted;
}

/** An admin's manual replay: the delivery is sent again now, whatever its state. */
export async function replayWebhookDelivery(
  db: Database,
  tenant: TenantContext,
  deliveryId: string,
  sender: WebhookSender,
): Promise<boolean> {
  if (!(await updateWebhookDelivery(db, tenant.orgId, deliveryId, { status: "pending", nextAttemptAt: sender.now() })))
    return false;
  return attemptWebhookDelivery(db, tenant.orgId, deliveryId, sender);
}
