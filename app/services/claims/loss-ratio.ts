/**
 * Loss ratio by program (DOMAIN.md): incurred (paid + case reserve) / earned premium, as an
 * exact decimal string to four places (null when nothing is earned yet). Aging buckets of open
 * claims by days since reported.
 */
import { earnedPremium } from "../policies/earned-premium.ts";
import { daysBetween } from "../../utils/calendar-date.ts";
import { toCents } from "../../utils/money.ts";

export type ProgramPolicy = {
  programId: string;
  grossPremiumCents: number;
  effectiveDate: string;
  expirationDate: string;
  status: string;
};

/**
 * Premium each program has earned by `asOf`. A cancelled policy's gross premium is what it kept
 * after its return premium (servicing/cancellation.server.ts), all of it earned by the
 * cancellation date, which has passed once the status says cancelled; spread over the full term
 * instead, it would stop short of what the policy earned.
 */
export function earnedByProgram(policies: readonly ProgramPolicy[], asOf: string): Map<string, number> {
  const earned = new Map<string, number>();
  for (const p of policies) {
    const cents =
      p.status === "cancelled" ? p.grossPremiumCents : earnedPremium(toCents(p.grossPremiumCents), p, asOf).earnedCents;
    earned.set(p.programId, (earned.get(p.programId) ?? 0) + cents);
  }
  return earned;
}

/** incurred / earned, rounded half-to-even to 4 decimal places, in integer arithmetic. */
export function lossRatio(incurredCents: number, earnedCents: number): string | null {
  if (earnedCents <= 0) return null;
  const scaled = BigInt(incurredCents) * 10_000n;
  const divisor = BigInt(earnedCents);
  let q = scaled / divisor;
  const r = scaled % divisor;
  if (r * 2n > divisor || (r * 2n === divisor && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(5, "0");
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}

export const AGING_BUCKETS = ["0-30 days", "31-90 days", "91-180 days", "over 180 days"] as const;

export function agingBucket(reportedOn: string, today: string): (typeof AGING_BUCKETS)[number] {
  const days = daysBetween(reportedOn, today);
  if (days <= 30) return AGING_BUCKETS[0];
  if (days <= 90) return AGING_BUCKETS[1];
  if (days <= 180) return AGING_BUCKETS[2];
  return AGING_BUCKETS[3];
}
