import { boolean, index, int, json, mysqlTable, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, orgId, ref, updatedAt } from "./columns.ts";

export const DOCUMENT_KINDS = ["acord_125", "declarations", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type DocumentExtraction = {
  /** Mean confidence over the fields read (0..1). */
  confidence: number;
  needsReview: boolean;
  /** ACORD field keys read below the review threshold. */
  lowConfidenceFields: string[];
  missingRequired: string[];
};

/**
 * A file kept in R2 for a submission (and, once bound, its policy). The bytes live in R2 under
 * `r2Key`; this row is what makes them findable, tenant-checked and downloadable.
 */
export const submissionDocuments = mysqlTable(
  "submission_documents",
  {
    id: id(),
    orgId: orgId(),
    /** A submission id, or the id of the draft that becomes that submission when filed; null for a policy with no submission (migrated business). */
    submissionId: ref("submission_id"),
    policyId: ref("policy_id"),
    kind: varchar("kind", { length: 20, enum: DOCUMENT_KINDS }).notNull(),
    r2Key: varchar("r2_key", { length: 200 }).notNull(),
    filename: varchar("filename", { length: 255 }).notNull(),
    contentType: varchar("content_type", { length: 100 }).notNull(),
    sizeBytes: int("size_bytes").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    /** For an ACORD 125: what extraction made of it, so the underwriter sees why it was flagged. */
    extraction: json("extraction").$type<DocumentExtraction>(),
    /** Null for documents the platform issues itself (declarations). */
    uploadedByUserId: ref("uploaded_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("submission_documents_org_submission_idx").on(t.orgId, t.submissionId, t.createdAt),
    uniqueIndex("submission_documents_r2_key_uq").on(t.r2Key),
    // One stored declarations page per policy: a concurrent second render loses the insert race.
    uniqueIndex("submission_documents_org_policy_kind_uq").on(t.orgId, t.policyId, t.kind),
  ],
);

export const DRAFT_SOURCES = ["form", "acord_125"] as const;
export type DraftSource = (typeof DRAFT_SOURCES)[number];

/** How sure the ACORD extraction was of each pre-filled form field, kept until the producer files. */
export type DraftReview = {
  fields: Record<string, { confidence: number; note?: string }>;
  /** Form fields below the review threshold: highlighted until the producer files. */
  lowConfidence: string[];
  /** Form fields the document did not answer. */
  missing: string[];
};

/**
 * A submission not yet filed: the intake form as the producer left it, or as an ACORD 125 upload
 * pre-filled it. Kept apart from `submissions`, whose columns are the filed, ratable risk. Its id
 * becomes the submission's id on filing, so documents uploaded with the draft stay linked.
 */
export const submissionDrafts = mysqlTable(
  "submission_drafts",
  {
    id: id(),
    orgId: orgId(),
    agencyId: ref("agency_id").notNull(),
    producerUserId: ref("producer_user_id").notNull(),
    source: varchar("source", { length: 12, enum: DRAFT_SOURCES }).notNull(),
    /** Form field name to the text the producer sees in it. */
    values: json("form_values").$type<Record<string, string>>().notNull(),
    review: json("review").$type<DraftReview>(),
    needsReview: boolean("needs_review").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("submission_drafts_org_agency_idx").on(t.orgId, t.agencyId, t.updatedAt)],
);
