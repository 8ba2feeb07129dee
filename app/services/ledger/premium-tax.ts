/**
 * Premium tax liability (surplus-lines premium tax and stamping fee) per state and period: what
 * finance remits from the tax payable and what the compliance filings report. One definition for
 * both: the taxes of the policy transactions booked in the period's months (`booked_on`, the same
 * period rule as the statements and the bordereaux), less what was remitted for those months.
 */

/** Premium and taxes booked in one state and month ("YYYY-MM"). */
export type MonthlyPremiumTax = { state: string; month: string; taxableCents: number; taxesCents: number };

/** A remittance to a state for one month. */
export type TaxRemittance = { state: string; period: string; amountCents: number };

/**
 * A span of whole months, "YYYY-MM" to "YYYY-MM" inclusive: one month for a remittance, a quarter
 * or a year for a filing. With a state, that state's figure (zero if nothing was booked); without,
 * every state with something booked or remitted in the span.
 */
export type TaxPeriod = { first: string; last: string; state?: string | undefined };

export type TaxLiability = {
  state: string;
  first: string;
  last: string;
  /** Premium the tax was charged on. */
  taxableCents: number;
  /** Tax and stamping fee written. */
  taxesCents: number;
  remittedCents: number;
  /** Written less remitted: what is still to be paid to the state for the span. */
  owedCents: number;
};

const inSpan = (month: string, p: TaxPeriod) => month >= p.first && month <= p.last;

export function premiumTaxOfPeriods(
  monthly: readonly MonthlyPremiumTax[],
  remittances: readonly TaxRemittance[],
  periods: readonly TaxPeriod[],
): TaxLiability[] {
  return periods.flatMap((p) => {
    const written = monthly.filter((m) => inSpan(m.month, p));
    const remitted = remittances.filter((r) => inSpan(r.period, p));
    const states = p.state
      ? [p.state]
      : [...new Set([...written.map((m) => m.state), ...remitted.map((r) => r.state)])].sort();
    return states.map((state) => {
      const ofState = written.filter((m) => m.state === state);
      const taxesCents = ofState.reduce((sum, m) => sum + m.taxesCents, 0);
      const remittedCents = remitted.filter((r) => r.state === state).reduce((sum, r) => sum + r.amountCents, 0);
      return {
        state,
        first: p.first,
        last: p.last,
        taxableCents: ofState.reduce((sum, m) => sum + m.taxableCents, 0),
        taxesCents,
        remittedCents,
        owedCents: taxesCents - remittedCents,
      };
    });
  });
}

/** The months a set of periods needs read: from the earliest first to the latest last. */
export function spanOfPeriods(periods: readonly TaxPeriod[]): { first: string; last: string } | null {
  if (periods.length === 0) return null;
  // "YYYY-MM" months order as text.
  return {
    first: periods.map((p) => p.first).sort()[0]!,
    last: periods
      .map((p) => p.last)
      .sort()
      .at(-1)!,
  };
}
