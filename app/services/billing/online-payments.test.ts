// Item 13 of issue 10: the test card pays only in development and tests; in production an
// invoice is paid only when a payment provider confirms it server side.
import { and, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { payments } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createTestBook, useTestLedger } from "../../../tests/support/ledger.ts";
import { payInvoiceOnline } from "./online-payments.server.ts";
import { type PaymentProvider, paymentProviderFor, testCardProvider } from "./payment-provider.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

const paymentsOf = async (orgId: string) =>
  (
    await db
      .select({ n: count() })
      .from(payments)
      .where(and(eq(payments.orgId, orgId)))
  )[0]!.n;

/** A provider whose server-side answer the test decides. */
function fakeProvider(answer: Awaited<ReturnType<PaymentProvider["confirm"]>>): PaymentProvider & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    id: "fake",
    method: "ach",
    form: "provider",
    calls,
    async createIntent() {
      return { intentId: "pi_fake", clientData: {} };
    },
    async confirm(request) {
      calls.push(request);
      return answer;
    },
  };
}

describe("which payment provider the portal uses", () => {
  test("the test card only in development and tests; none in production unless one is plugged in", () => {
    expect(paymentProviderFor({ APP_ENV: "development" })).toBe(testCardProvider);
    expect(paymentProviderFor({ APP_ENV: "test" })).toBe(testCardProvider);
    expect(paymentProviderFor({ APP_ENV: "production" })).toBeNull();
    expect(paymentProviderFor({})).toBeNull();
    expect(paymentProviderFor({ APP_ENV: "production", PAYMENT_PROVIDER: "test_card" })).toBeNull();
  });
});

describe("paying an invoice online", () => {
  test("in production with no provider the test card pays nothing and the refusal says so", async () => {
    const book = await createTestBook(db);
    const outcome = await payInvoiceOnline(
      db,
      ledger.current.client,
      book.policyholder,
      paymentProviderFor({ APP_ENV: "production" }),
      {
        invoiceId: book.installmentInvoiceId,
        amountCents: 266_763,
        fields: { cardNumber: "4242 4242 4242 4242" },
      },
    );
    expect(outcome).toMatchObject({
      ok: false,
      reason: "not_configured",
      message: expect.stringContaining("not available"),
    });
    expect(await paymentsOf(book.orgId)).toBe(0);
    // Another org's invoice is not found, and its provider is never asked.
    const stranger = { ...book.policyholder, orgId: "org_someone_else" };
    const asked = fakeProvider({ status: "succeeded", amountCents: 1, reference: "x", intentId: "pi_x" });
    expect(
      await payInvoiceOnline(db, ledger.current.client, stranger, asked, {
        invoiceId: book.installmentInvoiceId,
        amountCents: 1,
        fields: {},
      }),
    ).toMatchObject({
      ok: false,
      reason: "not_found",
    });
    expect(asked.calls).toEqual([]);
  });

  test("the provider's server-side answer decides: declined writes nothing, confirmed records the captured amount once", async () => {
    const book = await createTestBook(db);
    const declined = fakeProvider({ status: "failed", message: "The payment was not completed." });
    expect(
      await payInvoiceOnline(db, ledger.current.client, book.policyholder, declined, {
        invoiceId: book.installmentInvoiceId,
        amountCents: 266_763,
        fields: { intentId: "pi_1" },
      }),
    ).toMatchObject({ ok: false, reason: "declined" });
    expect(await paymentsOf(book.orgId)).toBe(0);

    // The provider captured 100,000 cents whatever the form claimed: that is what is recorded.
    const captured = fakeProvider({
      status: "succeeded",
      amountCents: 100_000,
      reference: "card 4242",
      intentId: "pi_2",
    });
    const paid = await payInvoiceOnline(db, ledger.current.client, book.policyholder, captured, {
      invoiceId: book.installmentInvoiceId,
      amountCents: 266_763,
      fields: { intentId: "pi_2" },
    });
    expect(paid).toMatchObject({ ok: true, invoicePaid: false });
    expect(captured.calls).toEqual([
      { orgId: book.orgId, invoiceId: book.installmentInvoiceId, amountCents: 266_763, fields: { intentId: "pi_2" } },
    ]);
    const [row] = await db.select().from(payments).where(eq(payments.orgId, book.orgId));
    expect(row).toMatchObject({ amountCents: 100_000, method: "ach", reference: "pi_2" });

    // One intent pays once.
    const again = await payInvoiceOnline(db, ledger.current.client, book.policyholder, captured, {
      invoiceId: book.installmentInvoiceId,
      amountCents: 100_000,
      fields: { intentId: "pi_2" },
    });
    expect(again).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("already been recorded"),
    });
    expect(await paymentsOf(book.orgId)).toBe(1);
  });

  test("in development the test card still pays", async () => {
    const book = await createTestBook(db);
    const outcome = await payInvoiceOnline(
      db,
      ledger.current.client,
      book.policyholder,
      paymentProviderFor({ APP_ENV: "development" }),
      {
        invoiceId: book.installmentInvoiceId,
        amountCents: 266_763,
        fields: { cardNumber: "4242 4242 4242 4242" },
      },
    );
    expect(outcome).toMatchObject({ ok: true, invoicePaid: true });
  });
});
