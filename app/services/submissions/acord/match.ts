/**
 * Finds the PDF fields that answer one question, by name. Names differ by vendor: ACORD's own
 * forms use names like `F[0].P1[0].NamedInsured_FullName_A[0]` (XFA path, instance indexes),
 * agency systems and home-made forms use "Applicant Name" or `insured_name`.
 */
import type { FormFieldValue } from "./read-pdf.ts";
import type { MatchKind } from "./types.ts";

export interface NameSpec {
  /** ACORD names, most preferred first. With `rows`, give row A; rows B, C... match too. */
  readonly standard?: readonly string[];
  readonly aliases?: readonly string[];
  /** The question repeats per row (premises, rating classes, losses): `_A`, `_B`, ... */
  readonly rows?: boolean;
}

export interface Candidate {
  readonly source: string;
  readonly value: string | boolean;
  readonly match: MatchKind;
  /** The known name it matched; two candidates on one name should agree. */
  readonly matchedName: string;
  /** Row letter for row-wise standard names, "A" otherwise. */
  readonly row: string;
}

export const MATCH_CONFIDENCE: Record<MatchKind, number> = { standard: 1, alias: 0.8, fuzzy: 0.65 };
const MATCH_ORDER: readonly MatchKind[] = ["standard", "alias", "fuzzy"];

// Words that vary between wordings of one label ("Name of Applicant" / "Applicant Name").
const FILLER_WORDS = new Set(["a", "an", "and", "the", "of", "for", "to", "in", "on", "per", "is"]);
const ROW_SUFFIX = /^(.*)_([A-Za-z])$/;

interface IndexedField {
  readonly field: FormFieldValue;
  readonly leaf: string;
  readonly leafKey: string;
  readonly pathKey: string;
  readonly words: string;
}

/** Lower case, letters and digits only: `NamedInsured_FullName_A` -> `namedinsuredfullnamea`. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The label's words, sorted, without filler: "Name of the Applicant" -> "applicant name". */
export function wordsKey(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "" && !FILLER_WORDS.has(word));
  return [...new Set(words)].sort().join(" ");
}

function withoutRow(name: string): string {
  return ROW_SUFFIX.exec(name)?.[1] ?? name;
}

export class FieldIndex {
  private readonly fields: readonly IndexedField[];

  constructor(fields: readonly FormFieldValue[]) {
    this.fields = fields.map((field) => {
      const path = field.name.replace(/\[\d+\]/g, "");
      const leaf = path.slice(path.lastIndexOf(".") + 1);
      return { field, leaf, leafKey: nameKey(leaf), pathKey: nameKey(path), words: wordsKey(leaf) };
    });
  }

  /** Every field matching `spec`, best first: standard before alias before fuzzy, then list order. */
  find(spec: NameSpec): Candidate[] {
    const ranked: { candidate: Candidate; order: [number, number, number] }[] = [];
    this.fields.forEach((indexed, position) => {
      const found = matchField(indexed, spec);
      if (found !== undefined) {
        const { match, matchedName, nameIndex, row } = found;
        const candidate = { source: indexed.field.name, value: indexed.field.value, match, matchedName, row };
        ranked.push({ candidate, order: [MATCH_ORDER.indexOf(match), nameIndex, position] });
      }
    });
    return ranked.sort((a, b) => compareOrder(a.order, b.order)).map(({ candidate }) => candidate);
  }
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (const [i, value] of a.entries()) {
    const difference = value - (b[i] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

function matchField(indexed: IndexedField, spec: NameSpec) {
  const standard = spec.standard ?? [];
  const aliases = spec.aliases ?? [];
  for (const [nameIndex, name] of standard.entries()) {
    if (!spec.rows && indexed.leafKey === nameKey(name)) {
      return { match: "standard" as const, matchedName: name, nameIndex, row: "A" };
    }
    const rowMatch = ROW_SUFFIX.exec(indexed.leaf);
    if (spec.rows && rowMatch !== null && nameKey(rowMatch[1] ?? "") === nameKey(withoutRow(name))) {
      return { match: "standard" as const, matchedName: name, nameIndex, row: (rowMatch[2] ?? "A").toUpperCase() };
    }
  }
  for (const [nameIndex, name] of aliases.entries()) {
    const key = nameKey(name);
    if (indexed.leafKey === key || indexed.pathKey === key) {
      return { match: "alias" as const, matchedName: name, nameIndex, row: "A" };
    }
  }
  for (const [nameIndex, name] of [...standard, ...aliases].entries()) {
    // The row letter stays in the words (only "a" is filler), so row B of a question ("the
    // second named insured") never passes for row A.
    if (indexed.words !== "" && indexed.words === wordsKey(name)) {
      return { match: "fuzzy" as const, matchedName: name, nameIndex, row: "A" };
    }
  }
  return undefined;
}
