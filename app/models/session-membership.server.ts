import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { member, memberSuspensions, organization, orgSettings, userAffiliations } from "../../db/schema/index.ts";

/**
 * A signed-in user's place in the session's active organization: their roles and the agency,
 * insured or carrier they act for. `orgId` comes from the session, never from the request.
 */
export async function findSessionMembership(db: Database, orgId: string, userId: string) {
  const [row] = await db
    .select({
      role: member.role,
      orgName: organization.name,
      agencyId: userAffiliations.agencyId,
      insuredId: userAffiliations.insuredId,
      carrierId: userAffiliations.carrierId,
      timeZone: orgSettings.timeZone,
      suspendedAt: memberSuspensions.suspendedAt,
    })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .leftJoin(
      userAffiliations,
      and(eq(userAffiliations.orgId, member.organizationId), eq(userAffiliations.userId, member.userId)),
    )
    .leftJoin(orgSettings, eq(orgSettings.orgId, member.organizationId))
    .leftJoin(
      memberSuspensions,
      and(eq(memberSuspensions.orgId, member.organizationId), eq(memberSuspensions.userId, member.userId)),
    )
    .where(and(eq(member.organizationId, orgId), eq(member.userId, userId)))
    .limit(1);
  return row ?? null;
}
