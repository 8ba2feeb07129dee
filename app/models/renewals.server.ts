import { and, count, eq, gt, like, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import {
  agencies,
  insureds,
  policies,
  policyNotices,
  programs,
  quotes,
  renewalOffers,
  submissionDeclinations,
  type RenewalOfferStatus,
} from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { RenewalQueueSort, RenewalQueueState } from "./table-specs.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";

// Renewal offers (issue 12, ADR 023): the daily job's set-based claim of policies coming up for
// renewal, the offers' rating results, and the producer's renewal queue.

type Db = Database | Transaction;

function affected(result: unknown): number {
  const r = result as { rowsAffected?: number; affectedRows?: number };
  return Number(r.rowsAffected ?? r.affectedRows ?? 0);
}

/** An underwriter sees every offer of the org; a producer those of their agency; others none. */
function visibleOffers(tenant: TenantContext): SQL {
  const org = eq(renewalOffers.orgId, tenant.orgId);
  if (tenant.roles.some((r) => r === "org_admin" || r === "underwriter" || r === "senior_underwriter")) return org;
  if (tenant.roles.some((r) => r === "producer" || r === "agency_admin") && tenant.agencyId)
    return and(org, eq(renewalOffers.agencyId, tenant.agencyId))!;
  return and(org, sql`1 = 0`)!;
}

/**
 * One chunk of policies (by id range) coming up for renewal becomes offers being prepared, in one
 * INSERT ... SELECT: issued or active, expiring after today and on or before the horizon, with no
 * standing non-renewal notice. The offer id derives from the policy id and (org, policy) is
 * unique, so a second run claims nothing twice.
 */
export async function claimRenewalCandidates(
  db: Database,
  range: { after: string; last: string },
  today: string,
  horizon: string,
  orgs: OrgScope,
): Promise<number> {
  const orgFilter = sql`1 = 1 ${andInOrgScope(policies.orgId, orgs)}`;
  const result = await db.execute(sql`/* unscoped: the daily job prepares every organization's renewals */
    INSERT IGNORE INTO ${renewalOffers}
      (id, org_id, policy_id, agency_id, renewal_date, status, prepared_on, expiring_premium_cents)
    SELECT CONCAT('rnw_', SUBSTRING(${policies.id}, 5)), ${policies.orgId}, ${policies.id}, ${policies.agencyId},
      ${policies.expirationDate}, 'preparing', ${today}, ${policies.grossPremiumCents}
    FROM ${policies}
    WHERE ${policies.id} > ${range.after} AND ${policies.id} <= ${range.last} AND ${orgFilter}
      AND ${policies.status} IN ('issued', 'active')
      AND ${policies.expirationDate} > ${today} AND ${policies.expirationDate} <= ${horizon}
      AND NOT EXISTS (SELECT 1 FROM ${policyNotices} WHERE ${policyNotices.orgId} = ${policies.orgId}
        AND ${policyNotices.policyId} = ${policies.id} AND ${policyNotices.kind} = 'non_renewal'
        AND ${policyNotices.status} = 'pending')`);
  return affected(result);
}

/** Offers still standing after their renewal date lapse, in one statement. */
export async function lapseRenewalOffers(db: Database, today: string, orgs: OrgScope): Promise<number> {
  const orgFilter = sql`1 = 1 ${andInOrgScope(renewalOffers.orgId, orgs)}`;
  const result = await db.execute(sql`/* unscoped: the daily job lapses every organization's unanswered offers */
    UPDATE ${renewalOffers} SET ${renewalOffers.status} = 'lapsed', ${renewalOffers.updatedAt} = ${new Date()}
    WHERE ${renewalOffers.status} IN ('offered', 'preparing') AND ${renewalOffers.renewalDate} < ${today} AND ${orgFilter}`);
  return affected(result);
}

/** The next offers waiting to be rated, a bounded batch after `after` (by id). */
export async function listOffersPreparing(db: Database, after: string, limit: number, orgs: OrgScope) {
  const orgFilter = sql`1 = 1 ${andInOrgScope(renewalOffers.orgId, orgs)}`;
  const result = await db.execute(sql`/* unscoped: the daily job rates every organization's claimed offers */
    SELECT ${renewalOffers.id} AS id, ${renewalOffers.orgId} AS org_id FROM ${renewalOffers}
    WHERE ${renewalOffers.status} = 'preparing' AND ${renewalOffers.id} > ${after} AND ${orgFilter}
    ORDER BY ${renewalOffers.id} LIMIT ${limit}`);
  return (result.rows as { id: string; org_id: string }[]).map((r) => ({ id: r.id, orgId: r.org_id }));
}

export async function findOfferById(db: Db, orgId: string, offerId: string) {
  const [row] = await db
    .select()
    .from(renewalOffers)
    .where(and(eq(renewalOffers.orgId, orgId), eq(renewalOffers.id, offerId)))
    .limit(1);
  return row ?? null;
}

export type OfferChanges = Partial<
  Pick<
    typeof renewalOffers.$inferInsert,
    | "status"
    | "submissionId"
    | "quoteOptionId"
    | "renewalPremiumCents"
    | "renewalTotalDueCents"
    | "comparison"
    | "note"
    | "renewalPolicyId"
    | "decidedByUserId"
    | "decidedOn"
  >
>;

/** Moves an offer on, only from the status the caller read (false when someone else moved it first). */
export async function updateOffer(
  db: Db,
  orgId: string,
  offerId: string,
  from: RenewalOfferStatus,
  values: OfferChanges,
): Promise<boolean> {
  const result = await db
    .update(renewalOffers)
    .set(values)
    .where(and(eq(renewalOffers.orgId, orgId), eq(renewalOffers.id, offerId), eq(renewalOffers.status, from)));
  return affected(result) > 0;
}

/** The offer the user may see, locked so two answers to it queue. */
export async function lockVisibleOffer(tx: Transaction, tenant: TenantContext, offerId: string) {
  const [row] = await tx
    .select({ offer: renewalOffers, policyNumber: policies.policyNumber, installmentPlan: policies.installmentPlan })
    .from(renewalOffers)
    .innerJoin(policies, and(eq(policies.orgId, renewalOffers.orgId), eq(policies.id, renewalOffers.policyId)))
    .where(and(visibleOffers(tenant), eq(renewalOffers.id, offerId)))
    .for("update");
  return row ?? null;
}

/** The offer the user may see, with the expiring policy and insured, for its page and the API. */
export async function findVisibleOffer(db: Db, tenant: TenantContext, offerId: string) {
  const [row] = await db
    .select({
      offer: renewalOffers,
      policyNumber: policies.policyNumber,
      installmentPlan: policies.installmentPlan,
      expirationDate: policies.expirationDate,
      insuredName: insureds.name,
      plans: programs.installmentPlans,
    })
    .from(renewalOffers)
    .innerJoin(policies, and(eq(policies.orgId, renewalOffers.orgId), eq(policies.id, renewalOffers.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(programs, and(eq(programs.orgId, policies.orgId), eq(programs.id, policies.programId)))
    .where(and(visibleOffers(tenant), eq(renewalOffers.id, offerId)))
    .limit(1);
  return row ?? null;
}

/** The offer of one policy, if the user may see it (the policy page links to it). */
export async function findOfferOfPolicy(db: Db, tenant: TenantContext, policyId: string) {
  const [row] = await db
    .select({ id: renewalOffers.id, status: renewalOffers.status, renewalPolicyId: renewalOffers.renewalPolicyId })
    .from(renewalOffers)
    .where(and(visibleOffers(tenant), eq(renewalOffers.policyId, policyId)))
    .limit(1);
  return row ?? null;
}

/** The renewal quote stands until the expiring term ends, not for the program's quote validity. */
export async function extendQuoteToRenewalDate(tx: Db, orgId: string, quoteId: string, renewalDate: string) {
  await tx
    .update(quotes)
    .set({ expiresOn: renewalDate })
    .where(and(eq(quotes.orgId, orgId), eq(quotes.id, quoteId)));
}

/** The expiring term's diligent search carries over to the renewal submission, with its dates. */
export async function copyDeclinations(
  tx: Transaction,
  orgId: string,
  fromSubmissionId: string,
  toSubmissionId: string,
) {
  const rows = await tx
    .select()
    .from(submissionDeclinations)
    .where(and(eq(submissionDeclinations.orgId, orgId), eq(submissionDeclinations.submissionId, fromSubmissionId)));
  if (rows.length === 0) return;
  await tx
    .insert(submissionDeclinations)
    .values(rows.map((r) => ({ ...r, id: createId("dcl"), submissionId: toSubmissionId })));
}

// The renewal queue: searched by insured or policy number, filtered by status.

const queueColumns = {
  id: renewalOffers.id,
  policyId: renewalOffers.policyId,
  policyNumber: policies.policyNumber,
  insuredName: insureds.name,
  agencyName: agencies.name,
  renewalDate: renewalOffers.renewalDate,
  status: renewalOffers.status,
  expiringPremiumCents: renewalOffers.expiringPremiumCents,
  renewalPremiumCents: renewalOffers.renewalPremiumCents,
};

const QUEUE_SORTS = {
  renewal: renewalOffers.renewalDate,
  policy: policies.policyNumber,
  insured: insureds.name,
  premium: renewalOffers.renewalPremiumCents,
  status: renewalOffers.status,
} satisfies Record<RenewalQueueSort, unknown>;

function queueWhere(tenant: TenantContext, { q, filters }: Pick<RenewalQueueState, "q" | "filters">) {
  return and(
    visibleOffers(tenant),
    q ? or(like(insureds.name, likePattern(q)), like(policies.policyNumber, likePattern(q))) : undefined,
    filters.status ? eq(renewalOffers.status, filters.status as RenewalOfferStatus) : undefined,
  );
}

const joinedQueue = (db: Database) =>
  db
    .select(queueColumns)
    .from(renewalOffers)
    .innerJoin(policies, and(eq(policies.orgId, renewalOffers.orgId), eq(policies.id, renewalOffers.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)));

const joinedQueuePage = (db: Database) =>
  db
    .select({ ...queueColumns, total: totalOverAll() })
    .from(renewalOffers)
    .innerJoin(policies, and(eq(policies.orgId, renewalOffers.orgId), eq(policies.id, renewalOffers.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)));

const joinedQueueCount = (db: Database) =>
  db
    .select({ n: count() })
    .from(renewalOffers)
    .innerJoin(policies, and(eq(policies.orgId, renewalOffers.orgId), eq(policies.id, renewalOffers.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)));

/** A window of the filtered, sorted queue (the export reads it batch by batch). */
export function listRenewalQueueRows(
  db: Database,
  tenant: TenantContext,
  state: RenewalQueueState,
  offset: number,
  limit: number,
) {
  return joinedQueue(db)
    .where(queueWhere(tenant, state))
    .orderBy(...orderBy(QUEUE_SORTS[state.sort], state.dir, renewalOffers.id))
    .limit(limit)
    .offset(offset);
}

/** One page of the queue and the size of the whole filtered set. */
export async function listRenewalQueuePage(db: Database, tenant: TenantContext, state: RenewalQueueState) {
  const offset = pageOffset(state);
  const rows = await joinedQueuePage(db)
    .where(queueWhere(tenant, state))
    .orderBy(...orderBy(QUEUE_SORTS[state.sort], state.dir, renewalOffers.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await joinedQueueCount(db).where(queueWhere(tenant, state));
    return Number(row?.n ?? 0);
  });
}

/** The offers the user may see, a page by id after a cursor (the /v1 list), one extra row to tell a next page. */
export async function listRenewalOffersAfter(
  db: Database,
  tenant: TenantContext,
  { status, after, limit }: { status?: RenewalOfferStatus | undefined; after?: string | undefined; limit: number },
) {
  return db
    .select({ offer: renewalOffers, policyNumber: policies.policyNumber })
    .from(renewalOffers)
    .innerJoin(policies, and(eq(policies.orgId, renewalOffers.orgId), eq(policies.id, renewalOffers.policyId)))
    .where(
      and(
        visibleOffers(tenant),
        status ? eq(renewalOffers.status, status) : undefined,
        after ? gt(renewalOffers.id, after) : undefined,
      ),
    )
    .orderBy(renewalOffers.id)
    .limit(limit + 1);
}
