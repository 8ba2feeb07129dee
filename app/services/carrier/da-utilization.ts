/**
 * Delegated-authority utilization: how much of an agreement's premium limit is used, and which
 * alert thresholds a bind carried it across. An alert is raised once per threshold and limit
 * period (the annual limit, each agreement quarter), whatever the number of binds that cross it.
 */
import { divideRoundHalfEven } from "../../utils/decimal.ts";

export const UTILIZATION_THRESHOLDS = [75, 90, 100] as const;
export type UtilizationThreshold = (typeof UTILIZATION_THRESHOLDS)[number];

/** Whole-percent thresholds reached by `after` and not yet by `before`, lowest first. */
export function thresholdsCrossed(beforeCents: number, afterCents: number, limitCents: number): UtilizationThreshold[] {
  if (limitCents <= 0) return [];
  // before * 100 < t * limit <= after * 100, in integers: no float rounding at the boundary.
  const reached = (cents: number, t: number) => BigInt(cents) * 100n >= BigInt(t) * BigInt(limitCents);
  return UTILIZATION_THRESHOLDS.filter((t) => !reached(beforeCents, t) && reached(afterCents, t));
}

/** Utilization in basis points (10000 = 100%), rounded half-to-even, for display and charts. */
export function utilizationBasisPoints(usedCents: number, limitCents: number): number {
  if (limitCents <= 0) return 0;
  return Number(divideRoundHalfEven(BigInt(usedCents) * 10_000n, BigInt(limitCents)));
}

/** The key that makes one alert per agreement, limit period and threshold. */
export function utilizationAlertKey(agreementId: string, period: string, threshold: UtilizationThreshold): string {
  return `da-utilization:${agreementId}:${period}:${threshold}`;
}

export type AgreementMonths = {
  effectiveDate: string;
  expirationDate: string;
  annualGwpLimitCents: number;
  quarterlyGwpLimitCents: number | null;
  boundGwpCents: number;
  months: readonly { month: string; premiumCents: number }[];
};

/**
 * An agreement's use as a carrier reads it: the annual limit against premium bound under it, the
 * quarter containing `today` against its quarterly limit (premium booked in the quarter's months),
 * and the cumulative trend by month.
 */
export function agreementUtilization(a: AgreementMonths, quarter: { start: string; end: string }) {
  const fromMonth = quarter.start.slice(0, 7);
  const toMonth = quarter.end.slice(0, 7);
  const quarterCents = a.months
    .filter((m) => m.month >= fromMonth && m.month < toMonth)
    .reduce((sum, m) => sum + m.premiumCents, 0);
  let running = 0;
  const trend = a.months.map((m) => {
    running += m.premiumCents;
    return { month: m.month, cumulativeCents: running };
  });
  return {
    annualBasisPoints: utilizationBasisPoints(a.boundGwpCents, a.annualGwpLimitCents),
    quarterCents,
    quarterBasisPoints:
      a.quarterlyGwpLimitCents === null ? null : utilizationBasisPoints(quarterCents, a.quarterlyGwpLimitCents),
    trend,
  };
}
