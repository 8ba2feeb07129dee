import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { organization, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from "../../db/schema/index.ts";

// Webhook endpoints, their deliveries (one per endpoint per event) and every attempt of those.

type Db = Database | Transaction;
type DeliveryChange = Partial<
  Pick<typeof webhookDeliveries.$inferInsert, "status" | "attempts" | "lastStatusCode" | "nextAttemptAt">
>;

export async function insertWebhookEndpoint(
  db: Db,
  orgId: string,
  endpoint: { id: string; url: string; sealedSecret: string; eventTypes: string[]; createdByUserId: string },
) {
  await db.insert(webhookEndpoints).values({ ...endpoint, orgId });
}

export function listWebhookEndpoints(db: Db, orgId: string) {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      eventTypes: webhookEndpoints.eventTypes,
      status: webhookEndpoints.status,
      consecutiveFailures: webhookEndpoints.consecutiveFailures,
      disabledAt: webhookEndpoints.disabledAt,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, orgId))
    .orderBy(desc(webhookEndpoints.createdAt), webhookEndpoints.id);
}

export async function findWebhookEndpoint(db: Db, orgId: string, endpointId: string) {
  const [endpoint] = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      eventTypes: webhookEndpoints.eventTypes,
      status: webhookEndpoints.status,
      consecutiveFailures: webhookEndpoints.consecutiveFailures,
      disabledAt: webhookEndpoints.disabledAt,
    })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpointId)));
  return endpoint ?? null;
}

/** An endpoint's newest deliveries. */
export function listEndpointDeliveries(db: Db, orgId: string, endpointId: string, limit: number) {
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** Every attempt of the given deliveries, in attempt order. */
export async function listDeliveryAttempts(db: Db, orgId: string, deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookDeliveryAttempts)
    .where(and(eq(webhookDeliveryAttempts.orgId, orgId), inArray(webhookDeliveryAttempts.deliveryId, [...deliveryIds])))
    .orderBy(webhookDeliveryAttempts.attempt);
}

/** Enables (clearing the failure count) or disables an endpoint; false when it is not the org's. */
export async function updateWebhookEndpointStatus(
  db: Db,
  orgId: string,
  endpointId: string,
  status: "active" | "disabled",
  at: Date,
) {
  const result = await db
    .update(webhookEndpoints)
    .set(status === "active" ? { status, consecutiveFailures: 0, disabledAt: null } : { status, disabledAt: at })
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpointId)));
  return Number(result.rowsAffected) > 0;
}

/**
 * Serializes changes to an organization's set of active endpoints (create, enable) until the
 * transaction ends, so two at once cannot both see a free place under the cap.
 */
export async function lockActiveWebhookEndpoints(tx: Transaction, orgId: string) {
  await tx.select({ id: organization.id }).from(organization).where(eq(organization.id, orgId)).for("update");
}

export function listActiveWebhookEndpoints(db: Db, orgId: string) {
  return db
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.status, "active")));
}

/** Creates the endpoint's delivery of an event unless it exists (unique endpoint+event); true when created. */
export async function insertWebhookDeliveryOnce(
  db: Db,
  orgId: string,
  delivery: { id: string; endpointId: string; eventId: string; eventType: string; body: string; nextAttemptAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(webhookDeliveries)
    .ignore()
    .values({ ...delivery, orgId });
  return Number(inserted.rowsAffected) > 0;
}

/**
 * Takes the lease on a pending delivery that is due at `now`, until `leaseUntil`: false when it
 * is not due, not pending, or someone else holds it.
 */
export async function leaseDueWebhookDelivery(
  db: Db,
  orgId: string,
  deliveryId: string,
  now: Date,
  leaseUntil: Date,
): Promise<boolean> {
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
      ),
    );
  return Number(claimed.rowsAffected) > 0;
}

export async function findDeliveryWithEndpoint(db: Db, orgId: string, deliveryId: string) {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEndpoints,
      and(eq(webhookEndpoints.orgId, webhookDeliveries.orgId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)),
    )
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, deliveryId)));
  return row ?? null;
}

/** Changes a delivery's state; false when it is not the org's. */
export async function updateWebhookDelivery(
  db: Db,
  orgId: string,
  deliveryId: string,
  change: DeliveryChange,
): Promise<boolean> {
  const result = await db
    .update(webhookDeliveries)
    .set(change)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, deliveryId)));
  return Number(result.rowsAffected) > 0;
}

export async function insertDeliveryAttempt(
  tx: Db,
  orgId: string,
  attempt: {
    id: string;
    deliveryId: string;
    attempt: number;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
    attemptedAt: Date;
  },
) {
  await tx.insert(webhookDeliveryAttempts).values({ ...attempt, orgId });
}

/** Locks an endpoint's failure count for the attempt that is about to change it. */
export async function lockWebhookEndpointFailures(tx: Transaction, orgId: string, endpointId: string) {
  const [current] = await tx
    .select({ failures: webhookEndpoints.consecutiveFailures, status: webhookEndpoints.status })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpointId)))
    .for("update");
  return current ?? null;
}

/** Sets an endpoint's consecutive failure count, disabling it at `disabledAt` when given. */
export async function setWebhookEndpointFailures(
  tx: Db,
  orgId: string,
  endpointId: string,
  failures: number,
  disabledAt: Date | null = null,
) {
  await tx
    .update(webhookEndpoints)
    .set(
      disabledAt
        ? { consecutiveFailures: failures, status: "disabled", disabledAt }
        : { consecutiveFailures: failures },
    )
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, endpointId)));
}

/** Every organization's pending deliveries whose retry time has come: the cron's sweep. */
export async function listDueWebhookDeliveries(db: Database, now: Date, limit: number) {
  const result = await db.execute(sql`/* unscoped: the retry sweep serves every organization */
    SELECT ${webhookDeliveries.id} AS id, ${webhookDeliveries.orgId} AS org_id FROM ${webhookDeliveries}
    WHERE ${webhookDeliveries.status} = 'pending' AND ${webhookDeliveries.nextAttemptAt} <= ${now}
    ORDER BY ${webhookDeliveries.nextAttemptAt} LIMIT ${limit}`);
  return result.rows as { id: string; org_id: string }[];
}
