import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { authorityProfiles, userAuthority } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";

/** The user's own underwriting authority profile (name and grants), if they have one. */
export async function findOwnAuthorityProfile(db: Database | Transaction, tenant: TenantContext) {
  const [profile] = await db
    .select({ name: authorityProfiles.name, grants: authorityProfiles.grants })
    .from(userAuthority)
    .innerJoin(
      authorityProfiles,
      and(eq(authorityProfiles.orgId, userAuthority.orgId), eq(authorityProfiles.id, userAuthority.profileId)),
    )
    .where(and(eq(userAuthority.orgId, tenant.orgId), eq(userAuthority.userId, tenant.userId)))
    .limit(1);
  return profile ?? null;
}
