/**
 * The policy as of any date (issue 12: policies are versioned by effective date): its coverage
 * with every endorsement effective after the date rolled back, and its premium written, earned
 * and unearned counting only the transactions in force by then. No I/O.
 */
import type { PolicyTerm } from "../policies/earned-premium.ts";
import { policyAsOf, type DatedChange, type PolicyNow } from "./certificate.ts";
import { earnedToDate } from "./endorsement.ts";

export type PolicyOnDate = PolicyNow & {
  date: string;
  writtenCents: number;
  earnedCents: number;
  unearnedCents: number;
};

export function policyOnDate(
  now: PolicyNow,
  transactions: readonly (DatedChange & { premiumCents: number })[],
  term: PolicyTerm,
  date: string,
): PolicyOnDate {
  const inForce = transactions.filter((t) => t.effectiveDate <= date);
  const premium = earnedToDate(inForce, term, date);
  return {
    ...policyAsOf(now, transactions, date),
    date,
    writtenCents: premium.writtenCents,
    earnedCents: premium.earnedCents,
    unearnedCents: premium.unearnedCents,
  };
}
