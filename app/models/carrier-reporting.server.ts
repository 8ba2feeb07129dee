import { and, asc, count, eq, gte, like, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  claims,
  daAgreements,
  insureds,
  policies,
  policyTransactions,
  programs,
  type ClaimStatus,
} from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import { visiblePolicies } from "./scope.server.ts";
import type { CarrierClaimSort, CarrierClaimState } from "./table-specs.ts";

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

const claimOnPaperColumns = {
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
};

const CLAIM_ON_PAPER_SORTS = {
  reported: claims.reportedOn,
  claim: claims.claimNumber,
  loss: claims.dateOfLoss,
  reserve: claims.caseReserveCents,
  paid: claims.paidCents,
  status: claims.status,
} satisfies Record<CarrierClaimSort, unknown>;

/** Claims on policies the user may see (a carrier: its own paper), searched by claim, policy or insured. */
function claimsOnPaperWhere(tenant: TenantContext, { q, filters }: Pick<CarrierClaimState, "q" | "filters">) {
  return and(
    eq(claims.orgId, tenant.orgId),
    visiblePolicies(tenant),
    q
      ? or(
          like(claims.claimNumber, likePattern(q)),
          like(policies.policyNumber, likePattern(q)),
          like(insureds.name, likePattern(q)),
        )
      : undefined,
    filters.status ? eq(claims.status, filters.status as ClaimStatus) : undefined,
  );
}

const claimJoins = {
  policies: and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)),
  insureds: and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)),
};

/** A window of the filtered, sorted claims on paper (the export reads it batch by batch). */
export function listClaimsOnPaperRows(
  db: Database,
  tenant: TenantContext,
  state: CarrierClaimState,
  offset: number,
  limit: number,
) {
  return db
    .select(claimOnPaperColumns)
    .from(claims)
    .innerJoin(policies, claimJoins.policies)
    .innerJoin(insureds, claimJoins.insureds)
    .where(claimsOnPaperWhere(tenant, state))
    .orderBy(...orderBy(CLAIM_ON_PAPER_SORTS[state.sort], state.dir, claims.id))
    .limit(limit)
    .offset(offset);
}

/** One page of claims on paper and the size of the whole filtered set, in one statement. */
export async function listClaimsOnPaperPage(db: Database, tenant: TenantContext, state: CarrierClaimState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...claimOnPaperColumns, total: totalOverAll() })
    .from(claims)
    .innerJoin(policies, claimJoins.policies)
    .innerJoin(insureds, claimJoins.insureds)
    .where(claimsOnPaperWhere(tenant, state))
    .orderBy(...orderBy(CLAIM_ON_PAPER_SORTS[state.sort], state.dir, claims.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(claims)
      .innerJoin(policies, claimJoins.policies)
      .innerJoin(insureds, claimJoins.insureds)
      .where(claimsOnPaperWhere(tenant, state));
    return Number(row?.n ?? 0);
  });
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
