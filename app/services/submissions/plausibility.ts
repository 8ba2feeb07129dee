import { addDays } from "../../utils/calendar-date.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { lookupBaseRate } from "../rating/lookups.ts";
import type { CompiledRateTable } from "../rating/types.ts";

// What a new submission may ask for, bounded by its program's rate table and delegated authority
// agreement, so nothing implausible is filed (ADR 014). Shared by the form, ACORD filing and /v1,
// which all file through fileSubmission.

/**
 * The effective date window: a program writes cover starting no earlier than today minus the
 * backdating days and no later than today plus the advance days. One window for every program
 * until a program needs its own (then it becomes program columns, ADR 014).
 */
export const EFFECTIVE_DATE_WINDOW = { backdatingDays: 0, advanceDays: 180 } as const;

/** Above any real insured's revenue or payroll ($50 billion): the bound when the agreement sets none. */
export const MAX_EXPOSURE_CENTS = 5_000_000_000_000;
/** Prior losses incurred beyond this ($1 billion) are a typing error, not a history. */
export const MAX_PRIOR_LOSS_CENTS = 100_000_000_000;

export type PlausibilityField =
  | "effectiveDate"
  | "naicsCode"
  | "exposure"
  | "requestedLimit"
  | "deductible"
  | "priorLossIncurred";
export type PlausibilityProblem = { field: PlausibilityField; message: string };

export interface PlausibilityInput {
  lineOfBusiness: "GL" | "WC";
  state: string;
  naicsCode: string;
  exposure: number;
  requestedLimit: number;
  deductible: number;
  priorLossIncurred: number;
  effectiveDate: string;
}

export interface AgreementBounds {
  maxOccurrenceLimitCents: number;
  maxInsuredRevenueCents: number | null;
}

const money = (cents: number) => formatMoney(toCents(cents));

/** The first date problem, if any: before the backdating window or beyond the advance window. */
export function effectiveDateProblem(
  effectiveDate: string,
  today: string,
  window = EFFECTIVE_DATE_WINDOW,
): PlausibilityProblem | null {
  const earliest = addDays(today, -window.backdatingDays);
  const latest = addDays(today, window.advanceDays);
  if (effectiveDate < earliest) {
    return {
      field: "effectiveDate",
      message:
        window.backdatingDays === 0
          ? "The effective date cannot be in the past"
          : `The effective date cannot be before ${earliest}`,
    };
  }
  if (effectiveDate > latest)
    return {
      field: "effectiveDate",
      message: `The effective date can be at most ${window.advanceDays} days ahead (${latest} at the latest)`,
    };
  return null;
}

/**
 * The first reason the program cannot take the submission as entered, in the order a producer
 * fixes them: date, class, exposure, limit, deductible, losses. `rateTable` is the program's
 * table in force on the effective date (null when there is none).
 */
export function plausibilityProblem(
  input: PlausibilityInput,
  today: string,
  rateTable: CompiledRateTable | null,
  agreement: AgreementBounds | null,
): PlausibilityProblem | null {
  const date = effectiveDateProblem(input.effectiveDate, today);
  if (date) return date;
  if (!rateTable)
    return {
      field: "effectiveDate",
      message: `The program has no rates in force on ${input.effectiveDate}; choose another effective date or program`,
    };
  if (!lookupBaseRate(rateTable, input.state, input.naicsCode)) {
    return {
      field: "naicsCode",
      message: `This program does not write NAICS code ${input.naicsCode} in ${input.state}`,
    };
  }
  const exposureName = input.lineOfBusiness === "GL" ? "annual revenue" : "payroll";
  if (!Number.isSafeInteger(input.exposure) || input.exposure <= 0)
    return { field: "exposure", message: `Enter the ${exposureName}: it must be more than $0` };
  const maxRevenue = input.lineOfBusiness === "GL" ? (agreement?.maxInsuredRevenueCents ?? null) : null;
  const maxExposure = Math.min(maxRevenue ?? MAX_EXPOSURE_CENTS, MAX_EXPOSURE_CENTS);
  if (input.exposure > maxExposure)
    return {
      field: "exposure",
      message: `The ${exposureName} is above the program's maximum of ${money(maxExposure)}`,
    };
  const offered = [...rateTable.increasedLimitFactors.keys()]
    .filter((limit) => agreement === null || limit <= agreement.maxOccurrenceLimitCents)
    .sort((a, b) => a - b);
  if (!offered.includes(input.requestedLimit)) {
    return {
      field: "requestedLimit",
      message: offered.length
        ? `Choose one of the program's limits: ${offered.map(money).join(", ")}`
        : "The program offers no limit within its authority",
    };
  }
  const deductibles = [...rateTable.deductibleFactors.keys()].sort((a, b) => a - b);
  if (!rateTable.deductibleFactors.has(input.deductible)) {
    return {
      field: "deductible",
      message: `Choose one of the program's deductibles: ${deductibles.map(money).join(", ")}`,
    };
  }
  if (
    !Number.isSafeInteger(input.priorLossIncurred) ||
    input.priorLossIncurred < 0 ||
    input.priorLossIncurred > MAX_PRIOR_LOSS_CENTS
  ) {
    return {
      field: "priorLossIncurred",
      message: `Enter the incurred losses in dollars, at most ${money(MAX_PRIOR_LOSS_CENTS)}`,
    };
  }
  return null;
}
