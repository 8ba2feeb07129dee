/**
 * Turning the candidates for one question into a value with a confidence, a reason it could not
 * be read, or nothing.
 */
import { isCents, type Cents } from "../../../utils/money.ts";
import { MATCH_CONFIDENCE, type Candidate } from "./match.ts";
import { joinNotes, QUALITY, type Parsed } from "./parse-values.ts";
import type { ExtractedField, MatchKind, OmittedField } from "./types.ts";

export type Outcome<T> =
  | { kind: "found"; field: ExtractedField<T> }
  | { kind: "omitted"; omission: Omit<OmittedField, "field"> }
  | { kind: "absent" };

export const ABSENT = { kind: "absent" } as const;

export function found<T>(value: T, match: MatchKind, quality: number, sources: string[], note?: string): Outcome<T> {
  // Two decimals: confidences are shown and compared with 0.85, and 0.8 * 0.9 must not print as 0.7200000000000001.
  const confidence = Math.round(MATCH_CONFIDENCE[match] * quality * 100) / 100;
  return { kind: "found", field: { value, confidence, match, sources, ...(note === undefined ? {} : { note }) } };
}

export function omitted(reason: string, candidate: Candidate): Outcome<never> {
  const rawValue = typeof candidate.value === "string" ? candidate.value.trim() : undefined;
  return {
    kind: "omitted",
    omission: { reason, sources: [candidate.source], ...(rawValue === undefined ? {} : { rawValue }) },
  };
}

/** Empty text and unticked check boxes say nothing. */
export function isBlank(value: string | boolean): boolean {
  return value === false || (typeof value === "string" && value.trim() === "");
}

function sameAnswer(a: string | boolean, b: string | boolean): boolean {
  const comparable = (value: string | boolean) =>
    typeof value === "string" ? value.trim().replace(/\s+/g, " ").toLowerCase() : value;
  return comparable(a) === comparable(b);
}

/**
 * The best-ranked candidate that parses. A worse-ranked one is used only when better ones are
 * unreadable, and says so. Two fields under the same name that disagree (ACORD repeats the
 * insured's name on every page) lower the confidence: we cannot tell which one is right.
 */
export function firstReadable<T>(candidates: readonly Candidate[], parse: (raw: string) => Parsed<T>): Outcome<T> {
  const filled = candidates.filter((candidate) => !isBlank(candidate.value));
  let unreadable: Outcome<never> | undefined;
  for (const candidate of filled) {
    if (typeof candidate.value === "boolean") {
      unreadable ??= omitted("a check box where text was expected", candidate);
      continue;
    }
    const parsed = parse(candidate.value);
    if (!parsed.ok) {
      unreadable ??= omitted(parsed.reason, candidate);
      continue;
    }
    const rival = filled.find(
      (other) =>
        other.match === candidate.match &&
        other.matchedName === candidate.matchedName &&
        !sameAnswer(other.value, candidate.value),
    );
    const quality = rival === undefined ? parsed.quality : Math.min(parsed.quality, QUALITY.guessed);
    const note = joinNotes(
      parsed.note,
      rival === undefined ? undefined : `${rival.source} says "${String(rival.value).trim()}"`,
      unreadable?.kind === "omitted"
        ? `${unreadable.omission.sources.join(", ")} unreadable: ${unreadable.omission.reason}`
        : undefined,
    );
    return found(parsed.value, candidate.match, quality, [candidate.source], note);
  }
  return unreadable ?? ABSENT;
}

/** The first candidate per row letter, for questions ACORD repeats per row. */
export function firstPerRow(candidates: readonly Candidate[]): Map<string, Candidate> {
  const rows = new Map<string, Candidate>();
  for (const candidate of candidates) {
    if (candidate.match === "standard" && !isBlank(candidate.value) && !rows.has(candidate.row)) {
      rows.set(candidate.row, candidate);
    }
  }
  return rows;
}

/**
 * Money answered per row (revenue per premises, payroll per rating class) is the sum of the rows.
 * One unreadable row sinks the total: a partial sum would understate the exposure.
 */
export function sumOfRows(
  candidates: readonly Candidate[],
  parse: (raw: string) => Parsed<Cents>,
  rowName: string,
): Outcome<Cents> {
  const rows = firstPerRow(candidates);
  if (rows.size === 0) {
    return firstReadable(
      candidates.filter((candidate) => candidate.match !== "standard"),
      parse,
    );
  }
  const amounts: Cents[] = [];
  let quality: number = QUALITY.clean;
  const notes: (string | undefined)[] = [];
  for (const [row, candidate] of rows) {
    const parsed =
      typeof candidate.value === "string"
        ? parse(candidate.value)
        : { ok: false as const, reason: "a check box where an amount was expected" };
    if (!parsed.ok) {
      return omitted(`${rowName} ${row}: ${parsed.reason}`, candidate);
    }
    amounts.push(parsed.value);
    quality = Math.min(quality, parsed.quality);
    notes.push(parsed.note);
  }
  if (rows.size > 1) {
    notes.push(`sum of ${rows.size} ${rowName} rows`);
  }
  const sources = [...rows.values()].map((candidate) => candidate.source);
  return totalOf(amounts, quality, sources, joinNotes(...notes));
}

/** A sum read from several boxes. Checked rather than thrown: only a broken or hostile form overflows. */
export function totalOf(
  amounts: readonly Cents[],
  quality: number,
  sources: string[],
  note: string | undefined,
): Outcome<Cents> {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (!isCents(total)) {
    return { kind: "omitted", omission: { reason: "the amounts add up to more than can be recorded", sources } };
  }
  return found(total, "standard", quality, sources, note);
}

/** Adds a note to a value (and caps its confidence), leaving other outcomes alone. */
export function annotate<T>(outcome: Outcome<T>, note: string, maxConfidence = 1): Outcome<T> {
  if (outcome.kind !== "found") {
    return outcome;
  }
  const { field } = outcome;
  const confidence = Math.min(field.confidence, maxConfidence);
  return {
    kind: "found",
    field: { ...field, confidence, note: field.note === undefined ? note : `${field.note}; ${note}` },
  };
}

/** The first outcome with a value; failing that the first unreadable one, so its reason is kept. */
export function firstFound<T>(...outcomes: Outcome<T>[]): Outcome<T> {
  return (
    outcomes.find((outcome) => outcome.kind === "found") ??
    outcomes.find((outcome) => outcome.kind === "omitted") ??
    ABSENT
  );
}
