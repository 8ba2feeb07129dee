import type { Database } from "../../../db/client.ts";
import type { BillingMethod } from "../../../db/schema/index.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import { permissionsOf } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findActiveQuoteId,
  findAuthorityProfile,
  findPendingReferralId,
  findPolicyOfSubmission,
  insertBillingSchedule,
  insertDeclinations,
  insertPolicy,
  lockDaAgreementForBind,
  lockQuoteOptionForBind,
  markBound,
  readBindTermsOfOption,
  readProducerOfOption,
  readSubmissionBindRecords,
} from "../../models/policy-binding.server.ts";
import { getBindContext } from "../../models/bind-context.server.ts";
import { nextSequenceValue } from "../../models/sequences.server.ts";
import { addMonths } from "../../utils/calendar-date.ts";
import { createId } from "../../utils/ids.ts";
import { toCents } from "../../utils/money.ts";
import { buildInstallments, type InstallmentPlan } from "../billing/billing-schedule.ts";
import { closeDealRoomsForSubmission } from "../realtime/deal-rooms.server.ts";
import { issueDeclarations } from "../documents/declarations-store.server.ts";
import { issuePolicy } from "../servicing/lifecycle.server.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import { raiseReferral } from "../underwriting/referrals.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { openKnockoutHits } from "../underwriting/knockouts.server.ts";
import type { BindAuthority } from "./authority.ts";
import type { PreBindCheckResult } from "./check-result.ts";
import { daStandingUnderLock } from "./da-standing.server.ts";
import { requiredDeclinations } from "./diligent-search.ts";
import { formatPolicyNumber } from "./policy-number.ts";
import { transactionCommission } from "./policy-transactions.ts";
import { DEFAULT_MGA_COMMISSION_RATE } from "../ledger/chart.ts";
import { runPreBindChecks } from "./pre-bind-checks.ts";
import { auditBusinessAction } from "../access/audit.server.ts";
import { raiseUtilizationAlerts, recordBreachAttempt } from "../carrier/da-monitoring.server.ts";
import type { ReferralReasonCode } from "./referral-triggers.ts";

export type BindRequest = {
  quoteOptionId: string;
  plan: InstallmentPlan;
  /** When given, the option must belong to this submission (the page's or the URL's). */
  submissionId?: string | undefined;
  /** Admitted carriers that declined the risk, recorded before the checks read them. */
  declinedBy?: readonly string[] | undefined;
  /** Who collects the premium (ADR 024); agency bill only where the program allows it. */
  billingMethod?: BillingMethod | undefined;
  /** A renewal term (ADR 023): numbered after the prior term and linked to it, not from the sequence. */
  renewal?: { ofPolicyId: string; policyNumber: string } | undefined;
  /**
   * Written with the fresh bind's rows, in its transaction: the API's answer under its
   * Idempotency-Key (ADR 032), so it commits or rolls back with the policy and costs no round trip.
   */
  alsoWrite?: ((tx: Transaction, policy: BoundPolicy) => Promise<unknown>) | undefined;
};
export type FailedCheck = Extract<PreBindCheckResult, { passed: false }>;
/** The bound policy as the bind wrote it, so a caller can present it without reading it back. */
export type BoundPolicy = {
  id: string;
  policyNumber: string;
  status: "bound";
  lineOfBusiness: "GL" | "WC";
  state: string;
  insuredName: string;
  effectiveDate: string;
  expirationDate: string;
  grossPremiumCents: number;
  feesCents: number;
  taxesCents: number;
};
export type BindOutcome =
  /** `policy`: present when this call bound it (a replay finds an existing policy by id only). */
  | {
      ok: true;
      policyId: string;
      policyNumber: string;
      alreadyBound: boolean;
      submissionId: string;
      policy?: BoundPolicy;
    }
  | { ok: false; reason: "not_found" | "plan_not_offered" }
  /** The option belongs to a quote a newer one replaced: a stale page must not bind the old price. */
  | { ok: false; reason: "quote_superseded"; code: "QUOTE_SUPERSEDED"; currentQuoteId: string | null }
  /** `referralId`: only the user's authority was short, so the quote went to an underwriter. */
  | { ok: false; reason: "checks_failed"; failures: FailedCheck[]; referralId?: string };

/**
 * What runs after the response: the routes pass the Worker's bucket and a `waitUntil` that starts
 * the work (`ctx.waitUntil(work())`), so closing deal rooms and issuing the declarations page
 * cost the producer no round trip.
 */
export type AfterBind = { documents: R2Bucket; afterResponse: (work: () => Promise<unknown>) => void };

const refused = (failures: FailedCheck[]): BindOutcome => ({ ok: false, reason: "checks_failed", failures });
const issue = (detail: string): FailedCheck => ({
  check: "no_open_uw_issues",
  code: "UW_ISSUES_OPEN",
  passed: false,
  detail,
});

/**
 * The policy and invoice numbers are drawn with the post-lock reads, before the checks have
 * passed; a refused bind must not keep them (numbers without gaps), so it rolls back with this
 * and runs again drawing them only after the checks, where its refusal is recorded.
 */
class RefusedWithNumbersDrawn extends Error {}

type PreRead = {
  terms: NonNullable<Awaited<ReturnType<typeof readBindTermsOfOption>>>;
  producer: Awaited<ReturnType<typeof readProducerOfOption>>;
  ownAuthority: Awaited<ReturnType<typeof findAuthorityProfile>>;
};

/**
 * The one way to bind: records the diligent-search declinations, runs the pre-bind checks and
 * binds, or refers the quote to an underwriter when only the user's authority is short; then,
 * after commit, closes the deal rooms and issues the declarations page.
 *
 * Round trips (issue 17, ADR 016): what the locks do not protect (program, insured, rate table,
 * commission rates, the producer's licences, the user's authority) is read outside the
 * transaction while BEGIN is on its way; then the quote option row (with its quote and
 * submission) and the DA agreement in force on the effective date are locked together, so
 * concurrent binds of a quote queue behind each other and all but the first get the same policy
 * back, and the agreement's aggregate counter, the insured's policy count and the quarter's
 * premium cannot change under the checks; the counts, the submission's records and the two
 * numbers are read next, together; every write goes out in one round trip; then COMMIT.
 */
export async function bindSubmission(
  db: Database,
  tenant: TenantContext,
  request: BindRequest,
  bindDate: string,
  after?: AfterBind,
): Promise<BindOutcome> {
  const preRead = Promise.all([
    readBindTermsOfOption(db, tenant, request.quoteOptionId),
    readProducerOfOption(db, tenant, request.quoteOptionId),
    findAuthorityProfile(db, tenant.orgId, tenant.userId),
  ]).then(([terms, producer, ownAuthority]): PreRead | null => (terms ? { terms, producer, ownAuthority } : null));
  // Awaited inside the transaction; a failure surfaces there, not as an unhandled rejection.
  preRead.catch(() => {});
  let drawNumbersEarly = true;
  let outcome: BindOutcome;
  for (;;) {
    try {
      outcome = await transactionWithRetry(db, async (tx): Promise<BindOutcome> => {
        const read = await preRead;
        if (!read || (request.submissionId !== undefined && read.terms.submissionId !== request.submissionId))
          return { ok: false, reason: "not_found" };
        return bindLocked(tx, tenant, request, read, bindDate, drawNumbersEarly);
      });
      break;
    } catch (error) {
      if (!(error instanceof RefusedWithNumbersDrawn) || !drawNumbersEarly) throw error;
      drawNumbersEarly = false;
    }
  }
  if (outcome.ok) {
    const { submissionId, policyId } = outcome;
    const closeRooms = () => closeDealRoomsForSubmission(db, tenant.orgId, submissionId, "bound");
    if (after) {
      after.afterResponse(closeRooms);
      // Stored declarations and the first invoice make the policy issued (ADR 017).
      after.afterResponse(() =>
        issueDeclarations(db, after.documents, tenant, policyId).then(() => issuePolicy(db, tenant.orgId, policyId)),
      );
    } else {
      await closeRooms();
    }
  }
  return outcome;
}

async function bindLocked(
  tx: Transaction,
  tenant: TenantContext,
  request: BindRequest,
  { terms, producer, ownAuthority }: PreRead,
  bindDate: string,
  drawNumbersEarly: boolean,
): Promise<BindOutcome> {
  const plan = request.plan;
  const names = [...new Set((request.declinedBy ?? []).map((n) => n.trim()).filter(Boolean))];
  // Locking reads and an insert only: the transaction's snapshot is not fixed before the locks.
  const [locked, agreementAsRead] = await Promise.all([
    lockQuoteOptionForBind(tx, tenant, request.quoteOptionId),
    lockDaAgreementForBind(tx, tenant.orgId, terms.programId, terms.effectiveDate),
    insertDeclinations(tx, tenant.orgId, terms.submissionId, names, bindDate),
  ]);
  if (!locked) return { ok: false, reason: "not_found" };
  const { option, quote, submission } = locked;
  // The submission was re-dated or moved to another program since it was read: lock the
  // agreement its locked row names (still before any plain read).
  const agreementRow =
    submission.programId === terms.programId && submission.effectiveDate === terms.effectiveDate
      ? agreementAsRead
      : await lockDaAgreementForBind(tx, tenant.orgId, submission.programId, submission.effectiveDate);

  if (quote.status === "bound") {
    const existing = await findPolicyOfSubmission(tx, tenant.orgId, submission.id);
    if (existing?.quoteOptionId === option.id) {
      return {
        ok: true,
        policyId: existing.id,
        policyNumber: existing.policyNumber,
        alreadyBound: true,
        submissionId: submission.id,
      };
    }
    return refused([issue("another option of this quote is already bound")]);
  }
  if (quote.status === "superseded") {
    return {
      ok: false,
      reason: "quote_superseded",
      code: "QUOTE_SUPERSEDED",
      currentQuoteId: await findActiveQuoteId(tx, tenant.orgId, submission.id),
    };
  }
  if (submission.status === "declined" || submission.status === "withdrawn")
    return refused([issue(`the submission is ${submission.status}`)]);
  if (submission.status === "pending_info")
    return refused([issue("an underwriter's request for more information is unanswered")]);

  const { program, insured } = terms;
  if (!program || !insured || !terms.rateTableId) return { ok: false, reason: "not_found" };
  if (!program.installmentPlans.includes(plan)) return { ok: false, reason: "plan_not_offered" };
  const billingMethod = request.billingMethod ?? "direct";
  if (billingMethod === "agency" && !program.agencyBillAllowed)
    return refused([issue("the program does not allow agency bill: bind it direct bill")]);

  const year = Number(submission.effectiveDate.slice(0, 4));
  const policySequence = `policy:${submission.lineOfBusiness}:${year}`;
  const invoiceSequence = `invoice:${year}`;
  // A renewal term carries its prior term's number with a suffix (ADR 023): no policy number drawn.
  const drawNumbers = () =>
    Promise.all([
      request.renewal ? null : nextSequenceValue(tx, tenant.orgId, policySequence),
      nextSequenceValue(tx, tenant.orgId, invoiceSequence),
    ]);
  // Without an agreement the bind is refused: no numbers to draw.
  const drawNow = drawNumbersEarly && agreementRow !== undefined;
  // A renewal accepted before its term starts is written under the agreement in force for the new
  // period (issue 12, ADR 029): the carrier's grant is judged on the renewal date, not today, when
  // next year's agreement may not have started yet.
  const authorityAsOf = request.renewal && submission.effectiveDate > bindDate ? submission.effectiveDate : bindDate;
  const [standing, records, knockoutsHit, earlyNumbers] = await Promise.all([
    agreementRow
      ? daStandingUnderLock(
          tx,
          tenant.orgId,
          agreementRow,
          { programId: submission.programId, insuredId: submission.insuredId, effectiveDate: submission.effectiveDate },
          authorityAsOf,
        )
      : null,
    readSubmissionBindRecords(tx, tenant.orgId, submission.id),
    openKnockoutHits(tx, tenant, submission.id),
    drawNow ? drawNumbers() : null,
  ]);
  // An approved referral lends the approving underwriter's authority to this quote's bind.
  const approval = records.referrals.find((r) => r.status === "approved" && r.quoteId === quote.id);
  const approver = approval?.decidedByUserId ?? tenant.userId;
  const authority = approver === tenant.userId ? ownAuthority : await findAuthorityProfile(tx, tenant.orgId, approver);
  if (!standing) {
    return refused([
      {
        check: "da_agreement_in_force",
        code: "DA_NOT_IN_FORCE",
        passed: false,
        detail: "the program has no delegated authority agreement",
      },
    ]);
  }

  const bindingAuthority: BindAuthority | null = authority
    ? {
        tier: authority.tier,
        grants: authority.grants.map((g) => ({
          lineOfBusiness: g.lineOfBusiness,
          maxPremiumCents: toCents(g.maxPremiumCents),
          maxLimitCents: toCents(g.maxLimitCents),
        })),
      }
    : tenant.roles.some((r) => r === "producer" || r === "agency_admin")
      ? { tier: "auto" }
      : null;
  const checks = runPreBindChecks({
    bindDate,
    authorityAsOf,
    quote: { expiresOn: quote.expiresOn },
    risk: {
      lineOfBusiness: submission.lineOfBusiness,
      homeState: submission.state,
      naicsCode: submission.naicsCode,
      effectiveDate: submission.effectiveDate,
      termMonths: submission.termMonths,
      occurrenceLimitCents: toCents(option.occurrenceLimitCents),
      aggregateLimitCents: toCents(option.aggregateLimitCents),
      grossPremiumCents: toCents(option.grossPremiumCents),
      annualRevenueCents: submission.annualRevenueCents === null ? null : toCents(submission.annualRevenueCents),
      yearsInBusiness: insured.yearsInBusiness === null ? null : Math.floor(Number(insured.yearsInBusiness)),
      insuredPolicyCount: standing.insuredPolicyCount,
    },
    agreement: standing.terms,
    quarterToDateGwpCents: standing.quarterToDateGwpCents,
    program: { autoBindPremiumCents: toCents(program.autoBindPremiumCents) },
    user: { permissions: permissionsOf(tenant.roles), authority: bindingAuthority },
    underwriting: {
      knockoutsHit,
      openReferrals: records.referrals
        .filter((r) => r.status === "pending")
        .map((r) => ({ id: r.id, reason: (r.reasons[0]?.code ?? "other") as ReferralReasonCode })),
    },
    surplusLines: {
      surplusLines: terms.surplusLines === "true",
      declinations: records.declinations.map((d) => ({
        carrierName: d.carrierName,
        declinedOn: d.declinedOn,
        reason: d.reason,
      })),
    },
    producer,
  });
  const failures = checks.filter((c): c is FailedCheck => !c.passed);
  if (failures.length && earlyNumbers) throw new RefusedWithNumbersDrawn();
  if (failures.length && failures.every((f) => f.check === "user_authority")) {
    // Only the user's own authority is in the way: an underwriter whose authority covers it decides.
    const referralId =
      (await findPendingReferralId(tx, tenant.orgId, submission.id)) ??
      (await raiseReferral(tx, tenant, {
        submissionId: submission.id,
        quoteId: quote.id,
        reasons: failures.map((f) => ({ code: "authority_exceeded", rationale: `Bind refused: ${f.detail}.` })),
        lineOfBusiness: submission.lineOfBusiness,
        grossPremiumCents: option.grossPremiumCents,
        occurrenceLimitCents: option.occurrenceLimitCents,
      }));
    return { ok: false, reason: "checks_failed", failures, referralId };
  }
  if (failures.length) {
    await Promise.all([
      recordBreachAttempt(tx, tenant, {
        outcome: "refused",
        agreementId: standing.agreementId,
        submissionId: submission.id,
        quoteId: quote.id,
        grossPremiumCents: option.grossPremiumCents,
        attemptedOn: bindDate,
        failures,
      }),
      auditBusinessAction(tx, tenant, {
        action: "bind_refused",
        targetType: "submission",
        targetId: submission.id,
        detail: { quoteOptionId: option.id, failures: failures.map((f) => ({ check: f.check, detail: f.detail })) },
      }),
    ]);
    return refused(failures);
  }

  const [sequence, invoiceNumber] = earlyNumbers ?? (await drawNumbers());
  const policyNumber =
    request.renewal?.policyNumber ??
    formatPolicyNumber({
      prefix: policyNumberPrefix(tenant.orgName),
      lineOfBusiness: submission.lineOfBusiness,
      year,
      sequence: sequence!,
    });
  const policyId = createId("pol");
  const rates = {
    producerCommissionRate: terms.producerCommissionRate ?? "0.0000",
    mgaCommissionRate: terms.mgaCommissionRate ?? DEFAULT_MGA_COMMISSION_RATE,
  };
  const firstTransaction = {
    id: createId("ptx"),
    orgId: tenant.orgId,
    policyId,
    sequence: 1,
    type: request.renewal ? ("renewal" as const) : ("new_business" as const),
    effectiveDate: submission.effectiveDate,
    bookedOn: bindDate,
    premiumCents: option.grossPremiumCents,
    feesCents: option.feesCents,
    taxesCents: option.taxesCents,
    ...rates,
    ...transactionCommission({ premiumCents: option.grossPremiumCents, ...rates }),
    createdByUserId: tenant.userId,
  };
  const policy: BoundPolicy = {
    id: policyId,
    policyNumber,
    status: "bound",
    lineOfBusiness: submission.lineOfBusiness,
    state: submission.state,
    insuredName: insured.name,
    effectiveDate: submission.effectiveDate,
    expirationDate: addMonths(submission.effectiveDate, submission.termMonths),
    grossPremiumCents: option.grossPremiumCents,
    feesCents: option.feesCents,
    taxesCents: option.taxesCents,
  };
  const schedule = buildInstallments(plan, {
    totalCents: toCents(option.totalDueCents),
    effectiveDate: submission.effectiveDate,
  });
  // Every write of the bind is independent of the others (ids and numbers are known): one round trip
  // of nine statements, which a Worker sends as six and three (ADR 032).
  await Promise.all([
    request.alsoWrite?.(tx, policy),
    insertPolicy(
      tx,
      {
        id: policyId,
        orgId: tenant.orgId,
        policyNumber,
        submissionId: submission.id,
        quoteOptionId: option.id,
        insuredId: submission.insuredId,
        agencyId: submission.agencyId,
        programId: submission.programId,
        carrierId: program.carrierId,
        lineOfBusiness: submission.lineOfBusiness,
        state: submission.state,
        status: "bound",
        effectiveDate: submission.effectiveDate,
        expirationDate: policy.expirationDate,
        grossPremiumCents: option.grossPremiumCents,
        feesCents: option.feesCents,
        taxesCents: option.taxesCents,
        occurrenceLimitCents: option.occurrenceLimitCents,
        aggregateLimitCents: option.aggregateLimitCents,
        deductibleCents: option.deductibleCents,
        installmentPlan: plan,
        billingMethod,
        boundByUserId: tenant.userId,
        renewalOfPolicyId: request.renewal?.ofPolicyId ?? null,
      },
      firstTransaction,
    ),
    insertBillingSchedule(
      tx,
      tenant.orgId,
      policyId,
      {
        invoiceNumber: `INV-${year}-${String(invoiceNumber).padStart(5, "0")}`,
        dueDate: schedule[0]!.dueDate,
        amountCents: schedule[0]!.amountCents,
      },
      schedule.map((i) => ({
        number: i.number,
        dueDate: i.dueDate,
        shareCents: i.shareCents,
        feeCents: i.feeCents,
        amountCents: i.amountCents,
        status: i.number === 1 ? ("invoiced" as const) : ("pending" as const),
      })),
    ),
    markBound(tx, tenant.orgId, {
      quoteId: quote.id,
      submissionId: submission.id,
      agreementId: standing.agreementId,
      grossPremiumCents: option.grossPremiumCents,
    }),
    recordSubmissionEvent(tx, tenant, submission.id, "bound", { policyId, policyNumber }),
    recordDomainEvent(tx, tenant.orgId, "policy.bound", {
      policyId,
      policyNumber,
      submissionId: submission.id,
      quoteOptionId: option.id,
      grossPremiumCents: option.grossPremiumCents,
      totalDueCents: option.totalDueCents,
      boundBy: tenant.userId,
    }),
    auditBusinessAction(tx, tenant, {
      action: "policy_bound",
      targetType: "policy",
      targetId: policyId,
      detail: {
        policyNumber,
        submissionId: submission.id,
        quoteOptionId: option.id,
        grossPremiumCents: option.grossPremiumCents,
        agreementId: standing.agreementId,
      },
    }),
    // Only a bind that carries the agreement across 75, 90 or 100% of a limit writes anything here.
    raiseUtilizationAlerts(
      tx,
      tenant.orgId,
      {
        id: standing.agreementId,
        carrierId: program.carrierId,
        terms: standing.terms,
        quarterToDateGwpCents: standing.quarterToDateGwpCents,
      },
      option.grossPremiumCents,
      authorityAsOf,
    ),
  ]);
  return { ok: true, policyId, policyNumber, alreadyBound: false, submissionId: submission.id, policy };
}

/** What the bind form needs: the program's installment plans and the diligent search still owed. */
export async function getBindForm(db: Database, tenant: TenantContext, submissionId: string) {
  const context = await getBindContext(db, tenant, submissionId);
  if (!context) return null;
  const { homeState, ...form } = context;
  return { ...form, declinationsRequired: form.surplusLines ? requiredDeclinations(homeState) : 0 };
}

/** The organization's initials ("Summit Ridge Underwriters" -> "SRU") lead its policy numbers. */
export function policyNumberPrefix(orgName: string): string {
  const initials = orgName
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[^A-Za-z]/g, "")
        .charAt(0)
        .toUpperCase(),
    )
    .join("")
    .slice(0, 3);
  return initials.length >= 2 ? initials : "POL";
}
