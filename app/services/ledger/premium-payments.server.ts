/**
 * Premium received against an invoice: the payment row, the invoice and installment status and
 * the posting of its allocation are written in one transaction; the posting is then submitted
 * to the ledger (or left for the retry job when the ledger cannot be reached). The payment is
 * allocated by cumulative share across every receipt of the policy (ADR 018).
 */
import { auditBusinessAction } from "../access/audit.server.ts";
import type { Database } from "../../../db/client.ts";
import type { PaymentMethod } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findInstallmentOfInvoice,
  findInvoiceForPayment,
  lockInvoiceForPayment,
  markInvoicePaid,
} from "../../models/invoice-payments.server.ts";
import { insertPayment, invoicePaidCents, paymentReferenceRecorded } from "../../models/payments.server.ts";
import { insertOverpaymentCredit, lockPolicyForMoney } from "../../models/policy-money.server.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import { loadAllocationState } from "./allocation.server.ts";
import { TRANSFER_CODES } from "./chart.ts";
import { AllocationError, allocateReceipt, allocationLegs, type PartAmounts } from "./premium-allocation.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { createId } from "../../utils/ids.ts";
import { loadBook } from "./book.server.ts";
import type { LedgerClient } from "./client.server.ts";
import type { PremiumSplit } from "./premium-split.ts";
import { submitPosting, writePosting, type SubmitOutcome } from "./postings.server.ts";
import { afterPremiumReceived } from "../servicing/lifecycle.server.ts";
import { businessToday } from "../../utils/today.ts";

export type PaymentRequest = {
  invoiceId: string;
  amountCents: number;
  method: PaymentMethod;
  reference?: string | null;
  /** A payment provider's intent id pays once: refused when a payment already carries it as reference. */
  singleUseReference?: boolean;
  /**
   * Finance takes a check or wire for more than the invoice (the rest becomes the policy's
   * credit); online, the payer pays at most the invoice's balance.
   */
  allowOverpayment?: boolean;
};

export type PaymentOutcome =
  | {
      ok: true;
      paymentId: string;
      split: PremiumSplit;
      invoicePaid: boolean;
      /** What was paid beyond the invoice: a credit of the policy for its next invoice or a refund. */
      overpaymentCents: number;
      posting: SubmitOutcome;
    }
  | { ok: false; reason: "not_found" | "refused"; message: string };

class PaymentRefused extends Error {
  override readonly name = "PaymentRefused";
}

/** A payment's allocation in the shape the payment pages and the API show. */
export function splitOf(paymentCents: number, delta: PartAmounts): PremiumSplit {
  return {
    paymentCents,
    producerCommissionCents: delta.producer_commission,
    mgaCommissionCents: delta.mga_commission,
    feesCents: delta.fees,
    premiumTaxCents: delta.premium_tax,
    netToCarrierCents: delta.net_to_carrier,
  };
}

/**
 * Records a payment against an invoice and posts its allocation. Refuses, writing nothing, a
 * payment that is not whole positive cents, exceeds what is still owed on the whole policy or
 * targets an invoice the user may not see. Paying more than the invoice's balance pays it and
 * leaves the rest as an overpayment credit of the policy.
 */
export async function recordInvoicePayment(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  request: PaymentRequest,
): Promise<PaymentOutcome> {
  if (!Number.isSafeInteger(request.amountCents) || request.amountCents <= 0) {
    return { ok: false, reason: "refused", message: "The amount must be a positive amount in whole cents." };
  }
  const paymentId = createId("pay");
  let result: { split: PremiumSplit; invoicePaid: boolean; overpaymentCents: number; policyId: string };
  try {
    result = await transactionWithRetry(db, async (tx) => {
      const row = await findInvoiceForPayment(tx, tenant, request.invoiceId);
      if (!row) throw new PaymentRefused("not_found");
      const locked = await lockInvoiceForPayment(tx, tenant.orgId, request.invoiceId);
      const { policy } = row;
      const invoice = { ...row.invoice, status: locked!.status };
      if (invoice.status === "paid" || invoice.status === "waived")
        throw new PaymentRefused(`Invoice ${invoice.invoiceNumber} is already ${invoice.status}.`);
      if (
        request.singleUseReference &&
        request.reference &&
        (await paymentReferenceRecorded(tx, tenant.orgId, request.reference))
      ) {
        throw new PaymentRefused("This payment has already been recorded.");
      }
      const balance = invoice.amountCents - (await invoicePaidCents(tx, tenant, invoice.id));
      await lockPolicyForMoney(tx, tenant.orgId, policy.id);
      const installment = await findInstallmentOfInvoice(tx, tenant.orgId, invoice.id);
      const book = await loadBook(tx, tenant.orgId);
      const state = await loadAllocationState(tx, tenant.orgId, policy, {
        producerCommissionRate: row.commissionRate,
        mgaCommissionRate: book.mgaCommissionRate,
      });
      if (!request.allowOverpayment && request.amountCents > balance) {
        throw new PaymentRefused(
          `The payment of ${request.amountCents} cents is more than the ${balance} cents still owed on invoice ${invoice.invoiceNumber}.`,
        );
      }
      const owedOnPolicy = state.totalCents - state.receivedCents;
      if (request.amountCents > owedOnPolicy) {
        throw new PaymentRefused(
          `The payment of ${request.amountCents} cents is more than the ${Math.max(0, owedOnPolicy)} cents still owed on policy ${policy.policyNumber}.`,
        );
      }
      const delta = allocateReceipt(state.figures, state.allocated, request.amountCents);
      const split = splitOf(request.amountCents, delta);
      await insertPayment(tx, tenant.orgId, {
        id: paymentId,
        invoiceId: invoice.id,
        policyId: policy.id,
        amountCents: request.amountCents,
        method: request.method,
        reference: request.reference ?? null,
        receivedByUserId: tenant.userId,
      });
      await writePosting(
        tx,
        tenant.orgId,
        {
          id: paymentId,
          kind: "premium_payment",
          description: `Premium received on ${invoice.invoiceNumber} (${policy.policyNumber})`,
          policyId: policy.id,
          invoiceId: invoice.id,
        },
        allocationLegs(delta, TRANSFER_CODES.ALLOCATION_TRUE_UP),
      );
      const overpaymentCents = Math.max(0, request.amountCents - balance);
      if (overpaymentCents > 0)
        await insertOverpaymentCredit(tx, tenant.orgId, {
          id: createId("crd"),
          policyId: policy.id,
          paymentId,
          amountCents: overpaymentCents,
        });
      const invoicePaid = request.amountCents >= balance;
      if (invoicePaid) await markInvoicePaid(tx, tenant.orgId, invoice.id, installment?.id ?? null);
      await auditBusinessAction(tx, tenant, {
        action: "payment_recorded",
        targetType: "payment",
        targetId: paymentId,
        detail: {
          invoiceId: invoice.id,
          amountCents: request.amountCents,
          method: request.method,
          reference: request.reference ?? null,
          invoicePaid,
        },
      });
      await recordDomainEvent(tx, tenant.orgId, "payment.received", {
        paymentId,
        invoiceId: invoice.id,
        invoiceNumber: invoice.invoiceNumber,
        policyId: policy.id,
        policyNumber: policy.policyNumber,
        insuredId: policy.insuredId,
        amountCents: request.amountCents,
        overpaymentCents,
        invoicePaid,
      });
      return { split, invoicePaid, overpaymentCents, policyId: policy.id };
    });
  } catch (error) {
    if (error instanceof PaymentRefused) {
      return error.message === "not_found"
        ? { ok: false, reason: "not_found", message: "Invoice not found." }
        : { ok: false, reason: "refused", message: error.message };
    }
    if (error instanceof AllocationError)
      return { ok: false, reason: "refused", message: `The payment cannot be allocated: ${error.message}.` };
    throw error;
  }
  const posting = await submitPosting(db, ledger, tenant.orgId, paymentId);
  // Servicing (ADR 017): a paid overdue invoice rescinds its notice or reinstates the policy.
  await afterPremiumReceived(db, ledger, tenant.orgId, result.policyId, businessToday(tenant));
  const { policyId: _policyId, ...paid } = result;
  return { ok: true, paymentId, ...paid, posting };
}
