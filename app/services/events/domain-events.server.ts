import type { Database } from "../../../db/client.ts";
import type { Transaction } from "../../../db/transaction.ts";
import {
  claimOnceKey,
  findOutboxEventRow,
  insertOutboxEvent,
  listUnpublishedOutboxEvents,
  markOutboxEventsPublished,
  type UnpublishedOutboxRow,
} from "../../models/outbox-events.server.ts";
import { createId } from "../../utils/ids.ts";
import type { DomainEventMessage, DomainEventType } from "./domain-event-types.ts";

/** A transaction or the database itself: events are written with the change they describe. */
export type Writer = Database | Transaction;

/** Records a domain event in the caller's transaction; the publisher delivers it after commit. */
export async function recordDomainEvent(
  tx: Writer,
  orgId: string,
  type: DomainEventType,
  payload: Record<string, unknown>,
): Promise<string> {
  const id = createId("evt");
  await insertOutboxEvent(tx, orgId, { id, type, payload });
  return id;
}

/**
 * Records the event only the first time `onceKey` is seen in the organization (an invoice falls
 * due once). Returns the event id, or null when it was raised before.
 */
export async function recordDomainEventOnce(
  tx: Writer,
  orgId: string,
  onceKey: string,
  type: DomainEventType,
  payload: Record<string, unknown>,
): Promise<string | null> {
  const eventId = createId("evt");
  if (!(await claimOnceKey(tx, orgId, onceKey, eventId))) return null;
  await insertOutboxEvent(tx, orgId, { id: eventId, type, payload });
  return eventId;
}

/** The producer side of the domain-events queue (a Queue binding), as far as the publisher uses it. */
export type EventQueue = { sendBatch(messages: Iterable<MessageSendRequest<DomainEventMessage>>): Promise<unknown> };

/**
 * Sends unpublished outbox rows to the queue, oldest first, then marks them published. A crash
 * between the two sends a row again on the next sweep: consumers are idempotent per event id.
 */
export async function publishOutbox(db: Database, queue: EventQueue, limit = 100): Promise<number> {
  const rows = await listUnpublishedOutboxEvents(db, limit);
  if (rows.length === 0) return 0;
  const messages = rows.map((row) => ({ body: outboxMessage(row) }));
  await queue.sendBatch(messages);
  const byOrg = Map.groupBy(rows, (row) => row.org_id);
  for (const [orgId, orgRows] of byOrg) {
    await markOutboxEventsPublished(
      db,
      orgId,
      orgRows.map((r) => r.id),
      new Date(),
    );
  }
  return rows.length;
}

function outboxMessage(row: UnpublishedOutboxRow): DomainEventMessage {
  const data = typeof row.payload === "string" ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload;
  // DATETIME(3) comes back as "YYYY-MM-DD HH:MM:SS.mmm" in UTC (the server runs at +00:00).
  const createdAt = new Date(`${String(row.created_at).replace(" ", "T")}Z`).toISOString();
  return { id: row.id, orgId: row.org_id, type: row.type, createdAt, data };
}

/** One outbox event, for replaying a dead letter. */
export async function findOutboxEvent(
  db: Database,
  orgId: string,
  eventId: string,
): Promise<DomainEventMessage | null> {
  const row = await findOutboxEventRow(db, orgId, eventId);
  if (!row) return null;
  return { id: row.id, orgId: row.orgId, type: row.type, createdAt: row.createdAt.toISOString(), data: row.payload };
}
