import { and, eq, max, min, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { ledgerEntries, ledgerPostings } from "../../db/schema/index.ts";
import { localMonthsBetween } from "../utils/zoned-months.ts";

const asDatetime = (instant: Date) => instant.toISOString().slice(0, 23).replace("T", " ");

/**
 * The org's posted movements summed per calendar month of the organization's time zone and pair
 * of accounts: a few rows per month whatever the volume, for the balances-over-time page (ADR 024,
 * 030). MariaDB's named time zones are not loaded everywhere, so the months' first instants are
 * worked out here and the posting time is compared against them.
 */
export async function sumPostedMovementsByMonth(db: Database, orgId: string, timeZone: string) {
  const posted = and(eq(ledgerPostings.orgId, orgId), eq(ledgerPostings.status, "posted"));
  const [span] = await db
    .select({ first: min(ledgerPostings.postedAt), last: max(ledgerPostings.postedAt) })
    .from(ledgerPostings)
    .where(posted);
  if (!span?.first || !span.last) return [];
  const months = localMonthsBetween(span.first, span.last, timeZone);
  const month: SQL<string> =
    months.length === 1
      ? sql<string>`${months[0]!.month}`
      : sql<string>`CASE ${sql.join(
          months
            .slice(1)
            .map(
              (next, i) => sql`WHEN ${ledgerPostings.postedAt} < ${asDatetime(next.startsAt)} THEN ${months[i]!.month}`,
            ),
          sql` `,
        )} ELSE ${months.at(-1)!.month} END`;
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
    .where(and(eq(ledgerEntries.orgId, orgId), posted))
    .groupBy(sql`1`, ledgerEntries.debitAccount, ledgerEntries.creditAccount);
  return rows.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
}
