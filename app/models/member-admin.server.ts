import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  agencies,
  apiKeys,
  carriers,
  insureds,
  invitation,
  invitationAffiliations,
  member,
  memberSuspensions,
  organization,
  session,
  user,
  userAffiliations,
} from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

// `member`, `invitation` and `session` belong to better-auth and carry no org_id column; every
// query here still filters by the tenant's organization.

export type Affiliation = { agencyId: string | null; insuredId: string | null; carrierId: string | null };

/** Whether the agency, insured or carrier named is one of the organization's. */
export async function affiliationExists(db: Database | Transaction, tenant: TenantContext, affiliation: Affiliation) {
  const [agency, insured, carrier] = await Promise.all([
    affiliation.agencyId
      ? db
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.orgId, tenant.orgId), eq(agencies.id, affiliation.agencyId)))
      : [{ id: "" }],
    affiliation.insuredId
      ? db
          .select({ id: insureds.id })
          .from(insureds)
          .where(and(eq(insureds.orgId, tenant.orgId), eq(insureds.id, affiliation.insuredId)))
      : [{ id: "" }],
    affiliation.carrierId
      ? db
          .select({ id: carriers.id })
          .from(carriers)
          .where(and(eq(carriers.orgId, tenant.orgId), eq(carriers.id, affiliation.carrierId)))
      : [{ id: "" }],
  ]);
  return agency.length > 0 && insured.length > 0 && carrier.length > 0;
}

export async function findMemberByEmail(db: Database | Transaction, tenant: TenantContext, email: string) {
  const [row] = await db
    .select({ memberId: member.id })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, tenant.orgId), eq(user.email, email)))
    .limit(1);
  return row ?? null;
}

/** A pending invitation with whom it makes the invitee act for; better-auth accepts it later. */
export async function insertInvitation(
  tx: Transaction,
  tenant: TenantContext,
  input: { email: string; role: string; expiresAt: Date; affiliation: Affiliation },
): Promise<string> {
  const id = createId("inv");
  await tx.insert(invitation).values({
    id,
    organizationId: tenant.orgId,
    email: input.email,
    role: input.role,
    status: "pending",
    expiresAt: input.expiresAt,
    inviterId: tenant.userId,
  });
  if (input.affiliation.agencyId || input.affiliation.insuredId || input.affiliation.carrierId)
    await tx
      .insert(invitationAffiliations)
      .values({ id: createId("iaf"), orgId: tenant.orgId, invitationId: id, ...input.affiliation });
  return id;
}

/**
 * On acceptance: the invitee acts for the agency, insured or carrier the invitation named.
 * Runs from better-auth's hook, keyed by the accepted invitation, with no session tenant yet.
 */
export async function affiliateInvitee(db: Database, invitationId: string, orgId: string, userId: string) {
  const [row] = await db
    .select()
    .from(invitationAffiliations)
    .where(and(eq(invitationAffiliations.orgId, orgId), eq(invitationAffiliations.invitationId, invitationId)))
    .limit(1);
  if (!row) return;
  const affiliation = { agencyId: row.agencyId, insuredId: row.insuredId, carrierId: row.carrierId };
  await db
    .insert(userAffiliations)
    .values({ id: createId("uaf"), orgId, userId, ...affiliation })
    .onDuplicateKeyUpdate({ set: affiliation });
}

export async function listPendingInvitations(db: Database, tenant: TenantContext, agencyId?: string) {
  return db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      agencyName: agencies.name,
    })
    .from(invitation)
    .leftJoin(
      invitationAffiliations,
      and(
        eq(invitationAffiliations.orgId, invitation.organizationId),
        eq(invitationAffiliations.invitationId, invitation.id),
      ),
    )
    .leftJoin(
      agencies,
      and(eq(agencies.orgId, invitation.organizationId), eq(agencies.id, invitationAffiliations.agencyId)),
    )
    .where(
      and(
        eq(invitation.organizationId, tenant.orgId),
        eq(invitation.status, "pending"),
        gt(invitation.expiresAt, new Date()),
        agencyId ? eq(invitationAffiliations.agencyId, agencyId) : undefined,
      ),
    )
    .orderBy(asc(invitation.email));
}

/** Members of one agency (an agency admin's team). */
export async function listAgencyMembers(db: Database, tenant: TenantContext, agencyId: string) {
  return db
    .select({
      memberId: member.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      role: member.role,
      suspendedAt: memberSuspensions.suspendedAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .innerJoin(
      userAffiliations,
      and(eq(userAffiliations.orgId, member.organizationId), eq(userAffiliations.userId, member.userId)),
    )
    .leftJoin(
      memberSuspensions,
      and(eq(memberSuspensions.orgId, member.organizationId), eq(memberSuspensions.userId, member.userId)),
    )
    .where(and(eq(member.organizationId, tenant.orgId), eq(userAffiliations.agencyId, agencyId)))
    .orderBy(asc(user.name));
}

export async function findMemberForAdmin(db: Database | Transaction, tenant: TenantContext, memberId: string) {
  const [row] = await db
    .select({
      memberId: member.id,
      userId: member.userId,
      role: member.role,
      agencyId: userAffiliations.agencyId,
      suspendedAt: memberSuspensions.suspendedAt,
      suspensionReason: memberSuspensions.reason,
    })
    .from(member)
    .leftJoin(
      userAffiliations,
      and(eq(userAffiliations.orgId, member.organizationId), eq(userAffiliations.userId, member.userId)),
    )
    .leftJoin(
      memberSuspensions,
      and(eq(memberSuspensions.orgId, member.organizationId), eq(memberSuspensions.userId, member.userId)),
    )
    .where(and(eq(member.organizationId, tenant.orgId), eq(member.id, memberId)))
    .limit(1);
  return row ?? null;
}

/**
 * Ends everything the member holds in this organization at once: their sessions in it (the next
 * request signs them out) and the API keys they issued in it.
 */
export async function endMemberAccess(tx: Transaction, tenant: TenantContext, userId: string) {
  await tx.delete(session).where(and(eq(session.userId, userId), eq(session.activeOrganizationId, tenant.orgId)));
  await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.orgId, tenant.orgId), eq(apiKeys.createdByUserId, userId), isNull(apiKeys.revokedAt)));
}

export async function insertSuspension(tx: Transaction, tenant: TenantContext, userId: string, reason: string) {
  await tx
    .insert(memberSuspensions)
    .values({
      id: createId("msp"),
      orgId: tenant.orgId,
      userId,
      reason,
      suspendedByUserId: tenant.userId,
      suspendedAt: new Date(),
    })
    .onDuplicateKeyUpdate({ set: { reason: sql`reason` } });
}

export async function deleteSuspension(tx: Transaction, tenant: TenantContext, userId: string) {
  await tx
    .delete(memberSuspensions)
    .where(and(eq(memberSuspensions.orgId, tenant.orgId), eq(memberSuspensions.userId, userId)));
}

/** Removes the membership and the affiliation; the user's account stays (other organizations). */
export async function deleteMembership(tx: Transaction, tenant: TenantContext, memberId: string, userId: string) {
  await tx.delete(member).where(and(eq(member.organizationId, tenant.orgId), eq(member.id, memberId)));
  await tx
    .delete(userAffiliations)
    .where(and(eq(userAffiliations.orgId, tenant.orgId), eq(userAffiliations.userId, userId)));
  await tx
    .delete(memberSuspensions)
    .where(and(eq(memberSuspensions.orgId, tenant.orgId), eq(memberSuspensions.userId, userId)));
}

/** The organizations a user belongs to (not suspended in), for switching between them. */
export async function listUserOrganizations(db: Database, userId: string) {
  return db
    .select({ orgId: member.organizationId, orgName: organization.name })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .leftJoin(
      memberSuspensions,
      and(eq(memberSuspensions.orgId, member.organizationId), eq(memberSuspensions.userId, member.userId)),
    )
    .where(and(eq(member.userId, userId), isNull(memberSuspensions.id)))
    .orderBy(asc(organization.name));
}

/** The parties an invitee may act for, for the invitation form's choices. */
export async function listAffiliationChoices(db: Database, tenant: TenantContext) {
  const [agencyRows, insuredRows, carrierRows] = await Promise.all([
    db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(eq(agencies.orgId, tenant.orgId))
      .orderBy(asc(agencies.name)),
    db
      .select({ id: insureds.id, name: insureds.name })
      .from(insureds)
      .where(eq(insureds.orgId, tenant.orgId))
      .orderBy(asc(insureds.name))
      .limit(1_000),
    db
      .select({ id: carriers.id, name: carriers.name })
      .from(carriers)
      .where(eq(carriers.orgId, tenant.orgId))
      .orderBy(asc(carriers.name)),
  ]);
  return { agencies: agencyRows, insureds: insuredRows, carriers: carrierRows };
}
