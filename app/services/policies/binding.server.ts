import type { Database } from "../../../db/client.ts";
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
  lockQuoteOptionForBind,
  markBound,
  readBindFacts,
  type LockedQuoteOption,
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
import { lockDaStandingForBind } from "./da-standing.server.ts";
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
  /** A renewal term (ADR 023): numbered after the prior term and linked to it, not from the sequence. */
  renewal?: { ofPolicyId: string; policyNumber: string } | undefined;
};
export type FailedCheck = Extract<PreBindCheckResult, { passed: false }>;
export type BindOutcome =
  | { ok: true; policyId: string; policyNumber: string; alreadyBound: boolean; submissionId: string }
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
 * The one way to bind: records the diligent-search declinations, runs the pre-bind checks and
 * binds, or refers the quote to an underwriter when only the user's authority is short; then,
 * after commit, closes the deal rooms and issues the declarations page.
 *
 * Everything before commit is one transaction. The quote option row is locked first, so
 * concurrent binds of a quote queue behind each other and all but the first get the same policy
 * back; then the DA agreement in force on the effective date is locked, so its aggregate
 * counter, the insured's policy count and the quarter's premium cannot change under the checks.
 */
export async function bindSubmission(
  db: Database,
  tenant: TenantContext,
  request: BindRequest,
  bindDate: string,
  after?: AfterBind,
): Promise<BindOutcome> {
  const outcome = await transactionWithRetry(db, async (tx): Promise<BindOutcome> => {
    const row = await lockQuoteOptionForBind(tx, tenant, request.quoteOptionId);
    if (!row || (request.submissionId !== undefined && row.submission.id !== request.submissionId))
      return { ok: false, reason: "not_found" };
    const names = [...new Set((request.declinedBy ?? []).map((n) => n.trim()).filter(Boolean))];
    await insertDeclinations(tx, tenant.orgId, row.submission.id, names, bindDate);
    return bindLocked(tx, tenant, row, request.plan, bindDate, request.renewal);
  });
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
  locked: LockedQuoteOption,
  plan: InstallmentPlan,
  bindDate: string,
  renewal?: BindRequest["renewal"],
): Promise<BindOutcome> {
  const { option, quote, submission } = locked;
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

  const ids = {
    programId: submission.programId,
    insuredId: submission.insuredId,
    rateTableId: quote.rateTableId,
    submissionId: submission.id,
    agencyId: submission.agencyId,
    producerUserId: submission.producerUserId,
    state: submission.state,
  };
  // The agreement lock comes before the first plain read (see lockDaAgreementForBind); every read
  // the checks need then goes out together, with the user's own authority (one round trip; only
  // an approved referral decided by someone else costs a second read).
  const [standing, [facts, knockoutsHit, ownAuthority]] = await lockDaStandingForBind(
    tx,
    tenant.orgId,
    { programId: submission.programId, insuredId: submission.insuredId, effectiveDate: submission.effectiveDate },
    bindDate,
    () =>
      Promise.all([
        readBindFacts(tx, tenant.orgId, ids),
        openKnockoutHits(tx, tenant, submission.id),
        findAuthorityProfile(tx, tenant.orgId, tenant.userId),
      ]),
  );
  const { program, insured, rateTable } = facts;
  if (!program || !insured || !rateTable) return { ok: false, reason: "not_found" };
  if (!program.installmentPlans.includes(plan)) return { ok: false, reason: "plan_not_offered" };
  // An approved referral lends the approving underwriter's authority to this quote's bind.
  const approval = facts.referrals.find((r) => r.status === "approved" && r.quoteId === quote.id);
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
      openReferrals: facts.referrals
        .filter((r) => r.status === "pending")
        .map((r) => ({ id: r.id, reason: (r.reasons[0]?.code ?? "other") as ReferralReasonCode })),
    },
    surplusLines: {
      surplusLines: rateTable.definition.surplusLines === true,
      declinations: facts.declinations.map((d) => ({
        carrierName: d.carrierName,
        declinedOn: d.declinedOn,
        reason: d.reason,
      })),
    },
    producer: facts.producer,
  });
  const failures = checks.filter((c): c is FailedCheck => !c.passed);
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

  const year = Number(submission.effectiveDate.slice(0, 4));
  const policyNumber =
    renewal?.policyNumber ??
    formatPolicyNumber({
      prefix: policyNumberPrefix(tenant.orgName),
      lineOfBusiness: submission.lineOfBusiness,
      year,
      sequence: await nextSequenceValue(tx, tenant.orgId, `policy:${submission.lineOfBusiness}:${year}`),
    });
  const policyId = createId("pol");
  const rates = {
    producerCommissionRate: facts.producerCommissionRate ?? "0.0000",
    mgaCommissionRate: facts.mgaCommissionRate ?? DEFAULT_MGA_COMMISSION_RATE,
  };
  const firstTransaction = {
    id: createId("ptx"),
    orgId: tenant.orgId,
    policyId,
    sequence: 1,
    type: renewal ? ("renewal" as const) : ("new_business" as const),
    effectiveDate: submission.effectiveDate,
    bookedOn: bindDate,
    premiumCents: option.grossPremiumCents,
    feesCents: option.feesCents,
    taxesCents: option.taxesCents,
    ...rates,
    ...transactionCommission({ premiumCents: option.grossPremiumCents, ...rates }),
    createdByUserId: tenant.userId,
  };
  await insertPolicy(
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
      expirationDate: addMonths(submission.effectiveDate, submission.termMonths),
      grossPremiumCents: option.grossPremiumCents,
      feesCents: option.feesCents,
      taxesCents: option.taxesCents,
      occurrenceLimitCents: option.occurrenceLimitCents,
      aggregateLimitCents: option.aggregateLimitCents,
      deductibleCents: option.deductibleCents,
      installmentPlan: plan,
      boundByUserId: tenant.userId,
      renewalOfPolicyId: renewal?.ofPolicyId ?? null,
    },
    firstTransaction,
  );

  const schedule = buildInstallments(plan, {
    totalCents: toCents(option.totalDueCents),
    effectiveDate: submission.effectiveDate,
  });
  const invoiceNumber = await nextSequenceValue(tx, tenant.orgId, `invoice:${year}`);
  await insertBillingSchedule(
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
  );
  await markBound(tx, tenant.orgId, {
    quoteId: quote.id,
    submissionId: submission.id,
    agreementId: standing.agreementId,
    grossPremiumCents: option.grossPremiumCents,
  });
  // Independent writes share one round trip.
  await Promise.all([
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
  ]);
  // Only a bind that carries the agreement across 75, 90 or 100% of a limit writes anything here.
  await raiseUtilizationAlerts(
    tx,
    tenant.orgId,
    {
      id: standing.agreementId,
      carrierId: program.carrierId,
      terms: standing.terms,
      quarterToDateGwpCents: standing.quarterToDateGwpCents,
    },
    option.grossPremiumCents,
    bindDate,
  );
  return { ok: true, policyId, policyNumber, alreadyBound: false, submissionId: submission.id };
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
