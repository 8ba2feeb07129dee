// Return premium from a cancellation or an endorsement, refunded or applied to an invoice, against
// the real ledger (ADR 024). Worked example: a PIF policy of $3,660.00 premium, $250.00 fees and
// $183.00 tax ($4,093.00 in all) at 15% producer / 5% MGA commission, paid in full, cancelled at
// the insured's request on 2028-03-01 (pro rata: $2,754.00 premium and $137.70 tax returned, fees
// earned). The cancellation's return posting takes $2,891.70 back from the parties: producer
// $413.10, MGA $137.70, tax $137.70, carrier $2,203.20. What stays is the earned policy:
// producer $135.90, MGA $45.30 + fees $250.00, tax $45.30, carrier $724.80 (= $1,201.30).
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { ledgerPostings, policyCredits } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { createServicingBook } from "../../../tests/support/servicing-book.ts";
import { cancelPolicy } from "../servicing/cancellation.server.ts";
import { recordInvoicePayment } from "./premium-payments.server.ts";
import { reconcile } from "./reconciliation.server.ts";
import { getAccountBalances } from "./reports.server.ts";
import { TRANSFER_CODES } from "./chart.ts";
import { submitPosting, writePosting } from "./postings.server.ts";
import { allocationLegs } from "./premium-allocation.ts";
import { refundPolicyCredit, refundPostingId } from "./receivables.server.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

async function balances(orgId: string) {
  return Object.fromEntries(
    (await getAccountBalances(db, ledger.current.client, orgId)).map((b) => [b.name, b.balanceCents]),
  );
}

const EARNED = {
  PRODUCER_PAYABLE: 13_590,
  MGA_REVENUE: 4_530 + 25_000,
  TAX_AUTHORITY_PAYABLE: 4_530,
  CARRIER_PAYABLE: 72_480,
  MGA_FIDUCIARY: -120_130,
};

async function paidAndCancelled() {
  const book = await createServicingBook(db);
  const policy = await book.newPolicy();
  expect(policy.totalDueCents).toBe(409_300);
  const paid = await recordInvoicePayment(db, ledger.current.client, book.finance, {
    invoiceId: policy.firstInvoiceId,
    amountCents: 409_300,
    method: "check",
  });
  expect(paid.ok).toBe(true);
  const cancelled = await cancelPolicy(
    db,
    ledger.current.client,
    book.underwriter,
    policy.policyId,
    { reason: "insured_request", cancellationDate: "2028-03-01" },
    "2028-03-01",
  );
  expect(cancelled).toMatchObject({ ok: true, creditCents: 289_170 });
  expect(await balances(book.orgId)).toMatchObject(EARNED);
  const [credit] = await db
    .select()
    .from(policyCredits)
    .where(and(eq(policyCredits.orgId, book.orgId), eq(policyCredits.policyId, policy.policyId)));
  return { book, policy, credit: credit! };
}

describe("a return-premium credit refunded", () => {
  test("pays the insured out of the trust without taking the parties' shares back a second time", async () => {
    const { book, policy, credit } = await paidAndCancelled();
    const refund = await refundPolicyCredit(db, ledger.current.client, book.finance, { creditId: credit.id });
    expect(refund).toMatchObject({ ok: true, amountCents: 289_170, posting: null });
    // Every party keeps the earned policy's own figure: the cancellation already took the rest back.
    expect(await balances(book.orgId)).toMatchObject(EARNED);
    const postings = await db
      .select({ kind: ledgerPostings.kind })
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, book.orgId), eq(ledgerPostings.policyId, policy.policyId)));
    expect(postings.map((p) => p.kind).sort()).toEqual(["premium_payment", "premium_return"]);
    const [after] = await db
      .select()
      .from(policyCredits)
      .where(and(eq(policyCredits.orgId, book.orgId), eq(policyCredits.id, credit.id)));
    expect(after).toMatchObject({ status: "refunded", remainingCents: 0 });
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);
  });

  test("reconciliation names a refund of return premium that takes money back from the parties again", async () => {
    const { book, policy, credit } = await paidAndCancelled();
    expect(await refundPolicyCredit(db, ledger.current.client, book.finance, { creditId: credit.id })).toMatchObject({
      ok: true,
    });
    // What the defect posted, on a scale the payables can bear: $10.00 of the refund allocated
    // over the parties as if the cancellation had not taken the return premium back already.
    const refundId = refundPostingId(credit.id);
    await transactionWithRetry(db, (tx) =>
      writePosting(
        tx,
        book.orgId,
        { id: refundId, kind: "premium_refund", description: "Refund of return premium", policyId: policy.policyId },
        allocationLegs(
          { producer_commission: -113, mga_commission: -38, fees: -208, premium_tax: -38, net_to_carrier: -603 },
          TRANSFER_CODES.PREMIUM_REFUND,
        ),
      ),
    );
    expect(await submitPosting(db, ledger.current.client, book.orgId, refundId)).toMatchObject({ status: "posted" });
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([
      {
        kind: "refund_split",
        subject: `return premium credit ${credit.id}`,
        invoiceId: null,
        detail: "its refund took 1000 cents back from the parties, 0 expected",
      },
    ]);
  });
});
