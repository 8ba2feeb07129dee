import { and, asc, count, eq, like, type AnyColumn, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { authorityProfiles, userAuthority } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { AuthorityProfileSort, AuthorityProfileState } from "./table-specs.ts";

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

export type AuthorityGrant = { lineOfBusiness: "GL" | "WC"; maxPremiumCents: number; maxLimitCents: number };
export type AuthorityTier = "underwriter" | "senior_underwriter" | "chief_underwriter";

export async function listAuthorityProfiles(db: Database, tenant: TenantContext) {
  return db
    .select()
    .from(authorityProfiles)
    .where(eq(authorityProfiles.orgId, tenant.orgId))
    .orderBy(asc(authorityProfiles.tier), asc(authorityProfiles.name));
}

const PROFILE_SORT_COLUMNS = {
  name: authorityProfiles.name,
  tier: authorityProfiles.tier,
} satisfies Record<AuthorityProfileSort, AnyColumn>;

function profileWhere(tenant: TenantContext, state: AuthorityProfileState): SQL | undefined {
  const tier = state.filters.tier as AuthorityTier | undefined;
  return and(
    eq(authorityProfiles.orgId, tenant.orgId),
    tier ? eq(authorityProfiles.tier, tier) : undefined,
    state.q ? like(authorityProfiles.name, likePattern(state.q)) : undefined,
  );
}

/** A window of the filtered profiles in the table's order, for the export's batches. */
export function listAuthorityProfileRows(
  db: Database,
  tenant: TenantContext,
  state: AuthorityProfileState,
  offset: number,
  limit: number,
) {
  return db
    .select()
    .from(authorityProfiles)
    .where(profileWhere(tenant, state))
    .orderBy(...orderBy(PROFILE_SORT_COLUMNS[state.sort], state.dir, authorityProfiles.id))
    .limit(limit)
    .offset(offset);
}

/** One page of the filtered profiles and the size of the whole filtered set, in one statement. */
export async function listAuthorityProfilePage(db: Database, tenant: TenantContext, state: AuthorityProfileState) {
  const offset = pageOffset(state);
  const rows = await db
    .select({
      id: authorityProfiles.id,
      orgId: authorityProfiles.orgId,
      name: authorityProfiles.name,
      tier: authorityProfiles.tier,
      grants: authorityProfiles.grants,
      total: totalOverAll(),
    })
    .from(authorityProfiles)
    .where(profileWhere(tenant, state))
    .orderBy(...orderBy(PROFILE_SORT_COLUMNS[state.sort], state.dir, authorityProfiles.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db.select({ n: count() }).from(authorityProfiles).where(profileWhere(tenant, state));
    return Number(row?.n ?? 0);
  });
}

export async function saveAuthorityProfile(
  tx: Transaction,
  tenant: TenantContext,
  profileId: string | null,
  profile: { name: string; tier: AuthorityTier; grants: AuthorityGrant[] },
): Promise<string | null> {
  if (profileId === null) {
    const id = createId("aup");
    await tx.insert(authorityProfiles).values({ id, orgId: tenant.orgId, ...profile });
    return id;
  }
  const [existing] = await tx
    .select({ id: authorityProfiles.id })
    .from(authorityProfiles)
    .where(and(eq(authorityProfiles.orgId, tenant.orgId), eq(authorityProfiles.id, profileId)))
    .for("update");
  if (!existing) return null;
  await tx
    .update(authorityProfiles)
    .set(profile)
    .where(and(eq(authorityProfiles.orgId, tenant.orgId), eq(authorityProfiles.id, profileId)));
  return profileId;
}

export async function findUserAuthorityProfileId(db: Database, tenant: TenantContext, userId: string) {
  const [row] = await db
    .select({ profileId: userAuthority.profileId })
    .from(userAuthority)
    .where(and(eq(userAuthority.orgId, tenant.orgId), eq(userAuthority.userId, userId)))
    .limit(1);
  return row?.profileId ?? null;
}

/** Assigns a profile to a user (one per user in an organization), or takes it away with null. */
export async function assignAuthorityProfile(
  tx: Transaction,
  tenant: TenantContext,
  userId: string,
  profileId: string | null,
): Promise<boolean> {
  if (profileId === null) {
    await tx.delete(userAuthority).where(and(eq(userAuthority.orgId, tenant.orgId), eq(userAuthority.userId, userId)));
    return true;
  }
  const [profile] = await tx
    .select({ id: authorityProfiles.id })
    .from(authorityProfiles)
    .where(and(eq(authorityProfiles.orgId, tenant.orgId), eq(authorityProfiles.id, profileId)));
  if (!profile) return false;
  await tx
    .insert(userAuthority)
    .values({ id: createId("uau"), orgId: tenant.orgId, userId, profileId })
    .onDuplicateKeyUpdate({ set: { profileId } });
  return true;
}
