// Agency bill (ADR 024) against the real ledger. Worked example: the quarterly policy of the money
// builders ($12,364.00 premium, $250.00 fees, $604.59 tax, 4 × $5.00 installment fees: $13,238.59
// in all) at 15% producer commission ($1,854.60), agency billed. Installment 1 ($3,309.67, due
// 2026-09-01) is on the agency's September statement with the commission's cumulative share
// round(185,460 × 330,967 / 1,323,859) = 46,365: the agency remits $2,846.02. Installment 2
// ($3,309.64, due 2026-12-01) is on December's: round(185,460 × 661,931 / 1,323,859) = 92,730,
// less the 46,365 already allocated = 46,365 kept, $2,845.99 remitted.
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { agencyStatementItems, agencyStatements, commissionStatements, invoices } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { addPolicy, createMoneyBook } from "../../../tests/support/money.ts";
import { ACCOUNT, TRANSFER_CODES } from "../ledger/chart.ts";
import { partsOfLegs } from "../ledger/premium-allocation.ts";
import { reconcile } from "../ledger/reconciliation.server.ts";
import { getCommissionStatement } from "../ledger/statements.server.ts";
import { getAccountBalances } from "../ledger/reports.server.ts";
import { agencyReceiptLegs } from "./agency-bill.ts";
import { receiveAgencyStatement } from "./agency-statements.server.ts";
import { runDailyBilling } from "./billing-run.server.ts";
import { runMonthEnd } from "./month-end.server.ts";
import { AGENCY_BILLED_MESSAGE, payInvoiceOnline } from "./online-payments.server.ts";
import { testCardProvider } from "./payment-provider.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

/** Money out of the trust account (legs back into it count negative), as reconciliation sums it. */
const outOfTrust = (legs: ReturnType<typeof agencyReceiptLegs>) =>
  legs.reduce((sum, l) => sum + (l.credit === ACCOUNT.MGA_FIDUCIARY ? -l.amountCents : l.amountCents), 0);

describe("an agency-billed invoice's receipt", () => {
  test("allocates the gross, nets the agency's commission and brings in gross less commission", () => {
    const delta = {
      producer_commission: 46_365,
      mga_commission: 15_455,
      fees: 3_651,
      premium_tax: 15_115,
      net_to_carrier: 250_381,
    };
    const legs = agencyReceiptLegs(delta);
    expect(legs.map((l) => [l.leg, l.debit, l.credit, l.amountCents, l.transferCode])).toEqual([
      [
        "producer_commission",
        ACCOUNT.MGA_FIDUCIARY,
        ACCOUNT.PRODUCER_PAYABLE,
        46_365,
        TRANSFER_CODES.AGENCY_BILL_RECEIPT,
      ],
      [
        "commission_netted",
        ACCOUNT.PRODUCER_PAYABLE,
        ACCOUNT.MGA_FIDUCIARY,
        46_365,
        TRANSFER_CODES.AGENCY_COMMISSION_NETTED,
      ],
      ["mga_commission", ACCOUNT.MGA_FIDUCIARY, ACCOUNT.MGA_REVENUE, 15_455, 160],
      ["fees", ACCOUNT.MGA_FIDUCIARY, ACCOUNT.MGA_REVENUE, 3_651, 160],
      ["premium_tax", ACCOUNT.MGA_FIDUCIARY, ACCOUNT.TAX_AUTHORITY_PAYABLE, 15_115, 160],
      ["net_to_carrier", ACCOUNT.MGA_FIDUCIARY, ACCOUNT.CARRIER_PAYABLE, 250_381, 160],
    ]);
    expect(outOfTrust(legs)).toBe(330_967 - 46_365);
    // The allocation state still sees the producer's share as allocated: cumulative shares hold.
    expect(partsOfLegs(legs.map((l) => ({ ...l, debitAccount: l.debit, creditAccount: l.credit })))).toEqual(delta);
    // A producer cent running back: the agency remits it, the payable is never overdrawn.
    const back = agencyReceiptLegs({ ...delta, producer_commission: -1, net_to_carrier: 250_381 + 46_366 });
    expect(back.slice(0, 2).map((l) => [l.leg, l.debit, l.credit, l.amountCents])).toEqual([
      ["commission_netted", ACCOUNT.MGA_FIDUCIARY, ACCOUNT.PRODUCER_PAYABLE, 1],
      ["producer_commission_back", ACCOUNT.PRODUCER_PAYABLE, ACCOUNT.MGA_FIDUCIARY, 1],
    ]);
    expect(outOfTrust(back)).toBe(330_967 + 1);
  });
});

describe("the monthly agency-bill statement", () => {
  test("is built by the month-end run and received net of commission, installment by installment", async () => {
    const book = await createMoneyBook(db);
    const direct = await addPolicy(db, book);
    const agencyBilled = await addPolicy(db, book, { billingMethod: "agency" });
    const statementOf = async (period: string) =>
      (
        await db
          .select()
          .from(agencyStatements)
          .where(and(eq(agencyStatements.orgId, book.orgId), eq(agencyStatements.period, period)))
      )[0]!;
    const balances = async () =>
      Object.fromEntries(
        (await getAccountBalances(db, ledger.current.client, book.orgId)).map((b) => [b.name, b.balanceCents]),
      );

    // The insured pays the agency, not the MGA: the portal refuses before any card is charged.
    expect(
      await payInvoiceOnline(
        db,
        ledger.current.client,
        { ...book.policyholder, insuredId: agencyBilled.insuredId },
        testCardProvider,
        {
          invoiceId: agencyBilled.firstInvoiceId,
          amountCents: 330_967,
          fields: { cardNumber: "4242424242424242" },
        },
      ),
    ).toEqual({ ok: false, reason: "refused", message: AGENCY_BILLED_MESSAGE });

    await runMonthEnd(db, "2026-10-01", { orgId: book.orgId });
    const september = await statementOf("2026-09");
    expect(september).toMatchObject({
      agencyId: book.agencyId,
      invoiceCount: 1,
      grossCents: 330_967,
      commissionCents: 46_365,
      netCents: 284_602,
      status: "open",
    });
    // The agency's commission on its own billing is netted there, not paid again on its statement.
    const [commission] = await db
      .select()
      .from(commissionStatements)
      .where(and(eq(commissionStatements.orgId, book.orgId), eq(commissionStatements.period, "2026-09")));
    expect(commission).toMatchObject({ transactionCount: 1, premiumCents: 1_236_400, commissionCents: 185_460 });
    // Its lines (page, PDF, export) are the same one transaction, not the agency-billed policy's too.
    const lines = (await getCommissionStatement(db, book.finance, commission!.id))!.lines;
    expect(lines.map((l) => l.policyNumber)).toEqual([direct.policyNumber]);

    expect(
      await receiveAgencyStatement(db, ledger.current.client, book.finance, {
        statementId: september.id,
        amountCents: 330_967,
      }),
    ).toMatchObject({
      ok: false,
      message: "The agency's remittance of 330967 cents does not match the statement's net of 284602 cents.",
    });
    const received = await receiveAgencyStatement(db, ledger.current.client, book.finance, {
      statementId: september.id,
      amountCents: 284_602,
      reference: "Agency check 1001",
    });
    expect(received).toMatchObject({ ok: true, netCents: 284_602, invoicesPaid: 1, postings: [{ status: "posted" }] });
    expect(
      await receiveAgencyStatement(db, ledger.current.client, book.finance, {
        statementId: september.id,
        amountCents: 284_602,
      }),
    ).toMatchObject({ ok: false, message: "This statement was already received." });
    const [first] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, book.orgId), eq(invoices.id, agencyBilled.firstInvoiceId)));
    expect(first!.status).toBe("paid");
    let b = await balances();
    expect(b.PRODUCER_PAYABLE).toBe(0);
    expect(b.MGA_FIDUCIARY).toBe(-284_602);
    expect(b.CARRIER_PAYABLE! + b.MGA_REVENUE! + b.TAX_AUTHORITY_PAYABLE!).toBe(284_602);

    // A rerun leaves the received statement as it was; the direct policy's invoice is never on one.
    await runMonthEnd(db, "2026-10-01", { orgId: book.orgId });
    expect(await statementOf("2026-09")).toMatchObject({ status: "received", netCents: 284_602, invoiceCount: 1 });

    await runDailyBilling(db, "2026-11-11", { orgId: book.orgId });
    await runMonthEnd(db, "2027-01-01", { orgId: book.orgId });
    const december = await statementOf("2026-12");
    expect(december).toMatchObject({
      invoiceCount: 1,
      grossCents: 330_964,
      commissionCents: 46_365,
      netCents: 284_599,
    });
    expect(
      await receiveAgencyStatement(db, ledger.current.client, book.finance, {
        statementId: december.id,
        amountCents: 284_599,
      }),
    ).toMatchObject({ ok: true, invoicesPaid: 1 });
    b = await balances();
    expect(b.PRODUCER_PAYABLE).toBe(0);
    expect(b.MGA_FIDUCIARY).toBe(-(284_602 + 284_599));
    const directItems = await db
      .select()
      .from(agencyStatementItems)
      .where(and(eq(agencyStatementItems.orgId, book.orgId), eq(agencyStatementItems.policyId, direct.policyId)));
    expect(directItems).toEqual([]);
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });
});
