import { boolean, index, int, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, instant, orgId, ref } from "./columns.ts";

export const KNOCKOUT_ACTIONS = ["refer", "decline"] as const;
export type KnockoutAction = (typeof KNOCKOUT_ACTIONS)[number];

/**
 * A program's knockout question: a yes/no question whose adverse answer takes the risk out of
 * straight-through processing, either to an underwriter (refer) or out of appetite (decline).
 */
export const underwritingRules = mysqlTable(
  "underwriting_rules",
  {
    id: id(),
    orgId: orgId(),
    programId: ref("program_id").notNull(),
    /** Stable name the API and the timeline report the rule by, e.g. WC_OPEN_OSHA_CITATIONS. */
    code: varchar("code", { length: 40 }).notNull(),
    question: varchar("question", { length: 300 }).notNull(),
    /** The answer that hits the rule: true when "yes" is the adverse answer. */
    adverseAnswer: boolean("adverse_answer").notNull(),
    action: varchar("action", { length: 8, enum: KNOCKOUT_ACTIONS }).notNull(),
    /** Referral or decline reason code a hit is reported under. */
    reasonCode: varchar("reason_code", { length: 40 }).notNull(),
    position: int("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("underwriting_rules_org_program_code_uq").on(t.orgId, t.programId, t.code)],
);

/** How the producer answered each knockout question, as asked at intake (question kept verbatim). */
export const submissionKnockoutAnswers = mysqlTable(
  "submission_knockout_answers",
  {
    id: id(),
    orgId: orgId(),
    submissionId: ref("submission_id").notNull(),
    ruleId: ref("rule_id").notNull(),
    code: varchar("code", { length: 40 }).notNull(),
    question: varchar("question", { length: 300 }).notNull(),
    answer: boolean("answer").notNull(),
    hit: boolean("hit").notNull(),
    action: varchar("action", { length: 8, enum: KNOCKOUT_ACTIONS }).notNull(),
    reasonCode: varchar("reason_code", { length: 40 }).notNull(),
    /** An underwriter accepted the hit (approved the referral, or priced the risk themselves). */
    clearedByUserId: ref("cleared_by_user_id"),
    clearedAt: instant("cleared_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("submission_knockout_answers_org_submission_rule_uq").on(t.orgId, t.submissionId, t.ruleId)],
);

export const NOTE_VISIBILITIES = ["internal", "external"] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];
export const NOTE_KINDS = ["note", "info_request", "info_response"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Notes on a submission. Internal notes are for the MGA's underwriters only; external ones the producer reads too. */
export const submissionNotes = mysqlTable(
  "submission_notes",
  {
    id: id(),
    orgId: orgId(),
    submissionId: ref("submission_id").notNull(),
    authorUserId: ref("author_user_id").notNull(),
    visibility: varchar("visibility", { length: 8, enum: NOTE_VISIBILITIES }).notNull(),
    kind: varchar("kind", { length: 14, enum: NOTE_KINDS }).notNull(),
    body: varchar("body", { length: 4000 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("submission_notes_org_submission_idx").on(t.orgId, t.submissionId, t.createdAt)],
);
