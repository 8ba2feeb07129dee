import { and, asc, eq, like } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { insureds } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { likePattern } from "../utils/table-state.ts";

export type InsuredRow = typeof insureds.$inferSelect;

/** One of the producer's agency's insureds. */
export async function findAgencyInsured(
  db: Database,
  tenant: TenantContext & { agencyId: string },
  insuredId: string,
): Promise<InsuredRow | null> {
  const [insured] = await db
    .select()
    .from(insureds)
    .where(and(eq(insureds.orgId, tenant.orgId), eq(insureds.agencyId, tenant.agencyId), eq(insureds.id, insuredId)))
    .limit(1);
  return insured ?? null;
}

/** The id of the agency's insured of that name, if there is one. */
export async function findAgencyInsuredIdByName(
  db: Database,
  tenant: TenantContext & { agencyId: string },
  name: string,
): Promise<string | null> {
  return (await findAgencyInsuredByName(db, tenant, name))?.id ?? null;
}

/** The agency's insured of that name, if there is one. */
export async function findAgencyInsuredByName(
  db: Database,
  tenant: TenantContext & { agencyId: string },
  name: string,
): Promise<InsuredRow | null> {
  const [insured] = await db
    .select()
    .from(insureds)
    .where(and(eq(insureds.orgId, tenant.orgId), eq(insureds.agencyId, tenant.agencyId), eq(insureds.name, name)))
    .limit(1);
  return insured ?? null;
}

/** A new insured of the producer's agency. */
export async function insertInsured(
  tx: Transaction,
  tenant: TenantContext & { agencyId: string },
  row: Omit<typeof insureds.$inferInsert, "orgId" | "agencyId">,
) {
  await tx.insert(insureds).values({ ...row, orgId: tenant.orgId, agencyId: tenant.agencyId });
}

/** How many insureds the picker offers at once: a producer narrows by typing more. */
export const INSURED_MATCH_LIMIT = 10;

/** The agency's insureds whose name contains the text typed, by name: what the intake picker offers. */
export async function searchAgencyInsureds(
  db: Database,
  tenant: TenantContext & { agencyId: string },
  text: string,
): Promise<{ id: string; name: string; state: string; city: string }[]> {
  const query = text.trim();
  if (!query) return [];
  return db
    .select({ id: insureds.id, name: insureds.name, state: insureds.state, city: insureds.city })
    .from(insureds)
    .where(
      and(
        eq(insureds.orgId, tenant.orgId),
        eq(insureds.agencyId, tenant.agencyId),
        like(insureds.name, likePattern(query)),
      ),
    )
    .orderBy(asc(insureds.name), asc(insureds.id))
    .limit(INSURED_MATCH_LIMIT);
}
