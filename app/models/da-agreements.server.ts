import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { carriers, daAgreements, programs } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";

/**
 * The agreements the user may see, soonest to expire first; `limit` for a dashboard's short list.
 * A carrier user sees only the agreements on its own paper.
 */
export async function listDaAgreements(db: Database, tenant: TenantContext, { limit }: { limit?: number } = {}) {
  const onlyCarrier =
    tenant.roles.includes("carrier_user") && !tenant.roles.some((r) => r === "compliance_officer" || r === "org_admin");
  const query = db
    .select({
      id: daAgreements.id,
      reference: daAgreements.reference,
      status: daAgreements.status,
      effectiveDate: daAgreements.effectiveDate,
      expirationDate: daAgreements.expirationDate,
      annualGwpLimitCents: daAgreements.annualGwpLimitCents,
      boundGwpCents: daAgreements.boundGwpCents,
      programName: programs.name,
      carrierName: carriers.name,
    })
    .from(daAgreements)
    .innerJoin(programs, and(eq(programs.orgId, daAgreements.orgId), eq(programs.id, daAgreements.programId)))
    .innerJoin(carriers, and(eq(carriers.orgId, daAgreements.orgId), eq(carriers.id, daAgreements.carrierId)))
    .where(
      and(
        eq(daAgreements.orgId, tenant.orgId),
        onlyCarrier ? eq(daAgreements.carrierId, tenant.carrierId ?? "") : undefined,
      ),
    )
    .orderBy(asc(daAgreements.expirationDate), asc(daAgreements.id));
  return limit ? query.limit(limit) : query;
}
