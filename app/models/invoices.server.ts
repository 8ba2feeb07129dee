import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies, insureds, invoices, policies } from "../../db/schema/index.ts";
import { visiblePolicies } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

const columns = {
  id: invoices.id,
  invoiceNumber: invoices.invoiceNumber,
  status: invoices.status,
  dueDate: invoices.dueDate,
  amountCents: invoices.amountCents,
  policyId: policies.id,
  policyNumber: policies.policyNumber,
  insuredName: insureds.name,
  /** Agency-billed invoices are addressed to the agency, which collects them (ADR 024). */
  billingMethod: policies.billingMethod,
  agencyName: agencies.name,
};

// An invoice is visible to whoever may see its policy.
function baseQuery(db: Database) {
  return db
    .select(columns)
    .from(invoices)
    .innerJoin(policies, and(eq(policies.orgId, invoices.orgId), eq(policies.id, invoices.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, invoices.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, invoices.orgId), eq(agencies.id, policies.agencyId)));
}

export async function listInvoices(
  db: Database,
  tenant: TenantContext,
  { limit = 50, policyId }: { limit?: number; policyId?: string } = {},
) {
  return baseQuery(db)
    .where(
      and(
        eq(invoices.orgId, tenant.orgId),
        visiblePolicies(tenant),
        policyId ? eq(invoices.policyId, policyId) : undefined,
      ),
    )
    .orderBy(asc(invoices.dueDate))
    .limit(limit);
}

export async function getInvoice(db: Database, tenant: TenantContext, invoiceId: string) {
  const [row] = await baseQuery(db)
    .where(and(eq(invoices.orgId, tenant.orgId), visiblePolicies(tenant), eq(invoices.id, invoiceId)))
    .limit(1);
  return row ?? null;
}
