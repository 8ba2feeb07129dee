import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, carriers, insureds, policies } from "../../db/schema/index.ts";
import { visiblePolicies } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

const columns = {
  id: policies.id,
  policyNumber: policies.policyNumber,
  status: policies.status,
  lineOfBusiness: policies.lineOfBusiness,
  state: policies.state,
  effectiveDate: policies.effectiveDate,
  expirationDate: policies.expirationDate,
  grossPremiumCents: policies.grossPremiumCents,
  feesCents: policies.feesCents,
  taxesCents: policies.taxesCents,
  insuredName: insureds.name,
  agencyName: agencies.name,
  carrierName: carriers.name,
};

function baseQuery(db: Database) {
  return db
    .select(columns)
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)))
    .innerJoin(carriers, and(eq(carriers.orgId, policies.orgId), eq(carriers.id, policies.carrierId)));
}

export async function listPolicies(db: Database, tenant: TenantContext, { limit = 50 }: { limit?: number } = {}) {
  return baseQuery(db).where(visiblePolicies(tenant)).orderBy(desc(policies.effectiveDate)).limit(limit);
}

export async function getPolicy(db: Database, tenant: TenantContext, policyId: string) {
  const [row] = await baseQuery(db)
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  return row ?? null;
}
