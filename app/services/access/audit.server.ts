import type { Database } from "../../../db/client.ts";
import type { CurrentUser, TenantContext } from "../../auth/tenant.ts";
import { findPlatformUser } from "../../models/members.server.ts";
import { type AuditEntry, recordAudit } from "../../models/audit-log.server.ts";
import { clientAddress } from "../../utils/http.server.ts";

/**
 * Audits an administrative action taken by the signed-in user: the actor, the operator behind
 * them when impersonating, and the client address come from the session and the request.
 */
export async function auditAdminAction(
  db: Database,
  user: CurrentUser & { tenant: TenantContext },
  request: Request,
  entry: Pick<AuditEntry, "action" | "targetType" | "targetId" | "detail">,
) {
  const impersonatedBy = user.impersonatedBy
    ? { userId: user.impersonatedBy, email: (await findPlatformUser(db, user.impersonatedBy))?.email ?? null }
    : null;
  await recordAudit(db, {
    orgId: user.tenant.orgId,
    actorUserId: user.id,
    actorEmail: user.email,
    impersonatedBy,
    ipAddress: clientAddress(request),
    ...entry,
  });
}
