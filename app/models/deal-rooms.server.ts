import { and, asc, count, desc, eq, isNull, like, notInArray, or, sql, type AnyColumn } from "drizzle-orm";
import type { MySqlColumn, MySqlTable } from "drizzle-orm/mysql-core";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import {
  dealRoomAnnotations,
  dealRoomMessages,
  dealRoomParticipants,
  dealRooms,
  insureds,
  member,
  submissions,
  user,
  userAffiliations,
  type DealRoomRole,
  type DealRoomStatus,
} from "../../db/schema/index.ts";
import { parseRoles, type Role } from "../auth/permissions.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { DealRoomSort, DealRoomTableState } from "./table-specs.ts";
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

const ROOM_SORT_COLUMNS = {
  opened: dealRooms.createdAt,
  reference: submissions.reference,
  insured: insureds.name,
  status: dealRooms.status,
} satisfies Record<DealRoomSort, AnyColumn>;

function roomListWhere(tenant: TenantContext, state: DealRoomTableState) {
  const status = state.filters.status as DealRoomStatus | undefined;
  const pattern = likePattern(state.q);
  return and(
    visibleRooms(tenant),
    status ? eq(dealRooms.status, status) : undefined,
    state.q ? or(like(submissions.reference, pattern), like(insureds.name, pattern)) : undefined,
  );
}

/** A window of the rooms the user may see, in the table's order (the export's batches). */
export function listDealRoomRows(
  db: Database,
  tenant: TenantContext,
  state: DealRoomTableState,
  offset: number,
  limit: number,
) {
  return fromRoomsWithSubmission(db)
    .where(roomListWhere(tenant, state))
    .orderBy(...orderBy(ROOM_SORT_COLUMNS[state.sort], state.dir, dealRooms.id))
    .limit(limit)
    .offset(offset);
}

/** One page of the rooms the user may see and the size of the whole filtered set, in one statement. */
export async function listDealRoomPage(db: Database, tenant: TenantContext, state: DealRoomTableState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...roomSummary, total: totalOverAll() })
    .from(dealRooms)
    .innerJoin(submissions, and(eq(submissions.orgId, dealRooms.orgId), eq(submissions.id, dealRooms.submissionId)))
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .where(roomListWhere(tenant, state))
    .orderBy(...orderBy(ROOM_SORT_COLUMNS[state.sort], state.dir, dealRooms.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(dealRooms)
      .innerJoin(submissions, and(eq(submissions.orgId, dealRooms.orgId), eq(submissions.id, dealRooms.submissionId)))
      .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
      .where(roomListWhere(tenant, state));
    return Number(row?.n ?? 0);
  });
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
    .select({
      id: submissions.id,
      reference: submissions.reference,
      insuredName: insureds.name,
      status: submissions.status,
    })
    .from(submissions)
    .innerJoin(insureds, and(eq(insureds.orgId, submissions.orgId), eq(insureds.id, submissions.insuredId)))
    .leftJoin(dealRooms, and(eq(dealRooms.orgId, submissions.orgId), eq(dealRooms.submissionId, submissions.id)))
    .where(
      and(
        visibleSubmissions(tenant),
        isNull(dealRooms.id),
        notInArray(submissions.status, ["draft", "bound", "declined", "withdrawn"]),
      ),
    )
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(100);
}

/** A room's participants with their email (the service derives each one's mention handle). */
export async function listParticipantRows(db: Database, orgId: string, dealRoomId: string) {
  return db
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
}

/**
 * The user's place in a submission's room, looked up by the room's name parts before the socket
 * opens. Null when the room does not exist in that organization or the user has no place in it.
 */
export async function findPlaceInRoom(db: Database, orgId: string, submissionId: string, userId: string) {
  const [row] = await db
    .select({
      dealRoomId: dealRooms.id,
      role: dealRoomParticipants.role,
      chat: dealRoomParticipants.canChat,
      annotate: dealRoomParticipants.canAnnotate,
      edit: dealRoomParticipants.canEdit,
    })
    .from(dealRooms)
    .innerJoin(
      dealRoomParticipants,
      and(eq(dealRoomParticipants.orgId, dealRooms.orgId), eq(dealRoomParticipants.dealRoomId, dealRooms.id)),
    )
    .where(
      and(
        eq(dealRooms.orgId, orgId),
        eq(dealRooms.submissionId, submissionId),
        eq(dealRoomParticipants.userId, userId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function findRoomBySubmission(db: Database | Transaction, orgId: string, submissionId: string) {
  const [row] = await db
    .select({ id: dealRooms.id, status: dealRooms.status })
    .from(dealRooms)
    .where(and(eq(dealRooms.orgId, orgId), eq(dealRooms.submissionId, submissionId)))
    .limit(1);
  return row ?? null;
}

export type MessageRow = typeof dealRoomMessages.$inferSelect;
export type AnnotationRow = typeof dealRoomAnnotations.$inferSelect;

/** The newest messages of a room, oldest first. */
export async function listRecentMessageRows(
  db: Database,
  orgId: string,
  dealRoomId: string,
  limit: number,
): Promise<MessageRow[]> {
  const rows = await db
    .select()
    .from(dealRoomMessages)
    .where(and(eq(dealRoomMessages.orgId, orgId), eq(dealRoomMessages.dealRoomId, dealRoomId)))
    .orderBy(desc(dealRoomMessages.createdAt), desc(dealRoomMessages.id))
    .limit(limit);
  return rows.reverse();
}

export function listAnnotationRows(db: Database, orgId: string, dealRoomId: string): Promise<AnnotationRow[]> {
  return db
    .select()
    .from(dealRoomAnnotations)
    .where(and(eq(dealRoomAnnotations.orgId, orgId), eq(dealRoomAnnotations.dealRoomId, dealRoomId)))
    .orderBy(asc(dealRoomAnnotations.createdAt), asc(dealRoomAnnotations.id))
    .limit(500);
}

/** Messages containing every word searched for (up to eight), newest first. */
export async function searchMessageRows(
  db: Database,
  orgId: string,
  dealRoomId: string,
  words: readonly string[],
): Promise<MessageRow[]> {
  if (!words.length) return [];
  const escapeLike = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select()
    .from(dealRoomMessages)
    .where(
      and(
        eq(dealRoomMessages.orgId, orgId),
        eq(dealRoomMessages.dealRoomId, dealRoomId),
        ...words.map((w) => like(dealRoomMessages.body, `%${escapeLike(w)}%`)),
      ),
    )
    .orderBy(desc(dealRoomMessages.createdAt), desc(dealRoomMessages.id))
    .limit(50);
}

/**
 * Who may be given a place in a submission's room: the organization's underwriting staff and
 * the producers of the submission's own agency (nobody else's broker sees this risk).
 */
export async function listRoomCandidates(db: Database, tenant: TenantContext, agencyId: string) {
  const rows = await db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      role: member.role,
      agencyId: userAffiliations.agencyId,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(
      userAffiliations,
      and(eq(userAffiliations.orgId, member.organizationId), eq(userAffiliations.userId, member.userId)),
    )
    .where(eq(member.organizationId, tenant.orgId))
    .orderBy(asc(user.name));
  return rows
    .map((r) => ({ userId: r.userId, name: r.name, email: r.email, roles: parseRoles(r.role), agencyId: r.agencyId }))
    .filter(
      (r) =>
        r.roles.some((role) => WHOLE_BOOK_ROLES.includes(role)) ||
        (r.agencyId === agencyId && r.roles.some((role) => role === "producer" || role === "agency_admin")),
    );
}

export type RoomCandidate = Awaited<ReturnType<typeof listRoomCandidates>>[number];

// Writes. The live room writes messages and annotations; the app writes rooms and participants.

type Db = Database | Transaction;

/** Locks a visible submission's row while its room is opened, so two openers make one room. */
export async function lockSubmissionForDealRoom(tx: Transaction, tenant: TenantContext, submissionId: string) {
  const [submission] = await tx
    .select({ id: submissions.id, status: submissions.status })
    .from(submissions)
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1)
    .for("update");
  return submission ?? null;
}

export async function insertDealRoom(
  tx: Db,
  orgId: string,
  room: { id: string; submissionId: string; createdByUserId: string },
) {
  await tx.insert(dealRooms).values({ ...room, orgId });
}

/** Gives a user a place in a room, or changes the role and rights of the place they have. */
export async function upsertDealRoomParticipant(
  db: Db,
  orgId: string,
  place: {
    id: string;
    dealRoomId: string;
    userId: string;
    addedByUserId: string;
    role: DealRoomRole;
    canChat: boolean;
    canAnnotate: boolean;
    canEdit: boolean;
  },
) {
  const rights = { role: place.role, canChat: place.canChat, canAnnotate: place.canAnnotate, canEdit: place.canEdit };
  await db
    .insert(dealRoomParticipants)
    .values({ ...place, orgId })
    .onDuplicateKeyUpdate({ set: rights });
}

/** A room the user may see, with its submission's agency, for managing its places. */
export async function findRoomForManagement(db: Db, tenant: TenantContext, dealRoomId: string) {
  const [row] = await db
    .select({
      id: dealRooms.id,
      submissionId: dealRooms.submissionId,
      status: dealRooms.status,
      agencyId: submissions.agencyId,
    })
    .from(dealRooms)
    .innerJoin(submissions, and(eq(submissions.orgId, dealRooms.orgId), eq(submissions.id, dealRooms.submissionId)))
    .where(and(eq(dealRooms.orgId, tenant.orgId), visibleSubmissions(tenant), eq(dealRooms.id, dealRoomId)))
    .limit(1);
  return row ?? null;
}

/** Ends an active room (archived by hand, or closed with its submission); other rooms are left alone. */
export async function endActiveDealRoom(
  db: Db,
  orgId: string,
  dealRoomId: string,
  ending: { status: "archived" | "closed"; reason: string; at: Date },
) {
  await db
    .update(dealRooms)
    .set({ status: ending.status, endedReason: ending.reason, endedAt: ending.at })
    .where(and(eq(dealRooms.orgId, orgId), eq(dealRooms.id, dealRoomId), eq(dealRooms.status, "active")));
}

/** Closes the submission's active room; returns how many rooms it closed (0 or 1). */
export async function closeActiveDealRoomsOfSubmission(
  db: Db,
  orgId: string,
  submissionId: string,
  reason: string,
  at: Date,
): Promise<number> {
  const result = await db
    .update(dealRooms)
    .set({ status: "closed", endedReason: reason, endedAt: at })
    .where(and(eq(dealRooms.orgId, orgId), eq(dealRooms.submissionId, submissionId), eq(dealRooms.status, "active")));
  return Number(result.rowsAffected);
}

type WritingRoomRef = { orgId: string; dealRoomId: string };
type Cell = [MySqlColumn, unknown];

/**
 * INSERT ... SELECT from the room's own row, only while the room is active. Reading the room row
 * inside the insert takes a shared lock on it, so a write either commits before the room closes
 * or finds it closed, never after; and a chat line costs one statement, not a transaction.
 * The same statement checks the author's place: still a member of the organization, with a place
 * in the room that carries the right (not only when the socket opened).
 */
async function insertWhileActive(
  executor: Db,
  room: WritingRoomRef,
  table: MySqlTable,
  cells: Cell[],
  author: RoomAuthor,
): Promise<boolean> {
  const columns = sql.join(
    cells.map(([column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const values = sql.join(
    cells.map(([column, value]) => sql.param(value, column)),
    sql`, `,
  );
  const result = await executor.execute(
    sql`insert into ${table} (${columns}) select ${values} from ${dealRooms} where ${dealRooms.orgId} = ${room.orgId} and ${dealRooms.id} = ${room.dealRoomId} and ${dealRooms.status} = 'active' and ${authorHasRight(room, author)}`,
  );
  return Number(result.rowsAffected) === 1;
}

/** Who writes and the right the write needs. */
export type RoomAuthor = { userId: string; right: "chat" | "annotate" | "edit" };

const RIGHT_COLUMN = {
  chat: dealRoomParticipants.canChat,
  annotate: dealRoomParticipants.canAnnotate,
  edit: dealRoomParticipants.canEdit,
};

function authorHasRight(room: WritingRoomRef, author: RoomAuthor) {
  return sql`exists (select 1 from ${dealRoomParticipants} where ${dealRoomParticipants.orgId} = ${room.orgId} and ${dealRoomParticipants.dealRoomId} = ${room.dealRoomId} and ${dealRoomParticipants.userId} = ${author.userId} and ${RIGHT_COLUMN[author.right]} = true)
    and exists (select 1 from ${member} where ${member.organizationId} = ${room.orgId} and ${member.userId} = ${author.userId})`;
}

/** Whether the user still has a place with this right in the room (and is still a member of its org). */
export async function hasRightInRoom(db: Db, room: WritingRoomRef, author: RoomAuthor): Promise<boolean> {
  const result = await db.execute(
    sql`select 1 as ok from ${dealRooms} where ${dealRooms.orgId} = ${room.orgId} and ${dealRooms.id} = ${room.dealRoomId} and ${authorHasRight(room, author)}`,
  );
  return (result.rows as unknown[]).length > 0;
}

/** Inserts a chat message only while the room is active; false when it is not. */
export function insertMessageWhileActive(
  executor: Db,
  room: WritingRoomRef,
  message: { id: string; authorUserId: string; body: string; createdAt: Date },
): Promise<boolean> {
  return insertWhileActive(
    executor,
    room,
    dealRoomMessages,
    [
      [dealRoomMessages.id, message.id],
      [dealRoomMessages.orgId, room.orgId],
      [dealRoomMessages.dealRoomId, room.dealRoomId],
      [dealRoomMessages.authorUserId, message.authorUserId],
      [dealRoomMessages.body, message.body],
      [dealRoomMessages.createdAt, message.createdAt],
    ],
    { userId: message.authorUserId, right: "chat" },
  );
}

/** Inserts an annotation only while the room is active; false when it is not. */
export function insertAnnotationWhileActive(
  executor: Db,
  room: WritingRoomRef,
  annotation: {
    id: string;
    authorUserId: string;
    targetKind: AnnotationRow["targetKind"];
    target: string;
    text: string;
    createdAt: Date;
  },
): Promise<boolean> {
  return insertWhileActive(
    executor,
    room,
    dealRoomAnnotations,
    [
      [dealRoomAnnotations.id, annotation.id],
      [dealRoomAnnotations.orgId, room.orgId],
      [dealRoomAnnotations.dealRoomId, room.dealRoomId],
      [dealRoomAnnotations.authorUserId, annotation.authorUserId],
      [dealRoomAnnotations.targetKind, annotation.targetKind],
      [dealRoomAnnotations.target, annotation.target],
      [dealRoomAnnotations.text, annotation.text],
      [dealRoomAnnotations.createdAt, annotation.createdAt],
    ],
    { userId: annotation.authorUserId, right: "annotate" },
  );
}

export async function findDealRoomStatus(db: Db, orgId: string, dealRoomId: string): Promise<DealRoomStatus | null> {
  const [row] = await db
    .select({ status: dealRooms.status })
    .from(dealRooms)
    .where(and(eq(dealRooms.orgId, orgId), eq(dealRooms.id, dealRoomId)));
  return row?.status ?? null;
}

/** Locks the room's row if it is active, so it cannot close while an annotation is resolved. */
export async function lockActiveDealRoom(tx: Transaction, orgId: string, dealRoomId: string): Promise<boolean> {
  const [active] = await tx
    .select({ id: dealRooms.id })
    .from(dealRooms)
    .where(and(eq(dealRooms.orgId, orgId), eq(dealRooms.id, dealRoomId), eq(dealRooms.status, "active")))
    .for("update");
  return !!active;
}

/** Marks an annotation of the room resolved (once) and returns it; null when there is none. */
export async function resolveRoomAnnotation(
  tx: Db,
  orgId: string,
  dealRoomId: string,
  annotationId: string,
  userId: string,
  at: Date,
): Promise<AnnotationRow | null> {
  const scope = and(
    eq(dealRoomAnnotations.orgId, orgId),
    eq(dealRoomAnnotations.dealRoomId, dealRoomId),
    eq(dealRoomAnnotations.id, annotationId),
  );
  await tx
    .update(dealRoomAnnotations)
    .set({ resolvedByUserId: userId, resolvedAt: at })
    .where(and(scope, isNull(dealRoomAnnotations.resolvedAt)));
  const [row] = await tx.select().from(dealRoomAnnotations).where(scope);
  return row ?? null;
}
