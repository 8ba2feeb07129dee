import { compileRateTable, compileTaxTable, rateQuoteOptions } from "../../app/services/rating/index.ts";
import { quoteOptionRow, submissionFacts } from "../../app/services/underwriting/quote-option-row.ts";
import { toCents } from "../../app/utils/money.ts";
import type * as schema from "../schema/index.ts";
import type { DaReferralTriggers } from "../../app/services/policies/da-agreement.ts";
import { referralTriggersHit } from "../../app/services/policies/referral-triggers.ts";
import { daAgreements, insureds, policies, programs, submissions, world } from "./demo-data.ts";
import { addDays } from "../../app/utils/calendar-date.ts";
import { rateTables, taxTables } from "./rate-tables.ts";

/** Who a seeded referral is routed to: the organization's underwriter. */
const SEEDED_REFERRAL_ASSIGNEE: Record<string, { id: string; name: string }> = {
  org_summit: { id: "usr_a_uw", name: "Uma Underwood" },
};

/** Why the underwriter approved the referral a bound seed's quote raised. */
const SEEDED_REFERRAL_APPROVALS: Record<string, string> = {
  sub_a_1: "Roofing class within appetite: twelve years in business, no losses reported.",
};

/**
 * Quotes for the seeded submissions in status "quoted" or "referred", rated by the real engine so
 * their trail is genuine. The quoted ones are already past their expiry, which the demo uses to
 * show that an expired quote cannot be bound. A referred one is current and carries the pending
 * referral its DA referral triggers raise, routed to the underwriter, as the app would have made
 * it: the queue's "referred" and the workbench then tell the same story.
 */
export function seededQuotes() {
  const quotes: (typeof schema.quotes.$inferInsert)[] = [];
  const options: (typeof schema.quoteOptions.$inferInsert)[] = [];
  const referrals: (typeof schema.referrals.$inferInsert)[] = [];
  const activity: (typeof schema.referralActivity.$inferInsert)[] = [];
  for (const submission of submissions.filter((s) => s.status === "quoted" || s.status === "referred")) {
    const rateRow = rateTables.find((t) => t.programId === submission.programId)!;
    const taxRow = taxTables.find((t) => t.orgId === submission.orgId)!;
    const rateTable = compileRateTable(rateRow.definition);
    const taxTable = compileTaxTable(taxRow.definition);
    if (!rateTable.ok || !taxTable.ok) throw new Error(`Seed rate table ${rateRow.id} does not compile`);
    const insured = insureds.find((i) => i.id === submission.insuredId)!;
    const occurrenceLimit = toCents(submission.requestedLimitCents);
    const rated = rateQuoteOptions(
      {
        submission: submissionFacts(submission, {
          aggregateLimit: toCents(occurrenceLimit * 2),
          yearsInBusiness: insured.yearsInBusiness,
        }),
        schedule: [],
        rateTable: rateTable.value,
        taxTable: taxTable.value,
      },
      [
        {
          occurrenceLimit,
          aggregateLimit: toCents(occurrenceLimit * 2),
          deductible: toCents(submission.deductibleCents),
        },
      ],
    );
    const quoteId = `quo_${submission.id}`;
    const referred = submission.status === "referred";
    quotes.push({
      id: quoteId,
      orgId: submission.orgId,
      submissionId: submission.id,
      rateTableId: rateRow.id,
      rateTableVersion: rateRow.version,
      taxTableId: taxRow.id,
      status: "active" as const,
      expiresOn: referred ? world.referredQuotes.expiresOn : world.quotes.expiresOn,
      daFlags: [],
      createdByUserId: submission.producerUserId,
      createdAt: referred ? world.referredQuotes.createdAt : world.quotes.createdAt,
    });
    if (referred) {
      const reasons = seededReferralReasons(submission);
      if (reasons.length === 0)
        throw new Error(`Seed submission ${submission.id} is referred but hits no referral trigger`);
      const referralId = `ref_${submission.id}`;
      const assignee = SEEDED_REFERRAL_ASSIGNEE[submission.orgId]!;
      const raisedAt = world.referredQuotes.createdAt.getTime();
      referrals.push({
        id: referralId,
        orgId: submission.orgId,
        submissionId: submission.id,
        quoteId,
        reasons,
        status: "pending",
        assignedToUserId: assignee.id,
        createdAt: new Date(raisedAt),
      });
      activity.push(
        {
          id: `${referralId}_raised`,
          orgId: submission.orgId,
          referralId,
          actorUserId: submission.producerUserId,
          action: "raised",
          note: reasons.map((r) => r.rationale).join(" "),
          createdAt: new Date(raisedAt),
        },
        {
          id: `${referralId}_routed`,
          orgId: submission.orgId,
          referralId,
          actorUserId: null,
          action: "routed",
          note: `Routed to ${assignee.name} (underwriter)`,
          createdAt: new Date(raisedAt + 1),
        },
      );
    }
    rated.forEach((result, position) => {
      if (!result.ok) throw new Error(`Seed quote for ${submission.id} does not rate: ${result.error.message}`);
      options.push(
        quoteOptionRow(result.value, {
          id: `qop_${submission.id}_${position}`,
          orgId: submission.orgId,
          quoteId,
          position,
          withinAuthority: true,
        }),
      );
    });
  }
  return { quotes, options, referrals, activity };
}

/**
 * Quotes for the seeded submissions still "submitted": the app quotes a filed risk at once, so a
 * real book shows them priced. Rated as the app rates (every aggregate the rate table offers for
 * the requested limit), current, and not yet bound or referred.
 */
export function seededSubmittedQuotes() {
  const quotes: (typeof schema.quotes.$inferInsert)[] = [];
  const options: (typeof schema.quoteOptions.$inferInsert)[] = [];
  for (const submission of submissions.filter((s) => s.status === "submitted")) {
    const { rateRow, taxRow, rated } = rateSeededSubmission(submission);
    const quoteId = `quo_${submission.id}`;
    quotes.push({
      id: quoteId,
      orgId: submission.orgId,
      submissionId: submission.id,
      rateTableId: rateRow.id,
      rateTableVersion: rateRow.version,
      taxTableId: taxRow.id,
      status: "active" as const,
      expiresOn: world.submittedQuotes.expiresOn,
      daFlags: [],
      createdByUserId: submission.producerUserId,
      createdAt: world.submittedQuotes.createdAt,
    });
    rated.forEach((result, position) => {
      if (!result.ok) throw new Error(`Seed quote for ${submission.id} does not rate: ${result.error.message}`);
      options.push(
        quoteOptionRow(result.value, {
          id: `qop_${submission.id}_${position}`,
          orgId: submission.orgId,
          quoteId,
          position,
          withinAuthority: true,
        }),
      );
    });
  }
  return { quotes, options };
}

/** A seeded submission rated as the app's quoting does: one option per aggregate offered for its limit. */
export function rateSeededSubmission(submission: (typeof submissions)[number]) {
  const rateRow = rateTables.find((t) => t.programId === submission.programId)!;
  const taxRow = taxTables.find((t) => t.orgId === submission.orgId)!;
  const rateTable = compileRateTable(rateRow.definition);
  const taxTable = compileTaxTable(taxRow.definition);
  if (!rateTable.ok || !taxTable.ok) throw new Error(`Seed rate table ${rateRow.id} does not compile`);
  const insured = insureds.find((i) => i.id === submission.insuredId)!;
  const occurrenceLimit = toCents(submission.requestedLimitCents);
  const aggregates = [...(rateTable.value.increasedLimitFactors.get(occurrenceLimit)?.keys() ?? [])].sort(
    (a, b) => a - b,
  );
  const quoteOptions = aggregates.map((aggregate) => ({
    occurrenceLimit,
    aggregateLimit: toCents(aggregate),
    deductible: toCents(submission.deductibleCents),
  }));
  if (quoteOptions.length === 0) throw new Error(`Seed submission ${submission.id} asks for a limit not offered`);
  const rated = rateQuoteOptions(
    {
      submission: submissionFacts(submission, {
        aggregateLimit: quoteOptions[0]!.aggregateLimit,
        yearsInBusiness: insured.yearsInBusiness,
      }),
      schedule: [],
      rateTable: rateTable.value,
      taxTable: taxTable.value,
    },
    quoteOptions,
  );
  return { rateRow, taxRow, rated };
}

/** The DA referral triggers a seeded submission hits, as the app would record them on its referral. */
export function seededReferralReasons(submission: (typeof submissions)[number]) {
  const agreement = daAgreements.find((a) => a.programId === submission.programId)!;
  return referralTriggersHit((agreement.referralTriggers ?? {}) as DaReferralTriggers, {
    homeState: submission.state,
    naicsCode: submission.naicsCode,
    annualRevenueCents: submission.annualRevenueCents === null ? null : toCents(submission.annualRevenueCents),
    priorLossCount: 0,
  }).map((hit) => ({ code: hit.reason, rationale: hit.rationale }));
}

/**
 * The quotes the seeded policies were bound from (ADR 028), rated by the real engine with every
 * option the app offers for the requested limit; the policy names the option it was bound from
 * and carries that option's premium, fees and taxes, and its invoices follow its plan. A quote whose
 * DA referral triggers fire (Lone Star Roofing's class) carries the referral the underwriter
 * approved before the bind, so the workbench tells how the risk came to be bound.
 */
export function seededBoundQuotes() {
  const quotes: (typeof schema.quotes.$inferInsert)[] = [];
  const options: (typeof schema.quoteOptions.$inferInsert)[] = [];
  const referrals: (typeof schema.referrals.$inferInsert)[] = [];
  const activity: (typeof schema.referralActivity.$inferInsert)[] = [];
  for (const submission of submissions.filter((s) => s.status === "bound")) {
    const policy = policies.find((p) => p.submissionId === submission.id);
    if (!policy?.quoteOptionId) throw new Error(`Seed submission ${submission.id} is bound but names no quote option`);
    const { rateRow, taxRow, rated } = rateSeededSubmission(submission);
    const history = world.boundHistory(submission.effectiveDate);
    const program = programs.find((p) => p.id === submission.programId)!;
    const quoteId = `quo_${submission.id}`;
    quotes.push({
      id: quoteId,
      orgId: submission.orgId,
      submissionId: submission.id,
      rateTableId: rateRow.id,
      rateTableVersion: rateRow.version,
      taxTableId: taxRow.id,
      status: "bound" as const,
      expiresOn: addDays(history.quotedOn, program.quoteValidDays),
      daFlags: [],
      createdByUserId: submission.producerUserId,
      createdAt: history.quotedAt,
    });
    rated.forEach((result, position) => {
      if (!result.ok) throw new Error(`Seed quote for ${submission.id} does not rate: ${result.error.message}`);
      options.push(
        quoteOptionRow(result.value, {
          id: `qop_${submission.id}_${position}`,
          orgId: submission.orgId,
          quoteId,
          position,
          withinAuthority: true,
        }),
      );
    });
    const reasons = seededReferralReasons(submission);
    if (reasons.length === 0) continue;
    const referralId = `ref_${submission.id}`;
    const assignee = SEEDED_REFERRAL_ASSIGNEE[submission.orgId]!;
    const rationale = SEEDED_REFERRAL_APPROVALS[submission.id];
    if (!rationale) throw new Error(`Seed submission ${submission.id} is bound past a referral nobody decided`);
    referrals.push({
      id: referralId,
      orgId: submission.orgId,
      submissionId: submission.id,
      quoteId,
      reasons,
      status: "approved",
      assignedToUserId: assignee.id,
      decidedByUserId: assignee.id,
      decisionCode: "risk_quality",
      decisionRationale: rationale,
      createdAt: history.quotedAt,
      decidedAt: history.referralDecidedAt,
    });
    activity.push(
      {
        id: `${referralId}_raised`,
        orgId: submission.orgId,
        referralId,
        actorUserId: submission.producerUserId,
        action: "raised",
        note: reasons.map((r) => r.rationale).join(" "),
        createdAt: history.quotedAt,
      },
      {
        id: `${referralId}_routed`,
        orgId: submission.orgId,
        referralId,
        actorUserId: null,
        action: "routed",
        note: `Routed to ${assignee.name} (underwriter)`,
        createdAt: new Date(history.quotedAt.getTime() + 1),
      },
      {
        id: `${referralId}_approved`,
        orgId: submission.orgId,
        referralId,
        actorUserId: assignee.id,
        action: "approved",
        note: `risk_quality: ${rationale}`,
        createdAt: history.referralDecidedAt,
      },
    );
  }
  return { quotes, options, referrals, activity };
}
