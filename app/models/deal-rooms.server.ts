import { and, asc, desc, eq, isNull, like, notInArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { dealRoomAnnotations, dealRoomMessages, dealRoomParticipants, dealRooms, insureds, member, submissions, user, userAffiliations } from "../../db/schema/index.ts";
import { mentionHandle } from "../../party/deal-room-rules.ts";
import type { AnnotationTarget, RoomAnnotation, RoomMessage, RoomParticipant } from "../../party/deal-room-protocol.ts";
import { parseRoles, type Role } from "../auth/permissions.ts";
import { visibleSubmissions } from "../auth/scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

// Reads of deal rooms. Underwriting roles that see the whole book see every room of the
// organization; everyone else sees only the rooms they have a place in.

const WHOLE_BOOK_ROLES: readonly Role[] = ["org_admin", "underwriter", "senior_underwriter"];

function seesEveryRoom(tenant: TenantContext) {
  return tenant.roles.some((r) => WHOLE_BOOK_ROLES.includes(r));
}

function visibleRooms(tenant: TenantContext) {
  const org = eq(dealRooms.orgId, tenant.orgId);
  if (seesEveryRoom(tenant)) return org;
  return and(
    org,
    visibleSubmissions(tenant),
    sql`exists (select 1 from ${dealRoomParticipants} where ${dealRoomParticipants.orgId} = ${dealRooms.orgId} and ${dealRoomParticipants.dealRoomId} = ${dealRooms.id} and ${dealRoomParticipants.userId} = ${tenant.userId})`,
  )!;
}

const roomSummary = {
  id: dealRooms.id,
  submissionId: dealRooms.submissionId,
  status: dealRooms.status,
  endedReason: dealRooms.endedReason,
  createdAt: dealRooms.createdAt,
  reference: submissions.reference,
  submissionStatus: submissions.status,
  agencyId: submissions.agencyId,
  insuredName: insureds.name,
};

function fromRoomsWithSubmission(db: Database) {
  return db
    .select(roomSummary)
    .from(dealRooms)
    .innerJoin(submissions, and(eq(submissions.orgId, dealRooms.orgId), eq(submissions.id, dealRooms.submissionId)))
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)));
}

export async function listDealRooms(db: Database, tenant: TenantContext) {
  return fromRoomsWithSubmission(db).where(visibleRooms(tenant)).orderBy(desc(dealRooms.createdAt), desc(dealRooms.id)).limit(200);
}

export async function getDealRoom(db: Database, tenant: TenantContext, dealRoomId: string) {
  const [row] = await fromRoomsWithSubmission(db)
    .where(and(visibleRooms(tenant), eq(dealRooms.id, dealRoomId)))
    .limit(1);
  return row ?? null;
}

/** The room of a submission, if the user may see it (for the link from the submission page). */
export async function findDealRoomForSubmission(db: Database, tenant: TenantContext, submissionId: string) {
  const [row] = await fromRoomsWithSubmission(db)
    .where(and(visibleRooms(tenant), eq(dealRooms.submissionId, submissionId)))
    .limit(1);
  return row ?? null;
}

/** Submissions still being negotiated that have no room yet. */
export async function listSubmissionsWithoutRoom(db: Database, tenant: TenantContext) {
  return db
    .select({ id: submissions.id, reference: submissions.reference, insuredName: insureds.name, status: submissions.status })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .leftJoin(dealRooms, and(eq(dealRooms.orgId, submissions.orgId), eq(dealRooms.submissionId, submissions.id)))
    .where(and(visibleSubmissions(tenant), isNull(dealRooms.id), notInArray(submissions.status, ["draft", "bound", "declined", "withdrawn"])))
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(100);
}

export async function listParticipants(db: Database, orgId: string, dealRoomId: string): Promise<RoomParticipant[]> {
  const rows = await db
    .select({
      userId: dealRoomParticipants.userId,
      name: user.name,
      email: user.email,
      role: dealRoomParticipants.role,
      canChat: dealRoomParticipants.canChat,
      canAnnotate: dealRoomParticipants.canAnnotate,
      canEdit: dealRoomParticipants.canEdit,
    })
    .from(dealRoomParticipants)
    .innerJoin(user, eq(user.id, dealRoomParticipants.userId))
    .where(and(eq(dealRoomParticipants.orgId, orgId), eq(dealRoomParticipants.dealRoomId, dealRoomId)))
    .orderBy(asc(dealRoomParticipants.createdAt), asc(dealRoomParticipants.id));
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    handle: mentionHandle(r.email),
    role: r.role,
    rights: { chat: r.canChat, annotate: r.canAnnotate, edit: r.canEdit },
  }));
}

/**
 * The user's place in a submission's room, looked up by the room's name parts before the socket
 * opens. Null when the room does not exist in that organization or the user has no place in it.
 */
export async function findPlaceInRoom(db: Database, orgId: string, submissionId: string, userId: string) {
  const [row] = await db
    .select({ dealRoomId: dealRooms.id, role: dealRoomParticipants.role, chat: dealRoomParticipants.canChat, annotate: dealRoomParticipants.canAnnotate, edit: dealRoomParticipants.canEdit })
    .from(dealRooms)
    .innerJoin(dealRoomParticipants, and(eq(dealRoomParticipants.orgId, dealRooms.orgId), eq(dealRoomParticipants.dealRoomId, dealRooms.id)))
    .where(and(eq(dealRooms.orgId, orgId), eq(dealRooms.submissionId, submissionId), eq(dealRoomParticipants.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function findRoomBySubmission(db: Database, orgId: string, submissionId: string) {
  const [row] = await db
    .select({ id: dealRooms.id, status: dealRooms.status })
    .from(dealRooms)
    .where(and(eq(dealRooms.orgId, orgId), eq(dealRooms.submissionId, submissionId)))
    .limit(1);
  return row ?? null;
}

function toRoomMessage(row: typeof dealRoomMessages.$inferSelect): RoomMessage {
  return { id: row.id, authorUserId: row.authorUserId, body: row.body, createdAt: row.createdAt.toISOString() };
}

export function toRoomAnnotation(row: typeof dealRoomAnnotations.$inferSelect): RoomAnnotation {
  const target: AnnotationTarget = row.targetKind === "field" ? ({ kind: "field", name: row.target } as AnnotationTarget) : { kind: "document", id: row.target };
  return { id: row.id, authorUserId: row.authorUserId, target, text: row.text, resolvedByUserId: row.resolvedByUserId, createdAt: row.createdAt.toISOString() };
}

/** The newest messages of a room, oldest first. */
export async function recentMessages(db: Database, orgId: string, dealRoomId: string, limit: number): Promise<RoomMessage[]> {
  const rows = await db
    .select()
    .from(dealRoomMessages)
    .where(and(eq(dealRoomMessages.orgId, orgId), eq(dealRoomMessages.dealRoomId, dealRoomId)))
    .orderBy(desc(dealRoomMessages.createdAt), desc(dealRoomMessages.id))
    .limit(limit);
  return rows.reverse().map(toRoomMessage);
}

export async function listAnnotations(db: Database, orgId: string, dealRoomId: string): Promise<RoomAnnotation[]> {
  const rows = await db
    .select()
    .from(dealRoomAnnotations)
    .where(and(eq(dealRoomAnnotations.orgId, orgId), eq(dealRoomAnnotations.dealRoomId, dealRoomId)))
    .orderBy(asc(dealRoomAnnotations.createdAt), asc(dealRoomAnnotations.id))
    .limit(500);
  return rows.map(toRoomAnnotation);
}

/** Messages containing the words searched for, newest first. */
export async function searchMessages(db: Database, orgId: string, dealRoomId: string, query: string) {
  const words = query.split(/\s+/).filter(Boolean).slice(0, 8);
  if (!words.length) return [];
  const escape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select()
    .from(dealRoomMessages)
    .where(and(eq(dealRoomMessages.orgId, orgId), eq(dealRoomMessages.dealRoomId, dealRoomId), ...words.map((w) => like(dealRoomMessages.body, `%${escape(w)}%`))))
    .orderBy(desc(dealRoomMessages.createdAt), desc(dealRoomMessages.id))
    .limit(50);
  return rows.map(toRoomMessage);
}

/**
 * Who may be given a place in a submission's room: the organization's underwriting staff and
 * the producers of the submission's own agency (nobody else's broker sees this risk).
 */
export async function listRoomCandidates(db: Database, tenant: TenantContext, agencyId: string) {
  const rows = await db
    .select({ userId: user.id, name: user.name, email: user.email, role: member.role, agencyId: userAffiliations.agencyId })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(userAffiliations, and(eq(userAffiliations.orgId, member.organizationId), eq(userAffiliations.userId, member.userId)))
    .where(eq(member.organizationId, tenant.orgId))
    .orderBy(asc(user.name));
  return rows
    .map((r) => ({ userId: r.userId, name: r.name, email: r.email, roles: parseRoles(r.role), agencyId: r.agencyId }))
    .filter((r) => r.roles.some((role) => WHOLE_BOOK_ROLES.includes(role)) || (r.agencyId === agencyId && r.roles.some((role) => role === "producer" || role === "agency_admin")));
}

export type RoomCandidate = Awaited<ReturnType<typeof listRoomCandidates>>[number];
