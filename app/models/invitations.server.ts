import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { invitation, organization, user } from "../../db/schema/index.ts";
import { parseRoles } from "../auth/permissions.ts";

// Looked up by its unguessable id before anyone is signed in: the invitation itself is the
// credential, so there is no tenant to scope by yet.
export async function getPendingInvitation(db: Database, invitationId: string) {
  const [row] = await db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      organizationName: organization.name,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .where(and(eq(invitation.id, invitationId), eq(invitation.status, "pending"), gt(invitation.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, row.email)).limit(1);
  return { ...row, roles: parseRoles(row.role), hasAccount: Boolean(existing) };
}
