import { createDatabase } from "../client.ts";
import { ORG_A, ORG_B, users } from "../seed/demo-data.ts";
import { parseRoles } from "../../app/auth/permissions.ts";
import type { TenantContext } from "../../app/auth/session.server.ts";

/** The tenant context a demo user's session would produce. */
export function tenantOf(email: string): TenantContext {
  const user = users.find((u) => u.email === email);
  if (!user?.orgId) throw new Error(`${email} is not a demo member of an organization`);
  return {
    orgId: user.orgId,
    orgName: user.orgId === ORG_A.id ? ORG_A.name : ORG_B.name,
    userId: user.id,
    roles: parseRoles(user.roles.join(",")),
    agencyId: user.affiliation?.agencyId ?? null,
    insuredId: user.affiliation?.insuredId ?? null,
    carrierId: user.affiliation?.carrierId ?? null,
  };
}

/** The database as the app sees it in development: every tenant query must be scoped. */
export function guardedTestDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: vitest's global setup starts the test database");
  return createDatabase(url, { tenantGuard: true });
}
