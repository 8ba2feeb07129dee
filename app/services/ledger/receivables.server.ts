/**
 * Money going back on a policy after it was received (ADR 018): a payment the bank returned,
 * a credit balance applied to an invoice, a credit balance refunded. Each is allocated by
 * cumulative share like a receipt, so a policy's parties stay on its own figures.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findInstallmentOfInvoice,
  findInvoiceForPayment,
  findPolicyForMoney,
  lockInvoiceForPayment,
  markInvoicePaid,
  reopenInvoice,
} from "../../models/invoice-payments.server.ts";
import { insertPayment, invoicePaidCents } from "../../models/payments.server.ts";
import {
  drawPolicyCredit,
  findPaymentForReturn,
  insertPaymentReturn,
  listOpenPolicyCredits,
  lockPolicyCredit,
  lockPolicyForMoney,
} from "../../models/policy-money.server.ts";
import { createId } from "../../utils/ids.ts";
import { businessToday, todayInUtc } from "../../utils/today.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import { afterPremiumReceived } from "../servicing/lifecycle.server.ts";
import { loadAllocationState } from "./allocation.server.ts";
import { loadBook } from "./book.server.ts";
import { TRANSFER_CODES } from "./chart.ts";
import type { LedgerClient } from "./client.server.ts";
import { submitPosting, writePosting, type SubmitOutcome } from "./postings.server.ts";
import { AllocationError, allocateReceipt, allocationLegs, zeroParts, type PartAmounts } from "./premium-allocation.ts";

export type MoneyBackOutcome =
  | { ok: true; postingId: string; amountCents: number; allocation: PartAmounts; posting: SubmitOutcome }
  | { ok: false; reason: "not_found" | "refused"; message: string };

class Refused extends Error {
  override readonly name = "Refused";
}

async function refusals<T extends { ok: true }>(
  work: () => Promise<T>,
): Promise<T | Extract<MoneyBackOutcome, { ok: false }>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused)
      return error.message === "not_found"
        ? { ok: false, reason: "not_found", message: "Not found." }
        : { ok: false, reason: "refused", message: error.message };
    if (error instanceof AllocationError) return { ok: false, reason: "refused", message: `${error.message}.` };
    throw error;
  }
}

/** A policy, locked, with its allocation state. */
async function lockedPolicyStateOfPolicy(tx: Transaction, tenant: TenantContext, policyId: string) {
  const row = await findPolicyForMoney(tx, tenant, policyId);
  if (!row) throw new Refused("not_found");
  await lockPolicyForMoney(tx, tenant.orgId, policyId);
  const book = await loadBook(tx, tenant.orgId);
  const state = await loadAllocationState(tx, tenant.orgId, row.policy, {
    producerCommissionRate: row.commissionRate,
    mgaCommissionRate: book.mgaCommissionRate,
  });
  return { policy: row.policy, invoice: null as { id: string } | null, state };
}

/** The policy of an invoice, both locked, with the policy's allocation state. */
async function lockedPolicyState(tx: Transaction, tenant: TenantContext, invoiceId: string) {
  const row = await findInvoiceForPayment(tx, tenant, invoiceId);
  if (!row) throw new Refused("not_found");
  await lockInvoiceForPayment(tx, tenant.orgId, invoiceId);
  const { policy, state } = await lockedPolicyStateOfPolicy(tx, tenant, row.policy.id);
  return { policy, invoice: row.invoice, state };
}

/**
 * A payment the bank returned (NSF): reversed by new transfers (every party gives back what the
 * lower cumulative amount leaves it over), the invoice reopens (overdue when past due) and
 * `payment.failed` is raised. A payment is returned once; a payment whose overpayment became a
 * credit is refused: the credit must be settled on its own first.
 */
export async function returnPayment(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  request: { paymentId: string; reason: string; today?: string },
): Promise<MoneyBackOutcome> {
  const reason = request.reason.trim();
  if (!reason) return { ok: false, reason: "refused", message: "Say why the payment came back (e.g. NSF)." };
  const returnId = createId("ret");
  const outcome = await refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const found = await findPaymentForReturn(tx, tenant.orgId, request.paymentId);
      if (!found) throw new Refused("not_found");
      const { payment } = found;
      if (found.returnId) throw new Refused("This payment was already returned.");
      if (payment.method === "credit")
        throw new Refused("A credit applied to an invoice is not a payment a bank returns.");
      const { policy, invoice, state } = await lockedPolicyState(tx, tenant, payment.invoiceId);
      const paidOnInvoice = await invoicePaidCents(tx, tenant, invoice.id);
      if (paidOnInvoice > invoice.amountCents)
        throw new Refused("This payment left an overpayment credit: refund or apply that credit first.");
      const allocation = allocateReceipt(state.figures, state.allocated, -payment.amountCents);
      await insertPaymentReturn(tx, tenant.orgId, {
        id: returnId,
        paymentId: payment.id,
        reason,
        recordedByUserId: tenant.userId,
      });
      await writePosting(
        tx,
        tenant.orgId,
        {
          id: returnId,
          kind: "payment_returned",
          description: `Payment returned on ${invoice.invoiceNumber} (${policy.policyNumber}): ${reason}`.slice(0, 200),
          policyId: policy.id,
          invoiceId: invoice.id,
        },
        allocationLegs(allocation, TRANSFER_CODES.PAYMENT_RETURNED),
      );
      await reopenInvoice(tx, tenant.orgId, invoice.id, request.today ?? todayInUtc());
      await recordDomainEvent(tx, tenant.orgId, "payment.failed", {
        paymentId: payment.id,
        invoiceId: invoice.id,
        invoiceNumber: invoice.invoiceNumber,
        policyId: policy.id,
        policyNumber: policy.policyNumber,
        insuredId: policy.insuredId,
        amountCents: payment.amountCents,
        reason,
      });
      return { ok: true as const, postingId: returnId, amountCents: payment.amountCents, allocation };
    }),
  );
  if (!outcome.ok) return outcome;
  return { ...outcome, posting: await submitPosting(db, ledger, tenant.orgId, returnId) };
}

export type CreditAppliedOutcome =
  | {
      ok: true;
      paymentId: string;
      appliedCents: number;
      invoicePaid: boolean;
      /** What the parties received again: return premium only; an overpayment was allocated when it came in. */
      allocation: PartAmounts;
      /** Null for an overpayment's credit, which posts nothing. */
      posting: SubmitOutcome | null;
    }
  | Extract<MoneyBackOutcome, { ok: false }>;

/**
 * Applies a policy's open credit to one of its open invoices: a payment of method `credit` up to
 * the invoice's balance. An overpayment's money was allocated to the parties when it came in, so
 * nothing moves. Return premium was taken back from the parties by the cancellation's or
 * endorsement's return posting and sits unallocated in the trust: applied, it is a receipt of
 * the invoice like any other, allocated by cumulative share (codes 170/171, ADR 030) under the
 * payment's id, written in the same transaction and submitted after it.
 */
export async function applyCreditToInvoice(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  request: { creditId: string; invoiceId: string; today?: string },
): Promise<CreditAppliedOutcome> {
  const paymentId = createId("pay");
  const outcome = await refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const row = await findInvoiceForPayment(tx, tenant, request.invoiceId);
      if (!row) throw new Refused("not_found");
      const locked = await lockInvoiceForPayment(tx, tenant.orgId, row.invoice.id);
      const credit = await lockPolicyCredit(tx, tenant.orgId, request.creditId);
      if (!credit || credit.policyId !== row.policy.id) throw new Refused("not_found");
      if (credit.status !== "open" || credit.remainingCents <= 0) throw new Refused("This credit is used up.");
      if (locked!.status === "paid" || locked!.status === "waived")
        throw new Refused(`Invoice ${row.invoice.invoiceNumber} is already ${locked!.status}.`);
      const balance = row.invoice.amountCents - (await invoicePaidCents(tx, tenant, row.invoice.id));
      const appliedCents = Math.min(balance, credit.remainingCents);
      let allocation = zeroParts();
      const posts = credit.source === "return_premium";
      if (posts) {
        const { state } = await lockedPolicyStateOfPolicy(tx, tenant, row.policy.id);
        allocation = allocateReceipt(state.figures, state.allocated, appliedCents);
      }
      await insertPayment(tx, tenant.orgId, {
        id: paymentId,
        invoiceId: row.invoice.id,
        policyId: row.policy.id,
        amountCents: appliedCents,
        method: "credit",
        reference: credit.id,
        receivedByUserId: tenant.userId,
      });
      if (posts)
        await writePosting(
          tx,
          tenant.orgId,
          {
            id: paymentId,
            kind: "credit_applied",
            description: `Return premium applied to ${row.invoice.invoiceNumber} (${row.policy.policyNumber})`,
            policyId: row.policy.id,
            invoiceId: row.invoice.id,
          },
          allocationLegs(allocation, TRANSFER_CODES.RETURN_CREDIT_TRUE_UP, TRANSFER_CODES.RETURN_CREDIT_APPLIED),
        );
      await drawPolicyCredit(tx, tenant.orgId, credit, appliedCents, "applied");
      const invoicePaid = appliedCents === balance;
      if (invoicePaid) {
        const installment = await findInstallmentOfInvoice(tx, tenant.orgId, row.invoice.id);
        await markInvoicePaid(tx, tenant.orgId, row.invoice.id, installment?.id ?? null);
      }
      return { ok: true as const, paymentId, appliedCents, invoicePaid, allocation, posts, policyId: row.policy.id };
    }),
  );
  if (!outcome.ok) return outcome;
  const { posts, policyId, ...applied } = outcome;
  const posting = posts ? await submitPosting(db, ledger, tenant.orgId, paymentId) : null;
  // Servicing (ADR 017): a credit that settles an overdue invoice rescinds its notice like a payment.
  if (applied.invoicePaid)
    await afterPremiumReceived(db, ledger, tenant.orgId, policyId, request.today ?? businessToday(tenant));
  return { ...applied, posting };
}

/** The refund posting of a credit: one per credit, since a refund takes all that is left of it. */
export function refundPostingId(creditId: string) {
  return `rfd_${creditId.slice(creditId.indexOf("_") + 1)}`;
}

export type RefundOutcome =
  | {
      ok: true;
      amountCents: number;
      allocation: PartAmounts;
      /** Null for return premium: its return posting already took the money back from the parties. */
      posting: SubmitOutcome | null;
    }
  | Extract<MoneyBackOutcome, { ok: false }>;

/**
 * Refunds what is left of a policy credit out of the trust account. An overpayment was allocated
 * to the parties when it came in, so every party gives back its cumulative share of the lower
 * amount received. Return premium was taken back from the parties by the cancellation's or
 * endorsement's return posting (ADR 017) and sits unallocated in the trust: refunding it moves
 * nothing between the parties (ADR 024).
 */
export async function refundPolicyCredit(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  request: { creditId: string },
): Promise<RefundOutcome> {
  const outcome = await refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const credit = await lockPolicyCredit(tx, tenant.orgId, request.creditId);
      if (!credit) throw new Refused("not_found");
      if (credit.status !== "open" || credit.remainingCents <= 0) throw new Refused("This credit is used up.");
      const { policy, state } = await lockedPolicyStateOfPolicy(tx, tenant, credit.policyId);
      const refundId = refundPostingId(credit.id);
      let allocation = zeroParts();
      if (credit.source === "overpayment") {
        allocation = allocateReceipt(state.figures, state.allocated, -credit.remainingCents);
        await writePosting(
          tx,
          tenant.orgId,
          {
            id: refundId,
            kind: "premium_refund",
            description: `Refund of overpayment on ${policy.policyNumber}`,
            policyId: policy.id,
          },
          allocationLegs(allocation, TRANSFER_CODES.PREMIUM_REFUND),
        );
      }
      await drawPolicyCredit(tx, tenant.orgId, credit, credit.remainingCents, "refunded");
      return {
        ok: true as const,
        amountCents: credit.remainingCents,
        allocation,
        postingId: credit.source === "overpayment" ? refundId : null,
      };
    }),
  );
  if (!outcome.ok) return outcome;
  const { postingId, ...refunded } = outcome;
  return { ...refunded, posting: postingId ? await submitPosting(db, ledger, tenant.orgId, postingId) : null };
}

/** A policy's open credits (overpayments, return premium), oldest first; the policy is the caller's to see. */
export function openCreditsOfPolicy(db: Database, tenant: TenantContext, policyId: string) {
  return listOpenPolicyCredits(db, tenant.orgId, policyId);
}
