import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { quoteOptions, quotes } from "../../db/schema/index.ts";
import type { RatedQuote } from "../services/rating/index.ts";
import { visibleSubmissions } from "../auth/scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { submissions } from "../../db/schema/index.ts";

/** The quotes of a submission the user may see, newest first, each with its options. */
export async function listQuotesForSubmission(db: Database, tenant: TenantContext, submissionId: string) {
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
    options: optionRows.filter((o) => o.quoteId === quote.id).map((o) => ({ ...o, rating: o.rating as unknown as RatedQuote })),
  }));
}
