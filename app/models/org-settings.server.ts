import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { orgSettings, organization } from "../../db/schema/index.ts";
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

/** What documents print at their head: the document name (else the organization's) and the logo's key. */
export async function findDocumentIdentity(db: Database, orgId: string) {
  const [row] = await db
    .select({
      name: sql<string>`coalesce(${orgSettings.documentName}, ${organization.name})`,
      logoKey: orgSettings.logoKey,
      logoContentType: orgSettings.logoContentType,
    })
    .from(organization)
    .leftJoin(orgSettings, eq(orgSettings.orgId, organization.id))
    .where(eq(organization.id, orgId))
    .limit(1);
  return row ?? null;
}

/**
 * Sets (or with null clears) the organization's logo; returns the key it replaced. An
 * organization without settings yet gets them with the default time zone.
 */
export async function saveOrgLogo(
  db: Database,
  tenant: TenantContext,
  logo: { key: string; contentType: string } | null,
  defaultTimeZone: string,
): Promise<string | null> {
  const previous = await findOrgSettings(db, tenant);
  const set = { logoKey: logo?.key ?? null, logoContentType: logo?.contentType ?? null };
  await db
    .insert(orgSettings)
    .values({ id: createId("ost"), orgId: tenant.orgId, timeZone: defaultTimeZone, ...set })
    .onDuplicateKeyUpdate({ set });
  return previous?.logoKey ?? null;
}
