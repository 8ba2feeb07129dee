// The proxy dies in the middle of a payment; after it restarts, the retry job posts the
// payment, and it is on the ledger exactly once.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { ledgerEntries, ledgerPostings } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { loadBook, provisionBook } from "./book.server.ts";
import { ACCOUNT } from "./chart.ts";
import { createLedgerClient } from "./client.server.ts";
import { POSTING_ERRORS, postAwaitingPostings } from "./postings.server.ts";
import { recordInvoicePayment } from "./premium-payments.server.ts";
import { reconcile } from "./reconciliation.server.ts";
import { getAccountBalances } from "./reports.server.ts";
import { createTestBook, startTestLedger, TEST_LEDGER_KEY, type TestLedger } from "../../../tests/support/ledger.ts";

const db = guardedTestDatabase();
let proxy: TestLedger | undefined;

afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

/** A client whose transfer submission reaches the proxy, which is then SIGKILLed before the app reads the answer. */
function clientKillingProxyAfterSubmit(running: TestLedger) {
  return createLedgerClient({
    url: running.ledger.url,
    apiKey: TEST_LEDGER_KEY,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith("/transfers") && init?.method === "POST") {
        running.ledger.child.kill("SIGKILL");
        throw new TypeError("fetch failed: socket hang up");
      }
      return response;
    },
  });
}

async function postingOf(orgId: string, paymentId: string) {
  const [posting] = await db
    .select()
    .from(ledgerPostings)
    .where(and(eq(ledgerPostings.orgId, orgId), eq(ledgerPostings.id, paymentId)));
  const entries = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.postingId, paymentId)));
  return { posting: posting!, entries };
}

describe("the ledger proxy fails in the middle of a payment", () => {
  test("killed after it committed the chain but before answering: the retry posts nothing twice", async () => {
    proxy = await startTestLedger();
    const book = await createTestBook(db);
    await provisionBook(db, proxy.client, book.orgId);

    const outcome = await recordInvoicePayment(db, clientKillingProxyAfterSubmit(proxy), book.finance, {
      invoiceId: book.invoiceId,
      amountCents: 1_065_050,
      method: "check",
    });
    expect(outcome).toMatchObject({ ok: true, invoicePaid: true, posting: { status: "awaiting_posting" } });
    if (!outcome.ok) return;
    const before = await postingOf(book.orgId, outcome.paymentId);
    expect(before.posting).toMatchObject({
      status: "awaiting_posting",
      attempts: 1,
      lastError: expect.stringContaining("did not answer"),
    });

    proxy = await proxy.restart();
    // The chain did commit before the crash: its ids are on the ledger already.
    expect(await proxy.client.lookupTransfers(before.entries.map((e) => BigInt(e.transferId)))).toHaveLength(5);
    expect(await postAwaitingPostings(db, proxy.client, { orgId: book.orgId })).toEqual({
      attempted: 1,
      posted: 1,
      rejected: 0,
      stillWaiting: 0,
    });
    expect(await postAwaitingPostings(db, proxy.client, { orgId: book.orgId })).toEqual({
      attempted: 0,
      posted: 0,
      rejected: 0,
      stillWaiting: 0,
    });

    const after = await postingOf(book.orgId, outcome.paymentId);
    expect(after.posting.status).toBe("posted");
    expect(after.entries.map((e) => e.transferId).sort()).toEqual(before.entries.map((e) => e.transferId).sort());
    const fiduciary = (await getAccountBalances(db, proxy.client, book.orgId)).find(
      (b) => b.code === ACCOUNT.MGA_FIDUCIARY,
    )!;
    expect(fiduciary).toMatchObject({ debitsPostedCents: 1_065_050, creditsPostedCents: 0 });
    const ledgerBook = await loadBook(db, book.orgId);
    expect(await proxy.client.getAccountTransfers(ledgerBook.accountId(ACCOUNT.MGA_FIDUCIARY))).toHaveLength(5);
    expect((await reconcile(db, proxy.client, book.orgId)).breaks).toEqual([]);
  });

  test("down before the payment: it waits as awaiting posting, then the retry job posts it once", async () => {
    proxy = await startTestLedger();
    const book = await createTestBook(db);
    await provisionBook(db, proxy.client, book.orgId);
    const deadClient = proxy.client;
    proxy.ledger.child.kill("SIGKILL");
    await new Promise((resolve) => proxy!.ledger.child.once("exit", resolve));

    const outcome = await recordInvoicePayment(db, deadClient, book.finance, {
      invoiceId: book.invoiceId,
      amountCents: 500_000,
      method: "ach",
    });
    expect(outcome).toMatchObject({ ok: true, posting: { status: "awaiting_posting" } });
    if (!outcome.ok) return;
    expect(await postAwaitingPostings(db, deadClient, { orgId: book.orgId })).toMatchObject({
      attempted: 1,
      posted: 0,
      stillWaiting: 1,
    });
    const { entries } = await postingOf(book.orgId, outcome.paymentId);

    proxy = await proxy.restart();
    expect(await proxy.client.lookupTransfers(entries.map((e) => BigInt(e.transferId)))).toEqual([]);
    expect(await postAwaitingPostings(db, proxy.client, { orgId: book.orgId })).toMatchObject({
      attempted: 1,
      posted: 1,
    });
    const transfers = await proxy.client.lookupTransfers(entries.map((e) => BigInt(e.transferId)));
    expect(transfers.reduce((sum, t) => sum + t.amount, 0n)).toBe(500_000n);
    expect((await postingOf(book.orgId, outcome.paymentId)).posting).toMatchObject({ status: "posted", attempts: 3 });
  });

  test("a wrong API key is configuration, not a refusal: the payment waits and posts once the key is right", async () => {
    proxy = await startTestLedger();
    const book = await createTestBook(db);
    const misconfigured = createLedgerClient({ url: proxy.ledger.url, apiKey: "not-the-ledger-key-at-all" });
    const outcome = await recordInvoicePayment(db, misconfigured, book.finance, {
      invoiceId: book.invoiceId,
      amountCents: 20_000,
      method: "check",
    });
    expect(outcome).toMatchObject({
      ok: true,
      posting: { status: "awaiting_posting", error: expect.stringContaining("API key") },
    });
    expect(await postAwaitingPostings(db, proxy.client, { orgId: book.orgId })).toMatchObject({ posted: 1 });
  });
});

describe("issue 10 item 22: a ledger failure shows a plain message", () => {
  test("the ledger's address and the raw error never reach the posting's last error", async () => {
    const book = await createTestBook(db);
    const unreachable = createLedgerClient({ url: "http://127.0.0.1:1/private-ledger-host", apiKey: "k" });
    const outcome = await recordInvoicePayment(db, unreachable, book.finance, {
      invoiceId: book.invoiceId,
      amountCents: 20_000,
      method: "check",
    });
    expect(outcome).toMatchObject({
      ok: true,
      posting: { status: "awaiting_posting", error: POSTING_ERRORS.unavailable },
    });
    if (!outcome.ok) return;
    const { posting } = await postingOf(book.orgId, outcome.paymentId);
    expect(posting.lastError).toBe(POSTING_ERRORS.unavailable);
    expect(JSON.stringify(outcome)).not.toMatch(/127\.0\.0\.1|private-ledger-host|ECONNREFUSED|fetch failed/);
  });
});

test("issue 10 item 22: a raw error stored before shows as the plain message", async () => {
  const { postingErrorForDisplay } = await import("./postings.server.ts");
  expect(
    postingErrorForDisplay(
      "awaiting_posting",
      "the ledger at https://ledger.internal:8443 did not answer: fetch failed",
    ),
  ).toBe(POSTING_ERRORS.unavailable);
  expect(postingErrorForDisplay("rejected", "proxy said: bad request at /v1/transfers")).toBe(POSTING_ERRORS.refused);
  expect(postingErrorForDisplay("rejected", "the ledger refused the chain (fees: exceeds_credits)")).toBe(
    "the ledger refused the chain (fees: exceeds_credits)",
  );
  expect(postingErrorForDisplay("posted", null)).toBeNull();
});
