import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { idempotencyKeys, quoteOptions, quotes } from "../../db/schema/index.ts";
import { PENDING } from "./idempotency-keys.server.ts";
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
    .where(
      and(
        eq(quoteOptions.orgId, tenant.orgId),
        inArray(
          quoteOptions.quoteId,
          quoteRows.map((r) => r.quote.id),
        ),
      ),
    )
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

/**
 * A new quote's bookkeeping in one statement: the submission marked quoted at its indicated
 * premium and its earlier active quotes superseded (the new quote, written in the same round trip
 * in any order, is spared). One statement, not two, keeps the quote's writes within the six
 * connections a Worker may hold open at once (ADR 032). `answer`: the /v1 answer, written into the
 * Idempotency-Key row this transaction claimed (claimIdempotencyKey), for the same reason.
 */
export async function markSubmissionQuoted(
  tx: Transaction,
  tenant: TenantContext,
  quoted: {
    submissionId: string;
    quoteId: string;
    indicatedPremiumCents: number;
    answer?: { key: string; status: number; body: unknown } | null;
  },
) {
  const { answer } = quoted;
  const claimedKey = answer
    ? sql`LEFT JOIN ${idempotencyKeys}
      ON ${idempotencyKeys.orgId} = ${submissions.orgId} AND ${idempotencyKeys.callerId} = ${tenant.userId}
        AND ${idempotencyKeys.key} = ${answer.key} AND ${idempotencyKeys.responseStatus} = ${PENDING}`
    : sql``;
  const setAnswer = answer
    ? sql`, ${idempotencyKeys.responseStatus} = ${String(answer.status)}, ${idempotencyKeys.responseBody} = ${JSON.stringify(answer.body)}`
    : sql``;
  await tx.execute(sql`
    UPDATE ${submissions} LEFT JOIN ${quotes}
      ON ${quotes.orgId} = ${submissions.orgId} AND ${quotes.submissionId} = ${submissions.id}
        AND ${quotes.status} = 'active' AND ${quotes.id} <> ${quoted.quoteId}
    ${claimedKey}
    SET ${submissions.status} = 'quoted', ${submissions.indicatedPremiumCents} = ${quoted.indicatedPremiumCents},
      ${submissions.updatedAt} = ${new Date()}, ${quotes.status} = 'superseded'${setAnswer}
    WHERE ${submissions.orgId} = ${tenant.orgId} AND ${submissions.id} = ${quoted.submissionId}`);
}

/** Stores a quote and its options (rows as the rating trail recorded them), sent together. */
export async function insertQuote(
  tx: Transaction,
  tenant: TenantContext,
  quote: Omit<typeof quotes.$inferInsert, "orgId">,
  options: readonly Omit<typeof quoteOptions.$inferInsert, "orgId">[],
) {
  await Promise.all([
    tx.insert(quotes).values({ ...quote, orgId: tenant.orgId }),
    options.length ? tx.insert(quoteOptions).values(options.map((o) => ({ ...o, orgId: tenant.orgId }))) : null,
  ]);
}

/** One quote with its options (position order), in one query: what `/v1` answers after quoting. */
export async function findQuoteWithOptions(db: Database, tenant: TenantContext, quoteId: string) {
  const rows = await db
    .select({ quote: quotes, option: quoteOptions })
    .from(quotes)
    .innerJoin(submissions, and(eq(submissions.orgId, quotes.orgId), eq(submissions.id, quotes.submissionId)))
    .innerJoin(quoteOptions, and(eq(quoteOptions.orgId, quotes.orgId), eq(quoteOptions.quoteId, quotes.id)))
    .where(and(eq(quotes.orgId, tenant.orgId), visibleSubmissions(tenant), eq(quotes.id, quoteId)))
    .orderBy(asc(quoteOptions.position));
  if (rows.length === 0) return null;
  return { ...rows[0]!.quote, options: rows.map((r) => r.option) };
}

/**
 * Whether the submission is visible and, if it has one, its current quote (the newest that is not
 * superseded) with its option ids in position order: what a bind request is checked against, in
 * one query.
 */
export async function findCurrentQuoteOptionIds(db: Database, tenant: TenantContext, submissionId: string) {
  const rows = await db
    .select({ quoteId: quotes.id, optionId: quoteOptions.id })
    .from(submissions)
    .leftJoin(
      quotes,
      and(
        eq(quotes.orgId, submissions.orgId),
        eq(quotes.submissionId, submissions.id),
        ne(quotes.status, "superseded"),
      ),
    )
    .leftJoin(quoteOptions, and(eq(quoteOptions.orgId, quotes.orgId), eq(quoteOptions.quoteId, quotes.id)))
    .where(and(eq(submissions.orgId, tenant.orgId), visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .orderBy(desc(quotes.createdAt), asc(quoteOptions.position));
  if (rows.length === 0) return { found: false as const };
  const quoteId = rows[0]!.quoteId;
  if (!quoteId) return { found: true as const, current: null };
  return {
    found: true as const,
    current: { quoteId, optionIds: rows.filter((r) => r.quoteId === quoteId && r.optionId).map((r) => r.optionId!) },
  };
}
