/**
 * Renewal rules (DOMAIN.md, Policy lifecycle; ADR 023): when an offer is due, how a renewal term
 * is numbered, what an offer may still become, and "why this price" against the expiring term.
 * No I/O.
 */
import type { RenewalComparison, RenewalComparisonLine, RenewalOfferStatus } from "../../../db/schema/renewals.ts";
import type { RatingStep } from "../rating/index.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { formatMoney, toCents } from "../../utils/money.ts";

/** DOMAIN.md: the offer is prepared 60 days before expiry. */
export const RENEWAL_LEAD_DAYS = 60;

/** The last expiration date whose renewal offer is due on `today`. */
export function renewalHorizon(today: string): string {
  return addDays(today, RENEWAL_LEAD_DAYS);
}

export class RenewalNumberError extends Error {
  override readonly name = "RenewalNumberError";
}

const TERM_SUFFIX = /^(.+)-(\d{2})$/;

/**
 * DOMAIN.md: a renewal term has its own number suffix, e.g. "-01". The first renewal of
 * "SRU-GL-2026-000123" is "SRU-GL-2026-000123-01", the next "-02": the base number stays, so
 * every term of a policy sorts together. A base number ends in a sequence of at least six
 * digits, so a two-digit last segment can only be a term suffix.
 */
export function renewalPolicyNumber(priorNumber: string): string {
  const suffixed = TERM_SUFFIX.exec(priorNumber);
  const base = suffixed ? suffixed[1]! : priorNumber;
  const term = suffixed ? Number(suffixed[2]) + 1 : 1;
  if (term > 99) throw new RenewalNumberError(`Policy ${base} has reached its 99th renewal term.`);
  return `${base}-${String(term).padStart(2, "0")}`;
}

export type RenewalDecision = "accept" | "decline";

/**
 * An offer is answered once, while it stands: up to and including the renewal date (the new term
 * may start the day it is accepted). Anything else is refused with a sentence.
 */
export function decideOffer(
  offer: { status: RenewalOfferStatus; renewalDate: string },
  decision: RenewalDecision,
  today: string,
): { ok: true } | { ok: false; message: string } {
  if (offer.status !== "offered") {
    const state =
      offer.status === "not_rated" || offer.status === "preparing" ? "has no price yet" : `is already ${offer.status}`;
    return {
      ok: false,
      message: `This renewal offer ${state}; it cannot be ${decision === "accept" ? "accepted" : "declined"}.`,
    };
  }
  if (today > offer.renewalDate)
    return { ok: false, message: `This renewal offer lapsed when the term ended on ${offer.renewalDate}.` };
  return { ok: true };
}

export type RatedTerm = {
  rateTableVersion: string | null;
  grossPremiumCents: number;
  steps: readonly Pick<RatingStep, "key" | "name" | "factor" | "premiumAfter">[];
};

/**
 * "Why this price": each rating step of the expiring term beside the renewal's, and the sentences
 * that name what moved: the rate table version, then every factor that changed, then the total.
 */
export function compareRenewal(
  expiring: RatedTerm,
  renewal: RatedTerm & { rateTableVersion: string },
): RenewalComparison {
  const keys = [...new Set([...expiring.steps.map((s) => s.key), ...renewal.steps.map((s) => s.key)])];
  const lines: RenewalComparisonLine[] = keys.map((key) => {
    const before = expiring.steps.find((s) => s.key === key);
    const after = renewal.steps.find((s) => s.key === key);
    return {
      key,
      name: (after ?? before)!.name,
      expiringFactor: before?.factor ?? null,
      renewalFactor: after?.factor ?? null,
      expiringPremiumAfterCents: before?.premiumAfter ?? null,
      renewalPremiumAfterCents: after?.premiumAfter ?? null,
      changed: !sameFactor(before?.factor, after?.factor) || (before === undefined) !== (after === undefined),
    };
  });
  const reasons: string[] = [];
  if (expiring.rateTableVersion !== renewal.rateTableVersion)
    reasons.push(
      `Rated on rate table version ${renewal.rateTableVersion}, in force at the renewal date (the expiring term used ${expiring.rateTableVersion ?? "no recorded version"}).`,
    );
  for (const line of lines) {
    if (!line.changed) continue;
    if (line.expiringFactor === null && line.renewalFactor !== null)
      reasons.push(`${line.name} now applies (factor ${line.renewalFactor}).`);
    else if (line.renewalFactor === null && line.expiringFactor !== null)
      reasons.push(`${line.name} no longer applies (was factor ${line.expiringFactor}).`);
    else if (line.expiringFactor !== null)
      reasons.push(`${line.name}: factor ${line.expiringFactor} becomes ${line.renewalFactor}.`);
    else reasons.push(`${line.name} changed.`);
  }
  const change = renewal.grossPremiumCents - expiring.grossPremiumCents;
  reasons.push(
    change === 0
      ? `The premium is unchanged at ${formatMoney(toCents(renewal.grossPremiumCents))}.`
      : `The premium ${change > 0 ? "rises" : "falls"} by ${formatMoney(toCents(Math.abs(change)))}${percentOf(change, expiring.grossPremiumCents)}, from ${formatMoney(toCents(expiring.grossPremiumCents))} to ${formatMoney(toCents(renewal.grossPremiumCents))}.`,
  );
  return {
    expiringRateTableVersion: expiring.rateTableVersion,
    renewalRateTableVersion: renewal.rateTableVersion,
    expiringPremiumCents: expiring.grossPremiumCents,
    renewalPremiumCents: renewal.grossPremiumCents,
    lines,
    reasons,
  };
}

/** Factors are exact decimals as text; "1.10" and "1.1" are the same factor. */
function sameFactor(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return normalize(a) === normalize(b);
}
function normalize(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** " (+4.2%)", to one decimal, for the sentence; nothing when there was no premium to compare. */
function percentOf(change: number, base: number): string {
  if (base <= 0) return "";
  const tenths = Math.round((Math.abs(change) * 1000) / base);
  return ` (${change > 0 ? "+" : "-"}${Math.floor(tenths / 10)}.${tenths % 10}%)`;
}
