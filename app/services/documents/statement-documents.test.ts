// The statement PDFs (ADR 024, 030), one layout for three kinds: their lines and totals as the
// statement has them, rendered afresh while the statement can change, kept in R2 once frozen.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { carrierStatements, commissionStatements } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { addPolicy, addTransaction, createMoneyBook } from "../../../tests/support/money.ts";
import { pageTexts } from "../../../tests/support/pdf-text.ts";
import { runMonthEnd } from "../billing/month-end.server.ts";
import { approveCommissionStatement, settleCarrierStatement } from "../ledger/statements.server.ts";
import { recordInvoicePayment } from "../ledger/premium-payments.server.ts";
import { startLocalR2 } from "./local-r2.ts";
import {
  agencyStatementDocument,
  carrierStatementDocument,
  commissionStatementDocument,
  statementKey,
} from "./statement-documents.server.ts";
import { agencyStatements } from "../../../db/schema/index.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { receiveAgencyStatement } from "../billing/agency-statements.server.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();
let r2: Awaited<ReturnType<typeof startLocalR2>>;
beforeAll(async () => {
  r2 = await startLocalR2();
});
afterAll(() => r2.dispose());

const bytesOf = async (response: Response | null) => new Uint8Array(await response!.arrayBuffer());

describe("statement PDFs", () => {
  test("lists every transaction with the statement's totals; stored once the statement is approved", async () => {
    const book = await createMoneyBook(db);
    const pif = await addPolicy(db, book, { plan: "PIF", effectiveDate: "2026-10-05" });
    const cancelled = await addPolicy(db, book, {
      plan: "PIF",
      effectiveDate: "2026-10-10",
      premiumCents: 500_000,
      feesCents: 0,
      taxesCents: 24_000,
    });
    await addTransaction(db, book, cancelled.policyId, {
      sequence: 2,
      type: "cancellation",
      bookedOn: "2026-10-25",
      premiumCents: -250_000,
      taxesCents: -12_000,
    });
    await runMonthEnd(db, "2026-11-01", { orgId: book.orgId });
    const [statement] = await db
      .select()
      .from(commissionStatements)
      .where(and(eq(commissionStatements.orgId, book.orgId), eq(commissionStatements.period, "2026-10")));
    // 15% of 1,236,400 + 500,000 - 250,000 = 185,460 + 75,000 - 37,500.
    expect(statement).toMatchObject({ premiumCents: 1_486_400, commissionCents: 222_960, status: "draft" });

    const draft = await commissionStatementDocument(db, r2.bucket, book.finance, statement!.id);
    expect(draft!.headers.get("content-type")).toBe("application/pdf");
    const text = (await pageTexts(await bytesOf(draft))).flat();
    expect(text).toContain("Producer commission statement 2026-10");
    expect(text).toEqual(expect.arrayContaining([pif.policyNumber, cancelled.policyNumber, "cancellation"]));
    expect(text).toEqual(expect.arrayContaining(["$12,364.00", "$1,854.60", "-$2,500.00", "-$375.00", "15.00%"]));
    expect(text).toEqual(expect.arrayContaining(["Totals", "3 transactions", "$14,864.00", "$2,229.60"]));
    // A draft changes with every month-end rerun: never stored.
    expect(await r2.bucket.get(statementKey(book.orgId, statement!.id))).toBeNull();

    expect(await approveCommissionStatement(db, book.finance, statement!.id)).toMatchObject({ ok: true });
    const approved = await bytesOf(await commissionStatementDocument(db, r2.bucket, book.finance, statement!.id));
    const key = statementKey(book.orgId, statement!.id);
    expect(new Uint8Array(await (await r2.bucket.get(key))!.arrayBuffer())).toEqual(approved);
    // Later downloads read the stored copy.
    const marker = new TextEncoder().encode("%PDF-stored");
    await r2.bucket.put(key, marker);
    expect(await bytesOf(await commissionStatementDocument(db, r2.bucket, book.finance, statement!.id))).toEqual(
      marker,
    );

    // Another organization's user gets nothing.
    const other = await createMoneyBook(db);
    expect(await commissionStatementDocument(db, r2.bucket, other.finance, statement!.id)).toBeNull();
  });

  test("an agency-bill statement lists its invoices, the commission kept and the net to remit", async () => {
    const book = await createMoneyBook(db);
    const policy = await addPolicy(db, book, { billingMethod: "agency" });
    await runMonthEnd(db, "2026-10-01", { orgId: book.orgId });
    const [statement] = await db
      .select()
      .from(agencyStatements)
      .where(and(eq(agencyStatements.orgId, book.orgId), eq(agencyStatements.period, "2026-09")));
    const text = (
      await pageTexts(await bytesOf(await agencyStatementDocument(db, r2.bucket, book.finance, statement!.id)))
    ).flat();
    expect(text).toContain("Agency bill statement 2026-09");
    // The worked example of agency-bill.test.ts: $3,309.67 gross, $463.65 kept, $2,846.02 to remit.
    expect(text).toEqual(
      expect.arrayContaining([policy.policyNumber, "2026-09-01", "$3,309.67", "$463.65", "$2,846.02"]),
    );
    expect(text).toContain("Remit $2,846.02: the invoices' gross less the commission you keep.");
    const key = `orgs/${book.orgId}/statements/${statement!.id}.pdf`;
    expect(await r2.bucket.get(key)).toBeNull();
    expect(
      await receiveAgencyStatement(db, ledger.current.client, book.finance, {
        statementId: statement!.id,
        amountCents: 284_602,
      }),
    ).toMatchObject({ ok: true });
    const received = await bytesOf(await agencyStatementDocument(db, r2.bucket, book.finance, statement!.id));
    expect(new Uint8Array(await (await r2.bucket.get(key))!.arrayBuffer())).toEqual(received);
    expect(await agencyStatementDocument(db, r2.bucket, (await createMoneyBook(db)).finance, statement!.id)).toBeNull();
  });

  test("a carrier settlement statement lists the carrier's transactions with the bordereau's check; kept once settled", async () => {
    const book = await createMoneyBook(db);
    const policy = await addPolicy(db, book, { plan: "PIF", effectiveDate: "2026-10-05" });
    await runMonthEnd(db, "2026-11-01", { orgId: book.orgId });
    const [statement] = await db
      .select()
      .from(carrierStatements)
      .where(and(eq(carrierStatements.orgId, book.orgId), eq(carrierStatements.period, "2026-10")));
    // Gross $13,218.59; commission 15% + 5% of $12,364.00 = $2,472.80; net $12,364.00 - $2,472.80.
    expect(statement).toMatchObject({ grossCents: 1_321_859, commissionCents: 247_280, netCents: 989_120 });
    const text = (
      await pageTexts(await bytesOf(await carrierStatementDocument(db, r2.bucket, book.finance, statement!.id)))
    ).flat();
    expect(text).toContain("Carrier settlement statement 2026-10");
    expect(text).toEqual(
      expect.arrayContaining([policy.policyNumber, "new business", "$13,218.59", "$2,472.80", "$250.00", "$604.59"]),
    );
    expect(text).toEqual(expect.arrayContaining(["Totals", "1 transactions", "$9,891.20"]));
    const key = statementKey(book.orgId, statement!.id);
    expect(await r2.bucket.get(key)).toBeNull();

    // Collected, the carrier payable holds the net: settled, the statement is frozen and kept.
    expect(
      await recordInvoicePayment(db, ledger.current.client, book.finance, {
        invoiceId: policy.firstInvoiceId,
        amountCents: 1_321_859,
        method: "wire",
      }),
    ).toMatchObject({ ok: true });
    expect(await settleCarrierStatement(db, ledger.current.client, book.finance, statement!.id)).toMatchObject({
      ok: true,
      amountCents: 989_120,
    });
    const settled = await bytesOf(await carrierStatementDocument(db, r2.bucket, book.finance, statement!.id));
    expect((await pageTexts(settled)).flat().join(" ")).toContain("settled");
    expect(new Uint8Array(await (await r2.bucket.get(key))!.arrayBuffer())).toEqual(settled);
    expect(
      await carrierStatementDocument(db, r2.bucket, (await createMoneyBook(db)).finance, statement!.id),
    ).toBeNull();
  });
});
