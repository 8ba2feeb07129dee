import { and, count, desc, eq, like, or } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { daAgreements, daBreachAttempts, member, submissions, userAffiliations } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { parseRoles } from "../auth/permissions.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { BreachAttemptSort, BreachAttemptState } from "./table-specs.ts";

type Executor = Database | Transaction;

export async function insertBreachAttempt(tx: Executor, row: typeof daBreachAttempts.$inferInsert) {
  await tx.insert(daBreachAttempts).values(row);
}

const breachColumns = {
  id: daBreachAttempts.id,
  agreementId: daBreachAttempts.daAgreementId,
  agreementReference: daAgreements.reference,
  submissionReference: submissions.reference,
  outcome: daBreachAttempts.outcome,
  checks: daBreachAttempts.checks,
  grossPremiumCents: daBreachAttempts.grossPremiumCents,
  attemptedOn: daBreachAttempts.attemptedOn,
  createdAt: daBreachAttempts.createdAt,
};

const BREACH_SORT_COLUMNS = {
  when: daBreachAttempts.createdAt,
  premium: daBreachAttempts.grossPremiumCents,
} satisfies Record<BreachAttemptSort, unknown>;

const breachJoins = {
  agreements: and(eq(daAgreements.orgId, daBreachAttempts.orgId), eq(daAgreements.id, daBreachAttempts.daAgreementId)),
  submissions: and(eq(submissions.orgId, daBreachAttempts.orgId), eq(submissions.id, daBreachAttempts.submissionId)),
};

/** Breach attempts under the agreements the user may see (a carrier user: its own paper). */
function visibleBreaches(tenant: TenantContext, agreementId?: string) {
  const onlyCarrier = tenant.roles.includes("carrier_user") && tenant.carrierId !== null;
  return and(
    eq(daBreachAttempts.orgId, tenant.orgId),
    agreementId ? eq(daBreachAttempts.daAgreementId, agreementId) : undefined,
    onlyCarrier ? eq(daAgreements.carrierId, tenant.carrierId!) : undefined,
  );
}

/** The latest breach attempts (the compliance dashboard). */
export async function listBreachAttempts(
  db: Database,
  tenant: TenantContext,
  { agreementId, limit = 100 }: { agreementId?: string | undefined; limit?: number } = {},
) {
  return db
    .select(breachColumns)
    .from(daBreachAttempts)
    .innerJoin(daAgreements, breachJoins.agreements)
    .innerJoin(submissions, breachJoins.submissions)
    .where(visibleBreaches(tenant, agreementId))
    .orderBy(desc(daBreachAttempts.createdAt))
    .limit(limit);
}

function breachWhere(tenant: TenantContext, { q, filters }: Pick<BreachAttemptState, "q" | "filters">) {
  return and(
    visibleBreaches(tenant),
    q ? or(like(daAgreements.reference, likePattern(q)), like(submissions.reference, likePattern(q))) : undefined,
    filters.outcome ? eq(daBreachAttempts.outcome, filters.outcome as "refused" | "referred") : undefined,
  );
}

/** A window of the filtered, sorted breach attempts (the export reads it batch by batch). */
export function listBreachAttemptRows(
  db: Database,
  tenant: TenantContext,
  state: BreachAttemptState,
  offset: number,
  limit: number,
) {
  return db
    .select(breachColumns)
    .from(daBreachAttempts)
    .innerJoin(daAgreements, breachJoins.agreements)
    .innerJoin(submissions, breachJoins.submissions)
    .where(breachWhere(tenant, state))
    .orderBy(...orderBy(BREACH_SORT_COLUMNS[state.sort], state.dir, daBreachAttempts.id))
    .limit(limit)
    .offset(offset);
}

/** One page of breach attempts and the size of the whole filtered set, in one statement. */
export async function listBreachAttemptPage(db: Database, tenant: TenantContext, state: BreachAttemptState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...breachColumns, total: totalOverAll() })
    .from(daBreachAttempts)
    .innerJoin(daAgreements, breachJoins.agreements)
    .innerJoin(submissions, breachJoins.submissions)
    .where(breachWhere(tenant, state))
    .orderBy(...orderBy(BREACH_SORT_COLUMNS[state.sort], state.dir, daBreachAttempts.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(daBreachAttempts)
      .innerJoin(daAgreements, breachJoins.agreements)
      .innerJoin(submissions, breachJoins.submissions)
      .where(breachWhere(tenant, state));
    return Number(row?.n ?? 0);
  });
}

/** The carrier's own people in the organization, who hear about its paper. */
export async function listCarrierUserIds(db: Database, orgId: string, carrierId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: userAffiliations.userId, role: member.role })
    .from(userAffiliations)
    .innerJoin(
      member,
      and(eq(member.organizationId, userAffiliations.orgId), eq(member.userId, userAffiliations.userId)),
    )
    .where(and(eq(userAffiliations.orgId, orgId), eq(userAffiliations.carrierId, carrierId)));
  return rows.filter((r) => parseRoles(r.role).includes("carrier_user")).map((r) => r.userId);
}
