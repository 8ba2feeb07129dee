import type {
  CompiledBand,
  CompiledFactor,
  CompiledLossRule,
  CompiledRateTable,
  CompiledTaxRow,
  CompiledTaxTable,
  NaicsPrefixTable,
  SubmissionFacts,
} from "./types.ts";

/**
 * Longest matching NAICS prefix, so a table can price a whole subsector ("2382") and still
 * single out one industry ("238160") without listing every code.
 */
export function lookupNaics(table: NaicsPrefixTable, naicsCode: string): CompiledFactor | undefined {
  for (let length = naicsCode.length; length >= 2; length -= 1) {
    const entry = table.get(naicsCode.slice(0, length));
    if (entry !== undefined) {
      return entry;
    }
  }
  return undefined;
}

/** The home state's row wins when it prices the class at all; otherwise the default row. */
export function lookupBaseRate(table: CompiledRateTable, state: string, naicsCode: string): CompiledFactor | undefined {
  const stateRow = table.baseRates.byState.get(state);
  return (
    (stateRow === undefined ? undefined : lookupNaics(stateRow, naicsCode)) ??
    lookupNaics(table.baseRates.fallback, naicsCode)
  );
}

/** Bands start at 0 and are contiguous (schema rule), so every non-negative amount has one. */
export function findBand(bands: readonly CompiledBand[], amount: number): CompiledBand {
  for (let i = bands.length - 1; i > 0; i -= 1) {
    const band = bands[i];
    if (band !== undefined && amount >= band.from) {
      return band;
    }
  }
  return bands[0] as CompiledBand;
}

/** First matching rule; the compiled list ends with the table's catch-all default. */
export function findLossRule(rules: readonly CompiledLossRule[], facts: SubmissionFacts): CompiledLossRule {
  const claims = facts.priorLosses.count;
  const incurred = facts.priorLosses.incurred;
  const years = facts.yearsInBusiness;
  for (const rule of rules) {
    if (
      claims >= rule.minClaims &&
      claims <= rule.maxClaims &&
      incurred >= rule.minIncurred &&
      incurred <= rule.maxIncurred &&
      years >= rule.minYearsInBusiness &&
      years <= rule.maxYearsInBusiness
    ) {
      return rule;
    }
  }
  return rules[rules.length - 1] as CompiledLossRule;
}

/** The state's tax row in force on the policy effective date (ISO dates compare as strings). */
export function findTaxRow(
  taxTable: CompiledTaxTable,
  state: string,
  effectiveDate: string,
): CompiledTaxRow | undefined {
  return taxTable.byState
    .get(state)
    ?.find(
      (row) =>
        row.effectiveDate <= effectiveDate && (row.expirationDate === null || effectiveDate < row.expirationDate),
    );
}
