import { and, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { auditLog } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createId } from "../../utils/ids.ts";
import { recordAudit, sealAuditChain, verifyAuditChain } from "./audit.server.ts";

const db = guardedTestDatabase();

const entry = (orgId: string, n: number) => ({
  orgId,
  actorUserId: "usr_a_admin",
  actorEmail: "admin@summit.demo",
  action: "role_changed" as const,
  targetType: "member",
  targetId: `mem_${n}`,
  detail: { before: { role: "producer" }, after: { role: "underwriter" }, n },
});

test("twenty concurrent appends make one unbroken chain numbered 1 to 20", async () => {
  const orgId = createId("org");
  await Promise.all(Array.from({ length: 20 }, (_, n) => recordAudit(db, entry(orgId, n))));
  const rows = await db.select().from(auditLog).where(eq(auditLog.orgId, orgId));
  expect(rows.map((r) => r.chainSequence).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(new Set(rows.map((r) => r.previousHash)).size).toBe(20);
  expect(await verifyAuditChain(db, orgId)).toEqual({ intact: true, rows: 20 });
});

test("a row written inside a transaction is chained by the seal after commit, and not before", async () => {
  const orgId = createId("org");
  await recordAudit(db, entry(orgId, 1));
  await db.transaction(async (tx) => recordAudit(tx, entry(orgId, 2)));
  const pending = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.targetId, "mem_2")));
  expect(pending[0]?.chainSequence).toBeNull();
  expect(await sealAuditChain(db, orgId)).toBe(1);
  expect(await sealAuditChain(db, orgId)).toBe(0);
  expect(await verifyAuditChain(db, orgId)).toEqual({ intact: true, rows: 2 });
});

test("editing a row's detail is found, and the report names that row", async () => {
  const orgId = createId("org");
  for (let n = 1; n <= 4; n++) await recordAudit(db, entry(orgId, n));
  const [third] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.chainSequence, 3)));
  await db
    .update(auditLog)
    .set({ detail: { ...third!.detail, after: { role: "org_admin" } } })
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.id, third!.id)));
  expect(await verifyAuditChain(db, orgId)).toEqual({
    intact: false,
    rows: 2,
    brokenRow: { id: third!.id, chainSequence: 3, action: "role_changed" },
    reason: "its content no longer matches its hash",
  });
});

test("deleting a row is found at the row after it", async () => {
  const orgId = createId("org");
  for (let n = 1; n <= 3; n++) await recordAudit(db, entry(orgId, n));
  await db.delete(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.chainSequence, 2)));
  const report = await verifyAuditChain(db, orgId);
  expect(report).toMatchObject({ intact: false, rows: 1, brokenRow: { chainSequence: 3 } });
});
