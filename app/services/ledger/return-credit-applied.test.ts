// Return premium applied to an open invoice, against the real ledger (ADR 030).
//
// Worked example: a quarterly policy effective 2026-09-01 of $12,364.00 premium, $250.00 policy
// fee and $604.59 tax, plus four $5.00 installment fees ($13,238.59 in all), 15% producer / 5% MGA
// commission. Installment 1 ($3,309.67) is paid: producer $463.65, MGA $154.55, fees $67.50, tax
// $151.15, carrier $2,472.82. On 2026-10-15 an endorsement returns $1,200.00 premium and $58.68
// tax: nothing beyond installment 1 was billed, so the whole $1,258.68 becomes a credit and the
// return posting takes it back from the parties (producer $180.00, MGA $60.00, tax $58.68, carrier
// $960.00). The policy's figures are now $11,164.00 premium, $270.00 fees, $545.91 tax, $1,674.60
// producer and $558.20 MGA commission ($11,979.91 in all). Installment 2 ($3,309.64) is invoiced
// and the credit applied to it: the parties get the cumulative share at $3,309.67 received again
// less what they hold, producer $178.99, MGA $59.66, fees $7.09, tax $58.35, carrier $954.59
// (= $1,258.68, codes 170). The insured pays the rest: $2,050.96, then $3,309.64 twice. Every party
// ends on the policy's own figure: producer $1,674.60, MGA revenue $558.20 + $270.00, tax $545.91,
// carrier $8,931.20. Before ADR 030 the credit posted nothing and the parties ended $1,258.68 short.
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { invoices, ledgerEntries, ledgerPostings, policyCredits } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { TEST_LEDGER_KEY, useTestLedger } from "../../../tests/support/ledger.ts";
import { addPolicy, addTransaction, createMoneyBook, type MoneyBook } from "../../../tests/support/money.ts";
import { insertPayment } from "../../models/payments.server.ts";
import { insertReturnPremiumCredit } from "../../models/policy-servicing.server.ts";
import { sumAllocatedLegs } from "../../models/policy-money.server.ts";
import { runDailyBilling } from "../billing/billing-run.server.ts";
import { transactionCommission } from "../policies/policy-transactions.ts";
import { settleReturn } from "../servicing/cancellation.ts";
import { TRANSFER_CODES } from "./chart.ts";
import { createLedgerClient } from "./client.server.ts";
import { postAwaitingPostings, submitPosting, writePosting } from "./postings.server.ts";
import { partsOfLegs } from "./premium-allocation.ts";
import { premiumReturnLegs, splitReturn } from "./premium-return.ts";
import { recordInvoicePayment } from "./premium-payments.server.ts";
import { applyCreditToInvoice } from "./receivables.server.ts";
import { reconcile } from "./reconciliation.server.ts";
import { getAccountBalances } from "./reports.server.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

async function balances(orgId: string) {
  return Object.fromEntries(
    (await getAccountBalances(db, ledger.current.client, orgId)).map((b) => [b.name, b.balanceCents]),
  );
}

async function invoiceDue(orgId: string, dueDate: string) {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.orgId, orgId), eq(invoices.dueDate, dueDate)));
  return row!;
}

/**
 * A return-premium endorsement as servicing books it (endorsement.server.ts): the transaction, the
 * credit of what was paid beyond what is now due, and the return posting taking it back from the
 * parties. The rating that prices a real endorsement is not the subject here.
 */
async function bookReturnEndorsement(
  book: MoneyBook,
  policyId: string,
  r: { premiumCents: number; taxesCents: number; paidCents: number; billedCents: number; bookedOn: string },
) {
  const transactionId = await addTransaction(db, book, policyId, {
    sequence: 2,
    type: "endorsement",
    bookedOn: r.bookedOn,
    premiumCents: -r.premiumCents,
    taxesCents: -r.taxesCents,
  });
  const returnCents = r.premiumCents + r.taxesCents;
  const { creditCents } = settleReturn({
    returnCents,
    paidCents: r.paidCents,
    totalDueAfterCents: r.billedCents - returnCents,
  });
  const commission = transactionCommission({
    premiumCents: r.premiumCents,
    producerCommissionRate: "0.1500",
    mgaCommissionRate: "0.0500",
  });
  const returnCommission = {
    producerCommissionCents: commission.producerCommissionCents,
    mgaCommissionCents: commission.mgaCommissionCents,
  };
  await transactionWithRetry(db, async (tx) => {
    await insertReturnPremiumCredit(tx, book.orgId, { policyId, transactionId, amountCents: creditCents });
    await writePosting(
      tx,
      book.orgId,
      { id: transactionId, kind: "premium_return", description: "Return premium on endorsement", policyId },
      premiumReturnLegs(
        splitReturn(Math.min(creditCents, returnCents), {
          returnPremiumCents: r.premiumCents,
          ...returnCommission,
          feesCents: 0,
          taxesCents: r.taxesCents,
        }),
      ),
    );
  });
  expect(await submitPosting(db, ledger.current.client, book.orgId, transactionId)).toEqual({ status: "posted" });
  const [credit] = await db
    .select()
    .from(policyCredits)
    .where(and(eq(policyCredits.orgId, book.orgId), eq(policyCredits.sourceId, transactionId)));
  return credit!;
}

/** The worked example up to the credit and installment 2's invoice. */
async function endorsedWithCredit() {
  const book = await createMoneyBook(db);
  const policy = await addPolicy(db, book, { effectiveDate: "2026-09-01" });
  const paid = await recordInvoicePayment(db, ledger.current.client, book.finance, {
    invoiceId: policy.firstInvoiceId,
    amountCents: 330_967,
    method: "check",
  });
  expect(paid).toMatchObject({ ok: true, invoicePaid: true });
  const credit = await bookReturnEndorsement(book, policy.policyId, {
    premiumCents: 120_000,
    taxesCents: 5_868,
    paidCents: 330_967,
    billedCents: 330_967,
    bookedOn: "2026-10-15",
  });
  expect(credit).toMatchObject({ source: "return_premium", amountCents: 125_868, status: "open" });
  expect(await balances(book.orgId)).toMatchObject({
    PRODUCER_PAYABLE: 46_365 - 18_000,
    MGA_REVENUE: 15_455 + 6_750 - 6_000,
    TAX_AUTHORITY_PAYABLE: 15_115 - 5_868,
    CARRIER_PAYABLE: 247_282 - 96_000,
  });
  await runDailyBilling(db, "2026-11-11", { orgId: book.orgId });
  const second = await invoiceDue(book.orgId, "2026-12-01");
  expect(second.amountCents).toBe(330_964);
  return { book, policy, credit, second };
}

const APPLIED = {
  producer_commission: 17_899,
  mga_commission: 5_966,
  fees: 709,
  premium_tax: 5_835,
  net_to_carrier: 95_459,
};

describe("a return-premium credit applied to an open invoice", () => {
  test("gives the parties their cumulative share again, so the paid-up policy ends on its own figures", async () => {
    const { book, policy, credit, second } = await endorsedWithCredit();
    const applied = await applyCreditToInvoice(db, ledger.current.client, book.finance, {
      creditId: credit.id,
      invoiceId: second.id,
      today: "2026-11-12",
    });
    expect(applied).toMatchObject({
      ok: true,
      appliedCents: 125_868,
      invoicePaid: false,
      allocation: APPLIED,
      posting: { status: "posted" },
    });
    if (!applied.ok) return;
    const legs = await db
      .select({ leg: ledgerEntries.leg, amountCents: ledgerEntries.amountCents, code: ledgerEntries.transferCode })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, book.orgId), eq(ledgerEntries.postingId, applied.paymentId)));
    expect(legs).toHaveLength(5);
    expect(legs.every((l) => l.code === TRANSFER_CODES.RETURN_CREDIT_APPLIED)).toBe(true);
    expect(Object.fromEntries(legs.map((l) => [l.leg, l.amountCents]))).toEqual(APPLIED);

    // The insured pays the rest of the year in cash.
    const pay = (invoiceId: string, amountCents: number) =>
      recordInvoicePayment(db, ledger.current.client, book.finance, { invoiceId, amountCents, method: "check" });
    expect(await pay(second.id, 330_964 - 125_868)).toMatchObject({ ok: true, invoicePaid: true });
    await runDailyBilling(db, "2027-02-09", { orgId: book.orgId });
    expect(await pay((await invoiceDue(book.orgId, "2027-03-01")).id, 330_964)).toMatchObject({ ok: true });
    await runDailyBilling(db, "2027-05-12", { orgId: book.orgId });
    expect(await pay((await invoiceDue(book.orgId, "2027-06-01")).id, 330_964)).toMatchObject({ ok: true });

    expect(partsOfLegs(await sumAllocatedLegs(db, book.orgId, policy.policyId))).toEqual({
      producer_commission: 167_460,
      mga_commission: 55_820,
      fees: 27_000,
      premium_tax: 54_591,
      net_to_carrier: 893_120,
    });
    expect(await balances(book.orgId)).toMatchObject({
      PRODUCER_PAYABLE: 167_460,
      MGA_REVENUE: 55_820 + 27_000,
      TAX_AUTHORITY_PAYABLE: 54_591,
      CARRIER_PAYABLE: 893_120,
      MGA_FIDUCIARY: -1_197_991,
    });
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });

  test("reconciliation names a return-premium credit applied without its posting", async () => {
    const { book, policy, credit, second } = await endorsedWithCredit();
    // What applying the credit wrote before ADR 030: the credit payment and no posting.
    await insertPayment(db, book.orgId, {
      id: "pay_unposted_return_credit",
      invoiceId: second.id,
      policyId: policy.policyId,
      amountCents: 125_868,
      method: "credit",
      reference: credit.id,
      receivedByUserId: book.finance.userId,
    });
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([
      {
        kind: "payment_split",
        subject: "pay_unposted_return_credit",
        invoiceId: second.id,
        detail: "the legs of its posting sum to 0 cents, the payment is 125868",
      },
    ]);
  });

  test("sent twice at once it applies once; with the ledger down it waits and the retry posts the same transfers", async () => {
    const { book, credit, second } = await endorsedWithCredit();
    const unreachable = createLedgerClient({
      url: ledger.current.ledger.url,
      apiKey: TEST_LEDGER_KEY,
      fetch: async () => {
        throw new TypeError("fetch failed: connection refused");
      },
    });
    const request = { creditId: credit.id, invoiceId: second.id, today: "2026-11-12" };
    const outcomes = await Promise.all([
      applyCreditToInvoice(db, unreachable, book.finance, request),
      applyCreditToInvoice(db, unreachable, book.finance, request),
    ]);
    const done = outcomes.filter((o) => o.ok);
    expect(done).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toEqual({ ok: false, reason: "refused", message: "This credit is used up." });
    expect(done[0]).toMatchObject({ appliedCents: 125_868, posting: { status: "awaiting_posting" } });

    const postings = await db
      .select({ id: ledgerPostings.id, status: ledgerPostings.status })
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, book.orgId), eq(ledgerPostings.kind, "credit_applied")));
    expect(postings).toEqual([{ id: (done[0] as { paymentId: string }).paymentId, status: "awaiting_posting" }]);

    expect(await postAwaitingPostings(db, ledger.current.client, { orgId: book.orgId })).toMatchObject({
      posted: 1,
      rejected: 0,
    });
    // Submitting again finds it posted and sends nothing.
    expect(await submitPosting(db, ledger.current.client, book.orgId, postings[0]!.id)).toEqual({ status: "posted" });
    expect(await balances(book.orgId)).toMatchObject({
      PRODUCER_PAYABLE: 28_365 + 17_899,
      TAX_AUTHORITY_PAYABLE: 9_247 + 5_835,
      CARRIER_PAYABLE: 151_282 + 95_459,
    });
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });
});
