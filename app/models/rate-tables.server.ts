import { and, desc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { rateTables, taxTables } from "../../db/schema/index.ts";
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
