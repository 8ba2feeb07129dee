import { describe, expect, test } from "vitest";
import { ACCOUNT } from "./chart.ts";
import { balancesByMonth, cashPosition, trialBalanceOf } from "./balance-history.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { addPolicy, createMoneyBook } from "../../../tests/support/money.ts";
import { sumPostedMovementsByMonth } from "../../models/ledger-history.server.ts";
import { and, eq } from "drizzle-orm";
import { ledgerPostings, orgSettings } from "../../../db/schema/index.ts";
import { createId } from "../../utils/ids.ts";
import { localMonthsBetween, startOfLocalDay } from "../../utils/zoned-months.ts";
import { recordInvoicePayment } from "./premium-payments.server.ts";
import { getAccountBalances } from "./reports.server.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

// Worked example: September, the quarterly policy's first installment of $3,309.67 received
// (producer $463.65, MGA $154.55 + fees $36.51, tax $151.15, carrier $2,503.81); October, the
// producer's $463.65 paid out and the carrier settled $2,503.81.
const F = ACCOUNT.MGA_FIDUCIARY;
const movements = [
  { month: "2026-09", debitAccount: F, creditAccount: ACCOUNT.PRODUCER_PAYABLE, amountCents: 46_365 },
  { month: "2026-09", debitAccount: F, creditAccount: ACCOUNT.MGA_REVENUE, amountCents: 15_455 + 3_651 },
  { month: "2026-09", debitAccount: F, creditAccount: ACCOUNT.TAX_AUTHORITY_PAYABLE, amountCents: 15_115 },
  { month: "2026-09", debitAccount: F, creditAccount: ACCOUNT.CARRIER_PAYABLE, amountCents: 250_381 },
  { month: "2026-10", debitAccount: ACCOUNT.PRODUCER_PAYABLE, creditAccount: F, amountCents: 46_365 },
  { month: "2026-10", debitAccount: ACCOUNT.CARRIER_PAYABLE, creditAccount: F, amountCents: 250_381 },
];

describe("the books month by month", () => {
  test("balances carry forward; the trial balance balances; cash stands against the payables", () => {
    const months = balancesByMonth(movements);
    expect(months.map((m) => m.month)).toEqual(["2026-09", "2026-10"]);
    expect(months[0]!.balances).toMatchObject({
      MGA_FIDUCIARY: -330_967,
      PRODUCER_PAYABLE: 46_365,
      CARRIER_PAYABLE: 250_381,
      MGA_REVENUE: 19_106,
      TAX_AUTHORITY_PAYABLE: 15_115,
    });
    expect(cashPosition(months[0]!.balances)).toEqual({
      trustCashCents: 330_967,
      payablesCents: 311_861,
      mgaShareCents: 19_106,
    });
    expect(cashPosition(months[1]!.balances)).toEqual({
      trustCashCents: 34_221,
      payablesCents: 15_115,
      mgaShareCents: 19_106,
    });
    const trial = trialBalanceOf(months[1]!.balances);
    expect(trial).toMatchObject({ totalDebitCents: 34_221, totalCreditCents: 34_221, balanced: true });
    expect(trial.rows.find((r) => r.name === "MGA_FIDUCIARY")).toMatchObject({ debitCents: 34_221, creditCents: 0 });
    expect(() => balancesByMonth([{ month: "2026-09", debitAccount: 2, creditAccount: 12, amountCents: 1 }])).toThrow(
      /unknown account type/,
    );
  });
});

describe("the books month by month, from the database", () => {
  test("the last month's balances are the ledger's own", async () => {
    const book = await createMoneyBook(db);
    const policy = await addPolicy(db, book);
    const paid = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: policy.firstInvoiceId,
      amountCents: 330_967,
      method: "check",
    });
    expect(paid).toMatchObject({ ok: true, posting: { status: "posted" } });
    const months = balancesByMonth(await sumPostedMovementsByMonth(db, book.orgId, "UTC"));
    const onLedger = Object.fromEntries(
      (await getAccountBalances(db, ledger.current.client, book.orgId)).map((b) => [b.name, b.balanceCents]),
    );
    expect(months).toHaveLength(1);
    expect(months[0]!.balances).toEqual(onLedger);
    expect(cashPosition(months[0]!.balances).trustCashCents).toBe(330_967);
  });
});

describe("months of the organization's time zone", () => {
  test("a zone's months begin at its local midnight, across daylight saving time", () => {
    // New York is on EDT (UTC-4) on October 1st and EST (UTC-5) on December 1st.
    expect(startOfLocalDay("2026-10-01", "America/New_York").toISOString()).toBe("2026-10-01T04:00:00.000Z");
    expect(startOfLocalDay("2026-12-01", "America/New_York").toISOString()).toBe("2026-12-01T05:00:00.000Z");
    // Auckland is on NZDT (UTC+13) on October 1st: its October begins on September 30th in UTC.
    expect(startOfLocalDay("2026-10-01", "Pacific/Auckland").toISOString()).toBe("2026-09-30T11:00:00.000Z");
    expect(
      localMonthsBetween(new Date("2026-09-30T12:00:00Z"), new Date("2026-11-01T03:00:00Z"), "America/New_York").map(
        (m) => m.month,
      ),
    ).toEqual(["2026-09", "2026-10"]);
  });

  test("a posting late on the last evening of September in New York counts in September, not October", async () => {
    const book = await createMoneyBook(db);
    await db.insert(orgSettings).values({ id: createId("ost"), orgId: book.orgId, timeZone: "America/New_York" });
    const policy = await addPolicy(db, book);
    const paid = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: policy.firstInvoiceId,
      amountCents: 330_967,
      method: "check",
    });
    expect(paid).toMatchObject({ ok: true, posting: { status: "posted" } });
    const second = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: (await addPolicy(db, book)).firstInvoiceId,
      amountCents: 100_000,
      method: "check",
    });
    if (!paid.ok || !second.ok) throw new Error("payments refused");
    // 22:30 on September 30th and 01:00 on October 1st in New York: both October in UTC.
    const postedAt = async (id: string, at: string) =>
      db
        .update(ledgerPostings)
        .set({ postedAt: new Date(at) })
        .where(and(eq(ledgerPostings.orgId, book.orgId), eq(ledgerPostings.id, id)));
    await postedAt(paid.paymentId, "2026-10-01T02:30:00Z");
    await postedAt(second.paymentId, "2026-10-01T05:00:00Z");

    const inNewYork = balancesByMonth(await sumPostedMovementsByMonth(db, book.orgId, "America/New_York"));
    expect(inNewYork.map((m) => [m.month, cashPosition(m.balances).trustCashCents])).toEqual([
      ["2026-09", 330_967],
      ["2026-10", 430_967],
    ]);
    const inUtc = balancesByMonth(await sumPostedMovementsByMonth(db, book.orgId, "UTC"));
    expect(inUtc.map((m) => [m.month, cashPosition(m.balances).trustCashCents])).toEqual([["2026-10", 430_967]]);
  });
});
