// The demo orgs' books: the invoices the demo data shows as paid were paid, so their payments
// and the postings of their splits are seeded too; with a ledger at hand the nine accounts of
// every org are provisioned and the waiting postings posted.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client.ts";
import { agencies, claimReserveChanges, claimTransactions, invoices, payments, policies } from "../schema/index.ts";
import { transactionWithRetry } from "../transaction.ts";
import { loadBook, provisionBook } from "../../app/services/ledger/book.server.ts";
import { createLedgerClient } from "../../app/services/ledger/client.server.ts";
import { postAwaitingPostings, writePosting } from "../../app/services/ledger/postings.server.ts";
import { loadAllocationState } from "../../app/services/ledger/allocation.server.ts";
import { TRANSFER_CODES } from "../../app/services/ledger/chart.ts";
import { allocateReceipt, allocationLegs } from "../../app/services/ledger/premium-allocation.ts";
import { claimPaymentLegs, reserveChangeLegs } from "../../app/services/claims/claim-postings.ts";

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

type SeededClaim = {
  id: string;
  orgId: string;
  claimNumber: string;
  assignedAdjusterId: string | null;
  indemnityReserveCents: number;
  paidIndemnityCents: number;
  reportedOn: string;
};

/**
 * The seeded claims' money as the app would have recorded it: one reserve change that set the
 * indemnity reserve (what is still reserved plus what was paid since), the payments that drew it
 * down, and their postings, so the claims pages, the ledger and reconciliation agree.
 */
export async function seedClaimPostings(db: Database, seeded: readonly SeededClaim[]) {
  for (const claim of seeded) {
    const initialCents = claim.indemnityReserveCents + claim.paidIndemnityCents;
    if (initialCents === 0) continue;
    const changeId = `crc_seed_${claim.id}`;
    const [existing] = await db
      .select({ id: claimReserveChanges.id })
      .from(claimReserveChanges)
      .where(and(eq(claimReserveChanges.orgId, claim.orgId), eq(claimReserveChanges.id, changeId)));
    if (existing) continue;
    const by = claim.assignedAdjusterId ?? "usr_a_claimsup";
    const at = new Date(`${claim.reportedOn}T16:00:00Z`);
    await transactionWithRetry(db, async (tx) => {
      await tx.insert(claimReserveChanges).values({
        id: changeId,
        orgId: claim.orgId,
        claimId: claim.id,
        reserveType: "indemnity",
        previousCents: 0,
        newCents: initialCents,
        rationale: "Initial reserve on first contact",
        status: "posted",
        requestedByUserId: by,
        decidedByUserId: by,
        decidedAt: at,
        createdAt: at,
      });
      await writePosting(
        tx,
        claim.orgId,
        {
          id: changeId,
          kind: "claim_transaction",
          description: `Indemnity reserve raised on ${claim.claimNumber}`,
          claimId: claim.id,
        },
        reserveChangeLegs("indemnity", initialCents),
      );
      if (claim.paidIndemnityCents > 0) {
        const paymentId = `cpy_seed_${claim.id}`;
        await tx.insert(claimTransactions).values({
          id: paymentId,
          orgId: claim.orgId,
          claimId: claim.id,
          kind: "payment",
          category: "indemnity",
          amountCents: claim.paidIndemnityCents,
          counterparty: "Demo medical provider",
          method: "check",
          reference: "demo",
          recordedByUserId: by,
          createdAt: at,
        });
        await writePosting(
          tx,
          claim.orgId,
          {
            id: paymentId,
            kind: "claim_transaction",
            description: `Indemnity paid on ${claim.claimNumber}`,
            claimId: claim.id,
          },
          claimPaymentLegs("indemnity", claim.paidIndemnityCents),
        );
      }
    });
  }
}
