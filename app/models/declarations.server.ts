import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, carriers, insureds, organization, policies, quoteOptions } from "../../db/schema/index.ts";
import { visiblePolicies } from "../auth/scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import type { DeclarationsData } from "../services/documents/declarations.ts";
import type { RatedQuote } from "../services/rating/index.ts";
import { toCents } from "../utils/money.ts";

/** Everything the declarations page of a bound policy prints, for a policy the user may see. */
export async function getDeclarationsData(db: Database, tenant: TenantContext, policyId: string): Promise<DeclarationsData | null> {
  const [row] = await db
    .select({ policy: policies, insured: insureds, carrier: carriers, agency: agencies, orgName: organization.name, rating: quoteOptions.rating })
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(carriers, and(eq(carriers.orgId, policies.orgId), eq(carriers.id, policies.carrierId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)))
    .innerJoin(organization, eq(organization.id, policies.orgId))
    .leftJoin(quoteOptions, and(eq(quoteOptions.orgId, policies.orgId), eq(quoteOptions.id, policies.quoteOptionId)))
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  if (!row) return null;
  const { policy, insured, carrier, agency } = row;
  // Policies bound here carry their recorded rating; those migrated in carry only totals.
  const rating = row.rating as unknown as RatedQuote | null;
  const premium = rating ?? {
    grossPremium: toCents(policy.grossPremiumCents),
    fees: [{ name: "Fees", amount: toCents(policy.feesCents) }],
    taxes: [{ name: "Taxes", amount: toCents(policy.taxesCents) }],
    totalDue: toCents(policy.grossPremiumCents + policy.feesCents + policy.taxesCents),
  };
  return {
    mga: { name: row.orgName },
    carrier: { name: carrier.name, naicCompanyCode: carrier.naicCompanyCode },
    producer: { name: agency.name, licenseNumber: agency.licenseNumber },
    policyNumber: policy.policyNumber,
    namedInsured: { name: insured.name, address: { addressLine1: insured.addressLine1, city: insured.city, state: insured.state, postalCode: insured.postalCode } },
    policyPeriod: { effectiveDate: policy.effectiveDate, expirationDate: policy.expirationDate },
    lineOfBusiness: policy.lineOfBusiness,
    limits: { occurrenceCents: toCents(policy.occurrenceLimitCents ?? 0), aggregateCents: toCents(policy.aggregateLimitCents ?? 0) },
    deductibleCents: toCents(policy.deductibleCents ?? 0),
    premium,
    coverages: [],
    ratingSummary: rating?.steps,
    issuedOn: policy.createdAt.toISOString().slice(0, 10),
  };
}
