// The statement lists as data tables (ADR 030): scoped to a month or to one agency, searched,
// filtered by status, sorted and paged in the database; the export carries the same rows.
import { describe, expect, test } from "vitest";
import { agencies } from "../../db/schema/index.ts";
import { guardedTestDatabase } from "../../db/test/tenants.ts";
import { addPolicy, createMoneyBook } from "../../tests/support/money.ts";
import { commissionStatementExport } from "./statement-exports.server.ts";
import { runMonthEnd } from "../services/billing/month-end.server.ts";
import { createId } from "../utils/ids.ts";
import { parseTableState, type TableSpec } from "../utils/table-state.ts";
import {
  listAgencyStatementPage,
  listCarrierStatementPage,
  listCommissionStatementPage,
} from "../models/statement-lists.server.ts";
import { agencyStatementTable, carrierStatementTable, commissionStatementTable } from "../models/table-specs.ts";

const db = guardedTestDatabase();
const state = <Sort extends string, Filter extends string>(query: string, spec: TableSpec<Sort, Filter>) =>
  parseTableState(new URLSearchParams(query), spec);

/** Two agencies, one direct-billed policy each in September and October, one agency-billed in September. */
async function twoMonthsOfStatements() {
  const book = await createMoneyBook(db);
  const otherAgencyId = createId("agy");
  await db.insert(agencies).values({
    id: otherAgencyId,
    orgId: book.orgId,
    name: "Zenith Brokers",
    licensedStates: ["TX"],
    commissionRate: "0.1000",
  });
  await addPolicy(db, book, { plan: "PIF", effectiveDate: "2026-09-10" });
  await addPolicy(db, book, { plan: "PIF", effectiveDate: "2026-10-10" });
  await addPolicy(
    db,
    { ...book, agencyId: otherAgencyId },
    { plan: "PIF", effectiveDate: "2026-09-20", commissionRate: "0.1000" },
  );
  await addPolicy(db, book, { billingMethod: "agency", effectiveDate: "2026-09-01" });
  await runMonthEnd(db, "2026-10-01", { orgId: book.orgId });
  await runMonthEnd(db, "2026-11-01", { orgId: book.orgId });
  return { book, otherAgencyId };
}

describe("statement lists", () => {
  test("finance's month, an agency's own, search, status and sort", async () => {
    const { book, otherAgencyId } = await twoMonthsOfStatements();
    const org = { orgId: book.orgId };

    const september = await listCommissionStatementPage(
      db,
      { ...org, period: "2026-09" },
      state("", commissionStatementTable),
    );
    expect(september.total).toBe(2);
    expect(september.rows.map((r) => r.agencyName).sort()).toEqual(["Money Agency", "Zenith Brokers"]);

    const everyMonth = await listCommissionStatementPage(
      db,
      org,
      state("c.sort=period&c.dir=asc&c.q=money", commissionStatementTable),
    );
    expect(everyMonth.rows.map((r) => [r.period, r.agencyName])).toEqual([
      ["2026-09", "Money Agency"],
      ["2026-10", "Money Agency"],
    ]);

    const own = await listCommissionStatementPage(
      db,
      { ...org, agencyId: otherAgencyId },
      state("", commissionStatementTable),
    );
    expect(own.rows.map((r) => [r.period, r.agencyName])).toEqual([["2026-09", "Zenith Brokers"]]);
    // 10% of $12,364.00.
    expect(own.rows[0]!.commissionCents).toBe(123_640);

    const paged = await listCommissionStatementPage(db, org, state("c.size=10&c.page=2", commissionStatementTable));
    expect(paged).toMatchObject({ rows: [], total: 3 });
    expect((await listCommissionStatementPage(db, org, state("c.status=paid", commissionStatementTable))).total).toBe(
      0,
    );

    const agencyBill = await listAgencyStatementPage(
      db,
      { ...org, period: "2026-09" },
      state("a.status=open", agencyStatementTable),
    );
    expect(agencyBill.rows.map((r) => [r.period, r.agencyName, r.netCents])).toEqual([
      ["2026-09", "Money Agency", 284_602],
    ]);
    expect(
      (await listAgencyStatementPage(db, { ...org, agencyId: otherAgencyId }, state("", agencyStatementTable))).total,
    ).toBe(0);

    const carriers = await listCarrierStatementPage(
      db,
      org,
      state("r.status=open&r.sort=period&r.dir=asc", carrierStatementTable),
    );
    expect(carriers.rows.map((r) => r.period)).toEqual(["2026-09", "2026-10"]);
    expect((await listCarrierStatementPage(db, org, state("r.status=settled", carrierStatementTable))).total).toBe(0);

    // Another organization sees none of it.
    const other = await createMoneyBook(db);
    expect(
      (await listCommissionStatementPage(db, { orgId: other.orgId }, state("", commissionStatementTable))).total,
    ).toBe(0);
  });

  test("the export carries the filtered, sorted rows", async () => {
    const { book } = await twoMonthsOfStatements();
    const response = await commissionStatementExport(
      db,
      { orgId: book.orgId, period: "2026-09" },
      new URLSearchParams("format=csv&c.sort=agency&c.dir=desc"),
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("Month,Agency,Transactions,Premium (USD),Commission (USD),Status");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual([
      "2026-09,Zenith Brokers",
      "2026-09,Money Agency",
    ]);
  });
});
