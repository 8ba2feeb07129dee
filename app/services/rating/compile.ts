/**
 * Turns a validated rate table (or tax table) into the form the engine runs on: decimals parsed
 * once, lookups indexed, source labels and printed factors prepared. Compiling is done once per
 * table version; rating a quote then never parses a table decimal.
 */
import type { z } from "zod";
import { decimalToString, DECIMAL_ONE, parseDecimal, subtractDecimals } from "../../utils/decimal.ts";
import { formatMoney, sumCents, type Cents } from "../../utils/money.ts";
import { rateTableSchema, surplusLinesTaxTableSchema, type RateTable, type SurplusLinesTaxTable } from "./schema.ts";
import type {
  CompiledAmount,
  CompiledBand,
  CompiledFactor,
  CompiledLossRule,
  CompiledRateTable,
  CompiledTaxRow,
  CompiledTaxTable,
  FeeLine,
  NaicsPrefixTable,
  RatingResult,
} from "./types.ts";

/** Validates a rate table (JSON from the DB or a demo object) and compiles it. */
export function compileRateTable(raw: unknown): RatingResult<CompiledRateTable> {
  const parsed = rateTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return {
      ok: false,
      error: { code: "invalid_rate_table", issues, message: `Rate table is invalid: ${issues.join("; ")}` },
    };
  }
  return { ok: true, value: buildRateTable(parsed.data) };
}

/** Validates the surplus lines tax table and compiles it. */
export function compileTaxTable(raw: unknown): RatingResult<CompiledTaxTable> {
  const parsed = surplusLinesTaxTableSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return {
      ok: false,
      error: { code: "invalid_tax_table", issues, message: `Tax table is invalid: ${issues.join("; ")}` },
    };
  }
  return { ok: true, value: buildTaxTable(parsed.data) };
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
}

function buildRateTable(table: RateTable): CompiledRateTable {
  const ref = `${table.id}@${table.version}`;
  const factor = (text: string, path: string): CompiledFactor =>
    Object.freeze({ value: parseDecimal(text), text, source: `${ref} ${path}` });
  const prefixTable = (entries: Record<string, string>, path: string): NaicsPrefixTable =>
    new Map(Object.entries(entries).map(([prefix, text]) => [prefix, factor(text, `${path}.${prefix}`)]));
  const amount = (cents: Cents, path: string): CompiledAmount =>
    Object.freeze({ amount: BigInt(cents), text: formatMoney(cents), source: `${ref} ${path}` });

  const increasedLimitFactors = new Map<number, Map<number, CompiledFactor>>();
  for (const entry of table.increasedLimitFactors) {
    const byAggregate = increasedLimitFactors.get(entry.occurrenceLimit) ?? new Map<number, CompiledFactor>();
    byAggregate.set(
      entry.aggregateLimit,
      factor(entry.factor, `increasedLimitFactors[${entry.occurrenceLimit}/${entry.aggregateLimit}]`),
    );
    increasedLimitFactors.set(entry.occurrenceLimit, byAggregate);
  }

  const deductibleFactors = new Map(
    table.deductibleCredits.map((entry) => {
      const value = subtractDecimals(DECIMAL_ONE, parseDecimal(entry.credit));
      const compiled: CompiledFactor = Object.freeze({
        value,
        text: decimalToString(value),
        source: `${ref} deductibleCredits[${entry.deductible}]`,
      });
      return [entry.deductible, Object.freeze({ credit: entry.credit, factor: compiled })] as const;
    }),
  );

  const bands = table.exposureBands;
  const exposureBands: CompiledBand[] = bands.map((band, i) => {
    const next = bands[i + 1];
    return Object.freeze({
      from: band.from,
      to: next === undefined ? Number.POSITIVE_INFINITY : next.from,
      range:
        next === undefined
          ? `${formatMoney(band.from)} and above`
          : `${formatMoney(band.from)} up to ${formatMoney(next.from)}`,
      factor: factor(band.factor, `exposureBands[${i}]`),
    });
  });

  const lossHistoryRules: CompiledLossRule[] = table.lossHistory.rules.map((rule, i) =>
    Object.freeze({
      label: rule.label,
      minClaims: rule.minClaims ?? 0,
      maxClaims: rule.maxClaims ?? Number.POSITIVE_INFINITY,
      minIncurred: rule.minIncurred ?? 0,
      maxIncurred: rule.maxIncurred ?? Number.POSITIVE_INFINITY,
      minYearsInBusiness: rule.minYearsInBusiness ?? 0,
      maxYearsInBusiness: rule.maxYearsInBusiness ?? Number.POSITIVE_INFINITY,
      factor: factor(rule.factor, `lossHistory.rules[${i}]`),
    }),
  );
  lossHistoryRules.push(
    Object.freeze({
      label: table.lossHistory.defaultLabel,
      minClaims: 0,
      maxClaims: Number.POSITIVE_INFINITY,
      minIncurred: 0,
      maxIncurred: Number.POSITIVE_INFINITY,
      minYearsInBusiness: 0,
      maxYearsInBusiness: Number.POSITIVE_INFINITY,
      factor: factor(table.lossHistory.defaultFactor, "lossHistory.defaultFactor"),
    }),
  );

  const fees: FeeLine[] = table.fees.map((fee) =>
    Object.freeze({
      step: 10 as const,
      code: fee.code,
      name: fee.name,
      source: `${ref} fees.${fee.code}`,
      taxable: fee.taxable,
      amount: fee.amount,
    }),
  );

  const neutral = (path: string): CompiledFactor =>
    Object.freeze({ value: DECIMAL_ONE, text: "1", source: `${ref} ${path} (no entry)` });

  return Object.freeze({
    id: table.id,
    version: table.version,
    program: table.program,
    lineOfBusiness: table.lineOfBusiness,
    effectiveDate: table.effectiveDate,
    expirationDate: table.expirationDate,
    surplusLines: table.surplusLines,
    exposure: Object.freeze({
      kind: table.exposureBasis.kind,
      perDollars: table.exposureBasis.perDollars,
      unitScale: 2 + Math.log10(table.exposureBasis.perDollars),
    }),
    baseRates: Object.freeze({
      byState: new Map(
        Object.entries(table.baseRates.byState).map(([state, row]) => [state, prefixTable(row, `baseRates.${state}`)]),
      ),
      fallback: prefixTable(table.baseRates.default, "baseRates.default"),
    }),
    increasedLimitFactors,
    deductibleFactors,
    stateModifiers: prefixTable(table.stateModifiers, "stateModifiers"),
    classModifiers: prefixTable(table.classModifiers, "classModifiers"),
    neutralStateModifier: neutral("stateModifiers"),
    neutralClassModifier: neutral("classModifiers"),
    exposureBands,
    lossHistoryRules,
    schedule: Object.freeze({
      min: parseDecimal(table.scheduleRating.minTotal),
      max: parseDecimal(table.scheduleRating.maxTotal),
      source: `${ref} scheduleRating`,
    }),
    minimumPremiums: Object.freeze({
      byState: new Map(
        Object.entries(table.minimumPremium.byState).map(([state, cents]) => [
          state,
          amount(cents, `minimumPremium.${state}`),
        ]),
      ),
      fallback: amount(table.minimumPremium.default, "minimumPremium.default"),
    }),
    fees,
    feesTotal: sumCents(fees.map((fee) => fee.amount)),
    taxableFeesTotal: fees.reduce((sum, fee) => (fee.taxable ? sum + BigInt(fee.amount) : sum), 0n),
  });
}

function buildTaxTable(table: SurplusLinesTaxTable): CompiledTaxTable {
  const byState = new Map<string, CompiledTaxRow[]>();
  for (const [state, rows] of Object.entries(table.states)) {
    const compiled = rows.map((row): CompiledTaxRow => {
      const source = `SL tax table ${table.version} ${state} from ${row.effectiveDate}`;
      const rate = (text: string, field: string): CompiledFactor =>
        Object.freeze({ value: parseDecimal(text), text, source: `${source} ${field}` });
      return Object.freeze({
        effectiveDate: row.effectiveDate,
        expirationDate: row.expirationDate,
        premiumTax: rate(row.premiumTaxRate, "premiumTaxRate"),
        stampingFee: rate(row.stampingFeeRate, "stampingFeeRate"),
      });
    });
    byState.set(state, compiled);
  }
  return Object.freeze({ version: table.version, byState });
}
