import { and, asc, desc, eq, gt, gte, lte } from "drizzle-orm";
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

export type PolicyListFilter = {
  status?: string | undefined;
  lineOfBusiness?: string | undefined;
  state?: string | undefined;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
  /** The last id of the previous page: pages run by id, so a cursor never skips or repeats a row. */
  after?: string | undefined;
  limit: number;
};

/** A page of the policies the caller may see, by id, with one row more than asked to tell if more follow. */
export async function listPoliciesPage(db: Database, tenant: TenantContext, filter: PolicyListFilter) {
  const conditions = [visiblePolicies(tenant)];
  if (filter.status) conditions.push(eq(policies.status, filter.status as (typeof policies.$inferSelect)["status"]));
  if (filter.lineOfBusiness)
    conditions.push(
      eq(policies.lineOfBusiness, filter.lineOfBusiness as (typeof policies.$inferSelect)["lineOfBusiness"]),
    );
  if (filter.state) conditions.push(eq(policies.state, filter.state));
  if (filter.effectiveFrom) conditions.push(gte(policies.effectiveDate, filter.effectiveFrom));
  if (filter.effectiveTo) conditions.push(lte(policies.effectiveDate, filter.effectiveTo));
  if (filter.after) conditions.push(gt(policies.id, filter.after));
  return baseQuery(db)
    .where(and(...conditions))
    .orderBy(asc(policies.id))
    .limit(filter.limit + 1);
}
