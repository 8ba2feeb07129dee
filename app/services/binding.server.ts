import { transactionWithRetry } from "../../db/transaction.ts";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  authorityProfiles,
  daAgreements,
  installments,
  insureds,
  invoices,
  policies,
  programs,
  quoteOptions,
  quotes,
  rateTables,
  referrals,
  submissionDeclinations,
  submissionEvents,
  submissions,
  userAuthority,
} from "../../db/schema/index.ts";
import { permissionsOf } from "../auth/permissions.ts";
import { visibleSubmissions } from "../auth/scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { nextSequenceValue } from "../models/sequences.server.ts";
import { createId } from "../utils/ids.ts";
import { toCents } from "../utils/money.ts";
import { closeDealRoomsForSubmission } from "./realtime/deal-rooms.server.ts";
import { recordDomainEvent } from "./events/domain-events.server.ts";
import { addMonths, buildInstallments, daAgreementTermsFromRow, formatPolicyNumber, runPreBindChecks, type BindAuthority, type InstallmentPlan } from "./bind/index.ts";
import type { PreBindCheckResult } from "./bind/check-result.ts";
import type { ReferralReasonCode } from "./bind/referral-triggers.ts";
import { openKnockoutHits } from "./underwriting/knockouts.server.ts";

export type BindRequest = { quoteOptionId: string; plan: InstallmentPlan };
export type FailedCheck = Extract<PreBindCheckResult, { passed: false }>;
export type BindOutcome =
  | { ok: true; policyId: string; policyNumber: string; alreadyBound: boolean; submissionId: string }
  | { ok: false; reason: "not_found" | "plan_not_offered" }
  | { ok: false; reason: "checks_failed"; failures: FailedCheck[] };

/** Thrown inside the transaction to roll it back and report the failed checks. */
class BindRefused extends Error {
  constructor(readonly outcome: BindOutcome) {
    super("bind refused");
  }
}

/**
 * Binds one quote option. Everything happens in one transaction: the quote row is locked first,
 * so concurrent binds of a quote queue behind each other and all but the first find it bound and
 * get the same policy back; then the DA agreement row is locked, so the aggregate check and the
 * counter update cannot interleave with another bind under the same agreement.
 */
export async function bindQuoteOption(db: Database, tenant: TenantContext, request: BindRequest, bindDate: string): Promise<BindOutcome> {
  try {
    const outcome = await transactionWithRetry(db, async (tx) => {
      const [row] = await tx
        .select({ option: quoteOptions, quote: quotes, submission: submissions })
        .from(quoteOptions)
        .innerJoin(quotes, and(eq(quotes.orgId, quoteOptions.orgId), eq(quotes.id, quoteOptions.quoteId)))
        .innerJoin(submissions, and(eq(submissions.orgId, quoteOptions.orgId), eq(submissions.id, quotes.submissionId)))
        .where(and(eq(quoteOptions.orgId, tenant.orgId), visibleSubmissions(tenant), eq(quoteOptions.id, request.quoteOptionId)))
        .limit(1)
        .for("update");
      if (!row) return { ok: false, reason: "not_found" } as const;
      const { option, quote, submission } = row;

      if (quote.status === "bound") {
        const [existing] = await tx
          .select({ id: policies.id, policyNumber: policies.policyNumber, quoteOptionId: policies.quoteOptionId })
          .from(policies)
          .where(and(eq(policies.orgId, tenant.orgId), eq(policies.submissionId, submission.id)))
          .limit(1);
        if (existing?.quoteOptionId === option.id) return { ok: true, policyId: existing.id, policyNumber: existing.policyNumber, alreadyBound: true, submissionId: submission.id } as const;
        throw new BindRefused({ ok: false, reason: "checks_failed", failures: [{ check: "no_open_uw_issues", code: "UW_ISSUES_OPEN", passed: false, detail: "another option of this quote is already bound" }] });
      }

      if (submission.status === "declined" || submission.status === "withdrawn") {
        throw new BindRefused({ ok: false, reason: "checks_failed", failures: [{ check: "no_open_uw_issues", code: "UW_ISSUES_OPEN", passed: false, detail: `the submission is ${submission.status}` }] });
      }
      if (submission.status === "pending_info") {
        throw new BindRefused({ ok: false, reason: "checks_failed", failures: [{ check: "no_open_uw_issues", code: "UW_ISSUES_OPEN", passed: false, detail: "an underwriter's request for more information is unanswered" }] });
      }

      const [[program], [agreementRow], [insured], [rateTable], declinations, submissionReferrals, knockoutsHit] = await Promise.all([
        tx.select().from(programs).where(and(eq(programs.orgId, tenant.orgId), eq(programs.id, submission.programId))),
        tx.select().from(daAgreements).where(and(eq(daAgreements.orgId, tenant.orgId), eq(daAgreements.programId, submission.programId))).limit(1).for("update"),
        tx.select().from(insureds).where(and(eq(insureds.orgId, tenant.orgId), eq(insureds.id, submission.insuredId))),
        tx.select({ definition: rateTables.definition }).from(rateTables).where(and(eq(rateTables.orgId, tenant.orgId), eq(rateTables.id, quote.rateTableId))),
        tx
          .select()
          .from(submissionDeclinations)
          .where(and(eq(submissionDeclinations.orgId, tenant.orgId), eq(submissionDeclinations.submissionId, submission.id))),
        tx.select().from(referrals).where(and(eq(referrals.orgId, tenant.orgId), eq(referrals.submissionId, submission.id))),
        openKnockoutHits(tx, tenant, submission.id),
      ]);
      // An approved referral lends the approving underwriter's authority to this quote's bind.
      const approval = submissionReferrals.find((r) => r.status === "approved" && r.quoteId === quote.id);
      const [authority] = await tx
        .select({ tier: authorityProfiles.tier, grants: authorityProfiles.grants })
        .from(userAuthority)
        .innerJoin(authorityProfiles, and(eq(authorityProfiles.orgId, userAuthority.orgId), eq(authorityProfiles.id, userAuthority.profileId)))
        .where(and(eq(userAuthority.orgId, tenant.orgId), eq(userAuthority.userId, approval?.decidedByUserId ?? tenant.userId)));
      if (!program || !insured || !rateTable) return { ok: false, reason: "not_found" } as const;
      if (!program.installmentPlans.includes(request.plan)) return { ok: false, reason: "plan_not_offered" } as const;
      if (!agreementRow) {
        throw new BindRefused({ ok: false, reason: "checks_failed", failures: [{ check: "da_agreement_in_force", code: "DA_NOT_IN_FORCE", passed: false, detail: "the program has no delegated authority agreement" }] });
      }

      const bindingAuthority: BindAuthority | null = authority
        ? { tier: authority.tier, grants: authority.grants.map((g) => ({ lineOfBusiness: g.lineOfBusiness, maxPremiumCents: toCents(g.maxPremiumCents), maxLimitCents: toCents(g.maxLimitCents) })) }
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
          insuredPolicyCount: 0,
        },
        agreement: daAgreementTermsFromRow(agreementRow),
        program: { autoBindPremiumCents: toCents(program.autoBindPremiumCents) },
        user: { permissions: permissionsOf(tenant.roles), authority: bindingAuthority },
        underwriting: {
          knockoutsHit,
          openReferrals: submissionReferrals
            .filter((r) => r.status === "pending")
            .map((r) => ({ id: r.id, reason: (r.reasons[0]?.code ?? "other") as ReferralReasonCode })),
        },
        surplusLines: {
          surplusLines: rateTable.definition.surplusLines === true,
          declinations: declinations.map((d) => ({ carrierName: d.carrierName, declinedOn: d.declinedOn, reason: d.reason })),
        },
      });
      const failures = checks.filter((c): c is FailedCheck => !c.passed);
      if (failures.length) throw new BindRefused({ ok: false, reason: "checks_failed", failures });

      const year = Number(submission.effectiveDate.slice(0, 4));
      const sequence = await nextSequenceValue(tx, tenant.orgId, `policy:${submission.lineOfBusiness}:${year}`);
      const policyNumber = formatPolicyNumber({ prefix: policyNumberPrefix(tenant.orgName), lineOfBusiness: submission.lineOfBusiness, year, sequence });
      const policyId = createId("pol");
      await tx.insert(policies).values({
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
        installmentPlan: request.plan,
        boundByUserId: tenant.userId,
      });

      const schedule = buildInstallments(request.plan, { totalCents: toCents(option.totalDueCents), effectiveDate: submission.effectiveDate });
      const firstInvoiceId = createId("inv");
      const invoiceNumber = await nextSequenceValue(tx, tenant.orgId, `invoice:${year}`);
      await tx.insert(invoices).values({
        id: firstInvoiceId,
        orgId: tenant.orgId,
        invoiceNumber: `INV-${year}-${String(invoiceNumber).padStart(5, "0")}`,
        policyId,
        dueDate: schedule[0]!.dueDate,
        amountCents: schedule[0]!.amountCents,
        status: "invoiced",
      });
      await tx.insert(installments).values(
        schedule.map((i) => ({
          id: createId("ins"),
          orgId: tenant.orgId,
          policyId,
          number: i.number,
          dueDate: i.dueDate,
          shareCents: i.shareCents,
          feeCents: i.feeCents,
          amountCents: i.amountCents,
          status: i.number === 1 ? ("invoiced" as const) : ("pending" as const),
          invoiceId: i.number === 1 ? firstInvoiceId : null,
        })),
      );
      await tx
        .update(daAgreements)
        .set({ boundGwpCents: agreementRow.boundGwpCents + option.grossPremiumCents })
        .where(and(eq(daAgreements.orgId, tenant.orgId), eq(daAgreements.id, agreementRow.id)));
      await tx.update(quotes).set({ status: "bound" }).where(and(eq(quotes.orgId, tenant.orgId), eq(quotes.id, quote.id)));
      await tx.update(submissions).set({ status: "bound" }).where(and(eq(submissions.orgId, tenant.orgId), eq(submissions.id, submission.id)));
      await tx.insert(submissionEvents).values({ id: createId("sev"), orgId: tenant.orgId, submissionId: submission.id, actorUserId: tenant.userId, type: "bound", detail: { policyId, policyNumber } });
      await recordDomainEvent(tx, tenant.orgId, "policy.bound", { policyId, policyNumber, submissionId: submission.id, quoteOptionId: option.id, grossPremiumCents: option.grossPremiumCents, totalDueCents: option.totalDueCents, boundBy: tenant.userId });
      return { ok: true, policyId, policyNumber, alreadyBound: false, submissionId: submission.id } as const;
    });
    if (outcome.ok) await closeDealRoomsForSubmission(db, tenant.orgId, outcome.submissionId, "bound");
    return outcome;
  } catch (error) {
    if (error instanceof BindRefused) return error.outcome;
    throw error;
  }
}

/** The organization's initials ("Summit Ridge Underwriters" -> "SRU") lead its policy numbers. */
export function policyNumberPrefix(orgName: string): string {
  const initials = orgName
    .split(/\s+/)
    .map((word) => word.replace(/[^A-Za-z]/g, "").charAt(0).toUpperCase())
    .join("")
    .slice(0, 3);
  return initials.length >= 2 ? initials : "POL";
}
