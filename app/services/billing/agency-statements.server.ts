/**
 * The agency's receipt against its monthly agency-bill statement (ADR 024): it remits the
 * statement's net (gross less the commission it keeps); every invoice on the statement is paid
 * in full and allocated by cumulative share, the agency's commission netted on the way. One
 * transaction writes the payments, postings, invoice statuses and the statement's receipt; the
 * postings are submitted after it commits (or left to the retry job).
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  listAgencyStatementItems,
  lockAgencyStatement,
  markAgencyStatementReceived,
  setAgencyItemPayment,
} from "../../models/agency-statements.server.ts";
import {
  findInstallmentOfInvoice,
  findInvoiceForPayment,
  lockInvoiceForPayment,
  markInvoicePaid,
} from "../../models/invoice-payments.server.ts";
import { insertPayment, invoicePaidCents } from "../../models/payments.server.ts";
import { lockPolicyForMoney } from "../../models/policy-money.server.ts";
import { createId } from "../../utils/ids.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import { loadAllocationState } from "../ledger/allocation.server.ts";
import { loadBook } from "../ledger/book.server.ts";
import type { LedgerClient } from "../ledger/client.server.ts";
import { submitPosting, writePosting, type SubmitOutcome } from "../ledger/postings.server.ts";
import { AllocationError, allocateReceipt } from "../ledger/premium-allocation.ts";
import { agencyReceiptLegs } from "./agency-bill.ts";

export type AgencyReceiptOutcome =
  | { ok: true; netCents: number; invoicesPaid: number; postings: SubmitOutcome[] }
  | { ok: false; reason: "not_found" | "refused"; message: string };

class Refused extends Error {
  override readonly name = "Refused";
}

/**
 * Records the agency's remittance of `amountCents` against an open statement. Refuses, writing
 * nothing, an amount other than the statement's net, a statement already received, and a
 * statement one of whose invoices was paid or allocated otherwise since it was built.
 */
export async function receiveAgencyStatement(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  request: { statementId: string; amountCents: number; reference?: string | null },
): Promise<AgencyReceiptOutcome> {
  let paymentIds: string[] = [];
  let result: { netCents: number; invoicesPaid: number };
  try {
    result = await transactionWithRetry(db, async (tx) => {
      paymentIds = [];
      const statement = await lockAgencyStatement(tx, tenant.orgId, request.statementId);
      if (!statement) throw new Refused("not_found");
      if (statement.status !== "open") throw new Refused(`This statement was already received.`);
      if (request.amountCents !== statement.netCents)
        throw new Refused(
          `The agency's remittance of ${request.amountCents} cents does not match the statement's net of ${statement.netCents} cents.`,
        );
      const book = await loadBook(tx, tenant.orgId);
      for (const { item, invoiceNumber } of await listAgencyStatementItems(tx, tenant.orgId, statement.id)) {
        const row = await findInvoiceForPayment(tx, tenant, item.invoiceId);
        if (!row) throw new Refused("not_found");
        const locked = await lockInvoiceForPayment(tx, tenant.orgId, item.invoiceId);
        const open = locked?.status === "invoiced" || locked?.status === "overdue";
        if (!open || (await invoicePaidCents(tx, tenant, item.invoiceId)) !== 0)
          throw new Refused(`Invoice ${invoiceNumber} was paid or closed since the statement was built.`);
        await lockPolicyForMoney(tx, tenant.orgId, row.policy.id);
        const state = await loadAllocationState(tx, tenant.orgId, row.policy, {
          producerCommissionRate: row.commissionRate,
          mgaCommissionRate: book.mgaCommissionRate,
        });
        const delta = allocateReceipt(state.figures, state.allocated, item.grossCents);
        if (delta.producer_commission !== item.commissionCents)
          throw new Refused(
            `Invoice ${invoiceNumber}'s commission is now ${delta.producer_commission} cents, the statement says ${item.commissionCents}: money moved on its policy since the statement was built.`,
          );
        const paymentId = createId("pay");
        await insertPayment(tx, tenant.orgId, {
          id: paymentId,
          invoiceId: item.invoiceId,
          policyId: row.policy.id,
          amountCents: item.grossCents,
          method: "agency",
          reference: request.reference ?? null,
          receivedByUserId: tenant.userId,
        });
        await writePosting(
          tx,
          tenant.orgId,
          {
            id: paymentId,
            kind: "premium_payment",
            description: `Agency bill receipt on ${invoiceNumber} (${row.policy.policyNumber})`,
            policyId: row.policy.id,
            invoiceId: item.invoiceId,
          },
          agencyReceiptLegs(delta),
        );
        const installment = await findInstallmentOfInvoice(tx, tenant.orgId, item.invoiceId);
        await markInvoicePaid(tx, tenant.orgId, item.invoiceId, installment?.id ?? null);
        await setAgencyItemPayment(tx, tenant.orgId, item.invoiceId, paymentId);
        paymentIds.push(paymentId);
      }
      await markAgencyStatementReceived(tx, tenant.orgId, statement.id, {
        userId: tenant.userId,
        reference: request.reference ?? null,
      });
      await recordDomainEvent(tx, tenant.orgId, "agency_statement.received", {
        statementId: statement.id,
        agencyId: statement.agencyId,
        period: statement.period,
        grossCents: statement.grossCents,
        commissionCents: statement.commissionCents,
        netCents: statement.netCents,
        actorUserId: tenant.userId,
      });
      return { netCents: statement.netCents, invoicesPaid: paymentIds.length };
    });
  } catch (error) {
    if (error instanceof Refused)
      return error.message === "not_found"
        ? { ok: false, reason: "not_found", message: "Statement not found." }
        : { ok: false, reason: "refused", message: error.message };
    if (error instanceof AllocationError)
      return { ok: false, reason: "refused", message: `The receipt cannot be allocated: ${error.message}.` };
    throw error;
  }
  const postings: SubmitOutcome[] = [];
  for (const id of paymentIds) postings.push(await submitPosting(db, ledger, tenant.orgId, id));
  return { ok: true, ...result, postings };
}
