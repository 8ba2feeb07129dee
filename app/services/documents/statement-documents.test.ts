// A commission statement's PDF (ADR 024): its lines and totals as the statement has them, rendered
// afresh while a draft, kept in R2 once approved.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commissionStatements } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { addPolicy, addTransaction, createMoneyBook } from "../../../tests/support/money.ts";
import { pageTexts } from "../../../tests/support/pdf-text.ts";
import { runMonthEnd } from "../billing/month-end.server.ts";
import { approveCommissionStatement } from "../ledger/statements.server.ts";
import { startLocalR2 } from "./local-r2.ts";
import {
  agencyStatementDocument,
  commissionStatementDocument,
  commissionStatementKey,
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
    expect(await r2.bucket.get(commissionStatementKey(book.orgId, statement!.id))).toBeNull();

    expect(await approveCommissionStatement(db, book.finance, statement!.id)).toMatchObject({ ok: true });
    const approved = await bytesOf(await commissionStatementDocument(db, r2.bucket, book.finance, statement!.id));
    const key = commissionStatementKey(book.orgId, statement!.id);
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
});
