/**
 * The rating engine: a pure function from submission facts, schedule adjustments and a compiled
 * rate table version to a fully explained premium. It never reads the clock, the network or a
 * global, so the same input and table version always give the same quote.
 *
 * Steps run in the order of DOMAIN.md "Rating"; each recorded step rounds half-to-even to the cent.
 */
import {
  decimalToString,
  divideRoundHalfEven,
  multiplyRoundHalfEven,
  normalizeDecimal,
  powerOfTen,
} from "../../utils/decimal.ts";
import { formatMoney, type Cents } from "../../utils/money.ts";
import { resolveEntries } from "./resolve.ts";
import type {
  CompiledFactor,
  CompiledRateTable,
  QuoteOption,
  RatedQuote,
  RatingError,
  RatingInput,
  RatingResult,
  RatingStep,
  RatingStepKey,
  SubmissionFacts,
  TaxCode,
  TaxLine,
} from "./types.ts";

const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

export function rateQuote(input: RatingInput): RatingResult<RatedQuote> {
  const entries = resolveEntries(input);
  if ("code" in entries) {
    return failure(entries);
  }
  const { submission: facts, rateTable: table } = input;
  const { exposure, baseRate, limitFactor, deductible, stateModifier, classModifier } = entries;
  const { band, lossRule, schedule, minimum, taxRow } = entries;

  const steps: RatingStep[] = [];
  let premium = basePremium(exposure, baseRate, table, facts.termMonths);
  let peak = premium;
  const record = (
    step: number,
    key: RatingStepKey,
    name: string,
    source: string,
    stepInput: string,
    factor: string | null,
  ): void => {
    if (premium > peak) peak = premium;
    steps.push({ step, key, name, source, input: stepInput, factor, premiumAfter: Number(premium) as Cents });
  };
  const apply = (step: number, key: RatingStepKey, name: string, factor: CompiledFactor, stepInput: string): void => {
    premium = multiplyRoundHalfEven(premium, factor.value);
    record(step, key, name, factor.source, stepInput, factor.text);
  };

  const exposureLabel = table.exposure.kind === "revenue" ? "Revenue" : "Payroll";
  record(
    1,
    "exposure",
    "Exposure × base rate",
    baseRate.source,
    describeExposure(exposureLabel, exposure, table, baseRate, facts.termMonths),
    baseRate.text,
  );
  apply(
    2,
    "increased_limits",
    "Increased limit factor",
    limitFactor,
    `Occurrence ${formatMoney(facts.occurrenceLimit)} / aggregate ${formatMoney(facts.aggregateLimit)}`,
  );
  apply(
    3,
    "deductible",
    "Deductible credit",
    deductible.factor,
    `Deductible ${formatMoney(facts.deductible)}: credit ${deductible.credit}`,
  );
  apply(4, "state", "State modifier", stateModifier, `Home state ${facts.homeState}`);
  apply(5, "class", "Class modifier (NAICS)", classModifier, `NAICS ${facts.naicsCode}`);
  apply(
    6,
    "exposure_band",
    `${exposureLabel} band modifier`,
    band.factor,
    `${exposureLabel} ${formatMoney(exposure)} in band ${band.range}`,
  );
  apply(7, "loss_history", "Loss history modifier", lossRule.factor, describeLosses(facts, lossRule.label));
  premium = multiplyRoundHalfEven(premium, schedule.factor);
  record(8, "schedule", "Schedule rating", table.schedule.source, schedule.input, decimalToString(schedule.factor));
  // Checked before any of these amounts is printed or converted to a number.
  if (peak > MAX_CENTS) {
    return failure(amountOutOfRange());
  }

  const raised = premium < minimum.amount;
  const beforeFloor = formatMoney(Number(premium) as Cents);
  if (raised) premium = minimum.amount;
  record(
    9,
    "minimum_premium",
    "Minimum premium",
    minimum.source,
    raised
      ? `Minimum ${minimum.text}; ${beforeFloor} is below it, so the minimum applies`
      : `Minimum ${minimum.text}; ${beforeFloor} is at or above it`,
    null,
  );

  const grossPremium = premium;
  const taxableBase = grossPremium + table.taxableFeesTotal;
  const premiumTax = taxRow === undefined ? 0n : multiplyRoundHalfEven(taxableBase, taxRow.premiumTax.value);
  const stampingFee = taxRow === undefined ? 0n : multiplyRoundHalfEven(taxableBase, taxRow.stampingFee.value);
  const taxesTotal = premiumTax + stampingFee;
  const totalDue = grossPremium + BigInt(table.feesTotal) + taxesTotal;
  // Every amount is non-negative, so the total bounds them all.
  if (totalDue > MAX_CENTS) {
    return failure(amountOutOfRange());
  }
  let taxes: TaxLine[] = [];
  if (taxRow !== undefined) {
    const baseText = `${formatMoney(Number(taxableBase) as Cents)} (premium + taxable fees, ${facts.homeState})`;
    taxes = [
      taxLine("surplus_lines_tax", "Surplus lines premium tax", taxRow.premiumTax, taxableBase, baseText, premiumTax),
      taxLine("stamping_fee", "Stamping fee", taxRow.stampingFee, taxableBase, baseText, stampingFee),
    ];
  }

  return {
    ok: true,
    value: {
      rateTable: { id: table.id, version: table.version, program: table.program },
      taxTableVersion: taxRow === undefined ? null : input.taxTable.version,
      option: {
        occurrenceLimit: facts.occurrenceLimit,
        aggregateLimit: facts.aggregateLimit,
        deductible: facts.deductible,
      },
      steps,
      grossPremium: Number(grossPremium) as Cents,
      fees: table.fees,
      feesTotal: table.feesTotal,
      taxes,
      taxesTotal: Number(taxesTotal) as Cents,
      totalDue: Number(totalDue) as Cents,
    },
  };
}

/**
 * Rates several limit/deductible tiers of one submission. Each option is rated on its own, so an
 * option that cannot be rated (say, a limit missing from the ILF table) fails alone.
 */
export function rateQuoteOptions(input: RatingInput, options: readonly QuoteOption[]): RatingResult<RatedQuote>[] {
  return options.map((option) =>
    rateQuote({
      ...input,
      submission: {
        ...input.submission,
        occurrenceLimit: option.occurrenceLimit,
        aggregateLimit: option.aggregateLimit,
        deductible: option.deductible,
      },
    }),
  );
}

function failure(error: RatingError): { ok: false; error: RatingError } {
  return { ok: false, error };
}

/**
 * exposure (cents) / (100 × dollars per unit) units × rate × term / 12, rounded once: rates are
 * annual, and a short or long term is pro-rated before any factor applies.
 */
function basePremium(exposure: Cents, rate: CompiledFactor, table: CompiledRateTable, termMonths: number): bigint {
  return divideRoundHalfEven(
    BigInt(exposure) * rate.value.coefficient * BigInt(termMonths),
    powerOfTen(rate.value.scale) * BigInt(table.exposure.perDollars * 12),
  );
}

function describeExposure(
  label: string,
  exposure: Cents,
  table: CompiledRateTable,
  rate: CompiledFactor,
  termMonths: number,
): string {
  const units = decimalToString(normalizeDecimal({ coefficient: BigInt(exposure), scale: table.exposure.unitScale }));
  const unitSize = table.exposure.perDollars === 1000 ? "$1,000" : "$100";
  const term = termMonths === 12 ? "" : ` × ${termMonths}/12 months`;
  return `${label} ${formatMoney(exposure)} = ${units} units of ${unitSize} × rate ${rate.text}${term}`;
}

function describeLosses(facts: SubmissionFacts, ruleLabel: string): string {
  const { count, incurred } = facts.priorLosses;
  const claims = count === 1 ? "1 prior claim" : `${count} prior claims`;
  const years = facts.yearsInBusiness === 1 ? "1 year" : `${facts.yearsInBusiness} years`;
  return `${claims}, ${formatMoney(incurred)} incurred, ${years} in business: ${ruleLabel}`;
}

function amountOutOfRange(): RatingError {
  return { code: "amount_out_of_range", message: "Premium exceeds the largest amount the platform can hold" };
}

/** A surplus lines premium tax or stamping fee line; the base is premium plus taxable fees. */
function taxLine(
  code: TaxCode,
  name: string,
  rate: CompiledFactor,
  taxableBase: bigint,
  baseText: string,
  amount: bigint,
): TaxLine {
  return {
    step: 11,
    code,
    name,
    source: rate.source,
    input: `${baseText} × ${rate.text}`,
    rate: rate.text,
    taxableBase: Number(taxableBase) as Cents,
    amount: Number(amount) as Cents,
  };
}
