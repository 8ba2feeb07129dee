import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { ledgerBooks } from "../../db/schema/index.ts";

// Each organization's ledger book: its ledger number, the MGA's commission rate and whether its
// accounts were created on the ledger.

type Db = Database | Transaction;

export async function findLedgerBook(db: Db, orgId: string) {
  const [row] = await db.select().from(ledgerBooks).where(eq(ledgerBooks.orgId, orgId)).limit(1);
  return row ?? null;
}

/** Creates the organization's book row unless it exists (two first uses at once make one). */
export async function insertLedgerBookIfMissing(
  db: Db,
  orgId: string,
  book: { ledger: number; mgaCommissionRate: string },
) {
  await db
    .insert(ledgerBooks)
    .values({ orgId, ...book })
    .onDuplicateKeyUpdate({ set: { orgId } });
}

export async function markLedgerBookProvisioned(db: Db, orgId: string, at: Date) {
  await db.update(ledgerBooks).set({ provisionedAt: at }).where(eq(ledgerBooks.orgId, orgId));
}
