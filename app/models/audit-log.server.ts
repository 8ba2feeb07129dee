import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { auditLog } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/tenant.ts";
import { createId } from "../utils/ids.ts";
import type { ConfigurationAuditAction } from "./configuration-audit-actions.ts";

export type AuditEntry = {
  orgId: string;
  actorUserId: string | null;
  actorEmail: string | null;
  action:
    | "sign_in"
    | "impersonation_started"
    | "impersonation_stopped"
    | "role_changed"
    | "member_invited"
    | "api_key_issued"
    | "api_key_revoked"
    | "webhook_endpoint_created"
    | "webhook_endpoint_enabled"
    | "webhook_endpoint_disabled"
    | "webhook_delivery_replayed"
    | "dead_letter_replayed"
    | ConfigurationAuditAction;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  ipAddress?: string | null;
  /** The platform operator acting as the actor, when the action was taken while impersonating. */
  impersonatedBy?: { userId: string; email: string | null } | null;
};

/**
 * One audit row. Under impersonation the row names both people: the actor is the impersonated
 * user (whose rights were used) and `detail.impersonatedBy` the operator who acted.
 */
export async function recordAudit(db: Database, entry: AuditEntry) {
  const { impersonatedBy, detail, ...row } = entry;
  const withImpersonator = impersonatedBy ? { ...detail, impersonatedBy } : detail;
  await db.insert(auditLog).values({ id: createId("aud"), ...row, detail: withImpersonator });
}

export async function listAuditLog(db: Database, tenant: TenantContext, { limit = 100 }: { limit?: number } = {}) {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.orgId, tenant.orgId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
