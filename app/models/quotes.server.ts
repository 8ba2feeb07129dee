import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { quoteOptions, quotes } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { submissions } from "../../db/schema/index.ts";

/**
 * The quotes of a submission the user may see, newest first, each with its options; an option's
 * rating trail is the stored JSON (the underwriting module reads it as the rating engine's type).
 */
export async function listQuoteRowsForSubmission(db: Database, tenant: TenantContext, submissionId: string) {
  const quoteRows = await db
    .select({ quote: quotes })
    .from(quotes)
    .innerJoin(submissions, and(eq(submissions.orgId, quotes.orgId), eq(submissions.id, quotes.submissionId)))
    .where(and(eq(quotes.orgId, tenant.orgId), visibleSubmissions(tenant), eq(quotes.submissionId, submissionId)))
    .orderBy(desc(quotes.createdAt));
  if (quoteRows.length === 0) return [];
  const optionRows = await db
    .select()
    .from(quoteOptions)
    .where(and(eq(quoteOptions.orgId, tenant.orgId), inArray(quoteOptions.quoteId, quoteRows.map((r) => r.quote.id))))
    .orderBy(asc(quoteOptions.position));
  return quoteRows.map(({ quote }) => ({
    ...quote,
    options: optionRows.filter((o) => o.quoteId === quote.id),
  }));
}

/** The schedule credits and debits of the submission's latest quote (carried to the next one). */
export async function latestQuoteSchedule(db: Database | Transaction, tenant: TenantContext, submissionId: string) {
  const [latest] = await db
    .select({ schedule: quotes.schedule })
    .from(quotes)
    .where(and(eq(quotes.orgId, tenant.orgId), eq(quotes.submissionId, submissionId)))
    .orderBy(desc(quotes.createdAt), desc(quotes.id))
    .limit(1);
  return latest?.schedule ?? null;
}

/** The submission's active quote becomes history: a new one replaces it. */
export async function supersedeActiveQuotes(tx: Transaction, tenant: TenantContext, submissionId: string) {
  await tx
    .update(quotes)
    .set({ status: "superseded" })
    .where(and(eq(quotes.orgId, tenant.orgId), eq(quotes.submissionId, submissionId), eq(quotes.status, "active")));
}

/** Stores a quote and its options (rows as the rating trail recorded them). */
export async function insertQuote(
  tx: Transaction,
  tenant: TenantContext,
  quote: Omit<typeof quotes.$inferInsert, "orgId">,
  options: readonly Omit<typeof quoteOptions.$inferInsert, "orgId">[],
) {
  await tx.insert(quotes).values({ ...quote, orgId: tenant.orgId });
  if (options.length) await tx.insert(quoteOptions).values(options.map((o) => ({ ...o, orgId: tenant.orgId })));
}
