import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agencies } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";

export async function listAgencies(db: Database, tenant: TenantContext) {
  return db
    .select({
      id: agencies.id,
      name: agencies.name,
      licensedStates: agencies.licensedStates,
      licenseNumber: agencies.licenseNumber,
      licenseExpiresOn: agencies.licenseExpiresOn,
      commissionRate: agencies.commissionRate,
    })
    .from(agencies)
    .where(eq(agencies.orgId, tenant.orgId))
    .orderBy(asc(agencies.licenseExpiresOn));
}
