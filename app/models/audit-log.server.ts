import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { auditLog } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/tenant.ts";
import { createId } from "../utils/ids.ts";

export type AuditEntry = {
  orgId: string;
  actorUserId: string | null;
  actorEmail: string | null;
  action: "sign_in" | "impersonation_started" | "role_changed" | "member_invited" | "webhook_endpoint_created";
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  ipAddress?: string | null;
};

export async function recordAudit(db: Database, entry: AuditEntry) {
  await db.insert(auditLog).values({ id: createId("aud"), ...entry });
}

export async function listAuditLog(db: Database, tenant: TenantContext, { limit = 100 }: { limit?: number } = {}) {
  return db.select().from(auditLog).where(eq(auditLog.orgId, tenant.orgId)).orderBy(desc(auditLog.createdAt)).limit(limit);
}
