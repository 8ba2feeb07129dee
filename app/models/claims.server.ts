import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { claims, insureds, policies } from "../../db/schema/index.ts";
import { visibleClaims } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

const columns = {
  id: claims.id,
  claimNumber: claims.claimNumber,
  status: claims.status,
  dateOfLoss: claims.dateOfLoss,
  reportedOn: claims.reportedOn,
  lossType: claims.lossType,
  caseReserveCents: claims.caseReserveCents,
  paidCents: claims.paidCents,
  policyNumber: policies.policyNumber,
  insuredName: insureds.name,
};

function baseQuery(db: Database) {
  return db
    .select(columns)
    .from(claims)
    .innerJoin(policies, and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, claims.orgId), eq(insureds.id, policies.insuredId)));
}

export async function listClaims(db: Database, tenant: TenantContext, { limit = 50 }: { limit?: number } = {}) {
  return baseQuery(db).where(visibleClaims(tenant)).orderBy(desc(claims.reportedOn)).limit(limit);
}

export async function getClaim(db: Database, tenant: TenantContext, claimId: string) {
  const [row] = await baseQuery(db)
    .where(and(visibleClaims(tenant), eq(claims.id, claimId)))
    .limit(1);
  return row ?? null;
}
