import { bigint, index, int, json, mysqlTable, primaryKey, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, cents, createdAt, id, instant, orgId, ref, updatedAt } from "./columns.ts";

/** What an adjuster may do: where they are licensed and up to which amounts (cents). */
export const adjusterProfiles = mysqlTable(
  "adjuster_profiles",
  {
    orgId: orgId(),
    userId: ref("user_id").notNull(),
    licensedStates: json("licensed_states").$type<string[]>().notNull(),
    /** Largest total case reserve (indemnity + expense) of one claim the adjuster may set alone. */
    reserveAuthorityCents: cents("reserve_authority_cents").notNull(),
    /** Largest single payment the adjuster may make alone. */
    paymentAuthorityCents: cents("payment_authority_cents").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
);

/**
 * A claimant of a claim. Every PHI value lives in `phi`, one AES-GCM sealed JSON object under
 * the org's data key of `keyVersion` (services/claims/phi-crypto.ts); nothing else here is PHI.
 */
export const claimClaimants = mysqlTable(
  "claim_claimants",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    /** claimant, injured worker, witness, third party. */
    role: varchar("role", { length: 20 }).notNull(),
    phi: text("phi").notNull(),
    keyVersion: int("key_version").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("claim_claimants_org_claim_idx").on(t.orgId, t.claimId),
    // The re-seal sweep reads the rows of one older key version in id order.
    index("claim_claimants_org_key_idx").on(t.orgId, t.keyVersion),
  ],
);

export const RESERVE_TYPES = ["indemnity", "expense"] as const;
export type ReserveType = (typeof RESERVE_TYPES)[number];
export const RESERVE_CHANGE_STATUSES = ["awaiting_approval", "posted", "declined"] as const;
export type ReserveChangeStatus = (typeof RESERVE_CHANGE_STATUSES)[number];

/** Append-only history of a claim's reserves: one row per requested change, never edited but for its decision. */
export const claimReserveChanges = mysqlTable(
  "claim_reserve_changes",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    reserveType: varchar("reserve_type", { length: 10, enum: RESERVE_TYPES }).notNull(),
    /** The reserve of this type the change was requested against, and the one it sets. */
    previousCents: cents("previous_cents").notNull(),
    newCents: cents("new_cents").notNull(),
    rationale: varchar("rationale", { length: 1000 }).notNull(),
    status: varchar("status", { length: 20, enum: RESERVE_CHANGE_STATUSES }).notNull(),
    requestedByUserId: ref("requested_by_user_id").notNull(),
    decidedByUserId: ref("decided_by_user_id"),
    decidedAt: instant("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("claim_reserve_changes_org_claim_idx").on(t.orgId, t.claimId, t.createdAt),
    index("claim_reserve_changes_org_status_idx").on(t.orgId, t.status),
  ],
);

export const CLAIM_TRANSACTION_KINDS = ["payment", "recovery"] as const;
export type ClaimTransactionKind = (typeof CLAIM_TRANSACTION_KINDS)[number];
export const PAYMENT_CATEGORIES = ["indemnity", "expense"] as const;
export const RECOVERY_CATEGORIES = ["salvage", "subrogation", "deductible"] as const;
export type ClaimTransactionCategory = (typeof PAYMENT_CATEGORIES)[number] | (typeof RECOVERY_CATEGORIES)[number];
export const CLAIM_PAYMENT_METHODS = ["check", "ach", "wire"] as const;

/** Money paid on or recovered against a claim. Its ledger posting has the same id. */
export const claimTransactions = mysqlTable(
  "claim_transactions",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    kind: varchar("kind", { length: 10, enum: CLAIM_TRANSACTION_KINDS }).notNull(),
    category: varchar("category", { length: 12 }).$type<ClaimTransactionCategory>().notNull(),
    amountCents: cents("amount_cents").notNull(),
    /** Payee of a payment, payer of a recovery. */
    counterparty: varchar("counterparty", { length: 120 }).notNull(),
    method: varchar("method", { length: 8, enum: CLAIM_PAYMENT_METHODS }).notNull(),
    reference: varchar("reference", { length: 60 }),
    /** The subrogation pursuit a subrogation recovery came from (claim_subrogations). */
    subrogationId: ref("subrogation_id"),
    recordedByUserId: ref("recorded_by_user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("claim_transactions_org_claim_idx").on(t.orgId, t.claimId, t.createdAt)],
);

export const CLAIM_TIMELINE_KINDS = [
  "filed",
  "assigned",
  "status",
  "reserve",
  "payment",
  "recovery",
  "note",
  "task",
  "claimant",
  "contact",
  "suit",
  "subrogation",
] as const;
export type ClaimTimelineKind = (typeof CLAIM_TIMELINE_KINDS)[number];

/** What happened on a claim, in order: every transition, assignment, money movement and note. */
export const claimTimeline = mysqlTable(
  "claim_timeline",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    kind: varchar("kind", { length: 12, enum: CLAIM_TIMELINE_KINDS }).notNull(),
    summary: varchar("summary", { length: 500 }).notNull(),
    /** A note's text; never PHI (claimant details live in claim_claimants). */
    body: text("body"),
    actorUserId: ref("actor_user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("claim_timeline_org_claim_idx").on(t.orgId, t.claimId, t.createdAt)],
);

/** The adjuster's diary: tasks on a claim with a due date. */
export const claimTasks = mysqlTable(
  "claim_tasks",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    assigneeUserId: ref("assignee_user_id").notNull(),
    title: varchar("title", { length: 200 }).notNull(),
    dueOn: calendarDate("due_on").notNull(),
    doneAt: instant("done_at"),
    createdAt: createdAt(),
  },
  (t) => [index("claim_tasks_org_assignee_idx").on(t.orgId, t.assigneeUserId, t.doneAt, t.dueOn)],
);

/**
 * An org's PHI data keys: each a random AES-256 key wrapped (AES-GCM) under the master key
 * named by `masterKeyId`. Rows are added, never changed (ADR 019 on rotation).
 */
export const orgDataKeys = mysqlTable(
  "org_data_keys",
  {
    orgId: orgId(),
    version: int("version").notNull(),
    masterKeyId: varchar("master_key_id", { length: 40 }).notNull(),
    wrappedKey: varchar("wrapped_key", { length: 200 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] })],
);

/**
 * Every read or write of PHI, hash-chained per org (services/access/hash-chain.ts): `hash`
 * covers the row's content and `previous_hash`. Appended only under the org's chain head lock.
 */
export const phiAccessLog = mysqlTable(
  "phi_access_log",
  {
    id: id(),
    orgId: orgId(),
    /** Position in the org's chain, from 1. */
    sequence: bigint("sequence", { mode: "number" }).notNull(),
    actorUserId: ref("actor_user_id"),
    actorApiKeyId: ref("actor_api_key_id"),
    action: varchar("action", { length: 5, enum: ["read", "write"] }).notNull(),
    claimId: ref("claim_id").notNull(),
    fields: json("fields").$type<string[]>().notNull(),
    /** Where the access came from: the page or API surface. */
    surface: varchar("surface", { length: 40 }).notNull(),
    ipAddress: varchar("ip_address", { length: 45 }),
    occurredAt: instant("occurred_at").notNull(),
    previousHash: varchar("previous_hash", { length: 64 }).notNull(),
    hash: varchar("hash", { length: 64 }).notNull(),
  },
  (t) => [
    uniqueIndex("phi_access_log_org_sequence_uq").on(t.orgId, t.sequence),
    index("phi_access_log_org_claim_idx").on(t.orgId, t.claimId),
  ],
);

/** The end of an org's PHI access chain; its row lock serializes appends so the chain cannot fork. */
export const phiChainHeads = mysqlTable("phi_chain_heads", {
  orgId: orgId().primaryKey(),
  lastSequence: bigint("last_sequence", { mode: "number" }).notNull(),
  lastHash: varchar("last_hash", { length: 64 }).notNull(),
});

/**
 * Photos and PDFs sent with a claim, stored in R2 under the org's prefix. They may show injuries
 * or medical records, so only viewers who see PHI may open them, and each download is logged.
 */
export const claimAttachments = mysqlTable(
  "claim_attachments",
  {
    id: id(),
    orgId: orgId(),
    claimId: ref("claim_id").notNull(),
    r2Key: varchar("r2_key", { length: 200 }).notNull(),
    filename: varchar("filename", { length: 160 }).notNull(),
    /** Sniffed from the bytes, never taken from the upload's own claim. */
    contentType: varchar("content_type", { length: 40 }).notNull(),
    sizeBytes: int("size_bytes").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    uploadedByUserId: ref("uploaded_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("claim_attachments_org_claim_idx").on(t.orgId, t.claimId)],
);
