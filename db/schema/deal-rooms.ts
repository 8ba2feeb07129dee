import { boolean, index, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, instant, orgId, ref } from "./columns.ts";
import { DEAL_ROOM_ROLES, DEAL_ROOM_STATUSES } from "./deal-room-roles.ts";

export * from "./deal-room-roles.ts";

/** One room per submission where underwriters, brokers and actuaries negotiate the risk. */
export const dealRooms = mysqlTable(
  "deal_rooms",
  {
    id: id(),
    orgId: orgId(),
    submissionId: ref("submission_id").notNull(),
    status: varchar("status", { length: 10, enum: DEAL_ROOM_STATUSES }).notNull().default("active"),
    createdByUserId: ref("created_by_user_id").notNull(),
    createdAt: createdAt(),
    /** Why the room stopped taking writes: "bound", "declined" or "archived". */
    endedReason: varchar("ended_reason", { length: 20 }),
    endedAt: instant("ended_at"),
  },
  (t) => [
    uniqueIndex("deal_rooms_org_submission_uq").on(t.orgId, t.submissionId),
    index("deal_rooms_org_status_idx").on(t.orgId, t.status, t.createdAt),
  ],
);

export const dealRoomParticipants = mysqlTable(
  "deal_room_participants",
  {
    id: id(),
    orgId: orgId(),
    dealRoomId: ref("deal_room_id").notNull(),
    userId: ref("user_id").notNull(),
    role: varchar("role", { length: 20, enum: DEAL_ROOM_ROLES }).notNull(),
    canChat: boolean("can_chat").notNull(),
    canAnnotate: boolean("can_annotate").notNull(),
    canEdit: boolean("can_edit").notNull(),
    addedByUserId: ref("added_by_user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("deal_room_participants_room_user_uq").on(t.orgId, t.dealRoomId, t.userId),
    index("deal_room_participants_org_user_idx").on(t.orgId, t.userId),
  ],
);

export const dealRoomMessages = mysqlTable(
  "deal_room_messages",
  {
    id: id(),
    orgId: orgId(),
    dealRoomId: ref("deal_room_id").notNull(),
    authorUserId: ref("author_user_id").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("deal_room_messages_room_created_idx").on(t.orgId, t.dealRoomId, t.createdAt)],
);

export const ANNOTATION_TARGET_KINDS = ["field", "document"] as const;

/** A remark pinned to one field of the submission or to one of its documents. */
export const dealRoomAnnotations = mysqlTable(
  "deal_room_annotations",
  {
    id: id(),
    orgId: orgId(),
    dealRoomId: ref("deal_room_id").notNull(),
    authorUserId: ref("author_user_id").notNull(),
    targetKind: varchar("target_kind", { length: 10, enum: ANNOTATION_TARGET_KINDS }).notNull(),
    target: varchar("target", { length: 64 }).notNull(),
    text: text("text").notNull(),
    resolvedByUserId: ref("resolved_by_user_id"),
    resolvedAt: instant("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [index("deal_room_annotations_room_created_idx").on(t.orgId, t.dealRoomId, t.createdAt)],
);
