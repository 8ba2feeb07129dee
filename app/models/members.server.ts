import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { member, user } from "../../db/schema/index.ts";
import { parseRoles } from "../auth/permissions.ts";
import type { TenantContext } from "../auth/session.server.ts";

// `member` belongs to better-auth and has no org_id column; every query here still filters
// by the tenant's organization.

export async function listMembers(db: Database, tenant: TenantContext) {
  const rows = await db
    .select({
      memberId: member.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      role: member.role,
      twoFactorEnabled: user.twoFactorEnabled,
      joinedAt: member.createdAt,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, tenant.orgId))
    .orderBy(asc(user.name));
  return rows.map((r) => ({ ...r, roles: parseRoles(r.role) }));
}

export async function getMember(db: Database, tenant: TenantContext, memberId: string) {
  const [row] = await db
    .select({ memberId: member.id, userId: user.id, name: user.name, email: user.email, role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, tenant.orgId), eq(member.id, memberId)))
    .limit(1);
  return row ? { ...row, roles: parseRoles(row.role) } : null;
}

/**
 * A user by id across organizations, for platform-level checks only (the operator behind an
 * impersonation, whether an impersonation target is an operator): never for tenant data.
 */
export async function findPlatformUser(db: Database | Transaction, userId: string) {
  const [row] = await db.select({ email: user.email, role: user.role }).from(user).where(eq(user.id, userId)).limit(1);
  return row ? { email: row.email, isPlatformOperator: row.role === "admin" } : null;
}
