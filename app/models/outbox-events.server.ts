import {
  and,
  count,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  like,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { deadLetterEvents, domainEventOnce, outboxEvents } from "../../db/schema/index.ts";
import { noteOutboxWrite } from "../utils/outbox-writes.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { DeadLetterSort, DeadLetterState } from "./table-specs.ts";

// The domain-event outbox, its once-keys and the dead letters the queue gave up on.

type Db = Database | Transaction;

export async function insertOutboxEvent(
  tx: Db,
  orgId: string,
  event: { id: string; type: string; payload: Record<string, unknown> },
) {
  await tx.insert(outboxEvents).values({ id: event.id, orgId, type: event.type, payload: event.payload });
  noteOutboxWrite();
}

/** Several events of one organization in one statement. */
export async function insertOutboxEvents(
  tx: Db,
  orgId: string,
  events: readonly { id: string; type: string; payload: Record<string, unknown> }[],
) {
  if (events.length === 0) return;
  await tx.insert(outboxEvents).values(events.map((e) => ({ ...e, orgId })));
  noteOutboxWrite();
}

/** Claims `onceKey` in the organization for `eventId`: false when someone claimed it before. */
export async function claimOnceKey(tx: Db, orgId: string, onceKey: string, eventId: string): Promise<boolean> {
  const claimed = await tx.insert(domainEventOnce).ignore().values({ orgId, onceKey, eventId });
  return Number(claimed.rowsAffected) > 0;
}

export type UnpublishedOutboxRow = {
  id: string;
  org_id: string;
  type: string;
  payload: Record<string, unknown> | string;
  created_at: string;
};

/** Unpublished rows of every organization, oldest first: the publisher's sweep. */
export async function listUnpublishedOutboxEvents(db: Database, limit: number): Promise<UnpublishedOutboxRow[]> {
  const result = await db.execute(sql`/* unscoped: the publisher drains every organization's outbox */
    SELECT ${outboxEvents.id} AS id, ${outboxEvents.orgId} AS org_id, ${outboxEvents.type} AS type, ${outboxEvents.payload} AS payload, ${outboxEvents.createdAt} AS created_at
    FROM ${outboxEvents} WHERE ${outboxEvents.publishedAt} IS NULL
    ORDER BY ${outboxEvents.createdAt}, ${outboxEvents.id} LIMIT ${limit}`);
  return result.rows as UnpublishedOutboxRow[];
}

export async function markOutboxEventsPublished(
  db: Database,
  orgId: string,
  eventIds: readonly string[],
  publishedAt: Date,
) {
  if (eventIds.length === 0) return;
  await db
    .update(outboxEvents)
    .set({ publishedAt })
    .where(
      and(eq(outboxEvents.orgId, orgId), inArray(outboxEvents.id, [...eventIds]), isNull(outboxEvents.publishedAt)),
    );
}

export async function findOutboxEventRow(db: Database, orgId: string, eventId: string) {
  const [row] = await db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, orgId), eq(outboxEvents.id, eventId)))
    .limit(1);
  return row ?? null;
}

export async function insertDeadLetter(
  db: Database,
  letter: { id: string; orgId: string; eventId: string; eventType: string; attempts: number },
) {
  await db.insert(deadLetterEvents).values(letter);
}

const DEAD_LETTER_SORT_COLUMNS = {
  received: deadLetterEvents.receivedAt,
  event: deadLetterEvents.eventType,
  attempts: deadLetterEvents.attempts,
} satisfies Record<DeadLetterSort, AnyColumn>;

function deadLetterWhere(orgId: string, state: DeadLetterState): SQL | undefined {
  const { replay } = state.filters;
  const pattern = likePattern(state.q);
  return and(
    eq(deadLetterEvents.orgId, orgId),
    replay === "replayed" ? isNotNull(deadLetterEvents.replayedAt) : undefined,
    replay === "waiting" ? isNull(deadLetterEvents.replayedAt) : undefined,
    state.q ? or(like(deadLetterEvents.eventType, pattern), like(deadLetterEvents.eventId, pattern)) : undefined,
  );
}

/** A window of the dead letters in the table's order, for the export's batches. */
export function listDeadLetterRows(db: Database, orgId: string, state: DeadLetterState, offset: number, limit: number) {
  return db
    .select()
    .from(deadLetterEvents)
    .where(deadLetterWhere(orgId, state))
    .orderBy(...orderBy(DEAD_LETTER_SORT_COLUMNS[state.sort], state.dir, deadLetterEvents.id))
    .limit(limit)
    .offset(offset);
}

/** One page of the dead letters and the size of the whole filtered set, in one statement. */
export async function listDeadLetterPage(db: Database, orgId: string, state: DeadLetterState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...getTableColumns(deadLetterEvents), total: totalOverAll() })
    .from(deadLetterEvents)
    .where(deadLetterWhere(orgId, state))
    .orderBy(...orderBy(DEAD_LETTER_SORT_COLUMNS[state.sort], state.dir, deadLetterEvents.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db.select({ n: count() }).from(deadLetterEvents).where(deadLetterWhere(orgId, state));
    return Number(row?.n ?? 0);
  });
}

export async function findDeadLetter(db: Database, orgId: string, deadLetterId: string) {
  const [letter] = await db
    .select()
    .from(deadLetterEvents)
    .where(and(eq(deadLetterEvents.orgId, orgId), eq(deadLetterEvents.id, deadLetterId)));
  return letter ?? null;
}

export async function markDeadLetterReplayed(db: Database, orgId: string, deadLetterId: string, replayedAt: Date) {
  await db
    .update(deadLetterEvents)
    .set({ replayedAt })
    .where(and(eq(deadLetterEvents.orgId, orgId), eq(deadLetterEvents.id, deadLetterId)));
}
