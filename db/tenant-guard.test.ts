import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { policies, user } from "./schema/index.ts";
import { tenantTableNames } from "./schema/index.ts";
import { checkTenantScoped, TenantGuardError } from "./tenant-guard.ts";
import { guardedTestDatabase } from "./test/tenants.ts";

const tenantTables = tenantTableNames();

describe("checkTenantScoped", () => {
  test("knows the tenant tables from the schema", () => {
    expect(tenantTables).toContain("policies");
    expect(tenantTables).toContain("audit_log");
    expect(tenantTables).not.toContain("user");
  });

  test.each([
    "select `policies`.`id` from `policies`",
    "select `policies`.`id` from `policies` where `policies`.`id` = ?",
    "update `policies` set `status` = ? where `policies`.`id` = ?",
    "delete from `claims` where `claims`.`id` = ?",
    "select `claims`.`id` from `claims` inner join `policies` on `policies`.`id` = `claims`.`policy_id` where `claims`.`org_id` = ?",
  ])("refuses an unscoped statement: %s", (statement) => {
    expect(() => checkTenantScoped(statement, tenantTables)).toThrow(TenantGuardError);
  });

  test.each([
    "select `policies`.`id` from `policies` where `policies`.`org_id` = ?",
    "update `policies` set `status` = ? where (`policies`.`org_id` = ? and `policies`.`id` = ?)",
    "select `claims`.`id` from `claims` inner join `policies` on (`policies`.`org_id` = `claims`.`org_id` and `policies`.`id` = `claims`.`policy_id`) where `claims`.`org_id` = ?",
    "insert into `policies` (`id`, `org_id`) values (?, ?)",
    "select `user`.`id` from `user` where `user`.`email` = ?",
  ])("lets a scoped statement through: %s", (statement) => {
    expect(() => checkTenantScoped(statement, tenantTables)).not.toThrow();
  });
});

describe("the guarded database", () => {
  const db = guardedTestDatabase();

  test("fails a query on a tenant table that forgets org_id", async () => {
    await expect(db.select().from(policies).where(eq(policies.id, "pol_a_1"))).rejects.toMatchObject({
      cause: expect.any(TenantGuardError),
    });
  });

  test("runs the same query scoped by org_id", async () => {
    const rows = await db
      .select({ id: policies.id })
      .from(policies)
      .where(sql`${policies.orgId} = ${"org_summit"} and ${policies.id} = ${"pol_a_1"}`);
    expect(rows).toEqual([{ id: "pol_a_1" }]);
  });

  test("leaves non-tenant tables alone", async () => {
    const rows = await db.select({ id: user.id }).from(user).where(eq(user.email, "admin@summit.demo"));
    expect(rows).toEqual([{ id: "usr_a_admin" }]);
  });
});
