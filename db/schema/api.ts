import { index, json, mysqlTable, primaryKey, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, instant, orgId, ref } from "./columns.ts";

/**
 * Keys of API clients. Only a SHA-256 hash of the secret is kept; the prefix identifies a key in
 * lists and logs. A key acts with the roles (and agency) it was issued for.
 */
export const apiKeys = mysqlTable(
  "api_keys",
  {
    id: id(),
    orgId: orgId(),
    name: varchar("name", { length: 100 }).notNull(),
    prefix: varchar("prefix", { length: 24 }).notNull(),
    secretHash: varchar("secret_hash", { length: 64 }).notNull(),
    roles: json("roles").$type<string[]>().notNull(),
    agencyId: ref("agency_id"),
    createdByUserId: ref("created_by_user_id"),
    createdAt: createdAt(),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_secret_hash_uq").on(t.secretHash), index("api_keys_org_idx").on(t.orgId, t.createdAt)],
);

/**
 * The stored answer to a request made with an Idempotency-Key, replayed on a retry. A key belongs
 * to the caller that sent it (`apikey:<id>`), so another client's equal key is another key. Key
 * and id columns compare byte-exact (utf8mb4_bin, set by migration 0002).
 */
export const idempotencyKeys = mysqlTable(
  "idempotency_keys",
  {
    orgId: orgId(),
    callerId: varchar("caller_id", { length: 64 }).notNull().default(""),
    key: varchar("idempotency_key", { length: 100 }).notNull(),
    requestFingerprint: varchar("request_fingerprint", { length: 64 }).notNull(),
    responseStatus: varchar("response_status", { length: 3 }).notNull(),
    responseBody: json("response_body").$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "idempotency_keys_pk", columns: [t.orgId, t.callerId, t.key] })],
);
