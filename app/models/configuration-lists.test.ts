// The /admin configuration lists as data tables, on the demo organization's seeded records:
// search, filters, sort and pages are done by the database, and the export reads the same set.
import { describe, expect, test } from "vitest";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { parseTableState, type TableSpec } from "../utils/table-state.ts";
import {
  listAgencyPage,
  listAgencyRows,
  listDaAgreementPage,
  listProgramPage,
  listProgramRows,
} from "./configuration-lists.server.ts";
import { agencyTable, daAgreementTable, programTable } from "./table-specs.ts";

const db = guardedTestDatabase();
const admin = tenantOf("admin@summit.demo");
const other = tenantOf("admin@lakeshore.demo");
const state = <Sort extends string, Filter extends string>(spec: TableSpec<Sort, Filter>, query: string) =>
  parseTableState(new URLSearchParams(query), spec);

describe("configuration lists", () => {
  test("programs: filtered by line, searched by carrier, sorted and paged by the database", async () => {
    const all = await listProgramPage(db, admin, state(programTable, "size=100"));
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.rows).toHaveLength(all.total);
    const gl = await listProgramPage(db, admin, state(programTable, "line=GL&size=100"));
    expect(gl.rows.length).toBeGreaterThan(0);
    expect(gl.rows.every((p) => p.lineOfBusiness === "GL")).toBe(true);
    expect(gl.total).toBeLessThan(all.total);

    const carrier = all.rows[0]!.carrierName;
    const searched = await listProgramPage(db, admin, state(programTable, `q=${encodeURIComponent(carrier)}&size=100`));
    expect(searched.rows.every((p) => p.carrierName === carrier || p.name.includes(carrier))).toBe(true);
    expect((await listProgramPage(db, admin, state(programTable, "q=no-such-program-zz"))).total).toBe(0);

    const desc = await listProgramPage(db, admin, state(programTable, "sort=name&dir=desc&size=100"));
    const names = desc.rows.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, "en", { sensitivity: "base" })));
    // The export reads the same set in windows, in the page's order.
    const sorted = state(programTable, "sort=name&dir=desc");
    const windows = [
      ...(await listProgramRows(db, admin, sorted, { offset: 0, limit: 1 })),
      ...(await listProgramRows(db, admin, sorted, { offset: 1, limit: 100 })),
    ];
    expect(windows.map((p) => p.id)).toEqual(desc.rows.map((p) => p.id));
    // Another organization's programs are never in the list.
    const theirs = await listProgramPage(db, other, state(programTable, "size=100"));
    expect(theirs.rows.some((p) => all.rows.some((mine) => mine.id === p.id))).toBe(false);
  });

  test("agencies and DA agreements: search, status filter and page past the end", async () => {
    const agencies = await listAgencyPage(db, admin, state(agencyTable, "size=100"));
    expect(agencies.total).toBeGreaterThan(0);
    const name = agencies.rows[0]!.name;
    const found = await listAgencyRows(db, admin, state(agencyTable, `q=${encodeURIComponent(name)}`), {
      offset: 0,
      limit: 10,
    });
    expect(found.map((a) => a.name)).toContain(name);
    // A page past the end has no rows but still knows the total.
    expect(await listAgencyPage(db, admin, state(agencyTable, "size=10&page=50"))).toEqual({
      rows: [],
      total: agencies.total,
    });

    const agreements = await listDaAgreementPage(db, admin, state(daAgreementTable, "size=100"));
    expect(agreements.total).toBeGreaterThan(0);
    const active = await listDaAgreementPage(db, admin, state(daAgreementTable, "status=active&size=100"));
    expect(active.rows.every((a) => a.status === "active")).toBe(true);
    const byBound = await listDaAgreementPage(db, admin, state(daAgreementTable, "sort=bound&dir=desc&size=100"));
    const bound = byBound.rows.map((a) => a.boundGwpCents);
    expect(bound).toEqual([...bound].sort((a, b) => b - a));
  });
});
