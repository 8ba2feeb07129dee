// Money coming back on a policy, against the real ledger: a returned payment, an overpayment
// applied to the next invoice, a refund; every party ends on the policy's own figures.
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { invoices, outboxEvents, policyCredits } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { addPolicy, createMoneyBook } from "../../../tests/support/money.ts";
import { runDailyBilling } from "../billing/billing-run.server.ts";
import { recordInvoicePayment } from "./premium-payments.server.ts";
import { reconcile } from "./reconciliation.server.ts";
import { getAccountBalances } from "./reports.server.ts";
import { applyCreditToInvoice, refundPolicyCredit, returnPayment } from "./receivables.server.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

async function balances(orgId: string) {
  return Object.fromEntries(
    (await getAccountBalances(db, ledger.current.client, orgId)).map((b) => [b.name, b.balanceCents]),
  );
}
const statusOf = async (orgId: string, invoiceId: string) =>
  (
    await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, orgId), eq(invoices.id, invoiceId)))
  )[0]!.status;

describe("a returned payment", () => {
  test("is reversed by new transfers, reopens its invoice as overdue and raises payment.failed", async () => {
    const book = await createMoneyBook(db);
    const policy = await addPolicy(db, book, { effectiveDate: "2026-09-01" });
    const paid = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: policy.firstInvoiceId,
      amountCents: 330_967,
      method: "check",
    });
    expect(paid).toMatchObject({ ok: true, invoicePaid: true, overpaymentCents: 0, posting: { status: "posted" } });
    if (!paid.ok) return;
    const returned = await returnPayment(db, ledger.current.client, book.finance, {
      paymentId: paid.paymentId,
      reason: "NSF",
      today: "2026-09-20",
    });
    expect(returned).toMatchObject({ ok: true, amountCents: 330_967, posting: { status: "posted" } });
    expect(await statusOf(book.orgId, policy.firstInvoiceId)).toBe("overdue");
    expect(await balances(book.orgId)).toMatchObject({
      MGA_FIDUCIARY: 0,
      CARRIER_PAYABLE: 0,
      PRODUCER_PAYABLE: 0,
      MGA_REVENUE: 0,
      TAX_AUTHORITY_PAYABLE: 0,
    });
    const [failed] = await db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, book.orgId), eq(outboxEvents.type, "payment.failed")));
    expect(failed!.payload).toMatchObject({ paymentId: paid.paymentId, reason: "NSF", insuredId: policy.insuredId });
    expect(
      await returnPayment(db, ledger.current.client, book.finance, { paymentId: paid.paymentId, reason: "NSF" }),
    ).toMatchObject({ ok: false, message: "This payment was already returned." });
    // Paid again, the invoice closes and the books agree.
    expect(
      await recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: policy.firstInvoiceId,
        amountCents: 330_967,
        method: "wire",
      }),
    ).toMatchObject({ ok: true, invoicePaid: true });
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });
});

describe("an overpayment", () => {
  test("becomes a credit applied to the next invoice; the rest of the policy pays to its exact figures", async () => {
    const book = await createMoneyBook(db);
    const policy = await addPolicy(db, book, { effectiveDate: "2026-09-01" });
    const over = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: policy.firstInvoiceId,
      amountCents: 400_000,
      method: "check",
      allowOverpayment: true,
    });
    expect(over).toMatchObject({ ok: true, invoicePaid: true, overpaymentCents: 69_033 });
    const [credit] = await db
      .select()
      .from(policyCredits)
      .where(and(eq(policyCredits.orgId, book.orgId), eq(policyCredits.policyId, policy.policyId)));
    expect(credit).toMatchObject({
      source: "overpayment",
      amountCents: 69_033,
      remainingCents: 69_033,
      status: "open",
    });

    await runDailyBilling(db, "2026-11-11", { orgId: book.orgId });
    const [second] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, book.orgId), eq(invoices.dueDate, "2026-12-01")));
    // The overpayment was allocated when it came in: applying it posts nothing.
    expect(
      await applyCreditToInvoice(db, ledger.current.client, book.finance, {
        creditId: credit!.id,
        invoiceId: second!.id,
      }),
    ).toMatchObject({
      ok: true,
      appliedCents: 69_033,
      invoicePaid: false,
      allocation: { producer_commission: 0, mga_commission: 0, fees: 0, premium_tax: 0, net_to_carrier: 0 },
      posting: null,
    });
    expect(
      await recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: second!.id,
        amountCents: 330_964 - 69_033,
        method: "check",
      }),
    ).toMatchObject({ ok: true, invoicePaid: true });
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });

  test("a credit refunded leaves the trust account and every party gives back its share", async () => {
    const book = await createMoneyBook(db);
    const policy = await addPolicy(db, book, { plan: "PIF", effectiveDate: "2026-09-01" });
    const over = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: policy.firstInvoiceId,
      amountCents: 1_321_859,
      method: "check",
    });
    expect(over).toMatchObject({ ok: true, overpaymentCents: 0 });
    // An overpayment on a fully paid policy is refused: it would exceed what the policy owes.
    const second = await addPolicy(db, book, { plan: "TWO_PAY", effectiveDate: "2026-09-01" });
    const paid = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: second.firstInvoiceId,
      amountCents: 700_000,
      method: "check",
      allowOverpayment: true,
    });
    expect(paid).toMatchObject({ ok: true, overpaymentCents: 700_000 - 660_930 });
    const [credit] = await db
      .select()
      .from(policyCredits)
      .where(and(eq(policyCredits.orgId, book.orgId), eq(policyCredits.policyId, second.policyId)));
    const refund = await refundPolicyCredit(db, ledger.current.client, book.finance, { creditId: credit!.id });
    expect(refund).toMatchObject({ ok: true, amountCents: 39_070, posting: { status: "posted" } });
    const b = await balances(book.orgId);
    expect(b.MGA_FIDUCIARY).toBe(-(1_321_859 + 660_930));
    expect(await refundPolicyCredit(db, ledger.current.client, book.finance, { creditId: credit!.id })).toMatchObject({
      ok: false,
      message: "This credit is used up.",
    });
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });
});
