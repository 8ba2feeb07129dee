import { and, desc, eq, lte } from "drizzle-orm";
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
