/**
 * Rate impact: what the in-force book would cost on a draft rate table version. Each policy is
 * re-rated as a renewal on the draft (its own facts, the draft's effective date when that is
 * later than the policy's) and its new premium set against the premium it carries now. Pure and
 * streaming: chunks of policies are folded into one summary, so memory stays flat.
 */
import { rateQuote } from "../rating/engine.ts";
import type { CompiledRateTable, CompiledTaxTable, SubmissionFacts } from "../rating/types.ts";

/** Premium change buckets, in percent, lower bound inclusive; the chart's bars. */
export const IMPACT_BUCKETS = [
  { label: "−20% or more", from: Number.NEGATIVE_INFINITY, to: -20 },
  { label: "−20 to −10%", from: -20, to: -10 },
  { label: "−10 to −5%", from: -10, to: -5 },
  { label: "−5 to 0%", from: -5, to: 0 },
  { label: "no change", from: 0, to: 0 },
  { label: "0 to +5%", from: 0, to: 5 },
  { label: "+5 to +10%", from: 5, to: 10 },
  { label: "+10 to +20%", from: 10, to: 20 },
  { label: "+20% or more", from: 20, to: Number.POSITIVE_INFINITY },
] as const;

export type BookPolicy = { facts: SubmissionFacts; currentPremiumCents: number };

export type RateImpact = {
  policies: number;
  rerated: number;
  /** Policies the draft cannot rate (a limit it no longer offers, a class it dropped), by reason. */
  notRated: Record<string, number>;
  currentPremiumCents: number;
  newPremiumCents: number;
  buckets: number[];
  increases: number;
  decreases: number;
};

export function emptyImpact(): RateImpact {
  return {
    policies: 0,
    rerated: 0,
    notRated: {},
    currentPremiumCents: 0,
    newPremiumCents: 0,
    buckets: IMPACT_BUCKETS.map(() => 0),
    increases: 0,
    decreases: 0,
  };
}

export function bucketOf(currentCents: number, newCents: number): number {
  if (newCents === currentCents) return 4;
  const change = currentCents === 0 ? Number.POSITIVE_INFINITY : ((newCents - currentCents) / currentCents) * 100;
  if (change < 0) {
    if (change < -20) return 0;
    if (change < -10) return 1;
    if (change < -5) return 2;
    return 3;
  }
  if (change <= 5) return 5;
  if (change <= 10) return 6;
  if (change <= 20) return 7;
  return 8;
}

/** Folds a chunk of the book into the running summary (mutates and returns `into`). */
export function addToImpact(
  into: RateImpact,
  book: readonly BookPolicy[],
  tables: { rateTable: CompiledRateTable; taxTable: CompiledTaxTable; effectiveDate: string },
): RateImpact {
  for (const policy of book) {
    into.policies++;
    const facts =
      policy.facts.effectiveDate < tables.effectiveDate
        ? { ...policy.facts, effectiveDate: tables.effectiveDate }
        : policy.facts;
    const rated = rateQuote({
      submission: facts,
      schedule: [],
      rateTable: tables.rateTable,
      taxTable: tables.taxTable,
    });
    if (!rated.ok) {
      into.notRated[rated.error.code] = (into.notRated[rated.error.code] ?? 0) + 1;
      continue;
    }
    const next = rated.value.grossPremium as number;
    into.rerated++;
    into.currentPremiumCents += policy.currentPremiumCents;
    into.newPremiumCents += next;
    const bucket = bucketOf(policy.currentPremiumCents, next);
    into.buckets[bucket] = (into.buckets[bucket] ?? 0) + 1;
    if (next > policy.currentPremiumCents) into.increases++;
    else if (next < policy.currentPremiumCents) into.decreases++;
  }
  return into;
}
