import type { Database } from "../../../db/client.ts";
import { provisionBook } from "./book.server.ts";
import { ACCOUNT_TYPES, type AccountCode } from "./chart.ts";
import type { LedgerClient } from "./client.server.ts";

export type AccountBalance = {
  code: AccountCode;
  name: string;
  label: string;
  debitsPostedCents: number;
  creditsPostedCents: number;
  debitsPendingCents: number;
  creditsPendingCents: number;
  /** Credits minus debits posted: what a payable or revenue account holds (negative for debit-side accounts). */
  balanceCents: number;
};

export async function getAccountBalances(db: Database, ledger: LedgerClient, orgId: string): Promise<AccountBalance[]> {
  const book = await provisionBook(db, ledger, orgId);
  const accounts = await ledger.lookupAccounts(ACCOUNT_TYPES.map((t) => book.accountId(t.code)));
  const byCode = new Map(accounts.map((a) => [book.codeOf(a.id), a]));
  return ACCOUNT_TYPES.map((type) => {
    const account = byCode.get(type.code);
    const debits = Number(account?.debitsPosted ?? 0n);
    const credits = Number(account?.creditsPosted ?? 0n);
    return {
      code: type.code,
      name: type.name,
      label: type.label,
      debitsPostedCents: debits,
      creditsPostedCents: credits,
      debitsPendingCents: Number(account?.debitsPending ?? 0n),
      creditsPendingCents: Number(account?.creditsPending ?? 0n),
      balanceCents: credits - debits,
    };
  });
}

export type TrialBalance = {
  rows: { code: AccountCode; name: string; label: string; debitCents: number; creditCents: number }[];
  totalDebitCents: number;
  totalCreditCents: number;
  balanced: boolean;
};

/** Each account's net posted balance on its debit or credit side; the two columns must agree. */
export async function getTrialBalance(db: Database, ledger: LedgerClient, orgId: string): Promise<TrialBalance> {
  const rows = (await getAccountBalances(db, ledger, orgId)).map((b) => ({
    code: b.code,
    name: b.name,
    label: b.label,
    debitCents: b.balanceCents < 0 ? -b.balanceCents : 0,
    creditCents: Math.max(b.balanceCents, 0),
  }));
  const totalDebitCents = rows.reduce((sum, r) => sum + r.debitCents, 0);
  const totalCreditCents = rows.reduce((sum, r) => sum + r.creditCents, 0);
  return { rows, totalDebitCents, totalCreditCents, balanced: totalDebitCents === totalCreditCents };
}
