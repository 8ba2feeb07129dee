import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { domainEventOnce, outboxEvents } from "../../../db/schema/index.ts";
import { createId } from "../../utils/ids.ts";
import type { DomainEventMessage, DomainEventType } from "./domain-event-types.ts";

/** A transaction or the database itself: events are written with the change they describe. */
export type Writer = Pick<Database, "insert">;

/** Records a domain event in the caller's transaction; the publisher delivers it after commit. */
export async function recordDomainEvent(tx: Writer, orgId: string, type: DomainEventType, payload: Record<string, unknown>): Promise<string> {
  const id = createId("evt");
  await tx.insert(outboxEvents).values({ id, orgId, type, payload });
  return id;
}

/**
 * Records the event only the first time `onceKey` is seen in the organization (an invoice falls
 * due once). Returns the event id, or null when it was raised before.
 */
export async function recordDomainEventOnce(tx: Writer, orgId: string, onceKey: string, type: DomainEventType, payload: Record<string, unknown>): Promise<string | null> {
  const eventId = createId("evt");
  const claimed = await tx.insert(domainEventOnce).ignore().values({ orgId, onceKey, eventId });
  if (Number(claimed.rowsAffected) === 0) return null;
  await tx.insert(outboxEvents).values({ id: eventId, orgId, type, payload });
  return eventId;
}

/** The producer side of the domain-events queue (a Queue binding), as far as the publisher uses it. */
export type EventQueue = { sendBatch(messages: Iterable<MessageSendRequest<DomainEventMessage>>): Promise<unknown> };

/**
 * Sends unpublished outbox rows to the queue, oldest first, then marks them published. A crash
 * between the two sends a row again on the next sweep: consumers are idempotent per event id.
 */
export async function publishOutbox(db: Database, queue: EventQueue, limit = 100): Promise<number> {
  const result = await db.execute(sql`/* unscoped: the publisher drains every organization's outbox */
    SELECT ${outboxEvents.id} AS id, ${outboxEvents.orgId} AS org_id, ${outboxEvents.type} AS type, ${outboxEvents.payload} AS payload, ${outboxEvents.createdAt} AS created_at
    FROM ${outboxEvents} WHERE ${outboxEvents.publishedAt} IS NULL
    ORDER BY ${outboxEvents.createdAt}, ${outboxEvents.id} LIMIT ${limit}`);
  const rows = result.rows as { id: string; org_id: string; type: string; payload: Record<string, unknown> | string; created_at: string }[];
  if (rows.length === 0) return 0;
  const messages = rows.map((row) => ({ body: outboxMessage(row) }));
  await queue.sendBatch(messages);
  const byOrg = Map.groupBy(rows, (row) => row.org_id);
  for (const [orgId, orgRows] of byOrg) {
    await db
      .update(outboxEvents)
      .set({ publishedAt: new Date() })
      .where(and(eq(outboxEvents.orgId, orgId), inArray(outboxEvents.id, orgRows.map((r) => r.id)), isNull(outboxEvents.publishedAt)));
  }
  return rows.length;
}

function outboxMessage(row: { id: string; org_id: string; type: string; payload: Record<string, unknown> | string; created_at: string }): DomainEventMessage {
  const data = typeof row.payload === "string" ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload;
  // DATETIME(3) comes back as "YYYY-MM-DD HH:MM:SS.mmm" in UTC (the server runs at +00:00).
  const createdAt = new Date(`${String(row.created_at).replace(" ", "T")}Z`).toISOString();
  return { id: row.id, orgId: row.org_id, type: row.type, createdAt, data };
}

/** One outbox event, for replaying a dead letter. */
export async function findOutboxEvent(db: Database, orgId: string, eventId: string): Promise<DomainEventMessage | null> {
  const [row] = await db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, orgId), eq(outboxEvents.id, eventId)))
    .limit(1);
  if (!row) return null;
  return { id: row.id, orgId: row.orgId, type: row.type, createdAt: row.createdAt.toISOString(), data: row.payload };
}
