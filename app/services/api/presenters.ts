import type { RenewalComparison, RenewalOfferStatus } from "../../../db/schema/renewals.ts";
import type { RatedQuote } from "../rating/index.ts";

// Database rows to /v1 shapes. Kept in one place so every endpoint answers the same way.

type QuoteRow = {
  id: string;
  submissionId: string;
  status: "active" | "superseded" | "bound";
  expiresOn: string;
  rateTableVersion: string;
  daFlags: { check: string; code: string; detail: string }[];
  options: {
    id: string;
    occurrenceLimitCents: number;
    aggregateLimitCents: number;
    deductibleCents: number;
    grossPremiumCents: number;
    feesCents: number;
    taxesCents: number;
    totalDueCents: number;
    withinAuthority: boolean;
    rating: RatedQuote;
  }[];
};

function ratingSteps(rating: RatedQuote) {
  return rating.steps.map(({ step, name, source, input, factor, premiumAfter }) => ({
    step,
    name,
    source,
    input,
    factor,
    premiumAfter,
  }));
}

export function presentQuote(quote: QuoteRow) {
  const options = quote.options.map((o) => ({
    id: o.id,
    occurrenceLimit: o.occurrenceLimitCents,
    aggregateLimit: o.aggregateLimitCents,
    deductible: o.deductibleCents,
    grossPremium: o.grossPremiumCents,
    fees: o.feesCents,
    taxes: o.taxesCents,
    totalDue: o.totalDueCents,
    withinAuthority: o.withinAuthority,
    ratingSteps: ratingSteps(o.rating),
  }));
  const first = options[0]!;
  return {
    id: quote.id,
    submissionId: quote.submissionId,
    status: quote.status,
    expiresAt: quote.expiresOn,
    rateTableVersion: quote.rateTableVersion,
    daFlags: quote.daFlags,
    grossPremium: first.grossPremium,
    fees: first.fees,
    taxes: first.taxes,
    totalDue: first.totalDue,
    ratingSteps: first.ratingSteps,
    options,
  };
}

type SubmissionRow = {
  id: string;
  reference: string;
  status: string;
  lineOfBusiness: "GL" | "WC";
  insuredName: string;
  naicsCode: string;
  state: string;
  annualRevenueCents: number | null;
  payrollCents: number | null;
  requestedLimitCents: number;
  deductibleCents: number;
  effectiveDate: string;
  termMonths: number;
  declineCode: string | null;
  declineRationale: string | null;
};

type KnockoutAnswerRow = {
  code: string;
  question: string;
  hit: boolean;
  action: "refer" | "decline";
  clearedAt: Date | null;
};

export function presentSubmission(
  s: SubmissionRow,
  quote: QuoteRow | undefined,
  knockouts: readonly KnockoutAnswerRow[],
) {
  return {
    id: s.id,
    reference: s.reference,
    status: s.status,
    lineOfBusiness: s.lineOfBusiness,
    insuredName: s.insuredName,
    naicsCode: s.naicsCode,
    state: s.state,
    annualRevenue: s.annualRevenueCents,
    payroll: s.payrollCents,
    requestedLimit: s.requestedLimitCents,
    deductible: s.deductibleCents,
    effectiveDate: s.effectiveDate,
    termMonths: s.termMonths,
    decline: s.declineCode ? { code: s.declineCode, rationale: s.declineRationale ?? "" } : null,
    knockoutsHit: knockouts
      .filter((k) => k.hit)
      .map((k) => ({ code: k.code, question: k.question, action: k.action, cleared: k.clearedAt !== null })),
    quote: quote ? presentQuote(quote) : null,
  };
}

type PolicyRow = {
  id: string;
  policyNumber: string;
  status: string;
  lineOfBusiness: "GL" | "WC";
  state: string;
  insuredName: string;
  effectiveDate: string;
  expirationDate: string;
  grossPremiumCents: number;
  feesCents: number;
  taxesCents: number;
};

export function presentPolicy(p: PolicyRow) {
  return {
    id: p.id,
    policyNumber: p.policyNumber,
    status: p.status,
    lineOfBusiness: p.lineOfBusiness,
    state: p.state,
    insuredName: p.insuredName,
    effectiveDate: p.effectiveDate,
    expirationDate: p.expirationDate,
    grossPremium: p.grossPremiumCents,
    fees: p.feesCents,
    taxes: p.taxesCents,
    declarationsUrl: `/v1/policies/${p.id}/declarations.pdf`,
  };
}

type RenewalOfferRow = {
  id: string;
  policyId: string;
  status: RenewalOfferStatus;
  renewalDate: string;
  preparedOn: string;
  expiringPremiumCents: number;
  renewalPremiumCents: number | null;
  renewalTotalDueCents: number | null;
  comparison: RenewalComparison | null;
  note: string | null;
  renewalPolicyId: string | null;
};

export function presentRenewalOffer(o: RenewalOfferRow, policyNumber: string) {
  return {
    id: o.id,
    policyId: o.policyId,
    policyNumber,
    status: o.status,
    renewalDate: o.renewalDate,
    preparedOn: o.preparedOn,
    expiringPremiumCents: o.expiringPremiumCents,
    renewalPremiumCents: o.renewalPremiumCents,
    renewalTotalDueCents: o.renewalTotalDueCents,
    comparison: o.comparison,
    note: o.note,
    renewalPolicyId: o.renewalPolicyId,
  };
}
