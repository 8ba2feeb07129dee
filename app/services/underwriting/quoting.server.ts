import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { Database } from "../../../db/client.ts";
import type { DaFlag } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { insertQuote, latestQuoteSchedule, markSubmissionQuoted } from "../../models/quotes.server.ts";
import {
  findRateTableInForceUnlessCompiled,
  findTaxTableInForceUnlessCompiled,
} from "../../models/rate-tables.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { findSubmissionForQuoting } from "../../models/submissions.server.ts";
import { createId } from "../../utils/ids.ts";
import { quoteOptionRow, submissionFacts } from "./quote-option-row.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import { auditBusinessAction } from "../access/audit.server.ts";
import { raiseReferral } from "./referrals.server.ts";
import { toCents } from "../../utils/money.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { daStandingForQuote } from "../policies/da-standing.server.ts";
import { daFlagsForQuote } from "../policies/da-checks.ts";
import { recordBreachAttempt } from "../carrier/da-monitoring.server.ts";
import {
  compileRateTable,
  compileTaxTable,
  rateQuoteOptions,
  type CompiledRateTable,
  type CompiledTaxTable,
  type QuoteOption,
  type RatedQuote,
  type ScheduleAdjustment,
} from "../rating/index.ts";
import { quoteReferralReasons } from "./authority.server.ts";
import { openKnockoutHits } from "./knockouts.server.ts";

export type QuoteFailure = {
  code: "NOT_FOUND" | "NOT_QUOTABLE" | "NO_RATE_TABLE" | "RATING_FAILED" | "SCHEDULE_INVALID";
  message: string;
};
/** `quote`: the stored quote with its options as written, so a caller can present it without reading it back. */
export type QuoteOutcome = { ok: true; quoteId: string; quote?: IssuedQuote } | { ok: false; error: QuoteFailure };

export type IssuedQuote = {
  id: string;
  submissionId: string;
  status: "active";
  expiresOn: string;
  rateTableVersion: string;
  daFlags: DaFlag[];
  options: (Omit<ReturnType<typeof quoteOptionRow>, "rating"> & { rating: RatedQuote })[];
};

/**
 * A caller's claim on its answer (the /v1 route's Idempotency-Key, ADR 032): made in the quote's
 * transaction with its reads; the function it resolves to (null: nothing claimed) gives, for the
 * issued quote, what the submission's update writes into the claimed row. A refused quote rolls
 * the claim back.
 */
export type AnswerClaim = (
  tx: Transaction,
) => Promise<((quote: IssuedQuote) => { key: string; status: number; body: unknown }) | null>;

const QUOTABLE = new Set(["draft", "submitted", "in_review", "quoted", "referred"]);

// Active rate and tax table versions never change, so their compiled form can be kept for the
// life of the isolate.
const compiledRateTables = new Map<string, CompiledRateTable>();
const compiledTaxTables = new Map<string, CompiledTaxTable>();

function compiled<T>(
  cache: Map<string, T>,
  id: string,
  compile: () => { ok: true; value: T } | { ok: false; error: { message: string } },
): T {
  let table = cache.get(id);
  if (!table) {
    const result = compile();
    if (!result.ok) throw new Error(`Stored table ${id} does not compile: ${result.error.message}`);
    table = result.value;
    cache.set(id, table);
  }
  return table;
}

/**
 * Rates a submission for every limit tier its program offers at the requested occurrence limit,
 * runs the DA checks (failures become flags: the price is shown, bind is blocked) and stores
 * the quote with its full rating trail. Earlier quotes of the submission stay as history.
 * Schedule credits and debits carry over from the previous quote unless new ones are given.
 * `authorityAsOf`: the date the DA checks judge the carrier's grant on, today unless given (a
 * renewal offer is judged on its renewal date, under the agreement in force for the new period).
 * `claimAnswer`: see AnswerClaim.
 */
export async function quoteSubmission(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
  today: string,
  {
    schedule,
    authorityAsOf = today,
    claimAnswer,
  }: { schedule?: readonly ScheduleAdjustment[]; authorityAsOf?: string; claimAnswer?: AnswerClaim } = {},
): Promise<QuoteOutcome> {
  // The submission is read with the BEGIN of the transaction (one round trip), so that everything
  // the quote reads then goes out together with a claim on its answer, in the transaction, and
  // the transaction only writes after that (ADR 032). The reads themselves are not in it.
  const found = findSubmissionForQuoting(db, tenant, submissionId);
  // Awaited inside the transaction; a failure surfaces there, not as an unhandled rejection.
  found.catch(() => {});
  let reads: ReturnType<typeof readForQuote> | undefined;
  try {
    return await transactionWithRetry(db, async (tx): Promise<QuoteOutcome> => {
      const row = await found;
      if (!row) throw new QuoteRefused({ code: "NOT_FOUND", message: "Submission not found" });
      if (!QUOTABLE.has(row.submission.status)) {
        const message = `A ${row.submission.status} submission cannot be quoted.`;
        throw new QuoteRefused({ code: "NOT_QUOTABLE", message });
      }
      // Read once, whatever attempt of the transaction gets here first.
      reads ??= readForQuote(db, tenant, row.submission, authorityAsOf);
      reads.catch(() => {});
      const [answerFor, read] = await Promise.all([claimAnswer?.(tx) ?? null, reads]);
      return issueQuote(tx, tenant, row, read, { today, authorityAsOf, schedule, answerFor });
    });
  } catch (error) {
    if (!(error instanceof QuoteRefused)) throw error;
    // A failed rating is part of the submission's story, told after the transaction rolled back.
    if (error.storyLine) await recordQuoteFailure(db, tenant, submissionId, error.storyLine);
    return { ok: false, error: error.failure };
  }
}

/** Thrown inside the quote's transaction to roll it back (and any claim made in it) and refuse. */
class QuoteRefused extends Error {
  constructor(
    readonly failure: QuoteFailure,
    readonly storyLine?: string,
  ) {
    super(failure.message);
  }
}

type QuotingRow = NonNullable<Awaited<ReturnType<typeof findSubmissionForQuoting>>>;

/** Everything the quote reads, sent together; the knockout hits are read here rather than in the transaction. */
function readForQuote(
  db: Database,
  tenant: TenantContext,
  submission: QuotingRow["submission"],
  authorityAsOf: string,
) {
  return Promise.all([
    findRateTableInForceUnlessCompiled(db, tenant, submission.programId, submission.effectiveDate, [
      ...compiledRateTables.keys(),
    ]),
    findTaxTableInForceUnlessCompiled(db, tenant, submission.effectiveDate, [...compiledTaxTables.keys()]),
    daStandingForQuote(
      db,
      tenant.orgId,
      { programId: submission.programId, insuredId: submission.insuredId, effectiveDate: submission.effectiveDate },
      authorityAsOf,
    ),
    latestQuoteSchedule(db, tenant, submission.id),
    openKnockoutHits(db, tenant, submission.id),
  ]);
}

/** Rates the submission and writes the quote in the transaction; throws QuoteRefused when it cannot. */
async function issueQuote(
  tx: Transaction,
  tenant: TenantContext,
  row: QuotingRow,
  [rateRow, taxRow, standing, previousSchedule, knockoutHits]: Awaited<ReturnType<typeof readForQuote>>,
  {
    today,
    authorityAsOf,
    schedule,
    answerFor,
  }: {
    today: string;
    authorityAsOf: string;
    schedule: readonly ScheduleAdjustment[] | undefined;
    answerFor: Awaited<ReturnType<AnswerClaim>>;
  },
): Promise<QuoteOutcome> {
  const { submission } = row;
  const appliedSchedule = schedule ?? previousSchedule ?? [];
  if (!rateRow || !taxRow) {
    const message = `No rate table of this program is in force on ${submission.effectiveDate}.`;
    throw new QuoteRefused({ code: "NO_RATE_TABLE", message }, message);
  }
  const rateTable = compiled(compiledRateTables, rateRow.id, () => compileRateTable(rateRow.definition));
  const taxTable = compiled(compiledTaxTables, taxRow.id, () => compileTaxTable(taxRow.definition));

  const occurrenceLimit = toCents(submission.requestedLimitCents);
  const aggregates = [...(rateTable.increasedLimitFactors.get(occurrenceLimit)?.keys() ?? [])].sort((a, b) => a - b);
  const options: QuoteOption[] = aggregates.map((aggregateLimit) => ({
    occurrenceLimit,
    aggregateLimit: toCents(aggregateLimit),
    deductible: toCents(submission.deductibleCents),
  }));
  if (options.length === 0) {
    const message = "The program does not offer the requested limit.";
    throw new QuoteRefused({ code: "RATING_FAILED", message }, message);
  }
  const facts = submissionFacts(submission, {
    aggregateLimit: options[0]!.aggregateLimit,
    yearsInBusiness: row.yearsInBusiness,
  });
  const rated = rateQuoteOptions({ submission: facts, schedule: appliedSchedule, rateTable, taxTable }, options);
  const failure = rated.find((r) => !r.ok);
  // A schedule the underwriter has just entered is their input error, not the submission's story.
  if (
    failure &&
    !failure.ok &&
    schedule &&
    (failure.error.code === "schedule_out_of_bounds" || failure.error.code === "invalid_schedule_adjustment")
  ) {
    throw new QuoteRefused({ code: "SCHEDULE_INVALID", message: failure.error.message });
  }
  if (failure && !failure.ok) {
    throw new QuoteRefused({ code: "RATING_FAILED", message: failure.error.message }, failure.error.message);
  }
  const ratedOptions = rated.flatMap((r) => (r.ok ? [r.value] : []));

  const agreement = standing?.terms ?? null;
  const flagsFor = (grossPremiumCents: number, aggregateLimitCents: number): DaFlag[] => {
    if (!agreement)
      return [
        {
          check: "da_agreement_in_force",
          code: "DA_NOT_IN_FORCE",
          detail: "The program has no delegated authority agreement.",
        },
      ];
    return daFlagsForQuote({
      agreement,
      asOf: authorityAsOf,
      risk: {
        homeState: submission.state,
        naicsCode: submission.naicsCode,
        effectiveDate: submission.effectiveDate,
        termMonths: submission.termMonths,
        occurrenceLimitCents: occurrenceLimit,
        aggregateLimitCents: toCents(aggregateLimitCents),
        grossPremiumCents: toCents(grossPremiumCents),
        annualRevenueCents: submission.annualRevenueCents === null ? null : toCents(submission.annualRevenueCents),
        yearsInBusiness: facts.yearsInBusiness,
        insuredPolicyCount: standing?.insuredPolicyCount ?? 0,
      },
      quarterToDateGwpCents: standing?.quarterToDateGwpCents,
    });
  };

  const quoteId = createId("quo");
  const quote = {
    id: quoteId,
    submissionId: submission.id,
    rateTableId: rateRow.id,
    rateTableVersion: rateRow.version,
    taxTableId: taxRow.id,
    status: "active" as const,
    expiresOn: addDays(today, row.quoteValidDays),
    daFlags: flagsFor(ratedOptions[0]!.grossPremium, ratedOptions[0]!.option.aggregateLimit),
    schedule: appliedSchedule.length ? [...appliedSchedule] : null,
    createdByUserId: tenant.userId,
  };
  const optionRows = ratedOptions.map((option, position) =>
    quoteOptionRow(option, {
      id: createId("qop"),
      orgId: tenant.orgId,
      quoteId,
      position,
      withinAuthority: flagsFor(option.grossPremium, option.option.aggregateLimit).length === 0,
    }),
  );
  const issued: IssuedQuote = {
    id: quoteId,
    submissionId: submission.id,
    status: "active",
    expiresOn: quote.expiresOn,
    rateTableVersion: quote.rateTableVersion,
    daFlags: quote.daFlags,
    options: optionRows.map((optionRow, i) => ({ ...optionRow, rating: ratedOptions[i]! })),
  };
  // An auto-tier quote's referral reasons need no I/O, so everything below goes out in one round
  // trip; an underwriter's quote reads and clears with the writes.
  const written = [
    // The caller's claimed answer rides this update: the round below is already six statements.
    markSubmissionQuoted(tx, tenant, {
      submissionId: submission.id,
      quoteId,
      indicatedPremiumCents: ratedOptions[0]!.grossPremium,
      answer: answerFor?.(issued) ?? null,
    }),
    insertQuote(tx, tenant, quote, optionRows),
    recordSubmissionEvent(tx, tenant, submission.id, "quoted", {
      quoteId,
      rateTableVersion: rateRow.version,
      options: ratedOptions.length,
      grossPremiumCents: ratedOptions[0]!.grossPremium,
      ...(appliedSchedule.length ? { schedule: appliedSchedule } : {}),
    }),
  ];
  const reasons = await quoteReferralReasons(tx, tenant, {
    submissionId: submission.id,
    triggers: agreement?.referralTriggers ?? null,
    facts: {
      homeState: submission.state,
      naicsCode: submission.naicsCode,
      annualRevenueCents: submission.annualRevenueCents,
      priorLossCount: submission.priorLossCount,
    },
    lineOfBusiness: submission.lineOfBusiness,
    grossPremiumCents: ratedOptions[0]!.grossPremium,
    occurrenceLimitCents: occurrenceLimit,
    autoBindPremiumCents: row.autoBindPremiumCents,
    openKnockoutHits: knockoutHits,
  });
  await Promise.all([
    ...written,
    reasons.length
      ? raiseReferral(tx, tenant, {
          submissionId: submission.id,
          quoteId,
          reasons,
          lineOfBusiness: submission.lineOfBusiness,
          grossPremiumCents: ratedOptions[0]!.grossPremium,
          occurrenceLimitCents: occurrenceLimit,
        })
      : null,
    standing &&
      recordBreachAttempt(tx, tenant, {
        outcome: "referred",
        agreementId: standing.agreementId,
        submissionId: submission.id,
        quoteId,
        grossPremiumCents: ratedOptions[0]!.grossPremium,
        attemptedOn: today,
        failures: quote.daFlags,
      }),
    recordDomainEvent(tx, tenant.orgId, "quote.issued", {
      quoteId,
      submissionId: submission.id,
      grossPremiumCents: ratedOptions[0]!.grossPremium,
      referred: reasons.length > 0,
      quotedByUserId: tenant.userId,
    }),
    auditBusinessAction(tx, tenant, {
      action: "quote_issued",
      targetType: "quote",
      targetId: quoteId,
      detail: {
        submissionId: submission.id,
        grossPremiumCents: ratedOptions[0]!.grossPremium,
        referralReasons: reasons.map((r) => r.code),
      },
    }),
  ]);
  return { ok: true, quoteId, quote: issued };
}

/** A failed rating is part of the submission's story: the timeline says why there is no price. */
async function recordQuoteFailure(db: Database, tenant: TenantContext, submissionId: string, message: string) {
  await recordSubmissionEvent(db, tenant, submissionId, "quote_failed", { message });
}
