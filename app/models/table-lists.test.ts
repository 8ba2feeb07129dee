import { describe, expect, test } from "vitest";
import { ledgerEntries, ledgerPostings } from "../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { ORG_A, ORG_B } from "../../db/seed/demo-data.ts";
import { parseTableState, type TableSpec } from "../utils/table-state.ts";
import { listInvoicePage, listInvoiceRows, outstandingReceivablesCents } from "./invoice-list.server.ts";
import { listJournalPage } from "./journal.server.ts";
import { listPolicyBookPage } from "./policy-book.server.ts";
import { listSubmissionBookPage, listSubmissionBookRows } from "./submission-book.server.ts";
import { invoiceTable, journalTable, policyBookTable, submissionBookTable } from "./table-specs.ts";

const db = guardedTestDatabase();
const state = <Sort extends string, Filter extends string>(query: string, spec: TableSpec<Sort, Filter>) =>
  parseTableState(new URLSearchParams(query), spec);

describe("the producer's book", () => {
  const producer = tenantOf("producer@summit.demo");

  test("a page carries the total of the whole set, and pages do not overlap", async () => {
    const all = await listSubmissionBookRows(db, producer, state("", submissionBookTable), 0, 10_000);
    const first = await listSubmissionBookPage(db, producer, state("s.size=10", submissionBookTable));
    expect(first.total).toBe(all.length);
    expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 10).map((r) => r.id));
    expect(all.every((s) => s.agencyName === "Harbor Point Insurance Agency")).toBe(true);
  });

  test("past the last page: no rows, the total still known", async () => {
    const page = await listSubmissionBookPage(db, producer, state("s.page=5000", submissionBookTable));
    expect(page.rows).toEqual([]);
    expect(page.total).toBeGreaterThan(0);
  });

  test("search finds policies by policy number and by insured", async () => {
    const byNumber = await listPolicyBookPage(db, producer, state("p.q=GL-2026-000001", policyBookTable));
    expect(byNumber.rows.map((p) => p.policyNumber)).toEqual(["SRU-GL-2026-000001"]);
    expect(byNumber.total).toBe(1);
    const byInsured = await listPolicyBookPage(db, producer, state("p.q=lone%20star", policyBookTable));
    expect(byInsured.rows.map((p) => p.id)).toContain("pol_a_1");
    // Wildcards in the search text match literally.
    expect((await listPolicyBookPage(db, producer, state("p.q=%25", policyBookTable))).total).toBe(0);
  });

  test("sorted by insured name", async () => {
    const page = await listSubmissionBookPage(
      db,
      producer,
      state("s.sort=insured&s.dir=asc&s.size=100", submissionBookTable),
    );
    const names = page.rows.map((r) => r.insuredName);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
  });
});

describe("invoices", () => {
  const finance = tenantOf("finance@lakeshore.demo");

  test("filtered by status and searched by invoice number, within the org", async () => {
    const paid = await listInvoicePage(db, finance, state("status=paid", invoiceTable));
    expect(paid.rows.length).toBeGreaterThan(0);
    expect(paid.rows.every((i) => i.status === "paid")).toBe(true);
    const one = await listInvoicePage(db, finance, state("q=INV-2026-00002", invoiceTable));
    expect(one.rows.map((i) => i.id)).toEqual(["inv_b_2"]);
  });

  test("outstanding receivables sum every unpaid invoice, not one page's", async () => {
    const all = await listInvoiceRows(db, finance, state("", invoiceTable), 0, 10_000);
    const unpaid = all
      .filter((i) => i.status !== "paid" && i.status !== "waived")
      .reduce((sum, i) => sum + i.amountCents, 0);
    expect(await outstandingReceivablesCents(db, finance)).toBe(unpaid);
  });
});

describe("the journal", () => {
  const suffix = String(Date.now()) + String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
  const postingId = `lpo_h3_${suffix}`;
  const transferIds = [`9${suffix}1`, `9${suffix}2`];

  test("the policy filter takes the policy number people see, or the id; never another org's", async () => {
    await db.insert(ledgerPostings).values({
      id: postingId,
      orgId: ORG_A.id,
      kind: "premium_payment",
      status: "posted",
      policyId: "pol_a_1",
      invoiceId: "inv_a_1",
      description: "test payment",
      postedAt: new Date(),
    });
    await db.insert(ledgerEntries).values(
      transferIds.map((transferId, position) => ({
        transferId,
        orgId: ORG_A.id,
        postingId,
        position,
        leg: position ? "producer_commission" : "net_to_carrier",
        debitAccount: 1,
        creditAccount: position ? 4 : 3,
        amountCents: 1000 + position,
        transferCode: 1,
      })),
    );
    const all = state("size=100", journalTable);
    const byNumber = await listJournalPage(db, ORG_A.id, { policy: "SRU-GL-2026-000001" }, all);
    expect(byNumber.rows.map((r) => r.transferId)).toEqual(expect.arrayContaining(transferIds));
    expect(byNumber.rows.every((r) => r.policyNumber === "SRU-GL-2026-000001")).toBe(true);
    expect(byNumber.total).toBe(byNumber.rows.length);
    const byId = await listJournalPage(db, ORG_A.id, { policy: "pol_a_1" }, all);
    expect(byId.total).toBe(byNumber.total);
    const byInvoice = await listJournalPage(db, ORG_A.id, { invoice: "inv_a_1", account: 4 }, all);
    expect(byInvoice.rows.map((r) => r.transferId)).toContain(transferIds[1]);
    expect(byInvoice.rows.map((r) => r.transferId)).not.toContain(transferIds[0]);
    expect((await listJournalPage(db, ORG_B.id, { policy: "SRU-GL-2026-000001" }, all)).total).toBe(0);
    expect((await listJournalPage(db, ORG_B.id, { policy: "pol_a_1" }, all)).total).toBe(0);
    expect(
      (await listJournalPage(db, ORG_A.id, { policy: "pol_a_1", from: "2000-01-01", to: "2000-12-31" }, all)).total,
    ).toBe(0);
  });
});
