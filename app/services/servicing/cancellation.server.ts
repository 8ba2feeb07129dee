/**
 * Cancelling and reinstating a policy (issue 12, ADR 017). A cancellation is one transaction:
 * the cancellation row of policy_transactions (signed return premium, fees, taxes, commission),
 * the policy's status and totals, its open billing waived, the part of the return the insured had
 * already paid as a return-premium credit and as a ledger posting (premium_return, codes
 * 110-114), and the `policy.cancelled` event. The posting is submitted after commit with its
 * stored transfer ids (ADR 006). A reinstatement writes the exact opposite row and reverses the
 * posting by new transfers.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findPolicyForServicing,
  findPostingLegs,
  insertPolicyNotice,
  insertPolicyTransaction,
  insertReturnPremiumCredit,
  insertServicingInvoice,
  listNonPaymentNotices,
  listPolicyCredits,
  listPolicyNotices,
  listPolicyTransactions,
  lockPolicyForServicing,
  policyBilledCents,
  policyPaidCents,
  setInvoiceStatus,
  setNoticeOutcome,
  updatePolicy,
  waiveOpenBilling,
  listPendingInstallments,
  invoiceSettled,
  listOpenInvoiceIds,
  restoreInstallment,
  closePolicyCredit,
} from "../../models/policy-servicing.server.ts";
import { nextSequenceValue } from "../../models/sequences.server.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { createId } from "../../utils/ids.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import type { LedgerClient } from "../ledger/client.server.ts";
import { premiumReturnLegs, reversalLegs, splitReturn } from "../ledger/premium-return.ts";
import { submitPosting, writePosting } from "../ledger/postings.server.ts";
import { transactionCommission } from "../policies/policy-transactions.ts";
import {
  cancellationBreakdown,
  CancellationInputError,
  noticeDays,
  settleReturn,
  type CancellationBreakdown,
  type CancellationReason,
} from "./cancellation.ts";
import { transition, type TransitionOutcome } from "./lifecycle.ts";

export type ServicingRefusal =
  | { ok: false; reason: "not_found" }
  | {
      ok: false;
      reason: "transition_invalid";
      code: "POLICY_TRANSITION_INVALID";
      from: string;
      to: string;
      message: string;
    }
  | { ok: false; reason: "invalid"; message: string };

export type CancellationRequest = {
  reason: CancellationReason;
  cancellationDate: string;
  /** When the insured or the company asked for it, if not today (a request or notice applied later). */
  requestedOn?: string | undefined;
};

/** A refused lifecycle transition as servicing reports it (422 POLICY_TRANSITION_INVALID in the API). */
export function refusedTransition(moved: Extract<TransitionOutcome, { ok: false }>): ServicingRefusal {
  return {
    ok: false,
    reason: "transition_invalid",
    code: moved.code,
    from: moved.from,
    to: moved.to,
    message: moved.message,
  };
}

type PolicyRow = NonNullable<Awaited<ReturnType<typeof lockPolicyForServicing>>>;
type TransactionRow = Awaited<ReturnType<typeof listPolicyTransactions>>[number];

/** What the policy's transactions add up to, and the commission rates fixed at new business. */
function writtenFigures(transactions: readonly TransactionRow[]) {
  const first = transactions[0];
  return {
    premiumCents: transactions.reduce((s, t) => s + t.premiumCents, 0),
    feesCents: transactions.reduce((s, t) => s + t.feesCents, 0),
    taxesCents: transactions.reduce((s, t) => s + t.taxesCents, 0),
    producerCommissionRate: first?.producerCommissionRate ?? "0.0000",
    mgaCommissionRate: first?.mgaCommissionRate ?? "0.0000",
  };
}

/**
 * The full-term premium in force on `date`: the bound premium plus every endorsement dated on or
 * before it, each taken at its full-term change (recorded in its calculation).
 */
function termPremiumOn(policy: PolicyRow["policy"], transactions: readonly TransactionRow[], date: string): number {
  let premium = transactions[0]?.premiumCents ?? policy.grossPremiumCents;
  for (const t of transactions) {
    if (t.type !== "endorsement" || t.effectiveDate > date) continue;
    const after = (t.calculation as { termPremiumAfterCents?: number } | null)?.termPremiumAfterCents;
    if (typeof after === "number") premium = after;
  }
  return premium;
}

function breakdownFor(
  row: { policy: PolicyRow["policy"]; minimumEarnedRate: string | null },
  transactions: readonly TransactionRow[],
  request: CancellationRequest,
  today: string,
): CancellationBreakdown {
  const figures = writtenFigures(transactions);
  return cancellationBreakdown({
    reason: request.reason,
    term: { effectiveDate: row.policy.effectiveDate, expirationDate: row.policy.expirationDate },
    cancellationDate: request.cancellationDate,
    requestedOn: request.requestedOn ?? today,
    termPremiumCents: termPremiumOn(row.policy, transactions, request.cancellationDate),
    writtenPremiumCents: figures.premiumCents,
    feesCents: figures.feesCents,
    taxesCents: figures.taxesCents,
    minimumEarnedRate: row.minimumEarnedRate,
    producerCommissionRate: figures.producerCommissionRate,
    mgaCommissionRate: figures.mgaCommissionRate,
  });
}

/** The earliest date a cancellation for `reason` may take effect when given today. */
export function earliestCancellationDate(reason: CancellationReason, today: string, effectiveDate: string): string {
  if (reason === "flat") return effectiveDate;
  const earliest = addDays(today, noticeDays(reason));
  return earliest < effectiveDate ? effectiveDate : earliest;
}

function validateRequest(
  policy: PolicyRow["policy"],
  request: CancellationRequest,
  today: string,
  { fromNotice }: { fromNotice: boolean },
): string | null {
  if (fromNotice) return null;
  if (request.reason === "company" || request.reason === "non_payment") {
    const earliest = earliestCancellationDate(request.reason, today, policy.effectiveDate);
    if (request.cancellationDate < earliest)
      return `A ${request.reason === "company" ? "company" : "non-payment"} cancellation needs ${noticeDays(request.reason)} days' notice: the earliest cancellation date is ${earliest}.`;
  }
  return null;
}

export type CancellationPreview =
  | { ok: true; breakdown: CancellationBreakdown; policyNumber: string; earliestDate: string }
  | ServicingRefusal;

/** The dry run: the return computed step by step, nothing written. */
export async function previewCancellation(
  db: Database,
  tenant: TenantContext,
  policyId: string,
  request: CancellationRequest,
  today: string,
): Promise<CancellationPreview> {
  const row = await findPolicyForServicing(db, tenant, policyId);
  if (!row) return { ok: false, reason: "not_found" };
  const moved = transition(row.policy.status, "cancel", {
    today,
    effectiveDate: row.policy.effectiveDate,
    expirationDate: row.policy.expirationDate,
  });
  if (!moved.ok) return refusedTransition(moved);
  const invalid = validateRequest(row.policy, request, today, { fromNotice: false });
  if (invalid) return { ok: false, reason: "invalid", message: invalid };
  try {
    const transactions = await listPolicyTransactions(db, tenant.orgId, policyId);
    return {
      ok: true,
      breakdown: breakdownFor(row, transactions, request, today),
      policyNumber: row.policy.policyNumber,
      earliestDate: earliestCancellationDate(request.reason, today, row.policy.effectiveDate),
    };
  } catch (error) {
    if (error instanceof CancellationInputError) return { ok: false, reason: "invalid", message: error.message };
    throw error;
  }
}

export type CancellationOutcome =
  | {
      ok: true;
      /** `scheduled`: a notice was issued and the job cancels on its date; `cancelled`: done now. */
      status: "cancelled" | "scheduled";
      transactionId: string | null;
      noticeId: string | null;
      breakdown: CancellationBreakdown;
      creditCents: number;
    }
  | ServicingRefusal;

/**
 * Cancels a policy: at once when the date has come, otherwise by a notice of cancellation the
 * daily job executes on its date. Idempotent per notice: a notice executes once.
 */
export async function cancelPolicy(
  db: Database,
  ledger: LedgerClient | null,
  tenant: TenantContext,
  policyId: string,
  request: CancellationRequest,
  today: string,
  { noticeId }: { noticeId?: string } = {},
): Promise<CancellationOutcome> {
  let postingId: string | null = null;
  const outcome = await transactionWithRetry(db, async (tx): Promise<CancellationOutcome> => {
    postingId = null;
    const row = await lockPolicyForServicing(tx, tenant, policyId);
    if (!row) return { ok: false, reason: "not_found" };
    const moved = transition(row.policy.status, "cancel", {
      today,
      effectiveDate: row.policy.effectiveDate,
      expirationDate: row.policy.expirationDate,
    });
    if (!moved.ok) return refusedTransition(moved);
    const invalid = validateRequest(row.policy, request, today, { fromNotice: noticeId !== undefined });
    if (invalid) return { ok: false, reason: "invalid", message: invalid };
    const transactions = await listPolicyTransactions(tx, tenant.orgId, policyId);
    let breakdown: CancellationBreakdown;
    try {
      breakdown = breakdownFor(row, transactions, request, today);
    } catch (error) {
      if (error instanceof CancellationInputError) return { ok: false, reason: "invalid", message: error.message };
      throw error;
    }
    if (request.cancellationDate > today && noticeId === undefined) {
      const id = createId("pnt");
      await insertPolicyNotice(tx, tenant.orgId, {
        id,
        policyId,
        kind: "cancellation",
        reason: request.reason,
        issuedOn: today,
        effectiveOn: request.cancellationDate,
        status: "pending",
        details: { breakdown },
        createdByUserId: tenant.userId,
      });
      return { ok: true, status: "scheduled", transactionId: null, noticeId: id, breakdown, creditCents: 0 };
    }
    const executed = await executeCancellation(tx, tenant, row, transactions, request, breakdown, today);
    postingId = executed.postingId;
    // Every notice standing on the policy is settled by the cancellation it led to (or overtaken by it).
    for (const notice of await listPolicyNotices(tx, tenant.orgId, policyId)) {
      if (notice.status === "pending" && notice.kind !== "request")
        await setNoticeOutcome(tx, tenant.orgId, notice.id, {
          status: "executed",
          transactionId: executed.transactionId,
        });
    }
    return {
      ok: true,
      status: "cancelled",
      transactionId: executed.transactionId,
      noticeId: noticeId ?? null,
      breakdown,
      creditCents: executed.creditCents,
    };
  });
  if (postingId && ledger) await submitPosting(db, ledger, tenant.orgId, postingId);
  return outcome;
}

async function nextInvoiceNumber(tx: Transaction, orgId: string, today: string) {
  const year = today.slice(0, 4);
  const n = await nextSequenceValue(tx, orgId, `invoice:${year}`);
  return `INV-${year}-${String(n).padStart(5, "0")}`;
}

async function executeCancellation(
  tx: Transaction,
  tenant: TenantContext,
  row: PolicyRow,
  transactions: readonly TransactionRow[],
  request: CancellationRequest,
  breakdown: CancellationBreakdown,
  today: string,
) {
  const { policy } = row;
  const figures = writtenFigures(transactions);
  const rates = {
    producerCommissionRate: figures.producerCommissionRate,
    mgaCommissionRate: figures.mgaCommissionRate,
  };
  const transactionId = createId("ptx");
  const [billedBefore, paidCents, pendingInstallments, openInvoiceIds] = await Promise.all([
    policyBilledCents(tx, tenant.orgId, policy.id),
    policyPaidCents(tx, tenant.orgId, policy.id),
    listPendingInstallments(tx, tenant.orgId, policy.id),
    listOpenInvoiceIds(tx, tenant.orgId, policy.id),
  ]);
  // Installment fees of installments that will never be billed are not owed either.
  const unbilledInstallmentFees = pendingInstallments.reduce((s, i) => s + i.feeCents, 0);
  const totalDueAfter = billedBefore - breakdown.totalReturnCents - unbilledInstallmentFees;
  const { creditCents } = settleReturn({
    returnCents: breakdown.totalReturnCents,
    paidCents,
    totalDueAfterCents: totalDueAfter,
  });

  await waiveOpenBilling(tx, tenant.orgId, policy.id);
  // A non-payment cancellation leaves the overdue invoice payable: paying it within 30 days reinstates.
  const nonPaymentNotice =
    request.reason === "non_payment"
      ? (await listNonPaymentNotices(tx, tenant.orgId, policy.id)).find((n) => n.status === "pending")
      : undefined;
  if (nonPaymentNotice?.invoiceId) await setInvoiceStatus(tx, tenant.orgId, nonPaymentNotice.invoiceId, "invoiced");
  const keptOpenCents = nonPaymentNotice?.overdueCents ?? 0;
  const stillOwed = totalDueAfter - paidCents - keptOpenCents;
  let earnedInvoiceId: string | null = null;
  if (stillOwed > 0) {
    earnedInvoiceId = createId("inv");
    await insertServicingInvoice(tx, tenant.orgId, {
      id: earnedInvoiceId,
      policyId: policy.id,
      invoiceNumber: await nextInvoiceNumber(tx, tenant.orgId, today),
      dueDate: addDays(today, 10),
      amountCents: stillOwed,
    });
  }

  await insertPolicyTransaction(tx, {
    id: transactionId,
    orgId: tenant.orgId,
    policyId: policy.id,
    sequence: Math.max(0, ...transactions.map((t) => t.sequence)) + 1,
    type: "cancellation",
    effectiveDate: request.cancellationDate,
    bookedOn: today,
    premiumCents: -breakdown.returnPremiumCents,
    feesCents: -breakdown.feesReturnedCents,
    taxesCents: -breakdown.taxesReturnedCents,
    ...rates,
    ...transactionCommission({ premiumCents: -breakdown.returnPremiumCents, ...rates }),
    reason: request.reason,
    calculation: {
      breakdown,
      billing: {
        pendingInstallmentIds: pendingInstallments.map((i) => i.id),
        waivedInvoiceIds: openInvoiceIds.filter((id) => id !== nonPaymentNotice?.invoiceId),
        earnedInvoiceId,
        keptOpenInvoiceId: nonPaymentNotice?.invoiceId ?? null,
        creditCents,
      },
    },
    createdByUserId: tenant.userId,
  });
  await updatePolicy(tx, tenant.orgId, policy.id, {
    status: "cancelled",
    grossPremiumCents: figures.premiumCents - breakdown.returnPremiumCents,
    feesCents: figures.feesCents - breakdown.feesReturnedCents,
    taxesCents: figures.taxesCents - breakdown.taxesReturnedCents,
  });
  let postingId: string | null = null;
  if (creditCents > 0) {
    await insertReturnPremiumCredit(tx, tenant.orgId, { policyId: policy.id, transactionId, amountCents: creditCents });
    postingId = transactionId;
    const split = splitReturn(creditCents, {
      returnPremiumCents: breakdown.returnPremiumCents,
      producerCommissionCents: breakdown.producerCommissionClawbackCents,
      mgaCommissionCents: breakdown.mgaCommissionReturnedCents,
      feesCents: breakdown.feesReturnedCents,
      taxesCents: breakdown.taxesReturnedCents,
    });
    await writePosting(
      tx,
      tenant.orgId,
      {
        id: postingId,
        kind: "premium_return",
        description: `Return premium on cancellation of ${policy.policyNumber}`,
        policyId: policy.id,
      },
      premiumReturnLegs(split),
    );
  }
  await recordDomainEvent(tx, tenant.orgId, "policy.cancelled", {
    policyId: policy.id,
    policyNumber: policy.policyNumber,
    transactionId,
    reason: request.reason,
    cancellationDate: request.cancellationDate,
    returnPremiumCents: breakdown.returnPremiumCents,
    totalReturnCents: breakdown.totalReturnCents,
    creditCents,
  });
  return { transactionId, creditCents, postingId };
}

/** DOMAIN: reinstatement within 30 days of a non-payment cancellation, once the overdue amount is paid. */
export const REINSTATEMENT_WINDOW_DAYS = 30;

export type ReinstatementOutcome = { ok: true; transactionId: string; status: string } | ServicingRefusal;

/**
 * Reinstates a cancelled policy without a lapse: the cancellation's row is mirrored by a
 * reinstatement row, its waived installments come back, its earned-premium invoice is withdrawn,
 * and its ledger posting is reversed by new transfers.
 */
export async function reinstatePolicy(
  db: Database,
  ledger: LedgerClient | null,
  tenant: TenantContext,
  policyId: string,
  today: string,
): Promise<ReinstatementOutcome> {
  let reversalId: string | null = null;
  const outcome = await transactionWithRetry(db, async (tx): Promise<ReinstatementOutcome> => {
    reversalId = null;
    const row = await lockPolicyForServicing(tx, tenant, policyId);
    if (!row) return { ok: false, reason: "not_found" };
    const { policy } = row;
    const moved = transition(policy.status, "reinstate", {
      today,
      effectiveDate: policy.effectiveDate,
      expirationDate: policy.expirationDate,
    });
    if (!moved.ok) return refusedTransition(moved);
    const transactions = await listPolicyTransactions(tx, tenant.orgId, policyId);
    const cancellation = [...transactions].reverse().find((t) => t.type === "cancellation");
    if (!cancellation) return { ok: false, reason: "invalid", message: "The policy has no cancellation to reverse." };
    if (cancellation.reason !== "non_payment")
      return {
        ok: false,
        reason: "invalid",
        message: "Only a cancellation for non-payment is reinstated; this one was for another reason.",
      };
    const lastDay = addDays(cancellation.effectiveDate, REINSTATEMENT_WINDOW_DAYS);
    if (today > lastDay)
      return {
        ok: false,
        reason: "invalid",
        message: `The reinstatement window closed on ${lastDay} (30 days after the cancellation on ${cancellation.effectiveDate}).`,
      };
    const billing = (cancellation.calculation as { billing?: CancellationBilling } | null)?.billing;
    if (billing?.keptOpenInvoiceId && !(await invoiceSettled(tx, tenant.orgId, billing.keptOpenInvoiceId)))
      return { ok: false, reason: "invalid", message: "The overdue premium has not been paid yet." };

    const transactionId = createId("ptx");
    await insertPolicyTransaction(tx, {
      id: transactionId,
      orgId: tenant.orgId,
      policyId,
      sequence: Math.max(...transactions.map((t) => t.sequence)) + 1,
      type: "reinstatement",
      effectiveDate: cancellation.effectiveDate,
      bookedOn: today,
      premiumCents: -cancellation.premiumCents,
      feesCents: -cancellation.feesCents,
      taxesCents: -cancellation.taxesCents,
      producerCommissionRate: cancellation.producerCommissionRate,
      producerCommissionCents: -cancellation.producerCommissionCents,
      mgaCommissionRate: cancellation.mgaCommissionRate,
      mgaCommissionCents: -cancellation.mgaCommissionCents,
      reason: "reinstatement",
      calculation: { reverses: cancellation.id },
      createdByUserId: tenant.userId,
    });
    await updatePolicy(tx, tenant.orgId, policyId, {
      status: moved.to,
      grossPremiumCents: policy.grossPremiumCents - cancellation.premiumCents,
      feesCents: policy.feesCents - cancellation.feesCents,
      taxesCents: policy.taxesCents - cancellation.taxesCents,
    });
    if (billing) {
      for (const id of billing.pendingInstallmentIds) await restoreInstallment(tx, tenant.orgId, id);
      for (const id of billing.waivedInvoiceIds) await setInvoiceStatus(tx, tenant.orgId, id, "invoiced");
      if (billing.earnedInvoiceId) await setInvoiceStatus(tx, tenant.orgId, billing.earnedInvoiceId, "waived");
    }
    const credit = (await listPolicyCredits(tx, tenant.orgId, policyId)).find((c) => c.sourceId === cancellation.id);
    if (credit) {
      const legs = await findPostingLegs(tx, tenant.orgId, cancellation.id);
      if (legs.length > 0) {
        reversalId = `${transactionId}`;
        await writePosting(
          tx,
          tenant.orgId,
          {
            id: reversalId,
            kind: "return_reversal",
            description: `Reinstatement of ${policy.policyNumber}: cancellation return reversed`,
            policyId,
          },
          reversalLegs(legs),
        );
      }
      await retireCredit(tx, tenant, policy, credit, today);
    }
    await recordDomainEvent(tx, tenant.orgId, "policy.reinstated", {
      policyId,
      policyNumber: policy.policyNumber,
      transactionId,
      reinstatedCancellationId: cancellation.id,
    });
    return { ok: true, transactionId, status: moved.to };
  });
  if (reversalId && ledger) await submitPosting(db, ledger, tenant.orgId, reversalId);
  return outcome;
}

type CancellationBilling = {
  pendingInstallmentIds: string[];
  waivedInvoiceIds: string[];
  earnedInvoiceId: string | null;
  keptOpenInvoiceId: string | null;
  creditCents: number;
};

/**
 * The cancellation's credit is no longer owed once the policy is back in force: what is left of
 * it is closed, and whatever finance already refunded or applied is billed again.
 */
async function retireCredit(
  tx: Transaction,
  tenant: TenantContext,
  policy: PolicyRow["policy"],
  credit: Awaited<ReturnType<typeof listPolicyCredits>>[number],
  today: string,
) {
  await closePolicyCredit(tx, tenant.orgId, credit.id);
  const used = credit.amountCents - credit.remainingCents;
  if (used > 0) {
    await insertServicingInvoice(tx, tenant.orgId, {
      id: createId("inv"),
      policyId: policy.id,
      invoiceNumber: await nextInvoiceNumber(tx, tenant.orgId, today),
      dueDate: addDays(today, 20),
      amountCents: used,
    });
  }
}
