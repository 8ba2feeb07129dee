import { and, eq, isNull, sql } from "drizzle-orm";
import type { MySqlColumn, MySqlTable } from "drizzle-orm/mysql-core";
import type { Database } from "../../../db/client.ts";
import { dealRoomAnnotations, dealRoomMessages, dealRoomParticipants, dealRooms, outboxEvents, submissions, type DealRoomRole, type DealRoomStatus } from "../../../db/schema/index.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { AnnotationTarget, Rights, RoomAnnotation, RoomMessage } from "../../../party/deal-room-protocol.ts";
import { visibleSubmissions } from "../../auth/scope.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { listRoomCandidates, toRoomAnnotation } from "../../models/deal-rooms.server.ts";
import { createId } from "../../utils/ids.ts";
import { refreshLiveDealRoom } from "./deal-room-live.server.ts";

/** Submissions in these states are settled: no room is opened for them and theirs are closed. */
const SETTLED = ["bound", "declined", "withdrawn"] as const;

export type OpenRoomOutcome = { ok: true; dealRoomId: string } | { ok: false; reason: "not_found" | "settled" };

/** Opens the room of a submission (or returns the one it has); its opener leads it. */
export async function openDealRoom(db: Database, tenant: TenantContext, submissionId: string): Promise<OpenRoomOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const [submission] = await tx
      .select({ id: submissions.id, status: submissions.status })
      .from(submissions)
      .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
      .limit(1)
      .for("update");
    if (!submission) return { ok: false, reason: "not_found" } as const;
    const [existing] = await tx
      .select({ id: dealRooms.id })
      .from(dealRooms)
      .where(and(eq(dealRooms.orgId, tenant.orgId), eq(dealRooms.submissionId, submissionId)))
      .limit(1);
    if (existing) return { ok: true, dealRoomId: existing.id } as const;
    if ((SETTLED as readonly string[]).includes(submission.status)) return { ok: false, reason: "settled" } as const;
    const dealRoomId = createId("drm");
    await tx.insert(dealRooms).values({ id: dealRoomId, orgId: tenant.orgId, submissionId, createdByUserId: tenant.userId });
    await tx.insert(dealRoomParticipants).values({
      id: createId("drp"),
      orgId: tenant.orgId,
      dealRoomId,
      userId: tenant.userId,
      role: "lead_underwriter",
      canChat: true,
      canAnnotate: true,
      canEdit: true,
      addedByUserId: tenant.userId,
    });
    return { ok: true, dealRoomId } as const;
  });
}

type RoomRef = { id: string; submissionId: string; status: DealRoomStatus; agencyId: string };

async function roomForManagement(db: Database, tenant: TenantContext, dealRoomId: string): Promise<RoomRef | null> {
  const [row] = await db
    .select({ id: dealRooms.id, submissionId: dealRooms.submissionId, status: dealRooms.status, agencyId: submissions.agencyId })
    .from(dealRooms)
    .innerJoin(submissions, and(eq(submissions.orgId, dealRooms.orgId), eq(submissions.id, dealRooms.submissionId)))
    .where(and(eq(dealRooms.orgId, tenant.orgId), visibleSubmissions(tenant), eq(dealRooms.id, dealRoomId)))
    .limit(1);
  return row ?? null;
}

export type ParticipantRequest = { userId: string; role: DealRoomRole; rights: Rights };
export type ParticipantOutcome = { ok: true } | { ok: false; reason: "not_found" | "read_only" | "not_eligible" };

/** Gives a user a place in the room, or changes their role and rights if they have one. */
export async function placeParticipant(db: Database, tenant: TenantContext, dealRoomId: string, request: ParticipantRequest): Promise<ParticipantOutcome> {
  const room = await roomForManagement(db, tenant, dealRoomId);
  if (!room) return { ok: false, reason: "not_found" };
  if (room.status !== "active") return { ok: false, reason: "read_only" };
  const candidates = await listRoomCandidates(db, tenant, room.agencyId);
  if (!candidates.some((c) => c.userId === request.userId)) return { ok: false, reason: "not_eligible" };
  const rights = { role: request.role, canChat: request.rights.chat, canAnnotate: request.rights.annotate, canEdit: request.rights.edit };
  await db
    .insert(dealRoomParticipants)
    .values({ id: createId("drp"), orgId: tenant.orgId, dealRoomId, userId: request.userId, addedByUserId: tenant.userId, ...rights })
    .onDuplicateKeyUpdate({ set: rights });
  await refreshLiveDealRoom(tenant.orgId, room.submissionId);
  return { ok: true };
}

/** An active room can be archived by hand; like a closed room it is read-only afterwards. */
export async function archiveDealRoom(db: Database, tenant: TenantContext, dealRoomId: string) {
  const room = await roomForManagement(db, tenant, dealRoomId);
  if (!room) return { ok: false as const, reason: "not_found" as const };
  await db
    .update(dealRooms)
    .set({ status: "archived", endedReason: "archived", endedAt: new Date() })
    .where(and(eq(dealRooms.orgId, tenant.orgId), eq(dealRooms.id, dealRoomId), eq(dealRooms.status, "active")));
  await refreshLiveDealRoom(tenant.orgId, room.submissionId);
  return { ok: true as const };
}

/**
 * Closes the submission's active room once the submission is bound or declined. Called after the
 * deciding transaction commits; it is idempotent, so running it twice closes nothing twice.
 */
export async function closeDealRoomsForSubmission(db: Database, orgId: string, submissionId: string, reason: "bound" | "declined") {
  const result = await db
    .update(dealRooms)
    .set({ status: "closed", endedReason: reason, endedAt: new Date() })
    .where(and(eq(dealRooms.orgId, orgId), eq(dealRooms.submissionId, submissionId), eq(dealRooms.status, "active")));
  // Most submissions have no room: waking a Durable Object for them would only create it.
  if (Number(result.rowsAffected) > 0) await refreshLiveDealRoom(orgId, submissionId);
}

/** The room as the writer (the live room) knows it. */
export type WritingRoom = { orgId: string; dealRoomId: string; submissionId: string };
export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; status: DealRoomStatus };

type Cell = [MySqlColumn, unknown];

/**
 * INSERT ... SELECT from the room's own row, only while the room is active. Reading the room row
 * inside the insert takes a shared lock on it, so a write either commits before the room closes
 * or finds it closed, never after; and a chat line costs one statement, not a transaction.
 */
async function insertWhileActive(executor: Database | Transaction, room: WritingRoom, table: MySqlTable, cells: Cell[]): Promise<boolean> {
  const columns = sql.join(cells.map(([column]) => sql.identifier(column.name)), sql`, `);
  const values = sql.join(cells.map(([column, value]) => sql.param(value, column)), sql`, `);
  const result = await executor.execute(
    sql`insert into ${table} (${columns}) select ${values} from ${dealRooms} where ${dealRooms.orgId} = ${room.orgId} and ${dealRooms.id} = ${room.dealRoomId} and ${dealRooms.status} = 'active'`,
  );
  return Number(result.rowsAffected) === 1;
}

async function refused(db: Database | Transaction, room: WritingRoom): Promise<{ ok: false; status: DealRoomStatus }> {
  const [row] = await db
    .select({ status: dealRooms.status })
    .from(dealRooms)
    .where(and(eq(dealRooms.orgId, room.orgId), eq(dealRooms.id, room.dealRoomId)));
  return { ok: false, status: row?.status === "archived" ? "archived" : "closed" };
}

/** Records a chat message and, in the same transaction, one mention event per person named. */
export async function recordMessage(db: Database, room: WritingRoom, authorUserId: string, body: string, mentionedUserIds: readonly string[]): Promise<WriteOutcome<RoomMessage>> {
  const message: RoomMessage = { id: createId("drmsg"), authorUserId, body, createdAt: new Date().toISOString() };
  const cells: Cell[] = [
    [dealRoomMessages.id, message.id],
    [dealRoomMessages.orgId, room.orgId],
    [dealRoomMessages.dealRoomId, room.dealRoomId],
    [dealRoomMessages.authorUserId, authorUserId],
    [dealRoomMessages.body, body],
    [dealRoomMessages.createdAt, new Date(message.createdAt)],
  ];
  if (!mentionedUserIds.length) {
    return (await insertWhileActive(db, room, dealRoomMessages, cells)) ? { ok: true, value: message } : refused(db, room);
  }
  return transactionWithRetry(db, async (tx) => {
    if (!(await insertWhileActive(tx, room, dealRoomMessages, cells))) return refused(tx, room);
    await tx.insert(outboxEvents).values(
      mentionedUserIds.map((mentionedUserId) => ({
        id: createId("evt"),
        orgId: room.orgId,
        type: "deal_room.mention",
        payload: { dealRoomId: room.dealRoomId, submissionId: room.submissionId, messageId: message.id, mentionedUserId, authorUserId },
      })),
    );
    return { ok: true, value: message };
  });
}

export async function recordAnnotation(db: Database, room: WritingRoom, authorUserId: string, target: AnnotationTarget, text: string): Promise<WriteOutcome<RoomAnnotation>> {
  const annotation: RoomAnnotation = { id: createId("dra"), authorUserId, target, text, resolvedByUserId: null, createdAt: new Date().toISOString() };
  const inserted = await insertWhileActive(db, room, dealRoomAnnotations, [
    [dealRoomAnnotations.id, annotation.id],
    [dealRoomAnnotations.orgId, room.orgId],
    [dealRoomAnnotations.dealRoomId, room.dealRoomId],
    [dealRoomAnnotations.authorUserId, authorUserId],
    [dealRoomAnnotations.targetKind, target.kind],
    [dealRoomAnnotations.target, target.kind === "field" ? target.name : target.id],
    [dealRoomAnnotations.text, text],
    [dealRoomAnnotations.createdAt, new Date(annotation.createdAt)],
  ]);
  return inserted ? { ok: true, value: annotation } : refused(db, room);
}

/** Marks an annotation resolved; null when the room has no such annotation. */
export async function resolveAnnotation(db: Database, room: WritingRoom, userId: string, annotationId: string): Promise<WriteOutcome<RoomAnnotation | null>> {
  return transactionWithRetry(db, async (tx) => {
    const [active] = await tx
      .select({ id: dealRooms.id })
      .from(dealRooms)
      .where(and(eq(dealRooms.orgId, room.orgId), eq(dealRooms.id, room.dealRoomId), eq(dealRooms.status, "active")))
      .for("update");
    if (!active) return refused(tx, room);
    const scope = and(eq(dealRoomAnnotations.orgId, room.orgId), eq(dealRoomAnnotations.dealRoomId, room.dealRoomId), eq(dealRoomAnnotations.id, annotationId));
    await tx.update(dealRoomAnnotations).set({ resolvedByUserId: userId, resolvedAt: new Date() }).where(and(scope, isNull(dealRoomAnnotations.resolvedAt)));
    const [row] = await tx.select().from(dealRoomAnnotations).where(scope);
    return { ok: true, value: row ? toRoomAnnotation(row) : null };
  });
}
