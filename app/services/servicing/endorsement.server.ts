/**
 * Endorsements (issue 12, ADR 017): a change to a policy in force, quoted first (re-rated on the
 * rate table version pinned on the policy, priced by segments so an out-of-sequence change shows
 * the later changes it re-prices) and then applied in one transaction: the endorsement row of
 * policy_transactions, the policy's columns, an invoice for additional premium or a credit and a
 * return posting for return premium already paid, and `policy.endorsed`. Changes without premium
 * (named insured, mailing address, additional insureds, locations) may be asked for by the
 * policyholder; an underwriter applies within their authority, and a change beyond it is referred.
 */
import type { Database } from "../../../db/client.ts";
import type { PolicyChanges, PolicyServicingDetails } from "../../../db/schema/index.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import { hasPermission } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { findAuthorityProfile } from "../../models/policy-binding.server.ts";
import {
  findInsuredYearsInBusiness,
  findPinnedTables,
  findPolicyForServicing,
  findPolicyRatingSource,
  insertPolicyNotice,
  insertPolicyTransaction,
  insertReturnPremiumCredit,
  insertServicingInvoice,
  listPendingInstallments,
  listPolicyTransactions,
  lockPolicyForServicing,
  policyBilledCents,
  policyPaidCents,
  setInstallmentAmount,
  setNoticeOutcome,
  updatePolicy,
} from "../../models/policy-servicing.server.ts";
import { nextSequenceValue } from "../../models/sequences.server.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { createId } from "../../utils/ids.ts";
import { toCents } from "../../utils/money.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import type { LedgerClient } from "../ledger/client.server.ts";
import { premiumReturnLegs, splitReturn } from "../ledger/premium-return.ts";
import { submitPosting, writePosting } from "../ledger/postings.server.ts";
import { transactionCommission } from "../policies/policy-transactions.ts";
import { compileRateTable, compileTaxTable, rateQuote, type RatingStep } from "../rating/index.ts";
import { raiseReferral } from "../underwriting/referrals.server.ts";
import { submissionFacts } from "../underwriting/quote-option-row.ts";
import { refusedTransition, type ServicingRefusal } from "./cancellation.server.ts";
import { settleReturn } from "./cancellation.ts";
import {
  priceEndorsement,
  taxEffect,
  type DatedChange,
  type EndorsementChanges,
  type EndorsementPricing,
} from "./endorsement.ts";

export type { EndorsementChanges };
import { transition } from "./lifecycle.ts";

const RATED_FIELDS = [
  "occurrenceLimitCents",
  "aggregateLimitCents",
  "deductibleCents",
  "annualRevenueCents",
  "payrollCents",
] as const;
type RatedField = (typeof RATED_FIELDS)[number];
type RatedState = Record<RatedField, number | null>;

export function changesPremium(changes: EndorsementChanges): boolean {
  return RATED_FIELDS.some((f) => changes[f] !== undefined);
}

export type EndorsementRequest = { effectiveDate: string; changes: EndorsementChanges };

export type EndorsementQuote = {
  ok: true;
  policyNumber: string;
  effectiveDate: string;
  changes: PolicyChanges;
  pricing: EndorsementPricing | null;
  premiumCents: number;
  taxesCents: number;
  /** The rating of the policy with the change, step by step ("why this price"). */
  steps: RatingStep[];
};

type PolicyRow = NonNullable<Awaited<ReturnType<typeof findPolicyForServicing>>>["policy"];
type TransactionRow = Awaited<ReturnType<typeof listPolicyTransactions>>[number];

function ratedStateOf(policy: PolicyRow, source: RatingSource | null): RatedState {
  return {
    occurrenceLimitCents: source?.option.occurrenceLimitCents ?? policy.occurrenceLimitCents,
    aggregateLimitCents: source?.option.aggregateLimitCents ?? policy.aggregateLimitCents,
    deductibleCents: source?.option.deductibleCents ?? policy.deductibleCents,
    annualRevenueCents: source?.submission.annualRevenueCents ?? null,
    payrollCents: source?.submission.payrollCents ?? null,
  };
}

function currentState(base: RatedState, transactions: readonly TransactionRow[]): RatedState {
  const state = { ...base };
  for (const t of transactions) {
    if (t.type !== "endorsement" || !t.changes) continue;
    for (const field of RATED_FIELDS) {
      const change = t.changes[field];
      if (change) state[field] = change.to as number;
    }
  }
  return state;
}

/** The field-by-field diff an endorsement records. */
function diffOf(policy: PolicyRow, state: RatedState, changes: EndorsementChanges): PolicyChanges {
  const details = policy.servicingDetails ?? {};
  const diff: PolicyChanges = {};
  for (const field of RATED_FIELDS) {
    const to = changes[field];
    if (to !== undefined && to !== state[field]) diff[field] = { from: state[field], to };
  }
  if (changes.namedInsured !== undefined)
    diff.namedInsured = { from: details.namedInsured ?? null, to: changes.namedInsured };
  if (changes.mailingAddress !== undefined)
    diff.mailingAddress = { from: details.mailingAddress ?? null, to: changes.mailingAddress };
  if (changes.addAdditionalInsured !== undefined)
    diff.additionalInsured = { from: null, to: changes.addAdditionalInsured };
  if (changes.addLocation !== undefined) diff.location = { from: null, to: changes.addLocation };
  if (changes.addWaiverOfSubrogation !== undefined)
    diff.waiverOfSubrogation = { from: null, to: changes.addWaiverOfSubrogation };
  return diff;
}

type RatingSource = NonNullable<Awaited<ReturnType<typeof findPolicyRatingSource>>>;

/** The full-term premium of a rated state, on the pinned tables, with its rating trail. */
async function raterFor(db: Database | Transaction, orgId: string, policy: PolicyRow, source: RatingSource) {
  const tables = await findPinnedTables(db, orgId, source.quote.rateTableId, source.quote.taxTableId);
  if (!tables) return null;
  const rateTable = compileRateTable(tables.rate.definition);
  const taxTable = compileTaxTable(tables.tax.definition);
  if (!rateTable.ok || !taxTable.ok) return null;
  const years = await findInsuredYearsInBusiness(db, orgId, policy.insuredId);
  return (state: RatedState) => {
    const facts = submissionFacts(
      {
        ...source.submission,
        requestedLimitCents: state.occurrenceLimitCents ?? source.submission.requestedLimitCents,
        deductibleCents: state.deductibleCents ?? source.submission.deductibleCents,
        annualRevenueCents: state.annualRevenueCents,
        payrollCents: state.payrollCents,
      },
      { aggregateLimit: toCents(state.aggregateLimitCents ?? 0), yearsInBusiness: years },
    );
    const rated = rateQuote({
      submission: facts,
      schedule: source.quote.schedule ?? [],
      rateTable: rateTable.value,
      taxTable: taxTable.value,
    });
    if (!rated.ok) throw new EndorsementRatingError(rated.error.message);
    return rated.value;
  };
}

class EndorsementRatingError extends Error {
  override readonly name = "EndorsementRatingError";
}

/** Each recorded endorsement's effect as booked: its own effect plus re-pricings booked later. */
function recordedChanges(transactions: readonly TransactionRow[]): DatedChange<Partial<RatedState>>[] {
  const endorsements = transactions.filter((t) => t.type === "endorsement" && t.changes);
  const adjustments = new Map<string, number>();
  for (const t of endorsements) {
    const segments = (t.calculation as { segments?: { id: string; adjustmentCents: number }[] } | null)?.segments ?? [];
    for (const s of segments) adjustments.set(s.id, (adjustments.get(s.id) ?? 0) + s.adjustmentCents);
  }
  return endorsements
    .map((t) => {
      const change: Partial<RatedState> = {};
      for (const field of RATED_FIELDS) {
        const c = t.changes?.[field];
        if (c) change[field] = c.to as number;
      }
      const own = (t.calculation as { newEffectCents?: number } | null)?.newEffectCents ?? t.premiumCents;
      return {
        id: t.id,
        effectiveDate: t.effectiveDate,
        change,
        recordedEffectCents: own + (adjustments.get(t.id) ?? 0),
      };
    })
    .filter((c) => Object.keys(c.change).length > 0);
}

type Quoted = EndorsementQuote & { newTransactionId: string; ratedState: RatedState };

async function quoteWith(
  db: Database | Transaction,
  tenant: TenantContext,
  policy: PolicyRow,
  transactions: readonly TransactionRow[],
  request: EndorsementRequest,
  today: string,
): Promise<Quoted | ServicingRefusal> {
  const moved = transition(policy.status, "endorse", {
    today,
    effectiveDate: policy.effectiveDate,
    expirationDate: policy.expirationDate,
  });
  if (!moved.ok) return refusedTransition(moved);
  if (request.effectiveDate < policy.effectiveDate || request.effectiveDate >= policy.expirationDate)
    return {
      ok: false,
      reason: "invalid",
      message: `The endorsement date ${request.effectiveDate} must fall within the policy term ${policy.effectiveDate} to ${policy.expirationDate}.`,
    };
  const source = await findPolicyRatingSource(db, tenant.orgId, policy);
  const base = ratedStateOf(policy, source);
  const state = currentState(base, transactions);
  const changes = diffOf(policy, state, request.changes);
  if (Object.keys(changes).length === 0)
    return { ok: false, reason: "invalid", message: "The endorsement changes nothing on the policy." };
  const newTransactionId = createId("ptx");
  const rated = Object.keys(changes).filter((k) => (RATED_FIELDS as readonly string[]).includes(k));
  if (rated.length === 0)
    return {
      ok: true,
      policyNumber: policy.policyNumber,
      effectiveDate: request.effectiveDate,
      changes,
      pricing: null,
      premiumCents: 0,
      taxesCents: 0,
      steps: [],
      newTransactionId,
      ratedState: state,
    };
  if (!source)
    return {
      ok: false,
      reason: "invalid",
      message:
        "This policy carries no recorded rating (it was not bound here), so a change of premium cannot be re-rated.",
    };
  const rater = await raterFor(db, tenant.orgId, policy, source);
  if (!rater) return { ok: false, reason: "invalid", message: "The rate table pinned on this policy cannot be read." };
  const added: Partial<RatedState> = {};
  for (const field of RATED_FIELDS) {
    const c = changes[field];
    if (c) added[field] = c.to as number;
  }
  try {
    const pricing = priceEndorsement<RatedState, Partial<RatedState>>({
      term: { effectiveDate: policy.effectiveDate, expirationDate: policy.expirationDate },
      baseState: base,
      recorded: recordedChanges(transactions),
      added: { id: newTransactionId, effectiveDate: request.effectiveDate, change: added },
      apply: (s, c) => ({ ...s, ...c }),
      rate: (s) => rater(s).grossPremium,
    });
    const first = transactions[0];
    const termTaxes = first?.taxesCents ?? policy.taxesCents;
    const termPremium = first?.premiumCents ?? policy.grossPremiumCents;
    const after = rater({ ...state, ...added });
    return {
      ok: true,
      policyNumber: policy.policyNumber,
      effectiveDate: request.effectiveDate,
      changes,
      pricing,
      premiumCents: pricing.transactionPremiumCents,
      taxesCents: taxEffect(pricing.transactionPremiumCents, termPremium, termTaxes),
      steps: [...after.steps],
      newTransactionId,
      ratedState: { ...state, ...added },
    };
  } catch (error) {
    if (error instanceof EndorsementRatingError)
      return { ok: false, reason: "invalid", message: `The change cannot be rated: ${error.message}` };
    throw error;
  }
}

/**
 * The policy as it stands after every endorsement, rated for a full term on its pinned tables:
 * what a renewal compares against (ADR 023). Null when it carries no recorded rating.
 */
export async function ratePolicyInForce(db: Database | Transaction, orgId: string, policy: PolicyRow) {
  const source = await findPolicyRatingSource(db, orgId, policy);
  if (!source) return null;
  const transactions = await listPolicyTransactions(db, orgId, policy.id);
  const state = currentState(ratedStateOf(policy, source), transactions);
  const rater = await raterFor(db, orgId, policy, source);
  return { source, state, rated: rater ? rater(state) : null };
}

/** The quote of a change: its premium effect and why, nothing written. */
export async function quoteEndorsement(
  db: Database,
  tenant: TenantContext,
  policyId: string,
  request: EndorsementRequest,
  today: string,
): Promise<EndorsementQuote | ServicingRefusal> {
  const row = await findPolicyForServicing(db, tenant, policyId);
  if (!row) return { ok: false, reason: "not_found" };
  const transactions = await listPolicyTransactions(db, tenant.orgId, policyId);
  const quoted = await quoteWith(db, tenant, row.policy, transactions, request, today);
  if (!quoted.ok) return quoted;
  const { newTransactionId: _id, ratedState: _state, ...quote } = quoted;
  return quote;
}

export type EndorsementOutcome =
  | {
      ok: true;
      status: "applied";
      transactionId: string;
      premiumCents: number;
      taxesCents: number;
      invoiceId: string | null;
      creditCents: number;
    }
  | { ok: true; status: "requested" | "referred"; requestId: string }
  | ServicingRefusal;

/**
 * Applies a change, or records it as a request: a producer's or policyholder's change waits for
 * an underwriter (a policyholder may ask only for changes without premium), and a change beyond
 * the applying underwriter's authority is referred.
 */
export async function endorsePolicy(
  db: Database,
  ledger: LedgerClient | null,
  tenant: TenantContext,
  policyId: string,
  request: EndorsementRequest,
  today: string,
  { requestId }: { requestId?: string } = {},
): Promise<EndorsementOutcome> {
  let postingId: string | null = null;
  const outcome = await transactionWithRetry(db, async (tx): Promise<EndorsementOutcome> => {
    postingId = null;
    const row = await lockPolicyForServicing(tx, tenant, policyId);
    if (!row) return { ok: false, reason: "not_found" };
    const { policy } = row;
    const transactions = await listPolicyTransactions(tx, tenant.orgId, policyId);
    const quoted = await quoteWith(tx, tenant, policy, transactions, request, today);
    if (!quoted.ok) return quoted;
    const premiumBearing = quoted.pricing !== null;
    if (!hasPermission(tenant.roles, "service:policy")) {
      if (premiumBearing && tenant.roles.every((r) => r === "policyholder"))
        return {
          ok: false,
          reason: "invalid",
          message:
            "A policyholder may ask only for changes without premium; ask your producer to change limits or exposure.",
        };
      const id = createId("pnt");
      await insertPolicyNotice(tx, tenant.orgId, {
        id,
        policyId,
        kind: "request",
        reason: "endorsement",
        issuedOn: today,
        effectiveOn: request.effectiveDate,
        status: "pending",
        details: { type: "endorsement", changes: request.changes, diff: quoted.changes },
        createdByUserId: tenant.userId,
      });
      return { ok: true, status: "requested", requestId: id };
    }
    if (premiumBearing) {
      const refused = await beyondAuthority(tx, tenant, policy, quoted);
      if (refused) {
        const source = await findPolicyRatingSource(tx, tenant.orgId, policy);
        const id = requestId ?? createId("pnt");
        if (!requestId)
          await insertPolicyNotice(tx, tenant.orgId, {
            id,
            policyId,
            kind: "request",
            reason: "endorsement",
            issuedOn: today,
            effectiveOn: request.effectiveDate,
            status: "pending",
            details: { type: "endorsement", changes: request.changes, diff: quoted.changes, referred: refused },
            createdByUserId: tenant.userId,
          });
        if (source)
          await raiseReferral(tx, tenant, {
            submissionId: source.submission.id,
            quoteId: source.quote.id,
            reasons: [{ code: "authority_exceeded", rationale: `Endorsement of ${policy.policyNumber}: ${refused}` }],
            lineOfBusiness: policy.lineOfBusiness,
            grossPremiumCents: quoted.pricing!.termPremiumAfterCents,
            occurrenceLimitCents: quoted.ratedState.occurrenceLimitCents ?? 0,
          });
        return { ok: true, status: "referred", requestId: id };
      }
    }
    const applied = await applyQuoted(tx, tenant, policy, transactions, quoted, today);
    postingId = applied.postingId;
    if (requestId)
      await setNoticeOutcome(tx, tenant.orgId, requestId, { status: "executed", transactionId: applied.transactionId });
    return {
      ok: true,
      status: "applied",
      transactionId: applied.transactionId,
      premiumCents: quoted.premiumCents,
      taxesCents: quoted.taxesCents,
      invoiceId: applied.invoiceId,
      creditCents: applied.creditCents,
    };
  });
  if (postingId && ledger) await submitPosting(db, ledger, tenant.orgId, postingId);
  return outcome;
}

/** Null when the applier's authority covers the policy after the change; otherwise why not. */
async function beyondAuthority(tx: Transaction, tenant: TenantContext, policy: PolicyRow, quoted: Quoted) {
  const profile = await findAuthorityProfile(tx, tenant.orgId, tenant.userId);
  const grant = profile?.grants.find((g) => g.lineOfBusiness === policy.lineOfBusiness);
  const premium = quoted.pricing!.termPremiumAfterCents;
  const limit = quoted.ratedState.occurrenceLimitCents ?? 0;
  if (!grant) return `no authority for ${policy.lineOfBusiness}`;
  if (premium > grant.maxPremiumCents)
    return `term premium ${premium} cents exceeds the authority of ${grant.maxPremiumCents}`;
  if (limit > grant.maxLimitCents)
    return `occurrence limit ${limit} cents exceeds the authority of ${grant.maxLimitCents}`;
  return null;
}

async function applyQuoted(
  tx: Transaction,
  tenant: TenantContext,
  policy: PolicyRow,
  transactions: readonly TransactionRow[],
  quoted: Quoted,
  today: string,
) {
  const first = transactions[0];
  const rates = {
    producerCommissionRate: first?.producerCommissionRate ?? "0.0000",
    mgaCommissionRate: first?.mgaCommissionRate ?? "0.0000",
  };
  const transactionId = quoted.newTransactionId;
  const commission = transactionCommission({ premiumCents: quoted.premiumCents, ...rates });
  await insertPolicyTransaction(tx, {
    id: transactionId,
    orgId: tenant.orgId,
    policyId: policy.id,
    sequence: Math.max(0, ...transactions.map((t) => t.sequence)) + 1,
    type: "endorsement",
    effectiveDate: quoted.effectiveDate,
    bookedOn: today,
    premiumCents: quoted.premiumCents,
    feesCents: 0,
    taxesCents: quoted.taxesCents,
    ...rates,
    ...commission,
    changes: quoted.changes,
    reason: "endorsement",
    calculation: quoted.pricing
      ? {
          segments: quoted.pricing.segments,
          newEffectCents: quoted.pricing.newEffectCents,
          termPremiumAfterCents: quoted.pricing.termPremiumAfterCents,
        }
      : null,
    createdByUserId: tenant.userId,
  });
  const details: PolicyServicingDetails = { ...(policy.servicingDetails ?? {}) };
  const c = quoted.changes;
  if (c.namedInsured) details.namedInsured = c.namedInsured.to as string;
  if (c.mailingAddress) details.mailingAddress = c.mailingAddress.to as PolicyServicingDetails["mailingAddress"];
  if (c.additionalInsured)
    details.additionalInsureds = [
      ...(details.additionalInsureds ?? []),
      c.additionalInsured.to as { name: string; address: string },
    ];
  if (c.location) details.locations = [...(details.locations ?? []), c.location.to as string];
  if (c.waiverOfSubrogation)
    details.waiversOfSubrogation = [
      ...(details.waiversOfSubrogation ?? []),
      c.waiverOfSubrogation.to as { holderName: string | null },
    ];
  if (c.annualRevenueCents) details.annualRevenueCents = c.annualRevenueCents.to as number;
  if (c.payrollCents) details.payrollCents = c.payrollCents.to as number;
  await updatePolicy(tx, tenant.orgId, policy.id, {
    grossPremiumCents: policy.grossPremiumCents + quoted.premiumCents,
    taxesCents: policy.taxesCents + quoted.taxesCents,
    occurrenceLimitCents: quoted.ratedState.occurrenceLimitCents,
    aggregateLimitCents: quoted.ratedState.aggregateLimitCents,
    deductibleCents: quoted.ratedState.deductibleCents,
    servicingDetails: details,
  });

  const effect = quoted.premiumCents + quoted.taxesCents;
  let invoiceId: string | null = null;
  let creditCents = 0;
  let postingId: string | null = null;
  if (effect > 0) {
    invoiceId = createId("inv");
    const year = today.slice(0, 4);
    const n = await nextSequenceValue(tx, tenant.orgId, `invoice:${year}`);
    await insertServicingInvoice(tx, tenant.orgId, {
      id: invoiceId,
      policyId: policy.id,
      invoiceNumber: `INV-${year}-${String(n).padStart(5, "0")}`,
      dueDate: addDays(today, 20),
      amountCents: effect,
    });
  } else if (effect < 0) {
    const [billed, paid, pending] = await Promise.all([
      policyBilledCents(tx, tenant.orgId, policy.id),
      policyPaidCents(tx, tenant.orgId, policy.id),
      listPendingInstallments(tx, tenant.orgId, policy.id),
    ]);
    const settled = settleReturn({ returnCents: -effect, paidCents: paid, totalDueAfterCents: billed + effect });
    creditCents = settled.creditCents;
    // What was not paid yet comes off the installments still to be billed, the last first.
    let reduce = settled.reducesUnpaidCents;
    for (const installment of pending) {
      if (reduce <= 0) break;
      const cut = Math.min(reduce, installment.shareCents);
      await setInstallmentAmount(tx, tenant.orgId, installment.id, {
        shareCents: installment.shareCents - cut,
        amountCents: installment.amountCents - cut,
        status: installment.shareCents - cut === 0 ? "waived" : "pending",
      });
      reduce -= cut;
    }
    if (creditCents > 0) {
      await insertReturnPremiumCredit(tx, tenant.orgId, {
        policyId: policy.id,
        transactionId,
        amountCents: creditCents,
      });
      postingId = transactionId;
      const received = Math.min(creditCents, -effect);
      await writePosting(
        tx,
        tenant.orgId,
        {
          id: postingId,
          kind: "premium_return",
          description: `Return premium on endorsement of ${policy.policyNumber}`,
          policyId: policy.id,
        },
        premiumReturnLegs(
          splitReturn(received, {
            returnPremiumCents: -quoted.premiumCents,
            producerCommissionCents: -commission.producerCommissionCents,
            mgaCommissionCents: -commission.mgaCommissionCents,
            feesCents: 0,
            taxesCents: -quoted.taxesCents,
          }),
        ),
      );
    }
  }
  await recordDomainEvent(tx, tenant.orgId, "policy.endorsed", {
    policyId: policy.id,
    policyNumber: policy.policyNumber,
    transactionId,
    effectiveDate: quoted.effectiveDate,
    premiumCents: quoted.premiumCents,
    taxesCents: quoted.taxesCents,
    changes: Object.keys(quoted.changes),
    actorUserId: tenant.userId,
  });
  return { transactionId, invoiceId, creditCents, postingId };
}
