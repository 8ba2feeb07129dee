/** What the finance area reads from the ledger: balances, trial balance, journal, lookups. */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { invoices, ledgerEntries, ledgerPostings, policies } from "../../../db/schema/index.ts";
import { provisionBook, type Book } from "./book.server.ts";
import { ACCOUNT_TYPES, accountType, transferCodeName, type AccountCode } from "./chart.ts";
import type { LedgerClient, LedgerTransfer } from "./client.server.ts";

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
    creditCents: b.balanceCents > 0 ? b.balanceCents : 0,
  }));
  const totalDebitCents = rows.reduce((sum, r) => sum + r.debitCents, 0);
  const totalCreditCents = rows.reduce((sum, r) => sum + r.creditCents, 0);
  return { rows, totalDebitCents, totalCreditCents, balanced: totalDebitCents === totalCreditCents };
}

export type JournalFilter = {
  account?: AccountCode;
  /** Calendar dates (UTC), inclusive. */
  from?: string;
  to?: string;
  policyId?: string;
  invoiceId?: string;
  limit?: number;
};

export type JournalEntry = {
  transferId: string;
  postedAt: string;
  debitAccount: string;
  creditAccount: string;
  amountCents: number;
  code: number;
  codeName: string;
  leg: string | null;
  description: string | null;
  policyId: string | null;
  policyNumber: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
};

const NANOS_PER_MS = 1_000_000n;

function dayStart(date: string): bigint {
  return BigInt(Date.parse(`${date}T00:00:00Z`)) * NANOS_PER_MS;
}

/** Transfers of the org's accounts as read from the ledger, restricted to the org's own ids. */
function ownTransfers(book: Book, transfers: LedgerTransfer[]): LedgerTransfer[] {
  return transfers.filter((t) => book.codeOf(t.debitAccountId) !== undefined && book.codeOf(t.creditAccountId) !== undefined);
}

/** Looks transfers up by id; ids of other orgs' transfers are not answered. */
export async function lookupTransfers(db: Database, ledger: LedgerClient, orgId: string, ids: bigint[]): Promise<LedgerTransfer[]> {
  const book = await provisionBook(db, ledger, orgId);
  return ownTransfers(book, await ledger.lookupTransfers(ids));
}

/** One account's transfers, newest first. */
export async function getAccountTransfers(
  db: Database,
  ledger: LedgerClient,
  orgId: string,
  code: AccountCode,
  range: { timestampMin?: bigint; timestampMax?: bigint; limit?: number } = {},
): Promise<LedgerTransfer[]> {
  const book = await provisionBook(db, ledger, orgId);
  return ledger.getAccountTransfers(book.accountId(code), { ...range, newestFirst: true });
}

/**
 * The journal: transfers as the ledger holds them, newest first, each with what the database
 * knows of it (leg, policy, invoice) for drill-down. A policy or invoice filter starts from the
 * database's postings; otherwise the ledger's account transfers are read.
 */
export async function getJournalEntries(db: Database, ledger: LedgerClient, orgId: string, filter: JournalFilter = {}): Promise<JournalEntry[]> {
  const book = await provisionBook(db, ledger, orgId);
  const limit = Math.min(filter.limit ?? 200, 1_000);
  const timestampMin = filter.from ? dayStart(filter.from) : 0n;
  const timestampMax = filter.to ? dayStart(filter.to) + 86_400_000n * NANOS_PER_MS - 1n : 0n;

  let transfers: LedgerTransfer[];
  if (filter.policyId || filter.invoiceId) {
    const conditions = [eq(ledgerEntries.orgId, orgId), eq(ledgerPostings.status, "posted")];
    if (filter.policyId) conditions.push(eq(ledgerPostings.policyId, filter.policyId));
    if (filter.invoiceId) conditions.push(eq(ledgerPostings.invoiceId, filter.invoiceId));
    const ids = await db
      .select({ transferId: ledgerEntries.transferId })
      .from(ledgerEntries)
      .innerJoin(ledgerPostings, and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)))
      .where(and(...conditions));
    transfers = await ledger.lookupTransfers(ids.map((r) => BigInt(r.transferId)));
    transfers = transfers.filter(
      (t) =>
        (timestampMin === 0n || t.timestamp >= timestampMin) &&
        (timestampMax === 0n || t.timestamp <= timestampMax) &&
        (filter.account === undefined || book.codeOf(t.debitAccountId) === filter.account || book.codeOf(t.creditAccountId) === filter.account),
    );
  } else {
    const codes = filter.account ? [filter.account] : ACCOUNT_TYPES.map((t) => t.code);
    const lists = await Promise.all(codes.map((code) => ledger.getAccountTransfers(book.accountId(code), { timestampMin, timestampMax, limit, newestFirst: true })));
    transfers = [...new Map(lists.flat().map((t) => [t.id, t])).values()];
  }
  transfers = ownTransfers(book, transfers)
    .sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0))
    .slice(0, limit);

  const known = transfers.length
    ? await db
        .select({
          transferId: ledgerEntries.transferId,
          leg: ledgerEntries.leg,
          description: ledgerPostings.description,
          policyId: ledgerPostings.policyId,
          policyNumber: policies.policyNumber,
          invoiceId: ledgerPostings.invoiceId,
          invoiceNumber: invoices.invoiceNumber,
        })
        .from(ledgerEntries)
        .innerJoin(ledgerPostings, and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)))
        .leftJoin(policies, and(eq(policies.orgId, ledgerPostings.orgId), eq(policies.id, ledgerPostings.policyId)))
        .leftJoin(invoices, and(eq(invoices.orgId, ledgerPostings.orgId), eq(invoices.id, ledgerPostings.invoiceId)))
        .where(and(eq(ledgerEntries.orgId, orgId), inArray(ledgerEntries.transferId, transfers.map((t) => t.id.toString()))))
    : [];
  const byId = new Map(known.map((k) => [k.transferId, k]));
  const accountName = (id: bigint) => accountType(book.codeOf(id) ?? 0)?.name ?? id.toString();
  return transfers.map((t) => {
    const info = byId.get(t.id.toString());
    return {
      transferId: t.id.toString(),
      postedAt: new Date(Number(t.timestamp / NANOS_PER_MS)).toISOString(),
      debitAccount: accountName(t.debitAccountId),
      creditAccount: accountName(t.creditAccountId),
      amountCents: Number(t.amount),
      code: t.code,
      codeName: transferCodeName(t.code) ?? String(t.code),
      leg: info?.leg ?? null,
      description: info?.description ?? null,
      policyId: info?.policyId ?? null,
      policyNumber: info?.policyNumber ?? null,
      invoiceId: info?.invoiceId ?? null,
      invoiceNumber: info?.invoiceNumber ?? null,
    };
  });
}
