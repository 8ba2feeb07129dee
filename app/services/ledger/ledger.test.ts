// The ledger client against the real proxy (embedded backend) and the real database.
import { and, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { installments, invoices, ledgerEntries, ledgerPostings, payments } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { loadBook, provisionBook } from "./book.server.ts";
import { ACCOUNT, ACCOUNT_TYPES, accountFlags } from "./chart.ts";
import { writePosting } from "./postings.server.ts";
import { recordInvoicePayment } from "./premium-payments.server.ts";
import { reconcile } from "./reconciliation.server.ts";
import { getAccountBalances, getTrialBalance } from "./reports.server.ts";
import { listJournalPage } from "../../models/journal.server.ts";
import { journalTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { createTestBook, TEST_LEDGER_KEY, useTestLedger } from "../../../tests/support/ledger.ts";
import { createLedgerClient } from "./client.server.ts";
import { createId } from "../../utils/ids.ts";

const db = guardedTestDatabase();
const allEntries = parseTableState(new URLSearchParams("size=100"), journalTable);
const ledger = useTestLedger();

async function balances(orgId: string) {
  return Object.fromEntries(
    (await getAccountBalances(db, ledger.current.client, orgId)).map((b) => [b.name, b.balanceCents]),
  );
}

async function writtenFor(orgId: string) {
  const [p] = await db.select({ n: count() }).from(payments).where(eq(payments.orgId, orgId));
  const [l] = await db.select({ n: count() }).from(ledgerPostings).where(eq(ledgerPostings.orgId, orgId));
  return { payments: p!.n, postings: l!.n };
}

describe("provisioning an org's book", () => {
  test("creates the nine account types on the org's own ledger, and repeating it changes nothing", async () => {
    const book = await createTestBook(db);
    const first = await provisionBook(db, ledger.current.client, book.orgId);
    const accounts = await ledger.current.client.lookupAccounts(ACCOUNT_TYPES.map((t) => first.accountId(t.code)));
    expect(accounts.map((a) => a.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(accounts.every((a) => a.ledger === first.ledger)).toBe(true);
    expect(accounts.map((a) => a.flags)).toEqual(ACCOUNT_TYPES.map((t) => accountFlags(t.code)));
    // A second client (another isolate) provisions again: the accounts answer `exists`.
    const again = await provisionBook(
      db,
      createLedgerClient({ url: ledger.current.ledger.url, apiKey: TEST_LEDGER_KEY }),
      book.orgId,
    );
    expect(again.ledger).toBe(first.ledger);
    expect((await loadBook(db, book.orgId)).provisioned).toBe(true);
  });
});

describe("a premium payment", () => {
  test("posts one linked chain whose legs sum to the payment, and marks the invoice paid", async () => {
    const book = await createTestBook(db);
    const outcome = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: book.invoiceId,
      amountCents: 1_065_050,
      method: "check",
      reference: "1042",
    });
    expect(outcome).toMatchObject({ ok: true, invoicePaid: true, posting: { status: "posted" } });
    if (!outcome.ok) return;
    expect(outcome.split).toEqual({
      paymentCents: 1_065_050,
      producerCommissionCents: 150_000,
      mgaCommissionCents: 50_000,
      feesCents: 25_000,
      premiumTaxCents: 40_050,
      netToCarrierCents: 800_000,
    });

    expect(await balances(book.orgId)).toEqual({
      CARRIER_PAYABLE: 800_000,
      MGA_FIDUCIARY: -1_065_050,
      MGA_REVENUE: 75_000,
      PRODUCER_PAYABLE: 150_000,
      TAX_AUTHORITY_PAYABLE: 40_050,
      LOSS_FUND: 0,
      CLAIMS_PAID: 0,
      RESERVES: 0,
      REINSURER_PAYABLE: 0,
    });
    expect(
      (await getAccountBalances(db, ledger.current.client, book.orgId)).find((b) => b.code === ACCOUNT.MGA_FIDUCIARY),
    ).toMatchObject({ debitsPostedCents: 1_065_050, creditsPostedCents: 0 });
    const trial = await getTrialBalance(db, ledger.current.client, book.orgId);
    expect(trial).toMatchObject({ totalDebitCents: 1_065_050, totalCreditCents: 1_065_050, balanced: true });

    const entries = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, book.orgId), eq(ledgerEntries.postingId, outcome.paymentId)))
      .orderBy(ledgerEntries.position);
    expect(entries.map((e) => e.leg)).toEqual([
      "producer_commission",
      "mga_commission",
      "fees",
      "premium_tax",
      "net_to_carrier",
    ]);
    const transfers = await ledger.current.client.lookupTransfers(entries.map((e) => BigInt(e.transferId)));
    expect(transfers.map((t) => Number(t.amount))).toEqual([150_000, 50_000, 25_000, 40_050, 800_000]);
    expect(transfers.map((t) => t.code)).toEqual([102, 102, 104, 103, 101]);
    // linked on all but the last: one atomic chain.
    expect(transfers.map((t) => t.flags & 1)).toEqual([1, 1, 1, 1, 0]);

    const journal = (await listJournalPage(db, book.orgId, { invoice: book.invoiceId }, allEntries)).rows;
    expect(journal).toHaveLength(5);
    expect(
      journal.every(
        (j) =>
          j.invoiceNumber === "INV-T-1" && j.policyId === book.policyId && j.debitAccount === ACCOUNT.MGA_FIDUCIARY,
      ),
    ).toBe(true);
    expect(
      (await listJournalPage(db, book.orgId, { account: ACCOUNT.PRODUCER_PAYABLE }, allEntries)).rows,
    ).toMatchObject([{ amountCents: 150_000, leg: "producer_commission", creditAccount: ACCOUNT.PRODUCER_PAYABLE }]);
    expect((await listJournalPage(db, book.orgId, { from: "2000-01-01", to: "2000-12-31" }, allEntries)).total).toBe(0);
    const fiduciary = (await loadBook(db, book.orgId)).accountId(ACCOUNT.MGA_FIDUCIARY);
    expect(await ledger.current.client.getAccountTransfers(fiduciary, { newestFirst: true })).toHaveLength(5);

    const [invoice] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, book.orgId), eq(invoices.id, book.invoiceId)));
    expect(invoice!.status).toBe("paid");
    expect(
      (await reconcile(db, ledger.current.client, book.orgId)).breaks.filter((b) => b.kind !== "invoice_status"),
    ).toEqual([]);
  });

  test("an installment is paid in parts: its fee goes to MGA revenue and it is paid when the balance reaches zero", async () => {
    const book = await createTestBook(db);
    const first = await recordInvoicePayment(db, ledger.current.client, book.policyholder, {
      invoiceId: book.installmentInvoiceId,
      amountCents: 100_000,
      method: "test_card",
      reference: "4242",
    });
    expect(first).toMatchObject({ ok: true, invoicePaid: false, posting: { status: "posted" } });
    const over = await recordInvoicePayment(db, ledger.current.client, book.policyholder, {
      invoiceId: book.installmentInvoiceId,
      amountCents: 166_764,
      method: "test_card",
    });
    expect(over).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("166763 cents still owed"),
    });
    // Finance may take more than the invoice (an overpayment, ADR 018), never more than the policy owes.
    expect(
      await recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: book.installmentInvoiceId,
        amountCents: 965_551,
        method: "check",
        allowOverpayment: true,
      }),
    ).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("965550 cents still owed on policy"),
    });
    const rest = await recordInvoicePayment(db, ledger.current.client, book.policyholder, {
      invoiceId: book.installmentInvoiceId,
      amountCents: 166_763,
      method: "test_card",
    });
    expect(rest).toMatchObject({ ok: true, invoicePaid: true });
    const [installment] = await db
      .select()
      .from(installments)
      .where(and(eq(installments.orgId, book.orgId), eq(installments.invoiceId, book.installmentInvoiceId)));
    expect(installment!.status).toBe("paid");
    const b = await balances(book.orgId);
    expect(b.MGA_FIDUCIARY).toBe(-266_763);
    expect(b.CARRIER_PAYABLE! + b.MGA_REVENUE! + b.PRODUCER_PAYABLE! + b.TAX_AUTHORITY_PAYABLE!).toBe(266_763);
    expect(await reconcile(db, ledger.current.client, book.orgId)).toMatchObject({
      breaks: [],
      paymentsChecked: 2,
      transfersChecked: 10,
    });
  });

  test("two concurrent payments of the whole balance: one is recorded, the other refused", async () => {
    const book = await createTestBook(db);
    const pay = () =>
      recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: book.invoiceId,
        amountCents: 1_065_050,
        method: "check",
      });
    const outcomes = await Promise.all([pay(), pay()]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ reason: "refused" });
    expect(await writtenFor(book.orgId)).toEqual({ payments: 1, postings: 1 });
    expect((await balances(book.orgId)).MGA_FIDUCIARY).toBe(-1_065_050);
  });

  test.each([
    ["a negative amount", -500, /positive amount in whole cents/],
    ["zero", 0, /positive amount in whole cents/],
    ["a fractional amount", 100.5, /positive amount in whole cents/],
    ["more than the invoice", 1_065_051, /more than the 1065050 cents still owed on invoice/],
    ["an oversized amount", Number.MAX_SAFE_INTEGER + 2, /positive amount in whole cents/],
  ])("refuses %s and posts nothing", async (_name, amountCents, message) => {
    const book = await createTestBook(db);
    const outcome = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: book.invoiceId,
      amountCents,
      method: "check",
    });
    expect(outcome).toMatchObject({ ok: false, reason: "refused", message: expect.stringMatching(message) });
    expect(await writtenFor(book.orgId)).toEqual({ payments: 0, postings: 0 });
    expect(Object.values(await balances(book.orgId)).every((v) => v === 0)).toBe(true);
  });

  test("refuses a paid invoice, an unknown invoice, another org's invoice and someone else's policy", async () => {
    const book = await createTestBook(db);
    const other = await createTestBook(db);
    expect(
      await recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: "inv_nope",
        amountCents: 100,
        method: "check",
      }),
    ).toMatchObject({ ok: false, reason: "not_found" });
    expect(
      await recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: other.invoiceId,
        amountCents: 100,
        method: "check",
      }),
    ).toMatchObject({ ok: false, reason: "not_found" });
    const stranger = { ...book.policyholder, insuredId: "ins_someone_else" };
    expect(
      await recordInvoicePayment(db, ledger.current.client, stranger, {
        invoiceId: book.invoiceId,
        amountCents: 100,
        method: "test_card",
      }),
    ).toMatchObject({ ok: false, reason: "not_found" });
    await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: book.invoiceId,
      amountCents: 1_065_050,
      method: "check",
    });
    expect(
      await recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: book.invoiceId,
        amountCents: 1,
        method: "check",
      }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("already paid") });
    expect(await writtenFor(book.orgId)).toEqual({ payments: 1, postings: 1 });
    expect(await writtenFor(other.orgId)).toEqual({ payments: 0, postings: 0 });
  });

  test("unknown accounts are refused: a leg naming an account type outside the chart is not written", async () => {
    const book = await createTestBook(db);
    await expect(
      db.transaction((tx) =>
        writePosting(tx, book.orgId, { id: createId("tst"), kind: "premium_payment", description: "bad" }, [
          { leg: "x", debit: 2, credit: 12 as never, amountCents: 5, transferCode: 101 },
        ]),
      ),
    ).rejects.toThrow(/unknown account type 12/);
    expect(await writtenFor(book.orgId)).toEqual({ payments: 0, postings: 0 });
  });
});

describe("reconciliation", () => {
  test("lists every break between the database and the ledger", async () => {
    const book = await createTestBook(db);
    await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: book.invoiceId,
      amountCents: 1_065_050,
      method: "check",
    });
    // The database says an invoice is paid that nobody paid, and the ledger holds a transfer the database never recorded.
    await db
      .update(invoices)
      .set({ status: "paid" })
      .where(and(eq(invoices.orgId, book.orgId), eq(invoices.id, book.installmentInvoiceId)));
    const ledgerBook = await loadBook(db, book.orgId);
    const [stray] = await ledger.current.client.createTransfers([
      {
        id: 77n + BigInt(Date.now()),
        debitAccountId: ledgerBook.accountId(ACCOUNT.MGA_FIDUCIARY),
        creditAccountId: ledgerBook.accountId(ACCOUNT.MGA_REVENUE),
        amount: 999n,
        ledger: ledgerBook.ledger,
        code: 104,
        linked: false,
        userData128: 0n,
      },
    ]);
    expect(stray!.status).toBe("created");
    const { breaks } = await reconcile(db, ledger.current.client, book.orgId);
    expect(breaks.map((b) => [b.kind, b.subject])).toEqual([
      ["invoice_status", "INV-T-2"],
      ["account_balance", "MGA_FIDUCIARY"],
      ["account_balance", "MGA_REVENUE"],
    ]);
  });
});

describe("isolation between organizations", () => {
  test("one org cannot read another's transfers, journal or balances", async () => {
    const a = await createTestBook(db);
    const b = await createTestBook(db);
    const paid = await recordInvoicePayment(db, ledger.current.client, a.finance, {
      invoiceId: a.invoiceId,
      amountCents: 1_065_050,
      method: "check",
    });
    if (!paid.ok) throw new Error(paid.message);
    const ids = (
      await db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.orgId, a.orgId), eq(ledgerEntries.postingId, paid.paymentId)))
    ).map((e) => BigInt(e.transferId));
    expect(
      (await listJournalPage(db, a.orgId, { invoice: a.invoiceId }, allEntries)).rows.map((j) => BigInt(j.transferId)),
    ).toEqual(expect.arrayContaining(ids));
    expect((await listJournalPage(db, b.orgId, {}, allEntries)).total).toBe(0);
    expect((await listJournalPage(db, b.orgId, { invoice: a.invoiceId }, allEntries)).total).toBe(0);
    expect(Object.values(await balances(b.orgId)).every((v) => v === 0)).toBe(true);
    expect((await loadBook(db, a.orgId)).ledger).not.toBe((await loadBook(db, b.orgId)).ledger);
  });
});
