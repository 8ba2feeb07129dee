import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  assignAuthorityProfile,
  type AuthorityGrant,
  type AuthorityTier,
  saveAuthorityProfile,
} from "../../models/authority.server.ts";

/** Creates or edits an underwriting authority profile; null when the profile is not the organization's. */
export function saveProfile(
  db: Database,
  tenant: TenantContext,
  profileId: string | null,
  profile: { name: string; tier: AuthorityTier; grants: AuthorityGrant[] },
): Promise<string | null> {
  return transactionWithRetry(db, (tx) => saveAuthorityProfile(tx, tenant, profileId, profile));
}

export function assignProfile(
  db: Database,
  tenant: TenantContext,
  userId: string,
  profileId: string | null,
): Promise<boolean> {
  return transactionWithRetry(db, (tx) => assignAuthorityProfile(tx, tenant, userId, profileId));
}
