// The compliance lists moved onto the data table (audit log, PHI access log, a bordereau's
// lines): sort, filter, search and pages done by the database, the export reading the same set
// in windows, and never another organization's rows.
import { describe, expect, test } from "vitest";
import { bordereauClaimLines, bordereauPremiumLines } from "../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { createMoneyBook } from "../../tests/support/money.ts";
import { logPhiAccess } from "../services/claims/phi-store.server.ts";
import { createId } from "../utils/ids.ts";
import { parseTableState, type TableSpec } from "../utils/table-state.ts";
import { insertAuditRow, listAuditLogPage, listAuditLogRows } from "./audit-log.server.ts";
import {
  listClaimLinePage,
  listClaimLineRows,
  listPremiumLinePage,
  listPremiumLineRows,
} from "./bordereau-lines.server.ts";
import { listPhiAccessPage, listPhiAccessRows } from "./phi-access-log.server.ts";
import { auditLogTable, claimLineTable, phiAccessTable, premiumLineTable } from "./table-specs.ts";

const db = guardedTestDatabase();
const state = <Sort extends string, Filter extends string>(spec: TableSpec<Sort, Filter>, query: string) =>
  parseTableState(new URLSearchParams(query), spec);

describe("audit log table", () => {
  test("filters, search, sort, pages and the export's windows, within the organization", async () => {
    const admin = tenantOf("admin@summit.demo");
    const other = tenantOf("admin@lakeshore.demo");
    const probe = `probe${Date.now().toString(36)}`;
    const rows = [
      ["policy_bound", "zed", "2026-11-01T10:00:00Z"],
      ["payment_recorded", "amy", "2026-11-02T10:00:00Z"],
      ["quote_issued", "bob", "2026-11-03T10:00:00Z"],
    ] as const;
    for (const [action, who, at] of rows)
      await insertAuditRow(db, {
        id: createId("aud"),
        orgId: admin.orgId,
        actorUserId: null,
        actorEmail: `${who}.${probe}@summit.demo`,
        action,
        targetType: probe,
        targetId: `${probe}-${action}`,
        createdAt: new Date(at),
      });
    const filter = { entity: probe };
    const actions = async (query: string) =>
      (await listAuditLogPage(db, admin, state(auditLogTable, query), filter)).rows.map((r) => r.action);

    // Newest first by default; any column either way.
    expect(await actions("")).toEqual(["quote_issued", "payment_recorded", "policy_bound"]);
    expect(await actions("sort=action&dir=asc")).toEqual(["payment_recorded", "policy_bound", "quote_issued"]);
    expect(await actions("sort=actor&dir=desc")).toEqual(["policy_bound", "quote_issued", "payment_recorded"]);
    // The search box reads an action as written on the page, or an actor's email.
    expect(await actions("q=payment recorded")).toEqual(["payment_recorded"]);
    expect(await actions(`q=bob.${probe}`)).toEqual(["quote_issued"]);
    // The page's own date filter still narrows the set.
    const since = await listAuditLogPage(db, admin, state(auditLogTable, ""), {
      ...filter,
      from: new Date("2026-11-02T00:00:00Z"),
    });
    expect(since.total).toBe(2);
    // A page past the end keeps the total.
    expect(await listAuditLogPage(db, admin, state(auditLogTable, "size=10&page=2"), filter)).toEqual({
      rows: [],
      total: 3,
    });
    // The export reads the same order in windows.
    const sorted = state(auditLogTable, "sort=action&dir=desc");
    const windows = [
      ...(await listAuditLogRows(db, admin, sorted, filter, 0, 2)),
      ...(await listAuditLogRows(db, admin, sorted, filter, 2, 100)),
    ];
    expect(windows.map((r) => r.action)).toEqual(["quote_issued", "policy_bound", "payment_recorded"]);
    expect((await listAuditLogPage(db, other, state(auditLogTable, ""), filter)).total).toBe(0);
  });
});

describe("PHI access log table", () => {
  test("field names only; filter by action, search by claim, sort, pages and export windows", async () => {
    const book = await createMoneyBook(db);
    const access = (action: "read" | "write", claimId: string) => ({
      actorUserId: null,
      actorApiKeyId: "key_lists",
      action,
      claimId,
      fields: ["diagnosisCodes" as const],
      surface: "claim-page",
      ipAddress: "203.0.113.9",
    });
    await logPhiAccess(db, book.orgId, [access("read", "clm_b"), access("write", "clm_a"), access("read", "clm_c")]);
    const page = (query: string) => listPhiAccessPage(db, book.orgId, state(phiAccessTable, query));
    const claims = async (query: string) => (await page(query)).rows.map((r) => r.claimId);

    const all = await page("");
    expect(all.total).toBe(3);
    expect(Object.keys(all.rows[0]!).sort()).toEqual(
      [
        "action",
        "actorApiKeyId",
        "actorName",
        "claimId",
        "fields",
        "id",
        "ipAddress",
        "occurredAt",
        "sequence",
        "surface",
      ].sort(),
    );
    expect(all.rows.map((r) => r.sequence)).toEqual([3, 2, 1]);
    expect(await claims("action=read")).toEqual(["clm_c", "clm_b"]);
    expect(await claims("sort=claim&dir=asc")).toEqual(["clm_a", "clm_b", "clm_c"]);
    expect(await claims("q=clm_b")).toEqual(["clm_b"]);
    expect(await page("size=10&page=3")).toEqual({ rows: [], total: 3 });
    const sorted = state(phiAccessTable, "sort=claim&dir=desc");
    const windows = [
      ...(await listPhiAccessRows(db, book.orgId, sorted, 0, 1)),
      ...(await listPhiAccessRows(db, book.orgId, sorted, 1, 10)),
    ];
    expect(windows.map((r) => r.claimId)).toEqual(["clm_c", "clm_b", "clm_a"]);
    const elsewhere = await createMoneyBook(db);
    expect((await listPhiAccessPage(db, elsewhere.orgId, state(phiAccessTable, ""))).total).toBe(0);
  });
});

describe("bordereau lines table", () => {
  test("premium and claim lines: filter, search, sort, pages and export windows of one version", async () => {
    const book = await createMoneyBook(db);
    const bordereauId = createId("brx");
    const premium = (lineNumber: number, policyNumber: string, insuredName: string, type: string, gross: number) => ({
      orgId: book.orgId,
      bordereauId,
      lineNumber,
      policyTransactionId: createId("ptx"),
      policyNumber,
      insuredName,
      insuredState: "TX",
      naicsCode: "238160",
      lineOfBusiness: "GL",
      policyEffectiveDate: "2026-09-01",
      policyExpirationDate: "2027-09-01",
      transactionType: type,
      transactionEffectiveDate: "2026-09-01",
      bookedOn: "2026-09-01",
      grossPremiumCents: gross,
      feesCents: 0,
      taxesCents: 0,
      producerCommissionRate: "0.1500",
      producerCommissionCents: (gross * 15) / 100,
      mgaCommissionRate: "0.1000",
      mgaCommissionCents: (gross * 10) / 100,
      netToCarrierCents: (gross * 75) / 100,
    });
    await db
      .insert(bordereauPremiumLines)
      .values([
        premium(1, "GL-1", "Lone Star Roofing", "new_business", 100_000),
        premium(2, "GL-2", "Red River Landscaping", "endorsement", 20_000),
        premium(3, "GL-3", "High Desert Brewing", "new_business", 300_000),
      ]);
    const lines = async (query: string) =>
      (await listPremiumLinePage(db, book.orgId, bordereauId, state(premiumLineTable, query))).rows.map(
        (l) => l.lineNumber,
      );
    expect(await lines("")).toEqual([1, 2, 3]);
    expect(await lines("l.type=new_business")).toEqual([1, 3]);
    expect(await lines("l.q=river")).toEqual([2]);
    expect(await lines("l.sort=gross&l.dir=desc")).toEqual([3, 1, 2]);
    expect(
      await listPremiumLinePage(db, book.orgId, bordereauId, state(premiumLineTable, "l.size=10&l.page=2")),
    ).toEqual({ rows: [], total: 3 });
    const byGross = state(premiumLineTable, "l.sort=gross&l.dir=asc");
    const windows = [
      ...(await listPremiumLineRows(db, book.orgId, bordereauId, byGross, 0, 2)),
      ...(await listPremiumLineRows(db, book.orgId, bordereauId, byGross, 2, 10)),
    ];
    expect(windows.map((l) => l.lineNumber)).toEqual([2, 1, 3]);

    const claimsBordereauId = createId("brx");
    const claim = (lineNumber: number, claimNumber: string, status: string, incurred: number) => ({
      orgId: book.orgId,
      bordereauId: claimsBordereauId,
      lineNumber,
      claimId: createId("clm"),
      claimNumber,
      policyNumber: "GL-1",
      dateOfLoss: `2026-08-0${lineNumber}`,
      reportedOn: "2026-08-10",
      lossType: "property damage",
      status,
      caseReserveCents: incurred,
      paidCents: 0,
      incurredCents: incurred,
    });
    await db
      .insert(bordereauClaimLines)
      .values([claim(1, "CLM-9", "open", 5_000), claim(2, "CLM-7", "closed", 9_000), claim(3, "CLM-8", "open", 1_000)]);
    const claimLines = async (query: string) =>
      (await listClaimLinePage(db, book.orgId, claimsBordereauId, state(claimLineTable, query))).rows.map(
        (l) => l.claimNumber,
      );
    expect(await claimLines("")).toEqual(["CLM-9", "CLM-7", "CLM-8"]);
    expect(await claimLines("l.status=open")).toEqual(["CLM-9", "CLM-8"]);
    expect(await claimLines("l.q=CLM-7")).toEqual(["CLM-7"]);
    expect(await claimLines("l.sort=claim&l.dir=asc")).toEqual(["CLM-7", "CLM-8", "CLM-9"]);
    expect(
      (await listClaimLineRows(db, book.orgId, claimsBordereauId, state(claimLineTable, "l.sort=incurred"), 1, 5)).map(
        (l) => l.claimNumber,
      ),
    ).toEqual(["CLM-9", "CLM-7"]);
    // Another organization asking for the same version's id finds nothing.
    const elsewhere = await createMoneyBook(db);
    expect((await listPremiumLinePage(db, elsewhere.orgId, bordereauId, state(premiumLineTable, ""))).total).toBe(0);
  });
});
