/**
 * The portal's pay action: money is recorded only after the payment provider confirms it server
 * side (payment-provider.ts). With no provider configured (production until one is plugged in)
 * the payment is refused and nothing is written.
 */
import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { findInvoiceForPayment } from "../../models/invoice-payments.server.ts";
import type { LedgerClient } from "../ledger/client.server.ts";
import { type PaymentOutcome, recordInvoicePayment } from "../ledger/premium-payments.server.ts";
import type { PaymentConfirmRequest, PaymentProvider } from "./payment-provider.ts";

export const NO_PAYMENT_PROVIDER_MESSAGE =
  "Online payment is not available yet. Please pay this invoice by check, ACH or wire as shown on the invoice, or contact your agent.";

export const AGENCY_BILLED_MESSAGE =
  "Your agency bills this policy: pay this invoice to your agency, which collects the premium.";

export type OnlinePaymentOutcome =
  | PaymentOutcome
  | { ok: false; reason: "not_configured"; message: string }
  | { ok: false; reason: "declined"; message: string };

export async function payInvoiceOnline(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  provider: PaymentProvider | null,
  request: { invoiceId: string; amountCents: number; fields: PaymentConfirmRequest["fields"] },
): Promise<OnlinePaymentOutcome> {
  // An invoice the payer may not see is not found, before any provider is asked for money.
  const found = await findInvoiceForPayment(db, tenant, request.invoiceId);
  if (!found) return { ok: false, reason: "not_found", message: "Invoice not found." };
  // The agency collects an agency-billed invoice and remits it net of its commission (ADR 024).
  if (found.policy.billingMethod === "agency") return { ok: false, reason: "refused", message: AGENCY_BILLED_MESSAGE };
  if (!provider) return { ok: false, reason: "not_configured", message: NO_PAYMENT_PROVIDER_MESSAGE };
  const confirmation = await provider.confirm({ orgId: tenant.orgId, ...request });
  if (confirmation.status !== "succeeded") return { ok: false, reason: "declined", message: confirmation.message };
  return recordInvoicePayment(db, ledger, tenant, {
    invoiceId: request.invoiceId,
    amountCents: confirmation.amountCents,
    method: provider.method,
    reference: confirmation.intentId ?? confirmation.reference,
    singleUseReference: confirmation.intentId !== undefined,
  });
}
