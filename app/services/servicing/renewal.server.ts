/**
 * Renewal offers (issue 12, ADR 023). The daily job claims every policy expiring within 60 days
 * (set-based, by id chunks), then prices each claimed offer: a renewal submission copied from the
 * expiring term as it stands after its endorsements, quoted by the ordinary quoting on the rate
 * table in force at the renewal date, compared step by step with the expiring term. Accepting
 * binds that quote through the ordinary bind (same pre-bind checks: the DA agreement in force for
 * the new period, licences, authority), numbered with a term suffix and linked to the prior term.
 */
import type { Database } from "../../../db/client.ts";
import type { RenewalComparison } from "../../../db/schema/index.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { findPolicyForServicing, nextPolicyIdChunk } from "../../models/policy-servicing.server.ts";
import { findQuoteWithOptions } from "../../models/quotes.server.ts";
import {
  claimRenewalCandidates,
  copyDeclinations,
  extendQuoteToRenewalDate,
  findOfferById,
  lapseRenewalOffers,
  listOffersPreparing,
  lockVisibleOffer,
  updateOffer,
} from "../../models/renewals.server.ts";
import { nextSequenceValue } from "../../models/sequences.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { insertSubmission } from "../../models/submissions.server.ts";
import { createId } from "../../utils/ids.ts";
import type { InstallmentPlan } from "../billing/billing-schedule.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import { bindSubmission, type AfterBind, type FailedCheck } from "../policies/binding.server.ts";
import type { RatedQuote } from "../rating/index.ts";
import { quoteSubmission } from "../underwriting/quoting.server.ts";
import { ratePolicyInForce } from "./endorsement.server.ts";
import { systemTenant } from "./lifecycle.server.ts";
import { compareRenewal, decideOffer, renewalHorizon, renewalPolicyNumber } from "./renewal.ts";
import type { OrgScope } from "../../models/org-scope.server.ts";

export type RenewalReport = { claimed: number; offered: number; notRated: number; lapsed: number };

/** Offers rated per batch: each is a quote, so the batch bounds memory, not the total. */
const RATING_BATCH = 100;

export async function runRenewalOffers(
  db: Database,
  today: string,
  { orgId = null, chunkSize = 10_000 }: { orgId?: OrgScope; chunkSize?: number } = {},
): Promise<RenewalReport> {
  const report: RenewalReport = { claimed: 0, offered: 0, notRated: 0, lapsed: 0 };
  report.lapsed = await lapseRenewalOffers(db, today, orgId);
  const horizon = renewalHorizon(today);
  let after = "";
  for (;;) {
    const last = await nextPolicyIdChunk(db, after, chunkSize);
    if (last === null) break;
    report.claimed += await claimRenewalCandidates(db, { after, last }, today, horizon, orgId);
    after = last;
  }
  const priced = await priceClaimedOffers(db, today, orgId);
  return { ...report, ...priced };
}

/**
 * The job's second half: prices every claimed offer, a bounded batch at a time. Also what the
 * e2e journeys run after claiming one policy's offer (tests/support/servicing-jobs.ts).
 */
export async function priceClaimedOffers(
  db: Database,
  today: string,
  orgId: OrgScope,
): Promise<Pick<RenewalReport, "offered" | "notRated">> {
  const report = { offered: 0, notRated: 0 };
  let cursor = "";
  for (;;) {
    const batch = await listOffersPreparing(db, cursor, RATING_BATCH, orgId);
    if (batch.length === 0) break;
    for (const offer of batch) {
      const priced = await priceOffer(db, offer.orgId, offer.id, today);
      if (priced === "offered") report.offered++;
      if (priced === "not_rated") report.notRated++;
    }
    cursor = batch.at(-1)!.id;
  }
  return report;
}

/**
 * Prices one claimed offer. Each step is resumable: the renewal submission is written with the
 * offer's link in one transaction, and a run that stopped after it quotes that same submission.
 */
async function priceOffer(
  db: Database,
  orgId: string,
  offerId: string,
  today: string,
): Promise<"offered" | "not_rated" | "skipped"> {
  const system = systemTenant(orgId);
  const offer = await findOfferById(db, orgId, offerId);
  if (offer?.status !== "preparing") return "skipped";
  const notRated = async (note: string) =>
    (await updateOffer(db, orgId, offerId, "preparing", { status: "not_rated", note })) ? "not_rated" : "skipped";

  const row = await findPolicyForServicing(db, system, offer.policyId);
  if (!row) return notRated("The expiring policy cannot be read.");
  const expiring = await ratePolicyInForce(db, orgId, row.policy).catch((error: Error) => ({ error }));
  if (!expiring) return notRated("The expiring policy carries no recorded rating (it was not bound here).");
  if ("error" in expiring) return notRated(`The expiring term cannot be re-rated: ${expiring.error.message}`);
  const { source, state } = expiring;

  let submissionId = offer.submissionId;
  if (!submissionId) {
    const newId = createId("sub");
    submissionId = newId;
    const claimed = await transactionWithRetry(db, async (tx) => {
      const number = await nextSequenceValue(tx, orgId, "submission");
      // The offer's link is written first: if another run got here first, nothing else is.
      if (!(await updateOffer(tx, orgId, offerId, "preparing", { submissionId: newId }))) return false;
      const prior = source.submission;
      await insertSubmission(tx, system, {
        id: newId,
        reference: `SUB-${today.slice(0, 4)}-${String(number).padStart(5, "0")}`,
        agencyId: prior.agencyId,
        producerUserId: prior.producerUserId,
        insuredId: prior.insuredId,
        programId: prior.programId,
        lineOfBusiness: prior.lineOfBusiness,
        state: prior.state,
        naicsCode: prior.naicsCode,
        annualRevenueCents: state.annualRevenueCents,
        payrollCents: state.payrollCents,
        requestedLimitCents: state.occurrenceLimitCents ?? prior.requestedLimitCents,
        deductibleCents: state.deductibleCents ?? prior.deductibleCents,
        effectiveDate: offer.renewalDate,
        termMonths: prior.termMonths,
        priorLossCount: prior.priorLossCount,
        priorLossIncurredCents: prior.priorLossIncurredCents,
        status: "submitted",
        submittedAt: new Date(),
      });
      await copyDeclinations(tx, orgId, prior.id, newId);
      await recordSubmissionEvent(tx, system, newId, "submitted", {
        renewalOfPolicyId: row.policy.id,
        renewalOfPolicyNumber: row.policy.policyNumber,
      });
      return true;
    });
    if (!claimed) return "skipped";
  }

  // Quoted on the producer's (auto) tier, as the agency would quote it itself: the DA referral
  // triggers and knockouts apply exactly as on new business, and only they send it to an
  // underwriter. The expiring term's schedule credits and debits carry over: the underwriter's
  // judgment of the risk stands until someone re-rates it. The carrier's grant is judged on the
  // renewal date: the new term is written under the agreement in force for the new period.
  const onProducerTier: TenantContext = { ...system, roles: ["producer"], agencyId: source.submission.agencyId };
  const quoted = await quoteSubmission(db, onProducerTier, submissionId, today, {
    schedule: source.quote.schedule ?? [],
    authorityAsOf: offer.renewalDate,
  });
  if (!quoted.ok) return notRated(`The renewal could not be quoted: ${quoted.error.message}`);
  const quote = await findQuoteWithOptions(db, system, quoted.quoteId);
  const option =
    quote?.options.find((o) => o.aggregateLimitCents === state.aggregateLimitCents) ?? quote?.options[0] ?? null;
  if (!quote || !option) return notRated("The renewal quote has no option.");
  const rating = option.rating as unknown as RatedQuote;
  const comparison: RenewalComparison = compareRenewal(
    {
      rateTableVersion: source.quote.rateTableVersion,
      grossPremiumCents: expiring.rated?.grossPremium ?? row.policy.grossPremiumCents,
      steps: expiring.rated?.steps ?? [],
    },
    { rateTableVersion: quote.rateTableVersion, grossPremiumCents: option.grossPremiumCents, steps: rating.steps },
  );
  const offered = await transactionWithRetry(db, async (tx) => {
    await extendQuoteToRenewalDate(tx, orgId, quote.id, offer.renewalDate);
    const moved = await updateOffer(tx, orgId, offerId, "preparing", {
      status: "offered",
      quoteOptionId: option.id,
      renewalPremiumCents: option.grossPremiumCents,
      renewalTotalDueCents: option.totalDueCents,
      comparison,
    });
    // The producer of record is told once, with the offer: it must be answered before the term ends.
    if (moved)
      await recordDomainEvent(tx, orgId, "policy.renewal_offered", {
        offerId,
        policyId: row.policy.id,
        policyNumber: row.policy.policyNumber,
        renewalDate: offer.renewalDate,
        expiringPremiumCents: offer.expiringPremiumCents,
        renewalPremiumCents: option.grossPremiumCents,
        renewalTotalDueCents: option.totalDueCents,
        rateTableVersion: quote.rateTableVersion,
      });
    return moved;
  });
  return offered ? "offered" : "skipped";
}

export type RenewalRefusal =
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "plan_not_offered"; message: string }
  | { ok: false; reason: "checks_failed"; failures: FailedCheck[]; referralId?: string };

export type AcceptOutcome =
  | { ok: true; policyId: string; policyNumber: string; alreadyAccepted: boolean }
  | RenewalRefusal;

/**
 * Accepts an offer: binds the renewal quote through `bindSubmission` (its checks, its lock on the
 * quote option, so a double click binds once), then records the answer, the link and
 * `policy.renewed` in one transaction. A run that stopped between the two finds the bound policy
 * again (the bind answers `alreadyBound`) and finishes the record.
 */
export async function acceptRenewalOffer(
  db: Database,
  tenant: TenantContext,
  offerId: string,
  { plan }: { plan?: InstallmentPlan | undefined },
  today: string,
  after?: AfterBind,
): Promise<AcceptOutcome> {
  const found = await transactionWithRetry(db, (tx) => lockVisibleOffer(tx, tenant, offerId));
  if (!found) return { ok: false, reason: "not_found" };
  const { offer } = found;
  if (offer.status === "accepted" && offer.renewalPolicyId) {
    return {
      ok: true,
      policyId: offer.renewalPolicyId,
      policyNumber: renewalPolicyNumber(found.policyNumber),
      alreadyAccepted: true,
    };
  }
  const allowed = decideOffer(offer, "accept", today);
  if (!allowed.ok) return { ok: false, reason: "invalid", message: allowed.message };
  if (!offer.quoteOptionId || !offer.submissionId)
    return { ok: false, reason: "invalid", message: "This renewal offer has no price yet." };
  const policyNumber = renewalPolicyNumber(found.policyNumber);
  const bound = await bindSubmission(
    db,
    tenant,
    {
      quoteOptionId: offer.quoteOptionId,
      submissionId: offer.submissionId,
      plan: plan ?? ((found.installmentPlan ?? "PIF") as InstallmentPlan),
      renewal: { ofPolicyId: offer.policyId, policyNumber },
    },
    today,
    after,
  );
  if (!bound.ok) {
    if (bound.reason === "checks_failed")
      return bound.referralId === undefined
        ? { ok: false, reason: "checks_failed", failures: bound.failures }
        : { ok: false, reason: "checks_failed", failures: bound.failures, referralId: bound.referralId };
    if (bound.reason === "quote_superseded")
      return { ok: false, reason: "invalid", message: "The renewal quote was replaced; open the renewal submission." };
    if (bound.reason === "plan_not_offered")
      return { ok: false, reason: "plan_not_offered", message: "The program does not offer this installment plan." };
    return { ok: false, reason: "not_found" };
  }
  await transactionWithRetry(db, async (tx) => {
    const moved = await updateOffer(tx, tenant.orgId, offerId, "offered", {
      status: "accepted",
      renewalPolicyId: bound.policyId,
      decidedByUserId: tenant.userId,
      decidedOn: today,
    });
    if (!moved) return;
    await recordDomainEvent(tx, tenant.orgId, "policy.renewed", {
      policyId: offer.policyId,
      policyNumber: found.policyNumber,
      renewalPolicyId: bound.policyId,
      renewalPolicyNumber: bound.policyNumber,
      renewalDate: offer.renewalDate,
      grossPremiumCents: offer.renewalPremiumCents,
      actorUserId: tenant.userId,
    });
  });
  return { ok: true, policyId: bound.policyId, policyNumber: bound.policyNumber, alreadyAccepted: bound.alreadyBound };
}

/** The producer declines the offer: the policy runs its term out and expires. */
export async function declineRenewalOffer(
  db: Database,
  tenant: TenantContext,
  offerId: string,
  today: string,
): Promise<{ ok: true } | RenewalRefusal> {
  return transactionWithRetry(db, async (tx) => {
    const found = await lockVisibleOffer(tx, tenant, offerId);
    if (!found) return { ok: false, reason: "not_found" };
    const allowed = decideOffer(found.offer, "decline", today);
    if (!allowed.ok) return { ok: false, reason: "invalid", message: allowed.message };
    await updateOffer(tx, tenant.orgId, offerId, "offered", {
      status: "declined",
      decidedByUserId: tenant.userId,
      decidedOn: today,
    });
    return { ok: true };
  });
}
