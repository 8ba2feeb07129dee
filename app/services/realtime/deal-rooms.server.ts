import type { Database } from "../../../db/client.ts";
import type { DealRoomRole, DealRoomStatus } from "../../../db/schema/index.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { AnnotationTarget, Rights, RoomAnnotation, RoomMessage, RoomParticipant } from "./deal-room-protocol.ts";
import { mentionHandle } from "./deal-room-rules.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  closeActiveDealRoomsOfSubmission,
  endActiveDealRoom,
  findDealRoomStatus,
  findRoomBySubmission,
  findRoomForManagement,
  hasRightInRoom,
  insertAnnotationWhileActive,
  insertDealRoom,
  insertMessageWhileActive,
  listAnnotationRows,
  listParticipantRows,
  listRecentMessageRows,
  listRoomCandidates,
  lockActiveDealRoom,
  lockSubmissionForDealRoom,
  resolveRoomAnnotation,
  searchMessageRows,
  upsertDealRoomParticipant,
  type AnnotationRow,
  type MessageRow,
} from "../../models/deal-rooms.server.ts";
import { insertOutboxEvents } from "../../models/outbox-events.server.ts";
import { createId } from "../../utils/ids.ts";
import { refreshLiveDealRoom } from "./deal-room-live.server.ts";

/** Submissions in these states are settled: no room is opened for them and theirs are closed. */
const SETTLED = ["bound", "declined", "withdrawn"] as const;

export type OpenRoomOutcome = { ok: true; dealRoomId: string } | { ok: false; reason: "not_found" | "settled" };

/** Opens the room of a submission (or returns the one it has); its opener leads it. */
export async function openDealRoom(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
): Promise<OpenRoomOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const submission = await lockSubmissionForDealRoom(tx, tenant, submissionId);
    if (!submission) return { ok: false, reason: "not_found" } as const;
    const existing = await findRoomBySubmission(tx, tenant.orgId, submissionId);
    if (existing) return { ok: true, dealRoomId: existing.id } as const;
    if ((SETTLED as readonly string[]).includes(submission.status)) return { ok: false, reason: "settled" } as const;
    const dealRoomId = createId("drm");
    await insertDealRoom(tx, tenant.orgId, { id: dealRoomId, submissionId, createdByUserId: tenant.userId });
    await upsertDealRoomParticipant(tx, tenant.orgId, {
      id: createId("drp"),
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

/** A room's participants as the room and its page show them, each with a mention handle. */
export async function listParticipants(db: Database, orgId: string, dealRoomId: string): Promise<RoomParticipant[]> {
  const rows = await listParticipantRows(db, orgId, dealRoomId);
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    handle: mentionHandle(r.email),
    role: r.role,
    rights: { chat: r.canChat, annotate: r.canAnnotate, edit: r.canEdit },
  }));
}

function toRoomMessage(row: MessageRow): RoomMessage {
  return { id: row.id, authorUserId: row.authorUserId, body: row.body, createdAt: row.createdAt.toISOString() };
}

function toRoomAnnotation(row: AnnotationRow): RoomAnnotation {
  const target: AnnotationTarget =
    row.targetKind === "field"
      ? ({ kind: "field", name: row.target } as AnnotationTarget)
      : { kind: "document", id: row.target };
  return {
    id: row.id,
    authorUserId: row.authorUserId,
    target,
    text: row.text,
    resolvedByUserId: row.resolvedByUserId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The newest messages of a room, oldest first. */
export async function recentMessages(
  db: Database,
  orgId: string,
  dealRoomId: string,
  limit: number,
): Promise<RoomMessage[]> {
  return (await listRecentMessageRows(db, orgId, dealRoomId, limit)).map(toRoomMessage);
}

export async function listAnnotations(db: Database, orgId: string, dealRoomId: string): Promise<RoomAnnotation[]> {
  return (await listAnnotationRows(db, orgId, dealRoomId)).map(toRoomAnnotation);
}

/** Messages containing the words searched for, newest first. */
export async function searchMessages(
  db: Database,
  orgId: string,
  dealRoomId: string,
  query: string,
): Promise<RoomMessage[]> {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 8);
  return (await searchMessageRows(db, orgId, dealRoomId, words)).map(toRoomMessage);
}

export type ParticipantRequest = { userId: string; role: DealRoomRole; rights: Rights };
export type ParticipantOutcome = { ok: true } | { ok: false; reason: "not_found" | "read_only" | "not_eligible" };

/** Gives a user a place in the room, or changes their role and rights if they have one. */
export async function placeParticipant(
  db: Database,
  tenant: TenantContext,
  dealRoomId: string,
  request: ParticipantRequest,
): Promise<ParticipantOutcome> {
  const room = await findRoomForManagement(db, tenant, dealRoomId);
  if (!room) return { ok: false, reason: "not_found" };
  if (room.status !== "active") return { ok: false, reason: "read_only" };
  const candidates = await listRoomCandidates(db, tenant, room.agencyId);
  if (!candidates.some((c) => c.userId === request.userId)) return { ok: false, reason: "not_eligible" };
  const rights = {
    role: request.role,
    canChat: request.rights.chat,
    canAnnotate: request.rights.annotate,
    canEdit: request.rights.edit,
  };
  await upsertDealRoomParticipant(db, tenant.orgId, {
    id: createId("drp"),
    dealRoomId,
    userId: request.userId,
    addedByUserId: tenant.userId,
    ...rights,
  });
  await refreshLiveDealRoom(tenant.orgId, room.submissionId);
  return { ok: true };
}

/** An active room can be archived by hand; like a closed room it is read-only afterwards. */
export async function archiveDealRoom(db: Database, tenant: TenantContext, dealRoomId: string) {
  const room = await findRoomForManagement(db, tenant, dealRoomId);
  if (!room) return { ok: false as const, reason: "not_found" as const };
  await endActiveDealRoom(db, tenant.orgId, dealRoomId, { status: "archived", reason: "archived", at: new Date() });
  await refreshLiveDealRoom(tenant.orgId, room.submissionId);
  return { ok: true as const };
}

/**
 * Closes the submission's active room once the submission is bound or declined. Called after the
 * deciding transaction commits; it is idempotent, so running it twice closes nothing twice.
 */
export async function closeDealRoomsForSubmission(
  db: Database,
  orgId: string,
  submissionId: string,
  reason: "bound" | "declined",
) {
  const closed = await closeActiveDealRoomsOfSubmission(db, orgId, submissionId, reason, new Date());
  // Most submissions have no room: waking a Durable Object for them would only create it.
  if (closed > 0) await refreshLiveDealRoom(orgId, submissionId);
}

/** The room as the writer (the live room) knows it. */
export type WritingRoom = { orgId: string; dealRoomId: string; submissionId: string };
/**
 * A refused write: the room is no longer active (`status`), or the author has lost their place
 * or the right in it (`no_place`: removed from the room or the organization, or downgraded).
 */
export type WriteOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; status: DealRoomStatus }
  | { ok: false; reason: "no_place" };

async function refused(
  db: Database | Transaction,
  room: WritingRoom,
): Promise<{ ok: false; status: DealRoomStatus } | { ok: false; reason: "no_place" }> {
  const status = await findDealRoomStatus(db, room.orgId, room.dealRoomId);
  if (status === "active") return { ok: false, reason: "no_place" };
  return { ok: false, status: status === "archived" ? "archived" : "closed" };
}

/** Records a chat message and, in the same transaction, one mention event per person named. */
export async function recordMessage(
  db: Database,
  room: WritingRoom,
  authorUserId: string,
  body: string,
  mentionedUserIds: readonly string[],
): Promise<WriteOutcome<RoomMessage>> {
  const createdAt = new Date();
  const message: RoomMessage = { id: createId("drmsg"), authorUserId, body, createdAt: createdAt.toISOString() };
  const row = { id: message.id, authorUserId, body, createdAt };
  if (!mentionedUserIds.length) {
    return (await insertMessageWhileActive(db, room, row)) ? { ok: true, value: message } : refused(db, room);
  }
  return transactionWithRetry(db, async (tx) => {
    if (!(await insertMessageWhileActive(tx, room, row))) return refused(tx, room);
    await insertOutboxEvents(
      tx,
      room.orgId,
      mentionedUserIds.map((mentionedUserId) => ({
        id: createId("evt"),
        type: "deal_room.mention",
        payload: {
          dealRoomId: room.dealRoomId,
          submissionId: room.submissionId,
          messageId: message.id,
          mentionedUserId,
          authorUserId,
        },
      })),
    );
    return { ok: true, value: message };
  });
}

export async function recordAnnotation(
  db: Database,
  room: WritingRoom,
  authorUserId: string,
  target: AnnotationTarget,
  text: string,
): Promise<WriteOutcome<RoomAnnotation>> {
  const createdAt = new Date();
  const annotation: RoomAnnotation = {
    id: createId("dra"),
    authorUserId,
    target,
    text,
    resolvedByUserId: null,
    createdAt: createdAt.toISOString(),
  };
  const row = {
    id: annotation.id,
    authorUserId,
    targetKind: target.kind,
    target: target.kind === "field" ? target.name : target.id,
    text,
    createdAt,
  };
  return (await insertAnnotationWhileActive(db, room, row)) ? { ok: true, value: annotation } : refused(db, room);
}

/** Marks an annotation resolved; null when the room has no such annotation. */
export async function resolveAnnotation(
  db: Database,
  room: WritingRoom,
  userId: string,
  annotationId: string,
): Promise<WriteOutcome<RoomAnnotation | null>> {
  return transactionWithRetry(db, async (tx) => {
    if (!(await lockActiveDealRoom(tx, room.orgId, room.dealRoomId))) return refused(tx, room);
    if (!(await hasRightInRoom(tx, room, { userId, right: "edit" }))) return { ok: false, reason: "no_place" } as const;
    const row = await resolveRoomAnnotation(tx, room.orgId, room.dealRoomId, annotationId, userId, new Date());
    return { ok: true, value: row ? toRoomAnnotation(row) : null };
  });
}
