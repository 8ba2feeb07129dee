import type { daAgreements } from "../../../db/schema/programs.ts";
import { toCents, type Cents } from "../../utils/money.ts";
import { addMonths, compareCalendarDates } from "../../utils/calendar-date.ts";

export type DaAgreementStatus = "active" | "suspended" | "expired";

/** Conditions under which a risk inside the agreement must still be referred to the carrier. */
export interface DaReferralTriggers {
  /** Refer when the insured's annual revenue is strictly above this. */
  readonly revenueOverCents?: Cents | undefined;
  /** Refer when the insured reports strictly more prior losses than this. */
  readonly priorLossesOver?: number | undefined;
  /** NAICS codes or prefixes, matched like the agreement's NAICS lists. */
  readonly classCodes?: readonly string[] | undefined;
  readonly states?: readonly string[] | undefined;
}

/**
 * The terms of a delegated-authority agreement the checks read: the `da_agreements` columns,
 * with money branded as cents. Build one from a row with `daAgreementTermsFromRow`.
 */
export interface DaAgreementTerms {
  readonly reference: string;
  /** First and last calendar day authority may be exercised, both included. */
  readonly effectiveDate: string;
  readonly expirationDate: string;
  readonly status: DaAgreementStatus;
  readonly maxOccurrenceLimitCents: Cents;
  readonly maxAggregateLimitCents: Cents;
  readonly maxPremiumPerPolicyCents: Cents;
  /** Empty means every state. */
  readonly authorizedStates: readonly string[];
  readonly excludedStates: readonly string[];
  /** NAICS codes or prefixes (2-6 digits); empty means every class. */
  readonly authorizedNaicsCodes: readonly string[];
  readonly excludedNaicsCodes: readonly string[];
  readonly naicsVintage: number;
  readonly annualGwpLimitCents: Cents;
  readonly quarterlyGwpLimitCents: Cents | null;
  /** Gross written premium bound so far; at bind, read under the row lock. */
  readonly boundGwpCents: Cents;
  readonly maxPoliciesPerInsured: number;
  readonly maxInsuredRevenueCents: Cents | null;
  readonly allowedTermsMonths: readonly number[];
  readonly minYearsInBusiness: number | null;
  readonly referralTriggers: DaReferralTriggers;
}

type DaAgreementRow = typeof daAgreements.$inferSelect;

function nullableCents(value: number | null): Cents | null {
  return value === null ? null : toCents(value);
}

/** Brands a row's money columns, throwing MoneyError on a non-integer amount from the DB. */
export function daAgreementTermsFromRow(row: DaAgreementRow): DaAgreementTerms {
  const triggers = row.referralTriggers;
  return {
    reference: row.reference,
    effectiveDate: row.effectiveDate,
    expirationDate: row.expirationDate,
    status: row.status,
    maxOccurrenceLimitCents: toCents(row.maxOccurrenceLimitCents),
    maxAggregateLimitCents: toCents(row.maxAggregateLimitCents),
    maxPremiumPerPolicyCents: toCents(row.maxPremiumPerPolicyCents),
    authorizedStates: row.authorizedStates,
    excludedStates: row.excludedStates,
    authorizedNaicsCodes: row.authorizedNaicsCodes,
    excludedNaicsCodes: row.excludedNaicsCodes,
    naicsVintage: row.naicsVintage,
    annualGwpLimitCents: toCents(row.annualGwpLimitCents),
    quarterlyGwpLimitCents: nullableCents(row.quarterlyGwpLimitCents),
    boundGwpCents: toCents(row.boundGwpCents),
    maxPoliciesPerInsured: row.maxPoliciesPerInsured,
    maxInsuredRevenueCents: nullableCents(row.maxInsuredRevenueCents),
    allowedTermsMonths: row.allowedTermsMonths,
    minYearsInBusiness: row.minYearsInBusiness,
    referralTriggers: {
      revenueOverCents: triggers.revenueOverCents === undefined ? undefined : toCents(triggers.revenueOverCents),
      priorLossesOver: triggers.priorLossesOver,
      classCodes: triggers.classCodes,
      states: triggers.states,
    },
  };
}

/**
 * The entry of a NAICS list that covers `naicsCode`, or undefined. Entries are prefixes: carriers
 * write exclusions at any level of the hierarchy ("324" petroleum manufacturing, "486110"
 * pipelines), and a six-digit entry matches only itself, so exact lists keep working.
 */
export function matchingNaicsEntry(list: readonly string[], naicsCode: string): string | undefined {
  return list.find((entry) => entry.length > 0 && naicsCode.startsWith(entry));
}

/**
 * The agreement quarter containing `date`: quarters run from the agreement's effective date in
 * three-month steps (an April 1 agreement's first quarter is Apr 1 - Jun 30), not calendar
 * quarters. `end` is exclusive. A date before the agreement starts counts toward its first
 * quarter; the in-force check refuses such a bind anyway.
 */
export function daAgreementQuarter(
  agreementEffectiveDate: string,
  date: string,
): { readonly quarter: number; readonly start: string; readonly end: string } {
  let quarter = 1;
  while (compareCalendarDates(date, addMonths(agreementEffectiveDate, quarter * 3)) >= 0) {
    quarter += 1;
  }
  return {
    quarter,
    start: addMonths(agreementEffectiveDate, (quarter - 1) * 3),
    end: addMonths(agreementEffectiveDate, quarter * 3),
  };
}
