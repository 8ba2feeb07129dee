import { and, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { surplusLinesFilings } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { addPolicy, addTransaction, createMoneyBook } from "../../../tests/support/money.ts";
import { premiumTaxLiability } from "../ledger/statements.server.ts";
import { filingCalendar, recordFiling } from "./filings.server.ts";

const db = guardedTestDatabase();

// Worked example, an organization of its own:
//   New Mexico (quarterly returns): $2,400.00 written 2026-02-10 with $72.07 tax, an endorsement
//   of $600.00 on 2026-03-20 with $18.02, and $1,000.00 on 2026-04-02 with $30.03 (second
//   quarter). Q1 2026: premium $3,000.00, tax $90.09.
//   Texas (annual return): $12,364.00 on 2025-09-01 with $604.59 and a return of -$4,121.33 on
//   2025-12-15 with -$201.53. 2025: premium $8,242.67, tax $403.06.
test("a filing's amounts are the ledger's premium tax liability for its state and months", async () => {
  const book = await createMoneyBook(db);
  const compliance = { ...book.finance, roles: ["compliance_officer" as const] };
  const nm = await addPolicy(db, book, {
    plan: "PIF",
    state: "NM",
    effectiveDate: "2026-02-10",
    premiumCents: 240_000,
    feesCents: 0,
    taxesCents: 7_207,
  });
  await addTransaction(db, book, nm.policyId, {
    sequence: 2,
    type: "endorsement",
    bookedOn: "2026-03-20",
    premiumCents: 60_000,
    taxesCents: 1_802,
  });
  await addTransaction(db, book, nm.policyId, {
    sequence: 3,
    type: "endorsement",
    bookedOn: "2026-04-02",
    premiumCents: 100_000,
    taxesCents: 3_003,
  });
  const tx = await addPolicy(db, book, {
    plan: "PIF",
    state: "TX",
    effectiveDate: "2025-09-01",
    premiumCents: 1_236_400,
    feesCents: 0,
    taxesCents: 60_459,
  });
  await addTransaction(db, book, tx.policyId, {
    sequence: 2,
    type: "cancellation",
    bookedOn: "2025-12-15",
    premiumCents: -412_133,
    taxesCents: -20_153,
  });

  const calendar = await filingCalendar(db, compliance, "2026-05-01");
  const row = (state: string, periodStart: string) =>
    calendar.find((p) => p.state === state && p.periodStart === periodStart)!;
  expect(row("NM", "2026-01-01")).toMatchObject({
    periodEnd: "2026-03-31",
    amounts: { taxableCents: 300_000, taxCents: 9_009 },
    status: "due_soon",
  });
  expect(row("NM", "2026-04-01").amounts).toEqual({ taxableCents: 100_000, taxCents: 3_003 });
  expect(row("TX", "2025-01-01").amounts).toEqual({ taxableCents: 824_267, taxCents: 40_306 });
  expect(row("AZ", "2026-01-01").amounts).toEqual({ taxableCents: 0, taxCents: 0 });
  // The same figures as finance's liability for those months: one definition.
  expect(await premiumTaxLiability(db, book.orgId, [{ first: "2026-01", last: "2026-03" }])).toEqual([
    {
      state: "NM",
      first: "2026-01",
      last: "2026-03",
      taxableCents: 300_000,
      taxesCents: 9_009,
      remittedCents: 0,
      owedCents: 9_009,
    },
  ]);

  expect(
    await recordFiling(
      db,
      compliance,
      { state: "NM", periodStart: "2026-01-01", filedOn: "2026-04-20", confirmation: "NM-Q1-0042" },
      "2026-05-01",
    ),
  ).toEqual({ ok: true });
  const [filed] = await db
    .select()
    .from(surplusLinesFilings)
    .where(and(eq(surplusLinesFilings.orgId, book.orgId), eq(surplusLinesFilings.state, "NM")));
  expect(filed).toMatchObject({ periodEnd: "2026-03-31", taxableCents: 300_000, taxCents: 9_009 });
});
