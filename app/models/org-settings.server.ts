import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { orgSettings } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

export async function findOrgSettings(db: Database, tenant: TenantContext) {
  const [row] = await db.select().from(orgSettings).where(eq(orgSettings.orgId, tenant.orgId)).limit(1);
  return row ?? null;
}

export async function saveOrgSettings(
  db: Database,
  tenant: TenantContext,
  settings: { timeZone: string; documentName: string | null },
) {
  await db
    .insert(orgSettings)
    .values({ id: createId("ost"), orgId: tenant.orgId, ...settings })
    .onDuplicateKeyUpdate({ set: settings });
}

/** The name documents print for the organization: its document name when set. */
export async function findDocumentName(db: Database, orgId: string): Promise<string | null> {
  const [row] = await db
    .select({ documentName: orgSettings.documentName })
    .from(orgSettings)
    .where(and(eq(orgSettings.orgId, orgId)))
    .limit(1);
  return row?.documentName ?? null;
}
