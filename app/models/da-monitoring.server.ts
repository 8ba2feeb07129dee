import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { daAgreements, daBreachAttempts, member, submissions, userAffiliations } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { parseRoles } from "../auth/permissions.ts";

type Executor = Database | Transaction;

export async function insertBreachAttempt(tx: Executor, row: typeof daBreachAttempts.$inferInsert) {
  await tx.insert(daBreachAttempts).values(row);
}

/** Breach attempts under the agreements the user may see (a carrier user: its own paper). */
export async function listBreachAttempts(
  db: Database,
  tenant: TenantContext,
  { agreementId, limit = 100 }: { agreementId?: string | undefined; limit?: number } = {},
) {
  const onlyCarrier = tenant.roles.includes("carrier_user") && tenant.carrierId !== null;
  return db
    .select({
      id: daBreachAttempts.id,
      agreementId: daBreachAttempts.daAgreementId,
      agreementReference: daAgreements.reference,
      submissionReference: submissions.reference,
      outcome: daBreachAttempts.outcome,
      checks: daBreachAttempts.checks,
      grossPremiumCents: daBreachAttempts.grossPremiumCents,
      attemptedOn: daBreachAttempts.attemptedOn,
      createdAt: daBreachAttempts.createdAt,
    })
    .from(daBreachAttempts)
    .innerJoin(
      daAgreements,
      and(eq(daAgreements.orgId, daBreachAttempts.orgId), eq(daAgreements.id, daBreachAttempts.daAgreementId)),
    )
    .innerJoin(
      submissions,
      and(eq(submissions.orgId, daBreachAttempts.orgId), eq(submissions.id, daBreachAttempts.submissionId)),
    )
    .where(
      and(
        eq(daBreachAttempts.orgId, tenant.orgId),
        agreementId ? eq(daBreachAttempts.daAgreementId, agreementId) : undefined,
        onlyCarrier ? eq(daAgreements.carrierId, tenant.carrierId!) : undefined,
      ),
    )
    .orderBy(desc(daBreachAttempts.createdAt))
    .limit(limit);
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
