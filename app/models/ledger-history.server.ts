import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { ledgerEntries, ledgerPostings } from "../../db/schema/index.ts";

/**
 * The org's posted movements summed per month of posting (UTC) and pair of accounts: a few rows
 * per month whatever the volume, for the balances-over-time page (ADR 024).
 */
export async function sumPostedMovementsByMonth(db: Database, orgId: string) {
  const month = sql<string>`DATE_FORMAT(${ledgerPostings.postedAt}, '%Y-%m')`;
  const rows = await db
    .select({
      month,
      debitAccount: ledgerEntries.debitAccount,
      creditAccount: ledgerEntries.creditAccount,
      amountCents: sql<string>`SUM(${ledgerEntries.amountCents})`,
    })
    .from(ledgerEntries)
    .innerJoin(
      ledgerPostings,
      and(eq(ledgerPostings.orgId, ledgerEntries.orgId), eq(ledgerPostings.id, ledgerEntries.postingId)),
    )
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerPostings.status, "posted")))
    .groupBy(month, ledgerEntries.debitAccount, ledgerEntries.creditAccount);
  return rows.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
}
