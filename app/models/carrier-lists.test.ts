import { describe, expect, test } from "vitest";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { parseTableState, type TableSpec } from "../utils/table-state.ts";
import { listClaimsOnPaperPage, listClaimsOnPaperRows } from "./carrier-reporting.server.ts";
import { listPolicyBookPage, listPolicyBookRows } from "./policy-book.server.ts";
import { carrierClaimTable, policyBookTable } from "./table-specs.ts";

const db = guardedTestDatabase();
const state = <Sort extends string, Filter extends string>(query: string, spec: TableSpec<Sort, Filter>) =>
  parseTableState(new URLSearchParams(query), spec);

describe("the carrier portal's lists", () => {
  const carrier = tenantOf("carrier@summit.demo");

  test("policies: only the carrier's paper, a page carries the whole set's total", async () => {
    const all = await listPolicyBookRows(db, carrier, state("", policyBookTable), 0, 10_000);
    const everyone = await listPolicyBookRows(db, tenantOf("admin@summit.demo"), state("", policyBookTable), 0, 10_000);
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(everyone.length);
    const page = await listPolicyBookPage(db, carrier, state("p.size=10", policyBookTable));
    expect(page.total).toBe(all.length);
    expect(page.rows.map((p) => p.id)).toEqual(all.slice(0, 10).map((p) => p.id));
  });

  test("claims on paper: filtered by status, searched, sorted by reserve", async () => {
    const all = await listClaimsOnPaperRows(db, carrier, state("", carrierClaimTable), 0, 10_000);
    expect(all.length).toBeGreaterThan(0);
    const status = all[0]!.status;
    const filtered = await listClaimsOnPaperPage(
      db,
      carrier,
      state(`c.status=${status}&c.size=100`, carrierClaimTable),
    );
    expect(filtered.total).toBe(all.filter((c) => c.status === status).length);
    expect(filtered.rows.every((c) => c.status === status)).toBe(true);
    const found = await listClaimsOnPaperPage(db, carrier, state(`c.q=${all[0]!.claimNumber}`, carrierClaimTable));
    expect(found.rows.map((c) => c.id)).toEqual([all[0]!.id]);
    const byReserve = await listClaimsOnPaperPage(
      db,
      carrier,
      state("c.sort=reserve&c.dir=asc&c.size=100", carrierClaimTable),
    );
    const reserves = byReserve.rows.map((c) => c.caseReserveCents);
    expect(reserves).toEqual([...reserves].sort((a, b) => a - b));
  });
});
