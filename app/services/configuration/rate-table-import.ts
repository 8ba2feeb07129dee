/**
 * Imports a draft rate table version's factor tables from a sheet (CSV or the first worksheet of
 * an XLSX) in one long layout, `table,key,value`, one factor per row:
 *
 *   base_rate          default:238210 or TX:2382   rate per exposure unit ("3.85")
 *   increased_limit    1000000/2000000 (dollars)   factor
 *   deductible_credit  2500 (dollars)              credit as a fraction ("0.05")
 *   state_modifier     TX                          factor
 *   class_modifier     238160 (NAICS or prefix)    factor
 *   exposure_band      500000 (dollars, band start) factor
 *   minimum_premium    default or TX               dollars
 *
 * Every table present in the file replaces that table of the draft; tables absent are kept.
 * The result is the whole rate table checked by the engine's own schema: any error (a row, or a
 * rule of the table such as "factor must not decrease as limits increase") refuses the whole
 * file, with the row numbers (the header is row 1) that caused it, so nothing is half-imported.
 */
import { isDecimalString } from "../../utils/decimal.ts";
import { MoneyError, parseMoney } from "../../utils/money.ts";
import { rateTableSchema, type RateTableJson } from "../rating/schema.ts";

export const FACTOR_TABLES = [
  "base_rate",
  "increased_limit",
  "deductible_credit",
  "state_modifier",
  "class_modifier",
  "exposure_band",
  "minimum_premium",
] as const;
export type FactorTable = (typeof FACTOR_TABLES)[number];

export type ImportRowError = { row: number | null; message: string };
export type FactorImport =
  | { ok: true; definition: RateTableJson; tables: Partial<Record<FactorTable, number>> }
  | { ok: false; errors: ImportRowError[] };

const HEADER = ["table", "key", "value"] as const;
const STATE = /^[A-Z]{2}$/;
const NAICS = /^\d{2,6}$/;
const MAX_ROWS = 5_000;

type Parsed = { row: number; table: FactorTable; key: string; value: string };

/** Where each part of the merged definition came from, so schema issues name their rows. */
type Origins = Map<string, number>;

export function importFactorTables(draft: RateTableJson, sheet: readonly (readonly string[])[]): FactorImport {
  const errors: ImportRowError[] = [];
  const [header, ...body] = sheet;
  const names = (header ?? []).map((cell) => cell.trim().toLowerCase());
  if (HEADER.some((name, i) => names[i] !== name)) {
    return { ok: false, errors: [{ row: 1, message: `the first row must be the header "${HEADER.join(",")}"` }] };
  }
  if (body.length > MAX_ROWS) {
    return { ok: false, errors: [{ row: null, message: `at most ${MAX_ROWS} rows; this file has ${body.length}` }] };
  }
  const rows: Parsed[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    const [table = "", key = "", value = ""] = cells.map((c) => c.trim());
    if (!table && !key && !value) return;
    if (!(FACTOR_TABLES as readonly string[]).includes(table)) {
      errors.push({ row, message: `table "${table}" is not one of ${FACTOR_TABLES.join(", ")}` });
      return;
    }
    if (!key) errors.push({ row, message: "key is empty" });
    if (!value) errors.push({ row, message: "value is empty" });
    if (key && value) rows.push({ row, table: table as FactorTable, key, value });
  });

  const next: RateTableJson = structuredClone(draft);
  const origins: Origins = new Map();
  const seen = new Map<string, number>();
  const present = new Set(rows.map((r) => r.table));
  const counts: Partial<Record<FactorTable, number>> = {};
  if (present.has("base_rate")) next.baseRates = { default: {}, byState: {} };
  if (present.has("increased_limit")) next.increasedLimitFactors = [];
  if (present.has("deductible_credit")) next.deductibleCredits = [];
  if (present.has("state_modifier")) next.stateModifiers = {};
  if (present.has("class_modifier")) next.classModifiers = {};
  if (present.has("exposure_band")) next.exposureBands = [];
  if (present.has("minimum_premium")) next.minimumPremium = { default: 0, byState: {} };
  let minimumDefaultRow: number | null = null;

  for (const r of rows) {
    const fail = (message: string) => errors.push({ row: r.row, message });
    const duplicateOf = seen.get(`${r.table}|${r.key}`);
    if (duplicateOf !== undefined) {
      fail(`${r.table} ${r.key} is already given on row ${duplicateOf}`);
      continue;
    }
    seen.set(`${r.table}|${r.key}`, r.row);
    counts[r.table] = (counts[r.table] ?? 0) + 1;
    const decimal = () => {
      if (isDecimalString(r.value)) return r.value;
      fail(`value "${r.value}" is not a decimal number such as 1.125`);
      return null;
    };
    const dollars = (text: string, what: string) => {
      try {
        const amount = parseMoney(text);
        if (amount < 0) throw new MoneyError("negative");
        return amount as number;
      } catch {
        fail(`${what} "${text}" is not an amount in dollars such as 2500 or 2500.00`);
        return null;
      }
    };
    switch (r.table) {
      case "base_rate": {
        const [scope = "", naics = ""] = r.key.split(":");
        if (!(scope === "default" || STATE.test(scope)) || !NAICS.test(naics)) {
          fail(`key "${r.key}" must be default:<NAICS> or <state>:<NAICS>, e.g. TX:2382`);
          break;
        }
        const rate = decimal();
        if (rate === null) break;
        if (scope === "default") {
          next.baseRates.default[naics] = rate;
          origins.set(`baseRates.default.${naics}`, r.row);
        } else {
          next.baseRates.byState[scope] = { ...next.baseRates.byState[scope], [naics]: rate };
          origins.set(`baseRates.byState.${scope}.${naics}`, r.row);
        }
        break;
      }
      case "increased_limit": {
        const [occurrence, aggregate, extra] = r.key.split("/");
        if (occurrence === undefined || aggregate === undefined || extra !== undefined) {
          fail(`key "${r.key}" must be <occurrence>/<aggregate> in dollars, e.g. 1000000/2000000`);
          break;
        }
        const occurrenceLimit = dollars(occurrence, "occurrence limit");
        const aggregateLimit = dollars(aggregate, "aggregate limit");
        const factor = decimal();
        if (occurrenceLimit === null || aggregateLimit === null || factor === null) break;
        origins.set(`increasedLimitFactors.${next.increasedLimitFactors.length}`, r.row);
        next.increasedLimitFactors.push({ occurrenceLimit, aggregateLimit, factor } as never);
        break;
      }
      case "deductible_credit": {
        const deductible = dollars(r.key, "deductible");
        const credit = decimal();
        if (deductible === null || credit === null) break;
        origins.set(`deductibleCredits.${next.deductibleCredits.length}`, r.row);
        next.deductibleCredits.push({ deductible, credit } as never);
        break;
      }
      case "state_modifier": {
        if (!STATE.test(r.key)) {
          fail(`key "${r.key}" must be a two-letter state code`);
          break;
        }
        const factor = decimal();
        if (factor === null) break;
        next.stateModifiers[r.key] = factor;
        origins.set(`stateModifiers.${r.key}`, r.row);
        break;
      }
      case "class_modifier": {
        if (!NAICS.test(r.key)) {
          fail(`key "${r.key}" must be a NAICS code or prefix (2 to 6 digits)`);
          break;
        }
        const factor = decimal();
        if (factor === null) break;
        next.classModifiers[r.key] = factor;
        origins.set(`classModifiers.${r.key}`, r.row);
        break;
      }
      case "exposure_band": {
        const from = dollars(r.key, "band start");
        const factor = decimal();
        if (from === null || factor === null) break;
        origins.set(`exposureBands.${next.exposureBands.length}`, r.row);
        next.exposureBands.push({ from, factor } as never);
        break;
      }
      case "minimum_premium": {
        if (!(r.key === "default" || STATE.test(r.key))) {
          fail(`key "${r.key}" must be default or a two-letter state code`);
          break;
        }
        const amount = dollars(r.value, "value");
        if (amount === null) break;
        if (r.key === "default") {
          next.minimumPremium.default = amount as never;
          minimumDefaultRow = r.row;
          origins.set("minimumPremium.default", r.row);
        } else {
          next.minimumPremium.byState[r.key] = amount as never;
          origins.set(`minimumPremium.byState.${r.key}`, r.row);
        }
        break;
      }
    }
  }
  if (present.has("minimum_premium") && minimumDefaultRow === null) {
    errors.push({ row: null, message: "minimum_premium needs a default row when the file gives that table" });
  }
  if (errors.length) return { ok: false, errors: sortErrors(errors) };

  const checked = rateTableSchema.safeParse(next);
  if (!checked.success) {
    return {
      ok: false,
      errors: sortErrors(
        checked.error.issues.map((issue) => ({
          row: rowOf(origins, issue.path),
          message: `${issue.path.join(".") || "table"}: ${issue.message}`,
        })),
      ),
    };
  }
  return { ok: true, definition: next, tables: counts };
}

/** The deepest part of an issue's path that a row of the file wrote. */
function rowOf(origins: Origins, path: readonly PropertyKey[]): number | null {
  for (let length = path.length; length > 0; length--) {
    const row = origins.get(path.slice(0, length).map(String).join("."));
    if (row !== undefined) return row;
  }
  return null;
}

function sortErrors(errors: ImportRowError[]): ImportRowError[] {
  return errors.sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));
}

/** The factor tables of a definition in the import layout: an export that imports back unchanged. */
export function factorTableRows(definition: RateTableJson): string[][] {
  const dollars = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));
  const rows: string[][] = [[...HEADER]];
  for (const [naics, rate] of Object.entries(definition.baseRates.default))
    rows.push(["base_rate", `default:${naics}`, rate]);
  for (const [state, rates] of Object.entries(definition.baseRates.byState))
    for (const [naics, rate] of Object.entries(rates)) rows.push(["base_rate", `${state}:${naics}`, rate]);
  for (const f of definition.increasedLimitFactors)
    rows.push(["increased_limit", `${dollars(f.occurrenceLimit)}/${dollars(f.aggregateLimit)}`, f.factor]);
  for (const d of definition.deductibleCredits) rows.push(["deductible_credit", dollars(d.deductible), d.credit]);
  for (const [state, factor] of Object.entries(definition.stateModifiers)) rows.push(["state_modifier", state, factor]);
  for (const [naics, factor] of Object.entries(definition.classModifiers)) rows.push(["class_modifier", naics, factor]);
  for (const b of definition.exposureBands) rows.push(["exposure_band", dollars(b.from), b.factor]);
  rows.push(["minimum_premium", "default", dollars(definition.minimumPremium.default)]);
  for (const [state, amount] of Object.entries(definition.minimumPremium.byState))
    rows.push(["minimum_premium", state, dollars(amount)]);
  return rows;
}
