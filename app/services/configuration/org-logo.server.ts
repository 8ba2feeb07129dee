/**
 * The organization's logo for its documents (issue 16): a PNG or JPEG, its type read from its
 * own bytes, at most LOGO_MAX_BYTES, and readable by the PDF library (checked by embedding it),
 * stored in R2 under the organization's prefix.
 */
import { PDFDocument } from "pdf-lib";
import type { Database } from "../../../db/client.ts";
import type { CurrentUser, TenantContext } from "../../auth/session.server.ts";
import { saveOrgLogo } from "../../models/org-settings.server.ts";
import { createId } from "../../utils/ids.ts";
import { DEFAULT_TIME_ZONE } from "../../utils/today.ts";
import { auditAdminAction } from "../access/audit.server.ts";
import { embedLogo, LOGO_MAX_BYTES, sniffLogoType } from "../documents/letterhead.ts";

export type LogoOutcome = { ok: true } | { ok: false; message: string };

/** Why these bytes cannot be the logo, or null when they can. */
export async function logoProblem(bytes: Uint8Array): Promise<string | null> {
  if (bytes.length === 0) return "Choose a PNG or JPEG file";
  if (bytes.length > LOGO_MAX_BYTES) return `The logo is larger than ${LOGO_MAX_BYTES / 1024} KB`;
  const contentType = sniffLogoType(bytes);
  if (!contentType) return "The logo must be a PNG or JPEG image (this file is neither)";
  try {
    await embedLogo(await PDFDocument.create(), { bytes, contentType });
  } catch {
    return `The file starts like a ${contentType === "image/png" ? "PNG" : "JPEG"} but cannot be read as one`;
  }
  return null;
}

export async function uploadOrgLogo(
  db: Database,
  bucket: R2Bucket,
  user: CurrentUser & { tenant: TenantContext },
  request: Request,
  bytes: Uint8Array,
): Promise<LogoOutcome> {
  const problem = await logoProblem(bytes);
  if (problem) return { ok: false, message: problem };
  const contentType = sniffLogoType(bytes)!;
  const key = `orgs/${user.tenant.orgId}/logo/${createId("logo")}`;
  await bucket.put(key, bytes, { httpMetadata: { contentType } });
  const previous = await saveOrgLogo(db, user.tenant, { key, contentType }, DEFAULT_TIME_ZONE);
  await auditAdminAction(db, user, request, {
    action: "org_logo_changed",
    targetType: "organization",
    targetId: user.tenant.orgId,
    detail: { contentType, bytes: bytes.length },
  });
  // Documents already issued embed their own copy, so the old image is referenced by nothing.
  if (previous && previous !== key) await bucket.delete(previous);
  return { ok: true };
}

export async function removeOrgLogo(
  db: Database,
  bucket: R2Bucket,
  user: CurrentUser & { tenant: TenantContext },
  request: Request,
): Promise<void> {
  const previous = await saveOrgLogo(db, user.tenant, null, DEFAULT_TIME_ZONE);
  await auditAdminAction(db, user, request, {
    action: "org_logo_changed",
    targetType: "organization",
    targetId: user.tenant.orgId,
    detail: { removed: true },
  });
  if (previous) await bucket.delete(previous);
}
