import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { claims, daAgreements, insureds, policies, policyTransactions, programs } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { visiblePolicies } from "./scope.server.ts";

// What the carrier portal and the compliance area chart: written premium, losses and the use of
// each agreement, read from the policy transactions and claims the user may see.

/** Written premium by booking month (signed: returns reduce it), for the months from `from`. */
export async function premiumWrittenByMonth(db: Database, tenant: TenantContext, from: string) {
  const month = sql<string>`DATE_FORMAT(${policyTransactions.bookedOn}, '%Y-%m')`;
  const rows = await db
    .select({ month, premiumCents: sql<string>`SUM(${policyTransactions.premiumCents})` })
    .from(policyTransactions)
    .innerJoin(
      policies,
      and(eq(policies.orgId, policyTransactions.orgId), eq(policies.id, policyTransactions.policyId)),
    )
    .where(
      and(eq(policyTransactions.orgId, tenant.orgId), visiblePolicies(tenant), gte(policyTransactions.bookedOn, from)),
    )
    .groupBy(month)
    .orderBy(month);
  return rows.map((r) => ({ month: r.month, premiumCents: Number(r.premiumCents) }));
}

/**
 * Written premium and incurred losses (paid + case reserve) per program. The ratio is incurred to
 * written, as a carrier reads a bordereau month by month; earned premium would need the term.
 */
export async function lossRatioByProgram(db: Database, tenant: TenantContext) {
  const written = await db
    .select({
      programId: policies.programId,
      name: programs.name,
      premiumCents: sql<string>`SUM(${policyTransactions.premiumCents})`,
    })
    .from(policyTransactions)
    .innerJoin(
      policies,
      and(eq(policies.orgId, policyTransactions.orgId), eq(policies.id, policyTransactions.policyId)),
    )
    .innerJoin(programs, and(eq(programs.orgId, policies.orgId), eq(programs.id, policies.programId)))
    .where(and(eq(policyTransactions.orgId, tenant.orgId), visiblePolicies(tenant)))
    .groupBy(policies.programId, programs.name);
  const incurred = await db
    .select({
      programId: policies.programId,
      incurredCents: sql<string>`SUM(${claims.paidCents} + ${claims.caseReserveCents})`,
    })
    .from(claims)
    .innerJoin(policies, and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)))
    .where(and(eq(claims.orgId, tenant.orgId), visiblePolicies(tenant)))
    .groupBy(policies.programId);
  const byProgram = new Map(incurred.map((r) => [r.programId, Number(r.incurredCents)]));
  return written.map((w) => ({
    programId: w.programId,
    name: w.name,
    writtenCents: Number(w.premiumCents),
    incurredCents: byProgram.get(w.programId) ?? 0,
  }));
}

/** Claims on policies the user may see (a carrier: its own paper), newest first. */
export async function listClaimsOnPaper(
  db: Database,
  tenant: TenantContext,
  { status, limit = 100 }: { status?: string | undefined; limit?: number } = {},
) {
  return db
    .select({
      id: claims.id,
      claimNumber: claims.claimNumber,
      policyNumber: policies.policyNumber,
      insuredName: insureds.name,
      dateOfLoss: claims.dateOfLoss,
      reportedOn: claims.reportedOn,
      lossType: claims.lossType,
      status: claims.status,
      caseReserveCents: claims.caseReserveCents,
      paidCents: claims.paidCents,
    })
    .from(claims)
    .innerJoin(policies, and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .where(
      and(
        eq(claims.orgId, tenant.orgId),
        visiblePolicies(tenant),
        status ? eq(claims.status, status as (typeof claims.$inferSelect)["status"]) : undefined,
      ),
    )
    .orderBy(desc(claims.reportedOn))
    .limit(limit);
}

/** Each visible agreement's limits with premium written under it by month, for utilization. */
export async function agreementPremiumByMonth(db: Database, tenant: TenantContext) {
  const onlyCarrier =
    tenant.roles.includes("carrier_user") && !tenant.roles.some((r) => r === "compliance_officer" || r === "org_admin");
  const agreements = await db
    .select({
      id: daAgreements.id,
      reference: daAgreements.reference,
      status: daAgreements.status,
      carrierId: daAgreements.carrierId,
      programId: daAgreements.programId,
      programName: programs.name,
      effectiveDate: daAgreements.effectiveDate,
      expirationDate: daAgreements.expirationDate,
      annualGwpLimitCents: daAgreements.annualGwpLimitCents,
      quarterlyGwpLimitCents: daAgreements.quarterlyGwpLimitCents,
      boundGwpCents: daAgreements.boundGwpCents,
    })
    .from(daAgreements)
    .innerJoin(programs, and(eq(programs.orgId, daAgreements.orgId), eq(programs.id, daAgreements.programId)))
    .where(
      and(
        eq(daAgreements.orgId, tenant.orgId),
        onlyCarrier ? eq(daAgreements.carrierId, tenant.carrierId ?? "") : undefined,
      ),
    )
    .orderBy(asc(daAgreements.reference));
  const month = sql<string>`DATE_FORMAT(${policyTransactions.bookedOn}, '%Y-%m')`;
  const monthly = await db
    .select({
      agreementId: daAgreements.id,
      month,
      premiumCents: sql<string>`SUM(${policyTransactions.premiumCents})`,
    })
    .from(policyTransactions)
    .innerJoin(
      policies,
      and(eq(policies.orgId, policyTransactions.orgId), eq(policies.id, policyTransactions.policyId)),
    )
    .innerJoin(
      daAgreements,
      and(
        eq(daAgreements.orgId, policies.orgId),
        eq(daAgreements.programId, policies.programId),
        gte(policies.effectiveDate, daAgreements.effectiveDate),
        lte(policies.effectiveDate, daAgreements.expirationDate),
      ),
    )
    .where(
      and(
        eq(policyTransactions.orgId, tenant.orgId),
        onlyCarrier ? eq(daAgreements.carrierId, tenant.carrierId ?? "") : undefined,
      ),
    )
    .groupBy(daAgreements.id, month)
    .orderBy(month);
  return agreements.map((a) => ({
    ...a,
    months: monthly
      .filter((m) => m.agreementId === a.id)
      .map((m) => ({ month: m.month, premiumCents: Number(m.premiumCents) })),
  }));
}
