import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { insureds, policies, submissionDeclinations, surplusLinesFilings } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";

export async function listFilings(db: Database, tenant: TenantContext) {
  return db
    .select()
    .from(surplusLinesFilings)
    .where(eq(surplusLinesFilings.orgId, tenant.orgId))
    .orderBy(asc(surplusLinesFilings.dueOn));
}

/** One filing per state and period: a second record of the same return is refused by the key. */
export async function insertFiling(db: Database, row: typeof surplusLinesFilings.$inferInsert): Promise<boolean> {
  const result = await db.insert(surplusLinesFilings).ignore().values(row);
  return Number(result.rowsAffected) === 1;
}

/**
 * The diligent-search record behind each surplus-lines placement in a state and period: every
 * admitted carrier that declined the risk, with the policy it led to (the affidavit's content).
 */
export async function listDiligentSearchDeclinations(
  db: Database,
  tenant: TenantContext,
  filter: { state?: string | undefined; from: string; to: string },
  offset: number,
  limit: number,
) {
  return db
    .select({
      policyNumber: policies.policyNumber,
      state: policies.state,
      effectiveDate: policies.effectiveDate,
      insuredName: insureds.name,
      carrierName: submissionDeclinations.carrierName,
      declinedOn: submissionDeclinations.declinedOn,
      reason: submissionDeclinations.reason,
    })
    .from(submissionDeclinations)
    .innerJoin(
      policies,
      and(
        eq(policies.orgId, submissionDeclinations.orgId),
        eq(policies.submissionId, submissionDeclinations.submissionId),
      ),
    )
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .where(
      and(
        eq(submissionDeclinations.orgId, tenant.orgId),
        filter.state ? eq(policies.state, filter.state) : undefined,
        gte(policies.effectiveDate, filter.from),
        lte(policies.effectiveDate, filter.to),
      ),
    )
    .orderBy(asc(policies.policyNumber), asc(submissionDeclinations.declinedOn), asc(submissionDeclinations.id))
    .limit(limit)
    .offset(offset);
}
