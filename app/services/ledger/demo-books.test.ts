// The seed (db/seed/ledger.ts, run by seedDemoData) gives every demo org its book: payments of the invoices shown as paid, their
// postings, and (with a ledger) the nine accounts and the postings on them.
import { and, count, eq, inArray } from "drizzle-orm";
import { expect, test } from "vitest";
import { ledgerPostings, payments } from "../../../db/schema/index.ts";
import { ORG_A, ORG_B } from "../../../db/seed/demo-data.ts";
import { postSeededLedger, seedLedgerBooks } from "../../../db/seed/ledger.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { reconcile } from "./reconciliation.server.ts";
import { getTrialBalance } from "./reports.server.ts";
import { TEST_LEDGER_KEY, useTestLedger } from "../../../tests/support/ledger.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

test("seeding with a ledger provisions both demo orgs and posts their seeded payments, once", async () => {
  const seededPayments = async () =>
    (
      await db
        .select({ n: count() })
        .from(payments)
        .where(and(eq(payments.orgId, ORG_B.id), inArray(payments.id, ["pay_seed_inv_b_1"])))
    )[0]!.n;
  const orgs = [ORG_A.id, ORG_B.id];
  const financeUsers = { [ORG_A.id]: "usr_a_finance", [ORG_B.id]: "usr_b_finance" };
  for (let run = 0; run < 2; run++) {
    await seedLedgerBooks(db, orgs, financeUsers);
    await postSeededLedger(db, orgs, { url: ledger.current.ledger.url, apiKey: TEST_LEDGER_KEY });
  }
  expect(await seededPayments()).toBe(1);
  const [posting] = await db
    .select()
    .from(ledgerPostings)
    .where(and(eq(ledgerPostings.orgId, ORG_B.id), eq(ledgerPostings.id, "pay_seed_inv_b_1")));
  expect(posting!.status).toBe("posted");
  const [summitPaid] = await db
    .select({ n: count() })
    .from(ledgerPostings)
    .where(
      and(
        eq(ledgerPostings.orgId, ORG_A.id),
        inArray(ledgerPostings.id, ["pay_seed_inv_a_1", "pay_seed_inv_a_2", "pay_seed_inv_a_5"]),
        eq(ledgerPostings.status, "posted"),
      ),
    );
  expect(summitPaid!.n).toBe(3);
  const trial = await getTrialBalance(db, ledger.current.client, ORG_B.id);
  // The premium received on INV-2026-00001, the first of pol_b_1's two payments ($3,123.34 / 2 =
  // 156,167, ADR 028), and the seeded claim CLM-2026-00001's case reserve (950,000).
  expect(trial).toMatchObject({ balanced: true, totalDebitCents: 156_167 + 950_000 });
  expect((await reconcile(db, ledger.current.client, ORG_B.id)).breaks).toEqual([]);
});
