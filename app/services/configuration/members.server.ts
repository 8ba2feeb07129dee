import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { ROLE_LABELS, type Role } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  type Affiliation,
  affiliationExists,
  deleteMembership,
  deleteSuspension,
  endMemberAccess,
  findMemberByEmail,
  findMemberForAdmin,
  insertInvitation,
  insertSuspension,
} from "../../models/member-admin.server.ts";
import { queueEmail } from "../events/email.server.ts";
import { affiliationProblem } from "./affiliation.ts";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteOutcome = { ok: true; invitationId: string } | { ok: false; field: string | null; message: string };

/**
 * Invites someone with their roles and whom they act for, and queues the email, in one
 * transaction. Written here rather than through better-auth's invite endpoint so an agency
 * admin can invite producers of their own agency without being granted better-auth's
 * organization-wide invitation right; better-auth still accepts the invitation.
 */
export async function inviteMember(
  db: Database,
  inviter: { tenant: TenantContext; name: string; appUrl: string },
  input: { email: string; roles: Role[]; affiliation: Affiliation },
): Promise<InviteOutcome> {
  const email = input.email.trim().toLowerCase();
  const problem = affiliationProblem(input.roles, input.affiliation);
  if (problem) return { ok: false, ...problem };
  const { tenant } = inviter;
  return transactionWithRetry(db, async (tx) => {
    if (!(await affiliationExists(tx, tenant, input.affiliation)))
      return { ok: false, field: null, message: "Choose an agency, insured or carrier of this organization" };
    if (await findMemberByEmail(tx, tenant, email))
      return { ok: false, field: "email", message: `${email} is already a member` };
    const invitationId = await insertInvitation(tx, tenant, {
      email,
      role: input.roles.join(","),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      affiliation: input.affiliation,
    });
    const roles = input.roles.map((r) => ROLE_LABELS[r]).join(", ");
    await queueEmail(tx, {
      to: email,
      subject: `You are invited to ${tenant.orgName} on OpenInsure`,
      text: `${inviter.name} invited you to join ${tenant.orgName} as ${roles}.\n\nAccept within 7 days:\n\n${inviter.appUrl}/invitations/${invitationId}`,
    });
    return { ok: true, invitationId };
  });
}

export type MemberOutcome = { ok: true; userId: string } | { ok: false; message: string };

/**
 * Suspends, reinstates or removes a member. Suspending and removing end their sessions in the
 * organization and revoke the API keys they issued, in the same transaction; `withinAgency`
 * limits an agency admin to the members of their own agency.
 */
export async function changeMembership(
  db: Database,
  tenant: TenantContext,
  memberId: string,
  change: { kind: "suspend"; reason: string } | { kind: "reinstate" } | { kind: "remove" },
  { withinAgency }: { withinAgency: string | null } = { withinAgency: null },
): Promise<MemberOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const target = await findMemberForAdmin(tx, tenant, memberId);
    if (!target || (withinAgency !== null && target.agencyId !== withinAgency))
      return { ok: false, message: "Member not found" };
    if (target.userId === tenant.userId) return { ok: false, message: "You cannot suspend or remove yourself" };
    if (change.kind === "suspend") {
      await insertSuspension(tx, tenant, target.userId, change.reason);
      await endMemberAccess(tx, tenant, target.userId);
    } else if (change.kind === "reinstate") {
      await deleteSuspension(tx, tenant, target.userId);
    } else {
      await endMemberAccess(tx, tenant, target.userId);
      await deleteMembership(tx, tenant, memberId, target.userId);
    }
    return { ok: true, userId: target.userId };
  });
}
