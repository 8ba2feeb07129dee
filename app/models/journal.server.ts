import { and, between, count, eq, gte, lte, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { invoices, ledgerEntries, ledgerPostings, policies } from "../../db/schema/index.ts";
import { pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { JournalSort, JournalTableState } from "./table-specs.ts";

// The journal: every transfer of the org's postings the ledger has acknowledged, one row per
// ledger entry, with what it belongs to (leg, policy, invoice) for drill-down. Filtered, sorted
// and paged in the database.

export type JournalFilter = {
  /** An account type code (1-9): the transfer debits or credits it. */
  account?: number;
  /** Calendar dates (UTC), inclusive, of the posting's acknowledgement by the ledger. */
  from?: string;
  to?: string;
  /** The policy's number as people see it, or its id. */
  policy?: string;
  /** The invoice's number, or its id. */
  invoice?: string;
};

const columns = {
  transferId: ledgerEntries.transferId,
  postedAt: ledgerPostings.postedAt,
  debitAccount: ledgerEntries.debitAccount,
  creditAccount: ledgerEntries.creditAccount,
  amountCents: ledgerEntries.amountCents,
  code: ledgerEntries.transferCode,
  leg: ledgerEntries.leg,
  description: ledgerPostings.description,
  policyId: ledgerPostings.policyId,
  policyNumber: policies.policyNumber,
  invoiceId: ledgerPostings.invoiceId,
  invoiceNumber: invoices.invoiceNumber,
};

const SORT_COLUMNS = { posted: ledgerPostings.postedAt, amount: ledgerEntries.amountCents } satisfies Record<
  JournalSort,
  unknown
>;

function where(orgId: string, filter: JournalFilter): SQL | undefined {
  const from = filter.from ? new Date(`${filter.from}T00:00:00.000Z`) : undefined;
  const to = filter.to ? new Date(`${filter.to}T23:59:59.999Z`) : undefined;
  return and(
    eq(ledgerEntries.orgId, orgId),
    eq(ledgerPostings.status, "posted"),
    filter.account !== undefined
      ? or(eq(ledgerEntries.debitAccount, filter.account), eq(ledgerEntries.creditAccount, filter.account))
      : undefined,
    from && to
      ? between(ledgerPostings.postedAt, from, to)
      : from
        ? gte(ledgerPostings.postedAt, from)
        : to
          ? lte(ledgerPostings.postedAt, to)
          : undefined,
    filter.policy
      ? or(eq(policies.policyNumber, filter.policy), eq(ledgerPostings.policyId, filter.policy))
      : undefined,
    filter.invoice
      ? or(eq(invoices.invoiceNumber, filter.invoice), eq(ledgerPostings.invoiceId, filter.invoice))
      : undefined,
  );
}

// The same joins under three selections: a window of rows, a page with its total, a count.
function rowsQuery(db: Database) {
  return db
    .select(columns)
    .from(ledgerEntries)
    .innerJoin(
      ledgerPostings,
      and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)),
    )
    .leftJoin(policies, and(eq(policies.orgId, ledgerPostings.orgId), eq(policies.id, ledgerPostings.policyId)))
    .leftJoin(invoices, and(eq(invoices.orgId, ledgerPostings.orgId), eq(invoices.id, ledgerPostings.invoiceId)));
}

function pageQuery(db: Database) {
  return db
    .select({ ...columns, total: totalOverAll() })
    .from(ledgerEntries)
    .innerJoin(
      ledgerPostings,
      and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)),
    )
    .leftJoin(policies, and(eq(policies.orgId, ledgerPostings.orgId), eq(policies.id, ledgerPostings.policyId)))
    .leftJoin(invoices, and(eq(invoices.orgId, ledgerPostings.orgId), eq(invoices.id, ledgerPostings.invoiceId)));
}

function countQuery(db: Database) {
  return db
    .select({ n: count() })
    .from(ledgerEntries)
    .innerJoin(
      ledgerPostings,
      and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)),
    )
    .leftJoin(policies, and(eq(policies.orgId, ledgerPostings.orgId), eq(policies.id, ledgerPostings.policyId)))
    .leftJoin(invoices, and(eq(invoices.orgId, ledgerPostings.orgId), eq(invoices.id, ledgerPostings.invoiceId)));
}

function ordered(state: Pick<JournalTableState, "sort" | "dir">) {
  // Within one posting, its legs keep their chain order.
  return [...orderBy(SORT_COLUMNS[state.sort], state.dir, ledgerEntries.postingId), ledgerEntries.position];
}

/** A window of the filtered, sorted journal (the export reads it batch by batch). */
export function listJournalRows(
  db: Database,
  orgId: string,
  filter: JournalFilter,
  state: JournalTableState,
  offset: number,
  limit: number,
) {
  return rowsQuery(db)
    .where(where(orgId, filter))
    .orderBy(...ordered(state))
    .limit(limit)
    .offset(offset);
}

/** One page of the journal and the number of entries that match, in one statement. */
export async function listJournalPage(db: Database, orgId: string, filter: JournalFilter, state: JournalTableState) {
  const offset = pageOffset(state);
  const rows = await pageQuery(db)
    .where(where(orgId, filter))
    .orderBy(...ordered(state))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await countQuery(db).where(where(orgId, filter));
    return Number(row?.n ?? 0);
  });
}
