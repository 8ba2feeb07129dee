/**
 * The life of a rate table version (DOMAIN.md, Rating): a draft is edited freely; activation
 * fixes it with an effective date and from then on it never changes (quotes pin it, and the same
 * input on the same version must always give the same premium); a change is a new draft. The
 * version in force on a date is the active one with the latest effective date on or before it.
 */
import { compileRateTable } from "../rating/compile.ts";
import type { RateTableJson } from "../rating/schema.ts";

export type RateTableStatus = "draft" | "active" | "retired";

export type VersionRow = { version: string; status: RateTableStatus; effectiveDate: string };

/** Why a version may not be changed, or null for a draft. */
export function editProblem(status: RateTableStatus): string | null {
  if (status === "draft") return null;
  return `Version is ${status}: an active version never changes. Start a new draft from it instead.`;
}

/**
 * The definition as stored for a version: its own name and effective date written into it, so
 * the steps of a quote name the version they read ("gl@2027.1 baseRates.TX.2382").
 */
export function stampVersion(definition: RateTableJson, version: string, effectiveDate: string): RateTableJson {
  return { ...definition, version, effectiveDate, expirationDate: null };
}

/**
 * Every reason a draft cannot be activated on `effectiveDate`. `today` is the organization's
 * business date: a version effective in the past would change what earlier quotes of backdated
 * risks would rate at, so activation is for today or later. Two active versions of a program on
 * one effective date would make the version in force ambiguous.
 */
export function activationProblems(
  draft: VersionRow & { definition: RateTableJson },
  others: readonly VersionRow[],
  today: string,
): string[] {
  const problems: string[] = [];
  if (draft.status !== "draft") problems.push(`Version ${draft.version} is ${draft.status}, not a draft.`);
  if (draft.effectiveDate < today)
    problems.push(`Effective date ${draft.effectiveDate} is before today (${today}); choose today or later.`);
  const clash = others.find(
    (o) => o.status === "active" && o.effectiveDate === draft.effectiveDate && o.version !== draft.version,
  );
  if (clash) problems.push(`Version ${clash.version} is already active from ${clash.effectiveDate}.`);
  const compiled = compileRateTable(stampVersion(draft.definition, draft.version, draft.effectiveDate));
  if (!compiled.ok) problems.push(compiled.error.message);
  return problems;
}

export type DefinitionChange = { path: string; from: string | null; to: string | null };

/**
 * What differs between two versions, entry by entry (`baseRates.byState.TX.2382: 3.35 -> 3.40`).
 * Arrays of tiers are keyed by their tier (limits, deductible, band start), not their position,
 * so inserting a tier shows as one addition rather than every later tier changing.
 */
export function diffDefinitions(from: RateTableJson, to: RateTableJson): DefinitionChange[] {
  const a = flatten(from);
  const b = flatten(to);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: DefinitionChange[] = [];
  for (const path of paths) {
    if (path === "version" || path === "effectiveDate" || path === "expirationDate" || path === "id") continue;
    const x = a.get(path) ?? null;
    const y = b.get(path) ?? null;
    if (x !== y) changes.push({ path, from: x, to: y });
  }
  return changes;
}

function tierKey(path: string, item: Record<string, unknown>, index: number): string {
  if (path === "increasedLimitFactors") return `${item.occurrenceLimit}/${item.aggregateLimit}`;
  if (path === "deductibleCredits") return String(item.deductible);
  if (path === "exposureBands") return String(item.from);
  if (path === "fees") return String(item.code);
  if (path === "lossHistory.rules") return String(item.label);
  return String(index);
}

function flatten(value: unknown, path = "", out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const key = item && typeof item === "object" ? tierKey(path, item as Record<string, unknown>, i) : String(i);
      flatten(item, `${path}[${key}]`, out);
    });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, String(value));
  }
  return out;
}
