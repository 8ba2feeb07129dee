/**
 * Premium received against an invoice: the payment row, the invoice and installment status and
 * the posting of its split are written in one transaction; the split is then submitted to the
 * ledger (or left for the retry job when the ledger cannot be reached).
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
import { transactionWithRetry } from "../../../db/transaction.ts";
import { createId } from "../../utils/ids.ts";
import { loadBook } from "./book.server.ts";
import type { LedgerClient } from "./client.server.ts";
import { premiumPaymentLegs, PremiumSplitError, splitPremiumPayment, type PremiumSplit } from "./premium-split.ts";
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
};

export type PaymentOutcome =
  | { ok: true; paymentId: string; split: PremiumSplit; invoicePaid: boolean; posting: SubmitOutcome }
  | { ok: false; reason: "not_found" | "refused"; message: string };

class PaymentRefused extends Error {
  override readonly name = "PaymentRefused";
}

/**
 * Records a payment against an invoice and posts its split (splitPremiumPayment). Refuses,
 * writing nothing, a payment that is not whole positive cents, exceeds what is still owed on
 * the invoice or targets an invoice the user may not see.
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
  let result: { split: PremiumSplit; invoicePaid: boolean; policyId: string };
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
      if (request.amountCents > balance) {
        throw new PaymentRefused(
          `The payment of ${request.amountCents} cents is more than the ${balance} cents still owed on invoice ${invoice.invoiceNumber}.`,
        );
      }
      const installment = await findInstallmentOfInvoice(tx, tenant.orgId, invoice.id);
      const book = await loadBook(tx, tenant.orgId);
      const split = splitPremiumPayment({
        paymentCents: request.amountCents,
        invoice: { amountCents: invoice.amountCents, installmentFeeCents: installment?.feeCents ?? 0 },
        policy: {
          grossPremiumCents: policy.grossPremiumCents,
          feesCents: policy.feesCents,
          taxesCents: policy.taxesCents,
        },
        producerCommissionRate: row.commissionRate,
        mgaCommissionRate: book.mgaCommissionRate,
      });
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
        premiumPaymentLegs(split),
      );
      const invoicePaid = request.amountCents === balance;
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
      return { split, invoicePaid, policyId: policy.id };
    });
  } catch (error) {
    if (error instanceof PaymentRefused) {
      return error.message === "not_found"
        ? { ok: false, reason: "not_found", message: "Invoice not found." }
        : { ok: false, reason: "refused", message: error.message };
    }
    if (error instanceof PremiumSplitError)
      return { ok: false, reason: "refused", message: `The payment cannot be split: ${error.message}.` };
    throw error;
  }
  const posting = await submitPosting(db, ledger, tenant.orgId, paymentId);
  // Servicing (ADR 017): a paid overdue invoice rescinds its notice or reinstates the policy.
  await afterPremiumReceived(db, ledger, tenant.orgId, result.policyId, businessToday(tenant));
  const { policyId: _policyId, ...paid } = result;
  return { ok: true, paymentId, ...paid, posting };
}
