import { describe, expect, test } from "vitest";
import {
  claims as seededClaims,
  insureds as seededInsureds,
  policies as seededPolicies,
} from "../../db/seed/demo-data.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { listAgencies } from "./agencies.server.ts";
import { listAuditLog } from "./audit-log.server.ts";
import { recordAudit } from "../services/access/audit.server.ts";
import { getClaim } from "./claims.server.ts";
import { listClaimBookPage, listClaimBookRows } from "./claim-book.server.ts";
import { claimBookTable } from "./table-specs.ts";
import { parseTableState } from "../utils/table-state.ts";
import { listDaAgreements } from "./da-agreements.server.ts";
import { getInvoice, listInvoices } from "./invoices.server.ts";
import { getMember, listMembers } from "./members.server.ts";
import { getPolicy, listPolicies } from "./policies.server.ts";
import { getSubmission, listSubmissions } from "./submissions.server.ts";

const db = guardedTestDatabase();
const everyClaim = parseTableState(new URLSearchParams("size=200"), claimBookTable);
const listClaims = (tenant: ReturnType<typeof tenantOf>) => listClaimBookRows(db, tenant, everyClaim, 0, 200);
const ORG_A_PREFIX = /_a_|summit|granite|harbor|bluemesa/;

/** `.every` holds for an empty list: the lists below must first show they have rows to judge. */
function expectEveryRow<T>(rows: T[], rule: (row: T) => boolean) {
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((row) => !rule(row))).toEqual([]);
}

// Every model function that takes an id, called with a session of org B: org A's id answers
// nothing (the route turns that into 404); org B's own id answers its row.
const lookups = [
  { name: "getSubmission", email: "underwriter@lakeshore.demo", fn: getSubmission, foreign: "sub_a_1", own: "sub_b_1" },
  { name: "getPolicy", email: "producer@lakeshore.demo", fn: getPolicy, foreign: "pol_a_1", own: "pol_b_1" },
  { name: "getClaim", email: "adjuster@lakeshore.demo", fn: getClaim, foreign: "clm_a_1", own: "clm_b_1" },
  { name: "getInvoice", email: "finance@lakeshore.demo", fn: getInvoice, foreign: "inv_a_1", own: "inv_b_1" },
  { name: "getMember", email: "admin@lakeshore.demo", fn: getMember, foreign: "mem_usr_a_uw", own: "mem_usr_b_uw" },
] as const;

describe("tenant isolation of model functions", () => {
  for (const l of lookups) {
    test(`${l.name} answers nothing for another organization's id`, async () => {
      const tenant = tenantOf(l.email);
      expect(await l.fn(db, tenant, l.foreign)).toBeNull();
      expect(await l.fn(db, tenant, l.own)).not.toBeNull();
    });
  }

  test("list functions of org B return no row of org A", async () => {
    const admin = tenantOf("admin@lakeshore.demo");
    const results = await Promise.all([
      listSubmissions(db, tenantOf("underwriter@lakeshore.demo")),
      listPolicies(db, tenantOf("underwriter@lakeshore.demo")),
      listClaims(tenantOf("adjuster@lakeshore.demo")),
      listInvoices(db, tenantOf("finance@lakeshore.demo")),
      listDaAgreements(db, admin),
      listAgencies(db, admin),
      listMembers(db, admin),
    ]);
    for (const rows of results) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(JSON.stringify(row)).not.toMatch(ORG_A_PREFIX);
    }
  });

  test("the audit log of one organization never shows another's entries", async () => {
    const a = tenantOf("admin@summit.demo");
    const b = tenantOf("admin@lakeshore.demo");
    await recordAudit(db, {
      orgId: a.orgId,
      actorUserId: a.userId,
      actorEmail: "admin@summit.demo",
      action: "role_changed",
      targetId: "isolation-probe",
    });
    expect((await listAuditLog(db, a)).some((e) => e.targetId === "isolation-probe")).toBe(true);
    expect((await listAuditLog(db, b)).some((e) => e.targetId === "isolation-probe")).toBe(false);
  });
});

describe("relationship rules inside one organization", () => {
  test("a producer sees only its own agency's policies and submissions", async () => {
    const producer = tenantOf("producer@summit.demo");
    expectEveryRow(await listPolicies(db, producer), (p) => p.agencyName === "Harbor Point Insurance Agency");
    expect(await getPolicy(db, producer, "pol_a_1")).not.toBeNull();
    expect(await getPolicy(db, producer, "pol_a_2")).toBeNull();
    expectEveryRow(await listSubmissions(db, producer), (s) => s.agencyName === "Harbor Point Insurance Agency");
  });

  test("an adjuster sees only assigned claims; a supervisor sees all", async () => {
    const summitClaims = seededClaims.filter((c) => c.orgId === "org_summit");
    const assigned = summitClaims.filter((c) => c.assignedAdjusterId === "usr_a_adjuster");
    expect(assigned.length).toBeGreaterThan(0);
    expect(assigned.length).toBeLessThan(summitClaims.length);
    const adjuster = await listClaims(tenantOf("adjuster@summit.demo"));
    expect(adjuster.map((c) => c.id).sort()).toEqual(assigned.map((c) => c.id).sort());
    const supervisor = await listClaims(tenantOf("claims.supervisor@summit.demo"));
    // The page counts without its joins when nothing is searched: the same total either way.
    const unsearched = await listClaimBookPage(db, tenantOf("adjuster@summit.demo"), everyClaim);
    const searched = await listClaimBookPage(db, tenantOf("adjuster@summit.demo"), { ...everyClaim, q: "CLM-" });
    expect(unsearched.total).toBe(assigned.length);
    expect(searched.total).toBe(assigned.length);
    expect(unsearched.rows.map((c) => c.id).sort()).toEqual(assigned.map((c) => c.id).sort());
    // Other files file claims in Summit while this runs: the supervisor sees every seeded one of
    // the organization and none of another's.
    const supervisorIds = supervisor.map((c) => c.id);
    expect(supervisorIds).toEqual(expect.arrayContaining(summitClaims.map((c) => c.id)));
    const otherOrgs = seededClaims.filter((c) => c.orgId !== "org_summit").map((c) => c.id);
    expect(otherOrgs.length).toBeGreaterThan(0);
    expect(supervisorIds.filter((id) => otherOrgs.includes(id))).toEqual([]);
  });

  test("a policyholder sees only its own policies and invoices", async () => {
    const holder = tenantOf("policyholder@summit.demo");
    const own = seededPolicies.filter((p) => p.insuredId === "ins_lonestar");
    const insuredName = seededInsureds.find((i) => i.id === "ins_lonestar")!.name;
    // Other tests bind more policies for the same insured: the holder sees those too, and nothing else.
    const visible = await listPolicies(db, holder, { limit: 1000 });
    expectEveryRow(visible, (p) => p.insuredName === insuredName);
    expect(visible.map((p) => p.policyNumber)).toEqual(expect.arrayContaining(own.map((p) => p.policyNumber)));
    expectEveryRow(await listInvoices(db, holder), (i) => own.some((p) => p.policyNumber === i.policyNumber));
  });

  test("a carrier user sees only policies and agreements on its own paper", async () => {
    const carrier = tenantOf("carrier@summit.demo");
    expectEveryRow(await listPolicies(db, carrier), (p) => p.carrierName === "Granite Mutual Insurance Company");
    expectEveryRow(await listDaAgreements(db, carrier), (a) => a.carrierName === "Granite Mutual Insurance Company");
  });

  test("a role with no claim of the book sees nothing", async () => {
    expect(await listClaims(tenantOf("finance@summit.demo"))).toEqual([]);
    expect(await listSubmissions(db, tenantOf("policyholder@summit.demo"))).toEqual([]);
  });
});
