import { index, int, json, mysqlTable, primaryKey, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, createdAt, id, instant, orgId, ref } from "./columns.ts";

/**
 * A version of a program's rate table. Once active it is immutable: a change is a new version
 * with a later effective date, and a quote pins the version it was rated with.
 */
export const rateTables = mysqlTable(
  "rate_tables",
  {
    id: id(),
    orgId: orgId(),
    programId: ref("program_id").notNull(),
    version: varchar("version", { length: 30 }).notNull(),
    effectiveDate: calendarDate("effective_date").notNull(),
    status: varchar("status", { length: 10, enum: ["draft", "active", "retired"] }).notNull(),
    /** The rate table as the rating engine's JSON schema defines it. */
    definition: json("definition").$type<Record<string, unknown>>().notNull(),
    activatedAt: instant("activated_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("rate_tables_org_program_version_uq").on(t.orgId, t.programId, t.version),
    index("rate_tables_org_program_effective_idx").on(t.orgId, t.programId, t.effectiveDate),
  ],
);

/** Surplus lines premium tax and stamping fee rates by home state, with effective dates. */
export const taxTables = mysqlTable(
  "tax_tables",
  {
    id: id(),
    orgId: orgId(),
    version: varchar("version", { length: 30 }).notNull(),
    effectiveDate: calendarDate("effective_date").notNull(),
    definition: json("definition").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tax_tables_org_version_uq").on(t.orgId, t.version),
    index("tax_tables_org_effective_idx").on(t.orgId, t.effectiveDate),
  ],
);

/** Per-organization counters (policy numbers) incremented under a row lock inside bind. */
export const sequences = mysqlTable(
  "sequences",
  {
    orgId: orgId(),
    name: varchar("name", { length: 60 }).notNull(),
    /** The last number handed out. */
    lastValue: int("last_value").notNull(),
  },
  (t) => [primaryKey({ name: "sequences_pk", columns: [t.orgId, t.name] })],
);
