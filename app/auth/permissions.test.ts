import { describe, expect, test } from "vitest";
import { areasFor } from "./areas.ts";
import { hasPermission, parseRoles, permissionsOf, ROLES, ROLE_PERMISSIONS } from "./permissions.ts";

describe("roles and permissions", () => {
  test("better-auth's comma-separated member role parses into known roles only", () => {
    expect(parseRoles("underwriter, finance_analyst,made_up")).toEqual(["underwriter", "finance_analyst"]);
    expect(parseRoles(null)).toEqual([]);
  });

  test("every role reaches exactly one home area except multi-area combinations", () => {
    for (const role of ROLES) expect(areasFor([role]).length).toBe(1);
    expect(areasFor(["underwriter", "finance_analyst"]).map((a) => a.id)).toEqual(["uw", "finance"]);
  });

  test("the platform operator reaches admin without an organization role", () => {
    expect(areasFor([], true).map((a) => a.id)).toEqual(["admin"]);
    expect(areasFor([], false)).toEqual([]);
  });

  test("binding is for underwriters and producers; deciding referrals only for senior underwriters", () => {
    expect(hasPermission(["producer"], "bind:submission")).toBe(true);
    expect(hasPermission(["underwriter"], "decide:referral")).toBe(false);
    expect(hasPermission(["senior_underwriter"], "decide:referral")).toBe(true);
    expect(hasPermission(["policyholder", "carrier_user"], "bind:submission")).toBe(false);
  });

  test("the ledger is read and settled by finance; policyholders may pay, not record payments", () => {
    expect(hasPermission(["finance_analyst"], "read:ledger")).toBe(true);
    expect(hasPermission(["finance_analyst"], "settle:carrier")).toBe(true);
    expect(hasPermission(["policyholder"], "pay:invoice")).toBe(true);
    expect(hasPermission(["policyholder"], "record:payment")).toBe(false);
    expect(hasPermission(["producer", "underwriter", "carrier_user"], "read:ledger")).toBe(false);
  });

  test("permissions of several roles are the union", () => {
    const both = permissionsOf(["claims_adjuster", "finance_analyst"]);
    for (const p of [...ROLE_PERMISSIONS.claims_adjuster, ...ROLE_PERMISSIONS.finance_analyst])
      expect(both.has(p)).toBe(true);
    expect(both.has("access:uw")).toBe(false);
  });

  test("underwriters run deal rooms; producers only enter the ones they are placed in", () => {
    expect(hasPermission(["underwriter"], "manage:deal-room")).toBe(true);
    expect(hasPermission(["producer"], "read:deal-room")).toBe(true);
    expect(hasPermission(["producer", "agency_admin"], "manage:deal-room")).toBe(false);
    expect(hasPermission(["claims_adjuster", "policyholder", "carrier_user"], "read:deal-room")).toBe(false);
  });
});
