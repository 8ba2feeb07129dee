/**
 * The lookup phase of rating: validates the submission, then finds every table entry the
 * waterfall will use. It runs to completion before any arithmetic, so a submission either rates
 * fully or the result names the first thing the table cannot price.
 */
import { formatMoney, type Cents } from "../../utils/money.ts";
import { findBand, findLossRule, findTaxRow, lookupBaseRate, lookupNaics } from "./lookups.ts";
import { resolveSchedule, type ResolvedSchedule } from "./schedule.ts";
import type {
  CompiledAmount,
  CompiledBand,
  CompiledFactor,
  CompiledLossRule,
  CompiledRateTable,
  CompiledTaxRow,
  RatingError,
  RatingInput,
  SubmissionFacts,
} from "./types.ts";
import { validateSubmission } from "./validate.ts";

export interface ResolvedEntries {
  readonly exposure: Cents;
  readonly baseRate: CompiledFactor;
  readonly limitFactor: CompiledFactor;
  readonly deductible: { readonly credit: string; readonly factor: CompiledFactor };
  readonly stateModifier: CompiledFactor;
  readonly classModifier: CompiledFactor;
  readonly band: CompiledBand;
  readonly lossRule: CompiledLossRule;
  readonly schedule: ResolvedSchedule;
  readonly minimum: CompiledAmount;
  /** Undefined for admitted programs, which owe no surplus lines tax. */
  readonly taxRow: CompiledTaxRow | undefined;
}

export function resolveEntries(input: RatingInput): ResolvedEntries | RatingError {
  const { submission: facts, rateTable: table } = input;
  const problem = validateSubmission(facts) ?? checkTableApplies(table, facts);
  if (problem !== undefined) {
    return problem;
  }

  const exposure = table.exposure.kind === "revenue" ? facts.annualRevenue : facts.payroll;
  if (exposure === undefined) {
    const field = table.exposure.kind === "revenue" ? "annualRevenue" : "payroll";
    return {
      code: "missing_exposure",
      basis: table.exposure.kind,
      message: `Rate table ${table.id}@${table.version} rates on ${table.exposure.kind}; submission.${field} is missing`,
    };
  }
  const baseRate = lookupBaseRate(table, facts.homeState, facts.naicsCode);
  if (baseRate === undefined) {
    return {
      code: "no_base_rate",
      state: facts.homeState,
      naicsCode: facts.naicsCode,
      message: `No base rate for NAICS ${facts.naicsCode} in ${facts.homeState} or the default row`,
    };
  }
  const limitFactor = table.increasedLimitFactors.get(facts.occurrenceLimit)?.get(facts.aggregateLimit);
  if (limitFactor === undefined) {
    return {
      code: "limit_not_in_ilf_table",
      occurrenceLimit: facts.occurrenceLimit,
      aggregateLimit: facts.aggregateLimit,
      message: `Limits ${formatMoney(facts.occurrenceLimit)} / ${formatMoney(facts.aggregateLimit)} are not in the increased limit factor table`,
    };
  }
  const deductible = table.deductibleFactors.get(facts.deductible);
  if (deductible === undefined) {
    return {
      code: "deductible_not_in_table",
      deductible: facts.deductible,
      message: `Deductible ${formatMoney(facts.deductible)} is not offered by the rate table`,
    };
  }
  const schedule = resolveSchedule(input.schedule, table);
  if ("code" in schedule) {
    return schedule;
  }
  const taxRow = table.surplusLines ? findTaxRow(input.taxTable, facts.homeState, facts.effectiveDate) : undefined;
  if (table.surplusLines && taxRow === undefined) {
    return {
      code: "no_tax_rate",
      state: facts.homeState,
      effectiveDate: facts.effectiveDate,
      message: `No surplus lines tax rate for ${facts.homeState} on ${facts.effectiveDate}`,
    };
  }

  return {
    exposure,
    baseRate,
    limitFactor,
    deductible,
    stateModifier: table.stateModifiers.get(facts.homeState) ?? table.neutralStateModifier,
    classModifier: lookupNaics(table.classModifiers, facts.naicsCode) ?? table.neutralClassModifier,
    band: findBand(table.exposureBands, exposure),
    lossRule: findLossRule(table.lossHistoryRules, facts),
    schedule,
    minimum: table.minimumPremiums.byState.get(facts.homeState) ?? table.minimumPremiums.fallback,
    taxRow,
  };
}

function checkTableApplies(table: CompiledRateTable, facts: SubmissionFacts): RatingError | undefined {
  if (facts.lineOfBusiness !== table.lineOfBusiness) {
    return {
      code: "line_of_business_mismatch",
      expected: table.lineOfBusiness,
      actual: facts.lineOfBusiness,
      message: `Rate table ${table.id}@${table.version} rates ${table.lineOfBusiness}, not ${facts.lineOfBusiness}`,
    };
  }
  const { effectiveDate, expirationDate } = table;
  if (facts.effectiveDate < effectiveDate || (expirationDate !== null && facts.effectiveDate >= expirationDate)) {
    return {
      code: "rate_table_not_in_force",
      effectiveDate: facts.effectiveDate,
      message: `Rate table ${table.id}@${table.version} is in force from ${effectiveDate}${
        expirationDate === null ? "" : ` until ${expirationDate}`
      }, not on ${facts.effectiveDate}`,
    };
  }
  return undefined;
}
