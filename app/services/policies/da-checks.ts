/**
 * The delegated-authority checks. They run twice with the same code: at quote time, where
 * failures become flags on the quote (the premium is still shown, bind is blocked), and inside
 * the bind transaction, where the agreement row (and so `boundGwpCents`) is locked.
 */
import { addCents, formatMoney, subtractCents, type Cents } from "../../utils/money.ts";
import { isWithin } from "../../utils/calendar-date.ts";
import { checkResult, type PreBindCheckName, type PreBindCheckResult, type PreBindErrorCode } from "./check-result.ts";
import { matchingNaicsEntry, type DaAgreementTerms } from "./da-agreement.ts";

/** The policy being quoted or bound, as the agreement judges it. */
export interface DaRisk {
  /** Two-letter code of the insured's home state. */
  readonly homeState: string;
  /** Six-digit NAICS code, of the agreement's NAICS vintage. */
  readonly naicsCode: string;
  /** Policy effective date (inception). */
  readonly effectiveDate: string;
  readonly termMonths: number;
  readonly occurrenceLimitCents: Cents;
  readonly aggregateLimitCents: Cents;
  /** Gross written premium: before fees and taxes, which do not count toward premium limits. */
  readonly grossPremiumCents: Cents;
  readonly annualRevenueCents: Cents | null;
  readonly yearsInBusiness: number | null;
  /** Policies the insured already holds under this agreement, not counting this one. */
  readonly insuredPolicyCount: number;
}

export interface DaCheckInput {
  readonly agreement: DaAgreementTerms;
  readonly risk: DaRisk;
  /** The calendar date authority is exercised on: the bind date, or the quote date. */
  readonly asOf: string;
  /**
   * Gross premium already bound in the agreement quarter containing `asOf` (see
   * `daAgreementQuarter`). Required when the agreement has a quarterly GWP limit.
   */
  readonly quarterToDateGwpCents?: Cents | undefined;
}

export class DaCheckInputError extends Error {
  override readonly name = "DaCheckInputError";
}

function checkAgreementInForce({ agreement, risk, asOf }: DaCheckInput): PreBindCheckResult {
  const problems: string[] = [];
  const term = `${agreement.effectiveDate} to ${agreement.expirationDate}`;
  if (agreement.status !== "active") {
    problems.push(`agreement ${agreement.reference} is ${agreement.status}`);
  }
  if (!isWithin(asOf, agreement.effectiveDate, agreement.expirationDate)) {
    problems.push(`${asOf} is outside the agreement term ${term}`);
  }
  // A binding authority covers risks incepting within its term: binding today a policy that
  // starts after the agreement has lapsed would use authority the carrier has not granted.
  if (!isWithin(risk.effectiveDate, agreement.effectiveDate, agreement.expirationDate)) {
    problems.push(`policy effective date ${risk.effectiveDate} is outside the agreement term ${term}`);
  }
  return checkResult("da_agreement_in_force", problems);
}

function checkPerPolicyLimits({ agreement, risk }: DaCheckInput): PreBindCheckResult {
  const problems: string[] = [];
  const over = (what: string, value: Cents, max: Cents) => {
    if (value > max) problems.push(`${what} ${formatMoney(value)} exceeds the agreement maximum ${formatMoney(max)}`);
  };
  over("occurrence limit", risk.occurrenceLimitCents, agreement.maxOccurrenceLimitCents);
  over("aggregate limit", risk.aggregateLimitCents, agreement.maxAggregateLimitCents);
  over("gross premium", risk.grossPremiumCents, agreement.maxPremiumPerPolicyCents);
  if (!agreement.allowedTermsMonths.includes(risk.termMonths)) {
    const allowed = agreement.allowedTermsMonths.join(", ");
    problems.push(`a ${risk.termMonths}-month term is not allowed (allowed: ${allowed} months)`);
  }
  if (agreement.maxInsuredRevenueCents !== null) {
    // Unknown revenue fails: the MGA cannot show the risk is within its authority.
    if (risk.annualRevenueCents === null) {
      const cap = formatMoney(agreement.maxInsuredRevenueCents);
      problems.push(`annual revenue is not recorded; the agreement caps it at ${cap}`);
    } else {
      over("annual revenue", risk.annualRevenueCents, agreement.maxInsuredRevenueCents);
    }
  }
  if (agreement.minYearsInBusiness !== null) {
    const minimum = agreement.minYearsInBusiness;
    if (risk.yearsInBusiness === null) {
      problems.push(`years in business is not recorded; the agreement requires at least ${minimum}`);
    } else if (risk.yearsInBusiness < minimum) {
      problems.push(`${risk.yearsInBusiness} years in business is below the agreement minimum of ${minimum}`);
    }
  }
  if (risk.insuredPolicyCount + 1 > agreement.maxPoliciesPerInsured) {
    const held = `${risk.insuredPolicyCount} ${risk.insuredPolicyCount === 1 ? "policy" : "policies"}`;
    problems.push(
      `the insured already holds ${held} under this agreement (maximum ${agreement.maxPoliciesPerInsured})`,
    );
  }
  return checkResult("da_per_policy_limits", problems);
}

/** Bound so far + this premium <= limit: landing exactly on the limit is allowed. */
function checkAggregateGwp({ agreement, risk, quarterToDateGwpCents }: DaCheckInput): PreBindCheckResult {
  const problems: string[] = [];
  const against = (period: string, boundCents: Cents, limitCents: Cents) => {
    const after = addCents(boundCents, risk.grossPremiumCents);
    if (after > limitCents) {
      const sum = `bound ${formatMoney(boundCents)} + this premium ${formatMoney(risk.grossPremiumCents)}`;
      const excess = formatMoney(subtractCents(after, limitCents));
      problems.push(
        `${period} GWP would reach ${formatMoney(after)} (${sum}), ${excess} over the ${period} limit ${formatMoney(limitCents)}`,
      );
    }
  };
  against("annual", agreement.boundGwpCents, agreement.annualGwpLimitCents);
  if (agreement.quarterlyGwpLimitCents !== null) {
    if (quarterToDateGwpCents === undefined) {
      throw new DaCheckInputError(
        `Agreement ${agreement.reference} has a quarterly GWP limit; quarterToDateGwpCents is required`,
      );
    }
    against("quarterly", quarterToDateGwpCents, agreement.quarterlyGwpLimitCents);
  }
  return checkResult("da_aggregate_gwp", problems);
}

function checkStateAuthorized({ agreement, risk }: DaCheckInput): PreBindCheckResult {
  const problems: string[] = [];
  const state = risk.homeState;
  if (agreement.authorizedStates.length > 0 && !agreement.authorizedStates.includes(state)) {
    const authorized = agreement.authorizedStates.join(", ");
    problems.push(`${state} is not among the agreement's authorized states (${authorized})`);
  }
  if (agreement.excludedStates.includes(state)) {
    problems.push(`${state} is excluded by the agreement`);
  }
  return checkResult("state_authorized", problems);
}

function checkNaicsNotExcluded({ agreement, risk }: DaCheckInput): PreBindCheckResult {
  const problems: string[] = [];
  const vintage = `NAICS ${agreement.naicsVintage}`;
  const excludedBy = matchingNaicsEntry(agreement.excludedNaicsCodes, risk.naicsCode);
  if (excludedBy !== undefined) {
    const entry = excludedBy === risk.naicsCode ? "" : ` (excluded prefix ${excludedBy})`;
    problems.push(`class ${risk.naicsCode} is excluded by the agreement${entry}, ${vintage}`);
  }
  if (
    agreement.authorizedNaicsCodes.length > 0 &&
    matchingNaicsEntry(agreement.authorizedNaicsCodes, risk.naicsCode) === undefined
  ) {
    problems.push(`class ${risk.naicsCode} is not among the agreement's authorized classes, ${vintage}`);
  }
  return checkResult("naics_not_excluded", problems);
}

/** The DA checks in reporting order. */
export function runDaChecks(input: DaCheckInput): PreBindCheckResult[] {
  return [
    checkAgreementInForce(input),
    checkPerPolicyLimits(input),
    checkAggregateGwp(input),
    checkStateAuthorized(input),
    checkNaicsNotExcluded(input),
  ];
}

/** A failed DA check recorded on a quote: the premium is shown, bind is blocked until it clears. */
export interface DaFlag {
  readonly check: PreBindCheckName;
  readonly code: PreBindErrorCode;
  readonly detail: string;
}

/** Quote-time DA checks with `asOf` the quote date; only failures are returned, as flags. */
export function daFlagsForQuote(input: DaCheckInput): DaFlag[] {
  return runDaChecks(input).flatMap((result) =>
    result.passed ? [] : [{ check: result.check, code: result.code, detail: result.detail }],
  );
}
