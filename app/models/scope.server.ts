import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { claims, policies, submissions } from "../../db/schema/index.ts";
import type { Role } from "../auth/permissions.ts";
import type { TenantContext } from "../auth/tenant.ts";

// Relationship rules: which rows of its organization a user may see. Roles that work the
// whole book see every row of the org; the others see only what they are affiliated with.
// A user with several roles sees the union.

const WHOLE_BOOK_POLICY_ROLES: readonly Role[] = [
  "org_admin",
  "underwriter",
  "senior_underwriter",
  "finance_analyst",
  "compliance_officer",
  "claims_supervisor",
  // Phone intake: an adjuster files a loss on any policy of the org (without read:policy, no policy pages).
  "claims_adjuster",
];
const NOTHING = sql`1 = 0`;

function anyOf(roles: readonly Role[], wanted: readonly Role[]) {
  return roles.some((r) => wanted.includes(r));
}

export function visiblePolicies(tenant: TenantContext): SQL {
  const org = eq(policies.orgId, tenant.orgId);
  if (anyOf(tenant.roles, WHOLE_BOOK_POLICY_ROLES)) return org;
  const rules: SQL[] = [];
  if (anyOf(tenant.roles, ["producer", "agency_admin"]) && tenant.agencyId)
    rules.push(eq(policies.agencyId, tenant.agencyId));
  if (tenant.roles.includes("policyholder") && tenant.insuredId) rules.push(eq(policies.insuredId, tenant.insuredId));
  if (tenant.roles.includes("carrier_user") && tenant.carrierId) rules.push(eq(policies.carrierId, tenant.carrierId));
  return and(org, rules.length ? or(...rules) : NOTHING)!;
}

export function visibleSubmissions(tenant: TenantContext): SQL {
  const org = eq(submissions.orgId, tenant.orgId);
  if (anyOf(tenant.roles, ["org_admin", "underwriter", "senior_underwriter", "compliance_officer"])) return org;
  if (anyOf(tenant.roles, ["producer", "agency_admin"]) && tenant.agencyId) {
    return and(org, eq(submissions.agencyId, tenant.agencyId))!;
  }
  return and(org, NOTHING)!;
}

/**
 * An adjuster sees the claims assigned to them; a supervisor (and an admin) every claim of the
 * org; a producer the claims on their agency's policies and a policyholder those on their own
 * (both without PHI: services/claims/phi.ts).
 */
export function visibleClaims(tenant: TenantContext): SQL {
  const org = eq(claims.orgId, tenant.orgId);
  if (anyOf(tenant.roles, ["claims_supervisor", "org_admin"])) return org;
  const rules: SQL[] = [];
  if (tenant.roles.includes("claims_adjuster")) rules.push(eq(claims.assignedAdjusterId, tenant.userId));
  const policyRules: SQL[] = [];
  if (anyOf(tenant.roles, ["producer", "agency_admin"]) && tenant.agencyId)
    policyRules.push(eq(policies.agencyId, tenant.agencyId));
  if (tenant.roles.includes("policyholder") && tenant.insuredId)
    policyRules.push(eq(policies.insuredId, tenant.insuredId));
  if (policyRules.length)
    rules.push(
      sql`exists (select 1 from ${policies} where ${policies.orgId} = ${tenant.orgId} and ${policies.id} = ${claims.policyId} and (${or(...policyRules)}))`,
    );
  return and(org, rules.length ? or(...rules) : NOTHING)!;
}
