import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { authorityProfiles, quoteOptions, quotes, referrals, submissions, userAuthority, type LineOfBusiness, type ReferralReason } from "../../../db/schema/index.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { visibleSubmissions } from "../../auth/scope.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { findOwnAuthorityProfile } from "../../models/authority.server.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import type { DaReferralTriggers } from "../bind/da-agreement.ts";
import { bindQuoteOption, type BindOutcome, type BindRequest } from "../binding.server.ts";
import { raiseReferral, referralReasons } from "./referrals.server.ts";
import type { Transaction as Tx } from "../../../db/transaction.ts";
import { knockoutRationale } from "./knockouts.ts";
import { clearKnockoutHits, openKnockoutHits } from "./knockouts.server.ts";

/** Producers bind on the auto tier: the program's auto-bind threshold is their ceiling. */
export function onAutoTier(tenant: TenantContext): boolean {
  return tenant.roles.some((r) => r === "producer" || r === "agency_admin");
}

type Exposure = { lineOfBusiness: LineOfBusiness; grossPremiumCents: number; occurrenceLimitCents: number };

/** Why the user's own authority profile does not cover a premium and limit; empty when it does. */
export async function authorityShortfall(db: Database | Tx, tenant: TenantContext, risk: Exposure): Promise<ReferralReason[]> {
  const profile = await findOwnAuthorityProfile(db, tenant);
  const reason = (rationale: string): ReferralReason[] => [{ code: "authority_exceeded", rationale }];
  if (!profile) return reason("The quoting user has no underwriting authority profile.");
  const grant = profile.grants.find((g) => g.lineOfBusiness === risk.lineOfBusiness);
  if (!grant) return reason(`The ${profile.name} authority does not cover ${risk.lineOfBusiness}.`);
  const problems: string[] = [];
  if (risk.grossPremiumCents > grant.maxPremiumCents) {
    problems.push(`premium ${formatMoney(toCents(risk.grossPremiumCents))} is above the ${profile.name} ${risk.lineOfBusiness} premium authority of ${formatMoney(toCents(grant.maxPremiumCents))}`);
  }
  if (risk.occurrenceLimitCents > grant.maxLimitCents) {
    problems.push(`limit ${formatMoney(toCents(risk.occurrenceLimitCents))} is above the ${profile.name} ${risk.lineOfBusiness} limit authority of ${formatMoney(toCents(grant.maxLimitCents))}`);
  }
  return problems.length ? reason(`The quoting underwriter's authority is exceeded: ${problems.join("; ")}.`) : [];
}

/**
 * Why a new quote needs (another) underwriter, decided inside the quoting transaction. A producer
 * is referred on DA triggers, above the auto-bind threshold and on open knockout hits of a refer
 * rule. An underwriter who prices the risk accepts its knockout hits, and is referred only when
 * the premium or limit is above their own authority.
 */
export async function quoteReferralReasons(
  tx: Tx,
  tenant: TenantContext,
  input: Exposure & {
    submissionId: string;
    triggers: DaReferralTriggers | null;
    facts: { homeState: string; naicsCode: string; annualRevenueCents: number | null; priorLossCount: number };
    autoBindPremiumCents: number;
  },
): Promise<ReferralReason[]> {
  if (!onAutoTier(tenant)) {
    await clearKnockoutHits(tx, tenant, input.submissionId, "underwriter_quoted");
    return authorityShortfall(tx, tenant, input);
  }
  const daReasons = input.triggers
    ? referralReasons({ triggers: input.triggers, facts: input.facts, grossPremiumCents: input.grossPremiumCents, autoBindPremiumCents: input.autoBindPremiumCents })
    : [];
  const knockouts = (await openKnockoutHits(tx, tenant, input.submissionId))
    .filter((hit) => hit.action === "refer")
    .map((hit) => ({ code: hit.reasonCode, rationale: knockoutRationale(hit) }));
  return [...daReasons, ...knockouts];
}

export type BindOrReferOutcome = BindOutcome & { referralId?: string };

/**
 * Binds, and when the only thing in the way is the user's own authority, refers the quote to an
 * underwriter whose authority covers it (the same routing as quote-time referrals) instead of
 * leaving the refusal as the end of the road.
 */
export async function bindOrRefer(db: Database, tenant: TenantContext, request: BindRequest, bindDate: string): Promise<BindOrReferOutcome> {
  const outcome = await bindQuoteOption(db, tenant, request, bindDate);
  if (outcome.ok || outcome.reason !== "checks_failed" || !outcome.failures.every((f) => f.check === "user_authority")) return outcome;
  const referralId = await transactionWithRetry(db, async (tx) => {
    const [row] = await tx
      .select({ option: quoteOptions, quoteId: quotes.id, submissionId: submissions.id, lineOfBusiness: submissions.lineOfBusiness })
      .from(quoteOptions)
      .innerJoin(quotes, and(eq(quotes.orgId, quoteOptions.orgId), eq(quotes.id, quoteOptions.quoteId)))
      .innerJoin(submissions, and(eq(submissions.orgId, quoteOptions.orgId), eq(submissions.id, quotes.submissionId)))
      .where(and(eq(quoteOptions.orgId, tenant.orgId), visibleSubmissions(tenant), eq(quoteOptions.id, request.quoteOptionId)))
      .limit(1)
      .for("update");
    if (!row) return undefined;
    const [pending] = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.orgId, tenant.orgId), eq(referrals.submissionId, row.submissionId), eq(referrals.status, "pending")))
      .limit(1);
    if (pending) return pending.id;
    return raiseReferral(tx, tenant, {
      submissionId: row.submissionId,
      quoteId: row.quoteId,
      reasons: outcome.failures.map((f) => ({ code: "authority_exceeded", rationale: `Bind refused: ${f.detail}.` })),
      lineOfBusiness: row.lineOfBusiness,
      grossPremiumCents: row.option.grossPremiumCents,
      occurrenceLimitCents: row.option.occurrenceLimitCents,
    });
  });
  return referralId ? { ...outcome, referralId } : outcome;
}
