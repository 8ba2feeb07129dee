/**
 * The org's books month by month (ADR 024): each account's balance at the end of every month
 * from the posted movements, the trial balance those balances make, and the cash position: what
 * the premium trust holds against what it owes out of it (carrier, producers, tax authorities).
 */
import { ACCOUNT_TYPES, type AccountName } from "./chart.ts";

/** Posted cents moved from one account type to another in one month ("YYYY-MM"). */
export type MonthlyMovement = { month: string; debitAccount: number; creditAccount: number; amountCents: number };

export type MonthBalances = { month: string; balances: Record<AccountName, number> };

function zero(): Record<AccountName, number> {
  return Object.fromEntries(ACCOUNT_TYPES.map((t) => [t.name, 0])) as Record<AccountName, number>;
}

/** Every account's balance (credits minus debits) at the end of each month that saw a movement. */
export function balancesByMonth(movements: readonly MonthlyMovement[]): MonthBalances[] {
  const months = [...new Set(movements.map((m) => m.month))].sort();
  const running = zero();
  return months.map((month) => {
    for (const m of movements) {
      if (m.month !== month) continue;
      const debit = ACCOUNT_TYPES.find((t) => t.code === m.debitAccount);
      const credit = ACCOUNT_TYPES.find((t) => t.code === m.creditAccount);
      if (!debit || !credit) throw new RangeError(`unknown account type in ${m.debitAccount} -> ${m.creditAccount}`);
      running[debit.name] -= m.amountCents;
      running[credit.name] += m.amountCents;
    }
    return { month, balances: { ...running } };
  });
}

/** A month's trial balance: debit-side accounts in the debit column, the rest in credits. */
export function trialBalanceOf(balances: Record<AccountName, number>) {
  const rows = ACCOUNT_TYPES.map((t) => ({
    name: t.name,
    label: t.label,
    debitCents: balances[t.name] < 0 ? -balances[t.name] : 0,
    creditCents: Math.max(balances[t.name], 0),
  }));
  const totalDebitCents = rows.reduce((s, r) => s + r.debitCents, 0);
  const totalCreditCents = rows.reduce((s, r) => s + r.creditCents, 0);
  return { rows, totalDebitCents, totalCreditCents, balanced: totalDebitCents === totalCreditCents };
}

/**
 * The trust's cash against its payables: the fiduciary account's debit balance is the premium
 * received and not yet paid out; the payables are what of it belongs to the carrier, producers
 * and tax authorities; the rest is the MGA's own revenue still in the trust.
 */
export function cashPosition(balances: Record<AccountName, number>) {
  const trustCashCents = -balances.MGA_FIDUCIARY;
  const payablesCents = balances.CARRIER_PAYABLE + balances.PRODUCER_PAYABLE + balances.TAX_AUTHORITY_PAYABLE;
  return { trustCashCents, payablesCents, mgaShareCents: trustCashCents - payablesCents };
}
