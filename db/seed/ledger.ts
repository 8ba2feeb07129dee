// The demo orgs' books: the invoices the demo data shows as paid were paid, so their payments
// and the postings of their splits are seeded too; with a ledger at hand the nine accounts of
// every org are provisioned and the waiting postings posted.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client.ts";
import { agencies, invoices, payments, policies } from "../schema/index.ts";
import { transactionWithRetry } from "../transaction.ts";
import { loadBook, provisionBook } from "../../app/services/ledger/book.server.ts";
import { createLedgerClient } from "../../app/services/ledger/client.server.ts";
import { postAwaitingPostings, writePosting } from "../../app/services/ledger/postings.server.ts";
import { loadAllocationState } from "../../app/services/ledger/allocation.server.ts";
import { TRANSFER_CODES } from "../../app/services/ledger/chart.ts";
import { allocateReceipt, allocationLegs } from "../../app/services/ledger/premium-allocation.ts";

export async function seedLedgerBooks(db: Database, orgIds: string[], receivedByUserId: Record<string, string>) {
  for (const orgId of orgIds) {
    await loadBook(db, orgId);
    const paid = await db
      .select({ invoice: invoices, policy: policies, commissionRate: agencies.commissionRate })
      .from(invoices)
      .innerJoin(policies, and(eq(policies.orgId, invoices.orgId), eq(policies.id, invoices.policyId)))
      .innerJoin(agencies, and(eq(agencies.orgId, policies.orgId), eq(agencies.id, policies.agencyId)))
      .where(and(eq(invoices.orgId, orgId), eq(invoices.status, "paid")))
      // Paid in due-date order, as they were: each allocation builds on the earlier ones (ADR 018).
      .orderBy(asc(invoices.dueDate), asc(invoices.id));
    if (paid.length === 0) continue;
    const paymentIds = paid.map(({ invoice }) => `pay_seed_${invoice.id}`);
    const existing = new Set(
      (
        await db
          .select({ id: payments.id })
          .from(payments)
          .where(and(eq(payments.orgId, orgId), inArray(payments.id, paymentIds)))
      ).map((p) => p.id),
    );
    const { mgaCommissionRate } = await loadBook(db, orgId);
    for (const { invoice, policy, commissionRate } of paid) {
      const id = `pay_seed_${invoice.id}`;
      if (existing.has(id)) continue;
      await transactionWithRetry(db, async (tx) => {
        const state = await loadAllocationState(tx, orgId, policy, {
          producerCommissionRate: commissionRate,
          mgaCommissionRate,
        });
        const allocation = allocateReceipt(state.figures, state.allocated, invoice.amountCents);
        await tx.insert(payments).values({
          id,
          orgId,
          invoiceId: invoice.id,
          policyId: policy.id,
          amountCents: invoice.amountCents,
          method: "check",
          reference: `demo ${invoice.invoiceNumber}`,
          receivedByUserId: receivedByUserId[orgId]!,
          createdAt: new Date(`${invoice.dueDate}T15:00:00Z`),
        });
        await writePosting(
          tx,
          orgId,
          {
            id,
            kind: "premium_payment",
            description: `Premium received on ${invoice.invoiceNumber} (${policy.policyNumber})`,
            policyId: policy.id,
            invoiceId: invoice.id,
          },
          allocationLegs(allocation, TRANSFER_CODES.ALLOCATION_TRUE_UP),
        );
      });
    }
  }
}

/** Provisions every org's accounts and posts what waits; idempotent like the rest of the seed. */
export async function postSeededLedger(db: Database, orgIds: string[], ledger: { url: string; apiKey: string }) {
  const client = createLedgerClient(ledger);
  for (const orgId of orgIds) {
    await provisionBook(db, client, orgId);
    const report = await postAwaitingPostings(db, client, { orgId });
    if (report.rejected || report.stillWaiting)
      throw new Error(`the ledger did not take the seeded postings of ${orgId}: ${JSON.stringify(report)}`);
  }
}
