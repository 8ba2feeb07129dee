import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  agencies,
  carriers,
  insureds,
  organization,
  orgSettings,
  policies,
  producerLicences,
  quoteOptions,
  submissionDocuments,
  submissions,
} from "../../db/schema/index.ts";
import { visiblePolicies } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

/**
 * Everything the declarations page of a bound policy prints, for a policy the user may see: the
 * policy, its insured, carrier and agency, the MGA's name and the recorded rating of the bound
 * option (null for policies migrated in). The documents service turns it into the page's data.
 */
export async function findDeclarationsSource(db: Database, tenant: TenantContext, policyId: string) {
  const [row] = await db
    .select({
      policy: policies,
      insured: insureds,
      carrier: carriers,
      agency: agencies,
      // The organization's document name when it has set one (ADR 021).
      orgName: sql<string>`coalesce(${orgSettings.documentName}, ${organization.name})`,
      timeZone: orgSettings.timeZone,
      rating: quoteOptions.rating,
      producerUserId: submissions.producerUserId,
    })
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(carriers, and(eq(carriers.orgId, policies.orgId), eq(carriers.id, policies.carrierId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)))
    .innerJoin(organization, eq(organization.id, policies.orgId))
    .leftJoin(orgSettings, eq(orgSettings.orgId, policies.orgId))
    .leftJoin(quoteOptions, and(eq(quoteOptions.orgId, policies.orgId), eq(quoteOptions.id, policies.quoteOptionId)))
    .leftJoin(submissions, and(eq(submissions.orgId, policies.orgId), eq(submissions.id, policies.submissionId)))
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  if (!row) return null;
  // The licences in the risk's state of the producer of record and of the agency itself.
  const licences = await db
    .select({
      producerUserId: producerLicences.producerUserId,
      state: producerLicences.state,
      licenceNumber: producerLicences.licenceNumber,
      lines: producerLicences.lines,
      effectiveOn: producerLicences.effectiveOn,
      expiresOn: producerLicences.expiresOn,
    })
    .from(producerLicences)
    .where(
      and(
        eq(producerLicences.orgId, row.policy.orgId),
        eq(producerLicences.agencyId, row.policy.agencyId),
        eq(producerLicences.state, row.policy.state),
      ),
    );
  return { ...row, licences };
}

export type DeclarationsSource = NonNullable<Awaited<ReturnType<typeof findDeclarationsSource>>>;

/** A policy the user may see, with its stored declarations document if one is stored. */
export async function findPolicyDeclarations(db: Database, tenant: TenantContext, policyId: string) {
  const [row] = await db
    .select({
      id: policies.id,
      policyNumber: policies.policyNumber,
      submissionId: policies.submissionId,
      stored: submissionDocuments,
    })
    .from(policies)
    .leftJoin(
      submissionDocuments,
      and(
        eq(submissionDocuments.orgId, policies.orgId),
        eq(submissionDocuments.policyId, policies.id),
        eq(submissionDocuments.kind, "declarations"),
      ),
    )
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  return row ?? null;
}
