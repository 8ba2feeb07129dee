import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import {
  installments,
  invoices,
  ledgerEntries,
  ledgerPostings,
  outboxEvents,
  policies,
  policyCredits,
  policyNotices,
  policyTransactions,
} from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createServicingBook } from "../../../tests/support/servicing-book.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { recordInvoicePayment } from "../ledger/premium-payments.server.ts";
import { reconcile } from "../ledger/reconciliation.server.ts";
import { cancelPolicy, previewCancellation, reinstatePolicy } from "./cancellation.server.ts";
import { runPolicyLifecycle } from "./lifecycle.server.ts";
import { nonRenewPolicy } from "./non-renewal.server.ts";
import { proRataReturn } from "../policies/earned-premium.ts";
import { addDays, addMonths } from "../../utils/calendar-date.ts";
import { toCents } from "../../utils/money.ts";
import { todayInUtc } from "../../utils/today.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

async function policyRow(orgId: string, policyId: string) {
  const [row] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.orgId, orgId), eq(policies.id, policyId)));
  return row!;
}
async function transactionsOf(orgId: string, policyId: string) {
  return db
    .select()
    .from(policyTransactions)
    .where(and(eq(policyTransactions.orgId, orgId), eq(policyTransactions.policyId, policyId)))
    .orderBy(policyTransactions.sequence);
}
async function eventTypes(orgId: string) {
  const rows = await db.select({ type: outboxEvents.type }).from(outboxEvents).where(eq(outboxEvents.orgId, orgId));
  return rows.map((r) => r.type);
}

describe("the daily lifecycle job", () => {
  test("issues, activates and expires policies in the org's dates, idempotently", async () => {
    const book = await createServicingBook(db);
    const future = await book.newPolicy({ status: "bound", effectiveDate: "2028-02-01" });
    const noDeclarations = await book.newPolicy({ status: "bound", withDeclarations: false });
    const ending = await book.newPolicy({ status: "active", effectiveDate: "2027-01-15" });

    const first = await runPolicyLifecycle(db, null, "2028-01-15", { orgId: book.orgId, chunkSize: 2 });
    expect((await policyRow(book.orgId, future.policyId)).status).toBe("issued");
    expect((await policyRow(book.orgId, noDeclarations.policyId)).status).toBe("bound");
    expect((await policyRow(book.orgId, ending.policyId)).status).toBe("expired");
    expect(first).toMatchObject({ issued: 1, expired: 1, activated: 0 });
    expect(await eventTypes(book.orgId)).toEqual(["policy.issued"]);

    // Coverage starts on the effective date.
    await runPolicyLifecycle(db, null, "2028-02-01", { orgId: book.orgId });
    expect((await policyRow(book.orgId, future.policyId)).status).toBe("active");
    const again = await runPolicyLifecycle(db, null, "2028-02-01", { orgId: book.orgId });
    expect(again).toEqual({
      issued: 0,
      activated: 0,
      expired: 0,
      nonRenewed: 0,
      noticesIssued: 0,
      cancelled: 0,
      noticesRescinded: 0,
    });
  });
});

describe("cancellation", () => {
  test("previews the return step by step and refuses what the lifecycle forbids", async () => {
    const book = await createServicingBook(db);
    const { policyId } = await book.newPolicy();
    const preview = await previewCancellation(
      db,
      book.underwriter,
      policyId,
      { reason: "insured_request", cancellationDate: "2028-03-01" },
      "2028-03-01",
    );
    expect(preview).toMatchObject({ ok: true, breakdown: { returnPremiumCents: 275_400, penaltyCents: 30_600 } });
    const company = await previewCancellation(
      db,
      book.underwriter,
      policyId,
      { reason: "company", cancellationDate: "2028-03-10" },
      "2028-03-01",
    );
    expect(company).toMatchObject({ ok: false, reason: "invalid", message: expect.stringContaining("2028-03-31") });
  });

  test("an insured's cancellation of a paid policy writes the row, a credit and the return posting once", async () => {
    const book = await createServicingBook(db);
    const { policyId, firstInvoiceId, totalDueCents } = await book.newPolicy();
    const paid = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: firstInvoiceId,
      amountCents: totalDueCents,
      method: "check",
    });
    expect(paid.ok).toBe(true);

    const request = { reason: "insured_request" as const, cancellationDate: "2028-03-01" };
    const outcome = await cancelPolicy(db, ledger.current.client, book.underwriter, policyId, request, "2028-03-01");
    expect(outcome).toMatchObject({ ok: true, status: "cancelled" });
    if (!outcome.ok) return;
    // 275,400 return premium + 13,770 taxes; fees stay earned.
    expect(outcome.creditCents).toBe(289_170);
    const rows = await transactionsOf(book.orgId, policyId);
    expect(rows.map((r) => [r.sequence, r.type])).toEqual([
      [1, "new_business"],
      [2, "cancellation"],
    ]);
    expect(rows[1]).toMatchObject({
      premiumCents: -275_400,
      taxesCents: -13_770,
      feesCents: 0,
      producerCommissionCents: -41_310,
      mgaCommissionCents: -13_770,
      reason: "insured_request",
      effectiveDate: "2028-03-01",
    });
    expect(await policyRow(book.orgId, policyId)).toMatchObject({ status: "cancelled", grossPremiumCents: 90_600 });
    const credits = await db
      .select()
      .from(policyCredits)
      .where(and(eq(policyCredits.orgId, book.orgId), eq(policyCredits.policyId, policyId)));
    expect(credits).toMatchObject([
      { source: "return_premium", sourceId: rows[1]!.id, amountCents: 289_170, status: "open" },
    ]);
    const [posting] = await db
      .select()
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, book.orgId), eq(ledgerPostings.id, rows[1]!.id)));
    expect(posting).toMatchObject({ kind: "premium_return", status: "posted" });
    const legs = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, book.orgId), eq(ledgerEntries.postingId, rows[1]!.id)))
      .orderBy(ledgerEntries.position);
    expect(legs.map((l) => [l.leg, l.transferCode, l.amountCents])).toEqual([
      ["commission_clawback", 111, 41_310],
      ["mga_commission_return", 112, 13_770],
      ["tax_return", 113, 13_770],
      ["return_premium", 110, 220_320],
    ]);
    expect(await eventTypes(book.orgId)).toContain("policy.cancelled");
    // Reconciliation finds the books agreeing: the return's legs sum to the credit, the ledger holds them.
    expect((await reconcile(db, ledger.current.client, book.orgId)).breaks).toEqual([]);

    const twice = await cancelPolicy(db, ledger.current.client, book.underwriter, policyId, request, "2028-03-01");
    expect(twice).toMatchObject({
      ok: false,
      reason: "transition_invalid",
      code: "POLICY_TRANSITION_INVALID",
      from: "cancelled",
      to: "cancelled",
    });
  });

  test("a company cancellation dated ahead waits as a notice the job executes on its date", async () => {
    const book = await createServicingBook(db);
    const { policyId } = await book.newPolicy({ plan: "QUARTERLY" });
    const outcome = await cancelPolicy(
      db,
      null,
      book.underwriter,
      policyId,
      { reason: "company", cancellationDate: "2028-04-01" },
      "2028-03-01",
    );
    expect(outcome).toMatchObject({ ok: true, status: "scheduled", transactionId: null });
    expect((await policyRow(book.orgId, policyId)).status).toBe("active");
    await runPolicyLifecycle(db, null, "2028-04-01", { orgId: book.orgId });
    const policy = await policyRow(book.orgId, policyId);
    expect(policy.status).toBe("cancelled");
    const schedule = await db
      .select({ status: installments.status })
      .from(installments)
      .where(and(eq(installments.orgId, book.orgId), eq(installments.policyId, policyId)));
    expect(schedule.every((i) => i.status === "waived")).toBe(true);
  });
});

describe("the non-payment chain", () => {
  test("notice after the due date, cancellation after 10 days, reinstatement when paid within 30", async () => {
    // The payment hook reinstates as of the real (or TEST_NOW) date, so the story is dated from it.
    const today = todayInUtc();
    const effectiveDate = addDays(today, -15);
    const book = await createServicingBook(db);
    const { policyId, firstInvoiceId } = await book.newPolicy({ plan: "QUARTERLY", effectiveDate });
    const run = (date: string) => runPolicyLifecycle(db, null, date, { orgId: book.orgId });
    // Due on the effective date; not yet overdue that day.
    expect((await run(effectiveDate)).noticesIssued).toBe(0);
    expect((await run(addDays(effectiveDate, 1))).noticesIssued).toBe(1);
    const cancellationDate = addDays(effectiveDate, 11);
    const [notice] = await db
      .select()
      .from(policyNotices)
      .where(and(eq(policyNotices.orgId, book.orgId), eq(policyNotices.policyId, policyId)));
    expect(notice).toMatchObject({ kind: "non_payment", invoiceId: firstInvoiceId, effectiveOn: cancellationDate });
    expect((await run(addDays(effectiveDate, 10))).cancelled).toBe(0);
    expect((await run(cancellationDate)).cancelled).toBe(1);
    expect((await policyRow(book.orgId, policyId)).status).toBe("cancelled");
    const [cancellation] = (await transactionsOf(book.orgId, policyId)).slice(1);
    const term = { effectiveDate, expirationDate: addMonths(effectiveDate, 12) };
    const proRata = proRataReturn({ premiumCents: toCents(366_000), term, cancellationDate });
    expect(cancellation).toMatchObject({
      type: "cancellation",
      reason: "non_payment",
      premiumCents: -proRata.returnCents,
    });
    // The overdue invoice stays payable.
    const [invoice] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, book.orgId), eq(invoices.id, firstInvoiceId)));
    expect(invoice!.status).toBe("invoiced");

    const paid = await recordInvoicePayment(db, ledger.current.client, book.finance, {
      invoiceId: firstInvoiceId,
      amountCents: invoice!.amountCents,
      method: "check",
    });
    expect(paid.ok).toBe(true);
    expect(await policyRow(book.orgId, policyId)).toMatchObject({ status: "active", grossPremiumCents: 366_000 });
    const rows = await transactionsOf(book.orgId, policyId);
    expect(rows.map((r) => r.type)).toEqual(["new_business", "cancellation", "reinstatement"]);
    expect(rows[2]).toMatchObject({
      premiumCents: proRata.returnCents,
      effectiveDate: cancellationDate,
      producerCommissionCents: -cancellation!.producerCommissionCents,
    });
    const schedule = await db
      .select({ number: installments.number, status: installments.status })
      .from(installments)
      .where(and(eq(installments.orgId, book.orgId), eq(installments.policyId, policyId)))
      .orderBy(installments.number);
    expect(schedule.map((i) => i.status)).toEqual(["paid", "pending", "pending", "pending"]);
    expect(await eventTypes(book.orgId)).toEqual(expect.arrayContaining(["policy.cancelled", "policy.reinstated"]));
  });

  test("refuses a reinstatement after 30 days and of a cancellation for another reason", async () => {
    const book = await createServicingBook(db);
    const { policyId } = await book.newPolicy();
    await cancelPolicy(
      db,
      null,
      book.underwriter,
      policyId,
      { reason: "insured_request", cancellationDate: "2028-03-01" },
      "2028-03-01",
    );
    expect(await reinstatePolicy(db, null, book.underwriter, policyId, "2028-03-02")).toMatchObject({
      ok: false,
      message: expect.stringContaining("non-payment"),
    });
    const active = await book.newPolicy();
    expect(await reinstatePolicy(db, null, book.underwriter, active.policyId, "2028-03-02")).toMatchObject({
      ok: false,
      code: "POLICY_TRANSITION_INVALID",
      from: "active",
    });
  });
});

describe("non-renewal", () => {
  test("needs 30 days' notice; the job ends the policy as non-renewed at expiry", async () => {
    const book = await createServicingBook(db);
    const { policyId } = await book.newPolicy({ effectiveDate: "2028-01-01" });
    expect(await nonRenewPolicy(db, book.underwriter, policyId, "loss_experience", "2028-12-10")).toMatchObject({
      ok: false,
      message: expect.stringContaining("30 days"),
    });
    expect(await nonRenewPolicy(db, book.underwriter, policyId, "loss_experience", "2028-12-01")).toMatchObject({
      ok: true,
    });
    await runPolicyLifecycle(db, null, "2029-01-01", { orgId: book.orgId });
    expect((await policyRow(book.orgId, policyId)).status).toBe("non_renewed");
    const [notice] = await db
      .select()
      .from(policyNotices)
      .where(and(eq(policyNotices.orgId, book.orgId), eq(policyNotices.policyId, policyId)));
    expect(notice).toMatchObject({ kind: "non_renewal", status: "executed", effectiveOn: "2029-01-01" });
    expect(await eventTypes(book.orgId)).toContain("policy.non_renewed");
  });
});
