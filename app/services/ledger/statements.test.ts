import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { carrierStatements, commissionStatements } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { addPolicy, addTransaction, createMoneyBook } from "../../../tests/support/money.ts";
import { listCommissionStatementLines } from "../../models/statements.server.ts";
import { recordInvoicePayment } from "./premium-payments.server.ts";
import { reconcile } from "./reconciliation.server.ts";
import { getAccountBalances } from "./reports.server.ts";
import {
  approveCommissionStatement,
  payCommissionStatement,
  premiumTaxLiability,
  remitPremiumTax,
  settleCarrierStatement,
} from "./statements.server.ts";
import { runMonthEnd } from "../billing/month-end.server.ts";
import { agingBucket, agingTable, carrierFigures, periodBounds, previousPeriod } from "./statements.ts";

describe("periods, aging and the carrier's net", () => {
  test("a period is a calendar month", () => {
    expect(periodBounds("2028-02")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
    expect(previousPeriod("2027-01")).toBe("2026-12");
    expect(() => periodBounds("2026-13")).toThrow(/a month such as/);
  });

  test("aging buckets count days past the due date", () => {
    const due = "2026-09-01";
    expect(
      ["2026-08-15", "2026-09-01", "2026-09-02", "2026-10-01", "2026-10-02", "2026-11-30", "2026-12-01"].map((d) =>
        agingBucket(due, d),
      ),
    ).toEqual(["current", "current", "1-30", "1-30", "31-60", "61-90", "90+"]);
  });

  test("net = gross - commission - fees - taxes, gross being premium, fees and taxes written", () => {
    // A quarterly policy's new business: $12,364 + $250 + $604.59 at 15% + 5%.
    expect(
      carrierFigures({
        premiumCents: 1_236_400,
        feesCents: 25_000,
        taxesCents: 60_459,
        producerCommissionCents: 185_460,
        mgaCommissionCents: 61_820,
      }),
    ).toEqual({
      grossCents: 1_321_859,
      commissionCents: 247_280,
      feesCents: 25_000,
      taxesCents: 60_459,
      netCents: 989_120,
    });
  });
});

const db = guardedTestDatabase();
const ledger = useTestLedger();

async function balances(orgId: string) {
  return Object.fromEntries(
    (await getAccountBalances(db, ledger.current.client, orgId)).map((b) => [b.name, b.balanceCents]),
  );
}

describe("the month-end run and paying out", () => {
  test("a month's transactions, endorsement and cancellation clawback included, are statemented, approved and paid", async () => {
    const book = await createMoneyBook(db);
    const pif = await addPolicy(db, book, { plan: "PIF", effectiveDate: "2026-10-05", state: "TX" });
    const cancelled = await addPolicy(db, book, {
      plan: "PIF",
      effectiveDate: "2026-10-10",
      premiumCents: 500_000,
      feesCents: 0,
      taxesCents: 24_000,
      state: "NM",
    });
    await addTransaction(db, book, pif.policyId, {
      sequence: 2,
      type: "endorsement",
      bookedOn: "2026-10-20",
      premiumCents: 100_000,
      taxesCents: 4_890,
    });
    await addTransaction(db, book, cancelled.policyId, {
      sequence: 2,
      type: "cancellation",
      bookedOn: "2026-10-25",
      premiumCents: -250_000,
      taxesCents: -12_000,
    });
    // A November transaction belongs to November's statement.
    await addTransaction(db, book, pif.policyId, {
      sequence: 3,
      type: "endorsement",
      bookedOn: "2026-11-01",
      premiumCents: 10_000,
    });
    // The insured of the first policy pays the invoice of its new business.
    expect(
      await recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: pif.firstInvoiceId,
        amountCents: 1_321_859,
        method: "check",
      }),
    ).toMatchObject({ ok: true, posting: { status: "posted" } });

    const run = await runMonthEnd(db, "2026-11-01", { orgId: book.orgId });
    expect(run).toMatchObject({ period: "2026-10" });
    const [statement] = await db
      .select()
      .from(commissionStatements)
      .where(and(eq(commissionStatements.orgId, book.orgId), eq(commissionStatements.period, "2026-10")));
    // 15% of 1,236,400 + 500,000 + 100,000 - 250,000 = 185,460 + 75,000 + 15,000 - 37,500.
    expect(statement).toMatchObject({
      agencyId: book.agencyId,
      transactionCount: 4,
      premiumCents: 1_586_400,
      commissionCents: 237_960,
      status: "draft",
    });
    const lines = await listCommissionStatementLines(db, book.orgId, {
      agencyId: book.agencyId,
      ...periodBounds("2026-10"),
    });
    expect(lines.map((l) => [l.type, l.commissionCents])).toEqual([
      ["new_business", 185_460],
      ["new_business", 75_000],
      ["endorsement", 15_000],
      ["cancellation", -37_500],
    ]);

    // A second run leaves the numbers as they are; paying needs approval first.
    await runMonthEnd(db, "2026-11-01", { orgId: book.orgId });
    expect(await payCommissionStatement(db, ledger.current.client, book.finance, statement!.id)).toMatchObject({
      ok: false,
      message: expect.stringContaining("approved"),
    });
    expect(await approveCommissionStatement(db, book.finance, statement!.id)).toEqual({ ok: true });
    expect(await approveCommissionStatement(db, book.finance, statement!.id)).toMatchObject({ ok: false });
    // The producer payable holds only the commission collected: the payment's cumulative share of
    // the policy's 201,960 (both endorsements included), 201,960 x 1,321,859 / 1,436,749 = 185,810.
    const refused = await payCommissionStatement(db, ledger.current.client, book.finance, statement!.id);
    expect(refused).toMatchObject({
      ok: false,
      message:
        "The producer payable holds $1,858.10 collected; this needs $2,379.60. Pay it once the premium is collected.",
    });

    // The carrier's statement nets commission, fees and taxes: premium less commissions.
    const [carrier] = await db
      .select()
      .from(carrierStatements)
      .where(and(eq(carrierStatements.orgId, book.orgId), eq(carrierStatements.period, "2026-10")));
    expect(carrier).toMatchObject({
      carrierId: book.carrierId,
      transactionCount: 4,
      grossCents: 1_236_400 + 25_000 + 60_459 + 500_000 + 24_000 + 104_890 - 262_000,
      commissionCents: 237_960 + 79_320,
      netCents: 1_586_400 - 237_960 - 79_320,
    });
    expect(carrier!.netCents).toBe(
      carrier!.grossCents - carrier!.commissionCents - carrier!.feesCents - carrier!.taxesCents,
    );

    // Premium tax per state for the period, then remitted once.
    expect(await premiumTaxLiability(db, book.orgId, [{ first: "2026-10", last: "2026-10" }])).toEqual([
      expect.objectContaining({ state: "NM", taxesCents: 12_000, remittedCents: 0, owedCents: 12_000 }),
      expect.objectContaining({ state: "TX", taxesCents: 65_349, remittedCents: 0, owedCents: 65_349 }),
    ]);
    const before = await balances(book.orgId);
    // The endorsements were booked before the payment, so $13,218.59 paid part of the new $14,367.49
    // and the tax authority holds its cumulative share: 65,349 x 1,321,859 / 1,436,749 = 60,123.
    expect(before.TAX_AUTHORITY_PAYABLE).toBe(60_123);
    // Remitting the 65,349 written is more than was collected: the ledger refuses it.
    const texas = await remitPremiumTax(db, ledger.current.client, book.finance, { state: "TX", period: "2026-10" });
    expect(texas).toMatchObject({ ok: false, message: expect.stringContaining("holds $601.23 collected") });
    const newMexico = await remitPremiumTax(db, ledger.current.client, book.finance, {
      state: "NM",
      period: "2026-10",
    });
    // The tax payable is one account for every state: New Mexico's 12,000 fits in what it holds.
    expect(newMexico).toMatchObject({ ok: true, amountCents: 12_000, posting: { status: "posted" } });
    expect((await balances(book.orgId)).TAX_AUTHORITY_PAYABLE).toBe(60_123 - 12_000);
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });

  test("paid out within what was collected, the payables fall by exactly the statement", async () => {
    const book = await createMoneyBook(db);
    const policy = await addPolicy(db, book, { plan: "PIF", effectiveDate: "2026-10-05", state: "TX" });
    await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: policy.firstInvoiceId,
      amountCents: 1_321_859,
      method: "check",
    });
    await runMonthEnd(db, "2026-11-01", { orgId: book.orgId });
    const [statement] = await db.select().from(commissionStatements).where(eq(commissionStatements.orgId, book.orgId));
    await approveCommissionStatement(db, book.finance, statement!.id);
    expect(await payCommissionStatement(db, ledger.current.client, book.finance, statement!.id)).toMatchObject({
      ok: true,
      amountCents: 185_460,
      posting: { status: "posted" },
    });
    const [carrier] = await db.select().from(carrierStatements).where(eq(carrierStatements.orgId, book.orgId));
    expect(await settleCarrierStatement(db, ledger.current.client, book.finance, carrier!.id)).toMatchObject({
      ok: true,
      amountCents: 989_120,
      posting: { status: "posted" },
    });
    expect(await settleCarrierStatement(db, ledger.current.client, book.finance, carrier!.id)).toMatchObject({
      ok: false,
    });
    expect(
      await remitPremiumTax(db, ledger.current.client, book.finance, { state: "TX", period: "2026-10" }),
    ).toMatchObject({ ok: true, amountCents: 60_459, posting: { status: "posted" } });
    expect(await balances(book.orgId)).toMatchObject({
      PRODUCER_PAYABLE: 0,
      CARRIER_PAYABLE: 0,
      TAX_AUTHORITY_PAYABLE: 0,
      MGA_REVENUE: 61_820 + 25_000,
      MGA_FIDUCIARY: -(61_820 + 25_000),
    });
    expect(await premiumTaxLiability(db, book.orgId, [{ first: "2026-10", last: "2026-10" }])).toEqual([
      expect.objectContaining({ state: "TX", taxesCents: 60_459, remittedCents: 60_459, owedCents: 0 }),
    ]);
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });
});

describe("the aging table", () => {
  test("puts each agency and program's balances in their buckets, with totals", () => {
    const { lines, totals } = agingTable([
      { bucket: "current", agencyName: "Harbor", programName: "GL", balanceCents: 330_964 },
      { bucket: "31-60", agencyName: "Harbor", programName: "GL", balanceCents: 330_967 },
      { bucket: "90+", agencyName: "Blue Mesa", programName: "WC", balanceCents: 100 },
    ]);
    expect(lines).toEqual([
      {
        agencyName: "Harbor",
        programName: "GL",
        current: 330_964,
        "1-30": 0,
        "31-60": 330_967,
        "61-90": 0,
        "90+": 0,
        total: 661_931,
      },
      {
        agencyName: "Blue Mesa",
        programName: "WC",
        current: 0,
        "1-30": 0,
        "31-60": 0,
        "61-90": 0,
        "90+": 100,
        total: 100,
      },
    ]);
    expect(totals).toEqual({ current: 330_964, "1-30": 0, "31-60": 330_967, "61-90": 0, "90+": 100, total: 662_031 });
  });
});
