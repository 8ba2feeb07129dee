import type { Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { insertBreachAttempt } from "../../models/da-monitoring.server.ts";
import { createId } from "../../utils/ids.ts";
import { recordDomainEventOnce } from "../events/domain-events.server.ts";
import type { PreBindCheckName } from "../policies/check-result.ts";
import { daAgreementQuarter, type DaAgreementTerms } from "../policies/da-agreement.ts";
import { thresholdsCrossed, utilizationAlertKey } from "./da-utilization.ts";

/** The checks that judge the carrier's grant (runDaChecks); the others are the MGA's own rules. */
const DA_CHECKS: ReadonlySet<string> = new Set<PreBindCheckName>([
  "da_agreement_in_force",
  "da_per_policy_limits",
  "da_aggregate_gwp",
  "state_authorized",
  "naics_not_excluded",
]);

/**
 * Records an attempt to write outside the carrier's grant, in the caller's transaction: a bind a
 * DA check refused, or a quote a DA check referred (its `daFlags`: priced, but bind is blocked
 * until the carrier clears it). The carrier sees every attempt, not only the binds that got
 * through. Returns whether one was recorded (only DA checks count, not the MGA's own rules).
 */
export async function recordBreachAttempt(
  tx: Transaction,
  tenant: TenantContext,
  attempt: {
    outcome: "refused" | "referred";
    agreementId: string;
    submissionId: string;
    quoteId: string;
    grossPremiumCents: number;
    attemptedOn: string;
    failures: readonly { check: string; detail: string }[];
  },
): Promise<boolean> {
  const daFailures = attempt.failures.filter((f) => DA_CHECKS.has(f.check));
  if (daFailures.length === 0) return false;
  await insertBreachAttempt(tx, {
    id: createId("dab"),
    orgId: tenant.orgId,
    daAgreementId: attempt.agreementId,
    submissionId: attempt.submissionId,
    quoteId: attempt.quoteId,
    userId: tenant.userId,
    outcome: attempt.outcome,
    checks: daFailures.map((f) => ({ check: f.check, detail: f.detail })),
    grossPremiumCents: attempt.grossPremiumCents,
    attemptedOn: attempt.attemptedOn,
  });
  return true;
}

/**
 * After a bind adds premium to an agreement: raises `da.utilization_alert` for each threshold
 * (75, 90, 100%) of the annual or quarterly limit the bind carried it across, once per threshold
 * and period even if two binds race past it (the once-key is claimed in the bind's transaction).
 */
export async function raiseUtilizationAlerts(
  tx: Transaction,
  orgId: string,
  agreement: { id: string; carrierId: string; terms: DaAgreementTerms; quarterToDateGwpCents: number | undefined },
  premiumCents: number,
  bindDate: string,
): Promise<number> {
  const { terms } = agreement;
  const periods = [
    {
      limit: "annual" as const,
      period: terms.effectiveDate,
      before: terms.boundGwpCents,
      limitCents: terms.annualGwpLimitCents,
    },
    ...(terms.quarterlyGwpLimitCents !== null && agreement.quarterToDateGwpCents !== undefined
      ? [
          {
            limit: "quarterly" as const,
            period: daAgreementQuarter(terms.effectiveDate, bindDate).start,
            before: agreement.quarterToDateGwpCents,
            limitCents: terms.quarterlyGwpLimitCents,
          },
        ]
      : []),
  ];
  let raised = 0;
  for (const p of periods) {
    for (const threshold of thresholdsCrossed(p.before, p.before + premiumCents, p.limitCents)) {
      const id = await recordDomainEventOnce(
        tx,
        orgId,
        utilizationAlertKey(agreement.id, p.period, threshold),
        "da.utilization_alert",
        {
          agreementId: agreement.id,
          carrierId: agreement.carrierId,
          reference: terms.reference,
          limit: p.limit,
          periodStart: p.period,
          threshold,
          usedCents: p.before + premiumCents,
          limitCents: p.limitCents,
        },
      );
      if (id) raised += 1;
    }
  }
  return raised;
}
