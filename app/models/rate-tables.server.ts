import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { programs, rateTables, taxTables } from "../../db/schema/index.ts";
import type { ProgramKey, ProgramRow } from "./programs.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

/** The active rate table version in force on a date: the latest one effective on or before it. */
export async function findRateTableInForce(db: Database, tenant: TenantContext, programId: string, onDate: string) {
  const [row] = await db
    .select()
    .from(rateTables)
    .where(
      and(
        eq(rateTables.orgId, tenant.orgId),
        eq(rateTables.programId, programId),
        eq(rateTables.status, "active"),
        lte(rateTables.effectiveDate, onDate),
      ),
    )
    .orderBy(desc(rateTables.effectiveDate))
    .limit(1);
  return row ?? null;
}

export async function findTaxTableInForce(db: Database, tenant: TenantContext, onDate: string) {
  const [row] = await db
    .select()
    .from(taxTables)
    .where(and(eq(taxTables.orgId, tenant.orgId), lte(taxTables.effectiveDate, onDate)))
    .orderBy(desc(taxTables.effectiveDate))
    .limit(1);
  return row ?? null;
}

/**
 * A stored definition, or null when its id is in `compiledIds`: a caller that keeps compiled
 * tables by id (an active version never changes) does not have the definition sent and parsed
 * again on every request.
 */
function definitionUnless(
  definition: typeof rateTables.definition | typeof taxTables.definition,
  id: typeof rateTables.id | typeof taxTables.id,
  compiledIds: readonly string[],
): SQL<Record<string, unknown> | null> {
  const value =
    compiledIds.length === 0
      ? sql`${definition}`
      : sql`CASE WHEN ${inArray(id, [...compiledIds])} THEN NULL ELSE ${definition} END`;
  // Null is never decoded; a definition is, as the column would be.
  return value.mapWith(definition) as SQL<Record<string, unknown> | null>;
}

/**
 * A filing's program (by id, or the one its risk goes to: the oldest of the line writing the
 * state) with its rate table in force on the date (the definition left out if compiled already),
 * in one query, so the filing's reads need nothing read before them (ADR 032).
 */
export async function findProgramWithRateTableInForce(
  db: Database,
  tenant: TenantContext,
  program: ProgramKey,
  onDate: string,
  compiledIds: readonly string[],
): Promise<{ program: ProgramRow; rateTable: { id: string; version: string; definition: unknown } | null } | null> {
  const [row] = await db
    .select({
      program: programs,
      rateTableId: rateTables.id,
      rateTableVersion: rateTables.version,
      rateTableDefinition: definitionUnless(rateTables.definition, rateTables.id, compiledIds),
    })
    .from(programs)
    .leftJoin(
      rateTables,
      and(
        eq(rateTables.orgId, programs.orgId),
        eq(rateTables.programId, programs.id),
        eq(rateTables.status, "active"),
        lte(rateTables.effectiveDate, onDate),
      ),
    )
    .where(
      typeof program === "string"
        ? and(eq(programs.orgId, tenant.orgId), eq(programs.id, program))
        : and(
            eq(programs.orgId, tenant.orgId),
            eq(programs.lineOfBusiness, program.lineOfBusiness),
            isNull(programs.retiredAt),
            sql`json_contains(${programs.states}, json_quote(${program.state}))`,
          ),
    )
    .orderBy(asc(programs.createdAt), asc(programs.id), desc(rateTables.effectiveDate))
    .limit(1);
  if (!row) return null;
  return {
    program: row.program,
    rateTable:
      row.rateTableId === null
        ? null
        : { id: row.rateTableId, version: row.rateTableVersion!, definition: row.rateTableDefinition },
  };
}

/** `findRateTableInForce` without the definition of a table the caller has compiled already. */
export async function findRateTableInForceUnlessCompiled(
  db: Database,
  tenant: TenantContext,
  programId: string,
  onDate: string,
  compiledIds: readonly string[],
) {
  const [row] = await db
    .select({
      id: rateTables.id,
      version: rateTables.version,
      definition: definitionUnless(rateTables.definition, rateTables.id, compiledIds),
    })
    .from(rateTables)
    .where(
      and(
        eq(rateTables.orgId, tenant.orgId),
        eq(rateTables.programId, programId),
        eq(rateTables.status, "active"),
        lte(rateTables.effectiveDate, onDate),
      ),
    )
    .orderBy(desc(rateTables.effectiveDate))
    .limit(1);
  return row ?? null;
}

/** `findTaxTableInForce` without the definition of a table the caller has compiled already. */
export async function findTaxTableInForceUnlessCompiled(
  db: Database,
  tenant: TenantContext,
  onDate: string,
  compiledIds: readonly string[],
) {
  const [row] = await db
    .select({
      id: taxTables.id,
      definition: definitionUnless(taxTables.definition, taxTables.id, compiledIds),
    })
    .from(taxTables)
    .where(and(eq(taxTables.orgId, tenant.orgId), lte(taxTables.effectiveDate, onDate)))
    .orderBy(desc(taxTables.effectiveDate))
    .limit(1);
  return row ?? null;
}
