import type { Database } from "../../../db/client.ts";
import type { LineOfBusiness, ReferralReason } from "../../../db/schema/index.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { findOwnAuthorityProfile } from "../../models/authority.server.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import type { DaReferralTriggers } from "../policies/da-agreement.ts";
import { referralReasons } from "./referrals.server.ts";
import type { Transaction as Tx } from "../../../db/transaction.ts";
import { knockoutRationale } from "./knockouts.ts";
import { clearKnockoutHits, openKnockoutHits } from "./knockouts.server.ts";

/** Producers bind on the auto tier: the program's auto-bind threshold is their ceiling. */
export function onAutoTier(tenant: TenantContext): boolean {
  return tenant.roles.some((r) => r === "producer" || r === "agency_admin");
}

type Exposure = { lineOfBusiness: LineOfBusiness; grossPremiumCents: number; occurrenceLimitCents: number };

/** Why the user's own authority profile does not cover a premium and limit; empty when it does. */
export async function authorityShortfall(
  db: Database | Tx,
  tenant: TenantContext,
  risk: Exposure,
): Promise<ReferralReason[]> {
  const profile = await findOwnAuthorityProfile(db, tenant);
  const reason = (rationale: string): ReferralReason[] => [{ code: "authority_exceeded", rationale }];
  if (!profile) return reason("The quoting user has no underwriting authority profile.");
  const grant = profile.grants.find((g) => g.lineOfBusiness === risk.lineOfBusiness);
  if (!grant) return reason(`The ${profile.name} authority does not cover ${risk.lineOfBusiness}.`);
  const problems: string[] = [];
  if (risk.grossPremiumCents > grant.maxPremiumCents) {
    problems.push(
      `premium ${formatMoney(toCents(risk.grossPremiumCents))} is above the ${profile.name} ${risk.lineOfBusiness} premium authority of ${formatMoney(toCents(grant.maxPremiumCents))}`,
    );
  }
  if (risk.occurrenceLimitCents > grant.maxLimitCents) {
    problems.push(
      `limit ${formatMoney(toCents(risk.occurrenceLimitCents))} is above the ${profile.name} ${risk.lineOfBusiness} limit authority of ${formatMoney(toCents(grant.maxLimitCents))}`,
    );
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
    /** The submission's open knockout hits when the caller read them already (before the transaction). */
    openKnockoutHits?: Awaited<ReturnType<typeof openKnockoutHits>>;
  },
): Promise<ReferralReason[]> {
  if (!onAutoTier(tenant)) {
    await clearKnockoutHits(tx, tenant, input.submissionId, "underwriter_quoted");
    return authorityShortfall(tx, tenant, input);
  }
  const daReasons = input.triggers
    ? referralReasons({
        triggers: input.triggers,
        facts: input.facts,
        grossPremiumCents: input.grossPremiumCents,
        autoBindPremiumCents: input.autoBindPremiumCents,
      })
    : [];
  const knockouts = (input.openKnockoutHits ?? (await openKnockoutHits(tx, tenant, input.submissionId)))
    .filter((hit) => hit.action === "refer")
    .map((hit) => ({ code: hit.reasonCode, rationale: knockoutRationale(hit) }));
  return [...daReasons, ...knockouts];
}
