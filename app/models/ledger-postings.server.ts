import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { ledgerEntries, ledgerPostings, type PostingKind, type PostingStatus } from "../../db/schema/index.ts";

// The ledger outbox: postings and their legs (ledger entries), each leg with the transfer id it
// is submitted under.

type Db = Database | Transaction;

export type PostingRow = {
  id: string;
  kind: PostingKind;
  description: string;
  policyId: string | null;
  invoiceId: string | null;
  claimId: string | null;
};
export type EntryRow = {
  transferId: string;
  position: number;
  leg: string;
  debitAccount: number;
  creditAccount: number;
  amountCents: number;
  transferCode: number;
};

/** Writes a posting awaiting submission and its legs, in the caller's transaction. */
export async function insertPostingWithEntries(
  tx: Db,
  orgId: string,
  posting: PostingRow,
  entries: readonly EntryRow[],
) {
  await tx.insert(ledgerPostings).values({ ...posting, orgId, status: "awaiting_posting" });
  await tx.insert(ledgerEntries).values(entries.map((entry) => ({ ...entry, orgId, postingId: posting.id })));
}

export async function findPosting(db: Db, orgId: string, postingId: string) {
  const [posting] = await db
    .select()
    .from(ledgerPostings)
    .where(and(eq(ledgerPostings.orgId, orgId), eq(ledgerPostings.id, postingId)))
    .limit(1);
  return posting ?? null;
}

export function listPostingEntries(db: Db, orgId: string, postingId: string) {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.postingId, postingId)))
    .orderBy(asc(ledgerEntries.position));
}

/** Settles a posting still awaiting submission as posted or rejected, counting the attempt. */
export async function settlePosting(
  db: Db,
  orgId: string,
  postingId: string,
  status: Extract<PostingStatus, "posted" | "rejected">,
  error: string | null,
  at: Date,
) {
  await db
    .update(ledgerPostings)
    .set({
      status,
      lastError: error,
      postedAt: status === "posted" ? at : null,
      attempts: sql`${ledgerPostings.attempts} + 1`,
    })
    .where(
      and(
        eq(ledgerPostings.orgId, orgId),
        eq(ledgerPostings.id, postingId),
        eq(ledgerPostings.status, "awaiting_posting"),
      ),
    );
}

/** Counts a failed attempt of a posting that keeps waiting, with the reason. */
export async function recordPostingAttemptFailure(db: Db, orgId: string, postingId: string, error: string) {
  await db
    .update(ledgerPostings)
    .set({ attempts: sql`${ledgerPostings.attempts} + 1`, lastError: error })
    .where(
      and(
        eq(ledgerPostings.orgId, orgId),
        eq(ledgerPostings.id, postingId),
        eq(ledgerPostings.status, "awaiting_posting"),
      ),
    );
}

/** Postings waiting for the ledger, oldest first: one organization's, or (no orgId) every organization's. */
export async function listAwaitingPostingIds(
  db: Database,
  { limit, orgId }: { limit: number; orgId?: string },
): Promise<{ id: string; orgId: string }[]> {
  if (orgId) {
    return db
      .select({ id: ledgerPostings.id, orgId: ledgerPostings.orgId })
      .from(ledgerPostings)
      .where(and(eq(ledgerPostings.orgId, orgId), eq(ledgerPostings.status, "awaiting_posting")))
      .orderBy(asc(ledgerPostings.createdAt), asc(ledgerPostings.id))
      .limit(limit);
  }
  const result = await db.execute(sql`/* unscoped: the retry job drains every org's ledger outbox */
    SELECT ${ledgerPostings.id} AS id, ${ledgerPostings.orgId} AS orgId FROM ${ledgerPostings}
    WHERE ${ledgerPostings.status} = 'awaiting_posting' ORDER BY ${ledgerPostings.createdAt}, ${ledgerPostings.id} LIMIT ${limit}`);
  return result.rows as { id: string; orgId: string }[];
}

/** Postings of an org that have not reached the ledger (waiting or rejected), for the finance area. */
export function listUnpostedPostings(db: Db, orgId: string) {
  return db
    .select()
    .from(ledgerPostings)
    .where(and(eq(ledgerPostings.orgId, orgId), inArray(ledgerPostings.status, ["awaiting_posting", "rejected"])))
    .orderBy(asc(ledgerPostings.createdAt), asc(ledgerPostings.id));
}

export function listPostings(db: Db, orgId: string) {
  return db.select().from(ledgerPostings).where(eq(ledgerPostings.orgId, orgId));
}

/** What the legs of each posting add up to. */
/**
 * Each posting's legs summed as money out of the premium trust account (account type 2): a leg
 * back into it counts negative, so a receipt with a cent running back still sums to the receipt.
 */
export async function sumEntriesByPosting(db: Db, orgId: string) {
  const rows = await db
    .select({
      postingId: ledgerEntries.postingId,
      cents: sql<string>`sum(CASE WHEN ${ledgerEntries.creditAccount} = 2 THEN -${ledgerEntries.amountCents} ELSE ${ledgerEntries.amountCents} END)`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orgId, orgId))
    .groupBy(ledgerEntries.postingId);
  return rows.map((r) => ({ postingId: r.postingId, cents: Number(r.cents) }));
}

/** Every leg of the org's posted postings, with its posting's description and invoice. */
export function listPostedEntries(db: Db, orgId: string) {
  return db
    .select({ entry: ledgerEntries, description: ledgerPostings.description, invoiceId: ledgerPostings.invoiceId })
    .from(ledgerEntries)
    .innerJoin(
      ledgerPostings,
      and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)),
    )
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerPostings.status, "posted")));
}
