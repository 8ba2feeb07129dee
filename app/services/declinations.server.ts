import type { Database } from "../../db/client.ts";
import { submissionDeclinations } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

/** Records the admitted carriers that declined the risk (the surplus lines diligent search). */
export async function recordDeclinations(db: Database, tenant: TenantContext, submissionId: string, carrierNames: string[], declinedOn: string) {
  const names = [...new Set(carrierNames.map((n) => n.trim()).filter(Boolean))];
  if (names.length === 0) return;
  await db.insert(submissionDeclinations).values(
    names.map((carrierName) => ({ id: createId("dcl"), orgId: tenant.orgId, submissionId, carrierName, declinedOn, reason: "Declined by admitted market" })),
  );
}
