import { and, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { auditLog } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { createId } from "../../utils/ids.ts";
import { auditAdminAction } from "./audit.server.ts";

const db = guardedTestDatabase();
const tenant = tenantOf("admin@summit.demo");
const admin = {
  id: "usr_a_admin",
  name: "Alicia Admin",
  email: "admin@summit.demo",
  isPlatformOperator: false,
  twoFactorEnabled: true,
  tenant,
};

async function rowFor(targetId: string) {
  const [row] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, tenant.orgId), eq(auditLog.targetId, targetId)));
  return row;
}

test("an action taken while impersonating names both the user and the operator behind them", async () => {
  const targetId = createId("key");
  await auditAdminAction(
    db,
    { ...admin, impersonatedBy: "usr_operator" },
    new Request("http://localhost/admin/api-keys"),
    { action: "api_key_revoked", targetType: "api_key", targetId },
  );
  const row = await rowFor(targetId);
  expect(row).toMatchObject({ actorUserId: "usr_a_admin", actorEmail: "admin@summit.demo", action: "api_key_revoked" });
  expect(row?.detail).toEqual({ impersonatedBy: { userId: "usr_operator", email: "operator@openinsure.demo" } });
});

test("an action of the user themself carries no impersonator", async () => {
  const targetId = createId("key");
  await auditAdminAction(db, { ...admin, impersonatedBy: null }, new Request("http://localhost/admin/api-keys"), {
    action: "api_key_issued",
    targetType: "api_key",
    targetId,
    detail: { name: "k" },
  });
  expect((await rowFor(targetId))?.detail).toEqual({ name: "k" });
});
