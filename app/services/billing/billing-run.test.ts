// The daily billing job against the real database: installments invoiced ahead of their due date
// with their events, invoices turning overdue after it, and a second run changing nothing.
import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { installments, invoices, outboxEvents } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { addPolicy, createMoneyBook } from "../../../tests/support/money.ts";
import { runDailyBilling } from "./billing-run.server.ts";

const db = guardedTestDatabase();

async function scheduleOf(orgId: string, policyId: string) {
  return db
    .select({ number: installments.number, status: installments.status, invoiceId: installments.invoiceId })
    .from(installments)
    .where(and(eq(installments.orgId, orgId), eq(installments.policyId, policyId)))
    .orderBy(asc(installments.number));
}

describe("the daily billing run", () => {
  test("invoices each installment 20 days before it falls due, once, with invoice.generated", async () => {
    const book = await createMoneyBook(db);
    // Quarterly from 2026-09-01: due 09-01, 12-01, 2027-03-01, 06-01.
    const policy = await addPolicy(db, book, { effectiveDate: "2026-09-01" });

    expect(await runDailyBilling(db, "2026-11-10", { orgId: book.orgId })).toMatchObject({ invoiced: 0 });
    const run = await runDailyBilling(db, "2026-11-11", { orgId: book.orgId });
    expect(run.invoiced).toBe(1);
    const schedule = await scheduleOf(book.orgId, policy.policyId);
    expect(schedule.map((i) => i.status)).toEqual(["overdue", "invoiced", "pending", "pending"]);

    const [second] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, book.orgId), eq(invoices.id, schedule[1]!.invoiceId!)));
    expect(second).toMatchObject({
      policyId: policy.policyId,
      dueDate: "2026-12-01",
      amountCents: 330_964, // $13,218.59 / 4 truncated (the residue goes on the first) plus the $5 installment fee
      status: "invoiced",
      invoiceNumber: "INV-2026-00001",
    });
    const events = await db
      .select({ type: outboxEvents.type, payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, book.orgId), inArray(outboxEvents.type, ["invoice.generated"])));
    expect(events).toEqual([
      {
        type: "invoice.generated",
        payload: expect.objectContaining({
          invoiceId: second!.id,
          invoiceNumber: "INV-2026-00001",
          policyNumber: policy.policyNumber,
          insuredId: policy.insuredId,
          installment: 2,
          amountCents: 330_964,
        }),
      },
    ]);

    // The same day again, and the next: nothing new.
    expect(await runDailyBilling(db, "2026-11-11", { orgId: book.orgId })).toEqual({ invoiced: 0, overdue: 0 });
    expect(await runDailyBilling(db, "2026-11-12", { orgId: book.orgId })).toEqual({ invoiced: 0, overdue: 0 });
  });

  test("an invoice unpaid after its due date turns overdue once, with invoice.overdue; paid ones stay paid", async () => {
    const book = await createMoneyBook(db);
    const unpaid = await addPolicy(db, book, { effectiveDate: "2026-10-01" });
    const paid = await addPolicy(db, book, { effectiveDate: "2026-10-01" });
    await db
      .update(invoices)
      .set({ status: "paid" })
      .where(and(eq(invoices.orgId, book.orgId), eq(invoices.id, paid.firstInvoiceId)));

    expect((await runDailyBilling(db, "2026-10-01", { orgId: book.orgId })).overdue).toBe(0);
    expect((await runDailyBilling(db, "2026-10-02", { orgId: book.orgId })).overdue).toBe(1);
    expect((await runDailyBilling(db, "2026-10-03", { orgId: book.orgId })).overdue).toBe(0);
    const rows = await db
      .select({ id: invoices.id, status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.orgId, book.orgId), inArray(invoices.id, [unpaid.firstInvoiceId, paid.firstInvoiceId])));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [unpaid.firstInvoiceId]: "overdue",
      [paid.firstInvoiceId]: "paid",
    });
    expect((await scheduleOf(book.orgId, unpaid.policyId))[0]!.status).toBe("overdue");
    const overdueEvents = await db
      .select({ payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, book.orgId), eq(outboxEvents.type, "invoice.overdue")));
    expect(overdueEvents).toEqual([
      { payload: expect.objectContaining({ invoiceId: unpaid.firstInvoiceId, dueDate: "2026-10-01" }) },
    ]);
  });

  test("numbers continue the org's invoice sequence across chunks", async () => {
    const book = await createMoneyBook(db);
    for (let i = 0; i < 3; i++) await addPolicy(db, book, { plan: "MONTHLY_10", effectiveDate: "2026-11-15" });
    const run = await runDailyBilling(db, "2026-11-26", { orgId: book.orgId });
    expect(run.invoiced).toBe(3);
    const numbers = await db
      .select({ n: invoices.invoiceNumber })
      .from(invoices)
      .where(and(eq(invoices.orgId, book.orgId), eq(invoices.dueDate, "2026-12-15")))
      .orderBy(asc(invoices.invoiceNumber));
    expect(numbers.map((r) => r.n)).toEqual(["INV-2026-00001", "INV-2026-00002", "INV-2026-00003"]);
  });
});
