import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { programs, quotes, rateTables, submissionDeclinations, submissions } from "../../db/schema/index.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

/** What the bind form reads: the program's installment plans, the placement and the declinations on file. */
export async function getBindContext(db: Database, tenant: TenantContext, submissionId: string) {
  const [row] = await db
    .select({
      plans: programs.installmentPlans,
      agencyBillAllowed: programs.agencyBillAllowed,
      state: submissions.state,
      definition: rateTables.definition,
    })
    .from(submissions)
    .innerJoin(programs, and(eq(programs.orgId, submissions.orgId), eq(programs.id, submissions.programId)))
    .leftJoin(
      quotes,
      and(eq(quotes.orgId, submissions.orgId), eq(quotes.submissionId, submissions.id), eq(quotes.status, "active")),
    )
    .leftJoin(rateTables, and(eq(rateTables.orgId, submissions.orgId), eq(rateTables.id, quotes.rateTableId)))
    .where(and(visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1);
  if (!row) return null;
  const declinations = await db
    .select({ carrierName: submissionDeclinations.carrierName })
    .from(submissionDeclinations)
    .where(and(eq(submissionDeclinations.orgId, tenant.orgId), eq(submissionDeclinations.submissionId, submissionId)));
  return {
    plans: row.plans,
    agencyBillAllowed: row.agencyBillAllowed,
    homeState: row.state,
    surplusLines: row.definition?.surplusLines === true,
    declinations: declinations.map((d) => d.carrierName),
  };
}
