/**
 * What a cancellation returns, step by step, as the user sees it before confirming
 * (DOMAIN.md, Policy lifecycle): days, the pro-rata return, the short-rate penalty, the minimum
 * earned premium, taxes and fees returned, and the commission clawed back. Every amount is rounded
 * once, half-to-even, to the cent.
 */
import { divideRoundHalfEven, multiplyRoundHalfEven, parseDecimal } from "../../utils/decimal.ts";
import { daysBetween } from "../../utils/calendar-date.ts";
import { proRataReturn, type PolicyTerm } from "../policies/earned-premium.ts";
import { transactionCommission } from "../policies/policy-transactions.ts";
import { toCents } from "../../utils/money.ts";

export const CANCELLATION_REASONS = ["insured_request", "company", "non_payment", "flat"] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

export const CANCELLATION_REASON_LABELS: Record<CancellationReason, string> = {
  insured_request: "Insured's request (short-rate)",
  company: "Company / underwriting (pro-rata)",
  non_payment: "Non-payment of premium (pro-rata)",
  flat: "Flat (from inception, full return)",
};

/** Days of notice the insured gets before the cancellation takes effect (DOMAIN.md). */
export function noticeDays(reason: CancellationReason): number {
  if (reason === "non_payment") return 10;
  // The insured asked for it, or nothing was ever in force: no notice to wait out.
  if (reason === "insured_request" || reason === "flat") return 0;
  return 30;
}

export type CancellationInput = {
  reason: CancellationReason;
  term: PolicyTerm;
  cancellationDate: string;
  /**
   * The day the cancellation was asked for. An insured's request made after the policy came into
   * force and dated back to its effective date is not flat (ADR 029): the insurer carried the risk
   * until the request, so it is short-rate with the minimum earned premium.
   */
  requestedOn: string;
  /** The full-term premium in force on the cancellation date (after every earlier endorsement). */
  termPremiumCents: number;
  /** Premium written on the policy so far: the sum of its transactions. */
  writtenPremiumCents: number;
  feesCents: number;
  taxesCents: number;
  /** The program's minimum earned premium as a share of written premium ("0.2500"), if any. */
  minimumEarnedRate: string | null;
  producerCommissionRate: string;
  mgaCommissionRate: string;
};

export type CancellationStep = { label: string; detail: string; amountCents: number };

export type CancellationBreakdown = {
  method: "pro_rata" | "short_rate" | "flat";
  daysInTerm: number;
  daysRemaining: number;
  proRataReturnCents: number;
  penaltyCents: number;
  minimumEarnedCents: number;
  minimumEarnedAdjustmentCents: number;
  returnPremiumCents: number;
  taxesReturnedCents: number;
  feesReturnedCents: number;
  /** Positive: what the producer gives back of the commission on the returned premium. */
  producerCommissionClawbackCents: number;
  mgaCommissionReturnedCents: number;
  totalReturnCents: number;
  earnedPremiumCents: number;
  steps: CancellationStep[];
};

export class CancellationInputError extends Error {
  override readonly name = "CancellationInputError";
}

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function cancellationBreakdown(input: CancellationInput): CancellationBreakdown {
  const { term, cancellationDate } = input;
  if (input.reason === "flat" && cancellationDate !== term.effectiveDate) {
    throw new CancellationInputError(
      `A flat cancellation takes effect on the policy's effective date, ${term.effectiveDate}, not ${cancellationDate}.`,
    );
  }
  if (cancellationDate < term.effectiveDate || cancellationDate >= term.expirationDate) {
    throw new CancellationInputError(
      `The cancellation date ${cancellationDate} must fall within the policy term ${term.effectiveDate} to ${term.expirationDate} (before the expiration date).`,
    );
  }
  // DOMAIN.md: flat means nothing was in force. An insured's request dated back to inception after
  // the policy incepted is still a request after inception: short-rate, minimum earned applies.
  // A "flat" cancellation (written in error, the company's decision) returns everything whenever.
  const backdatedRequest = input.reason === "insured_request" && input.requestedOn > term.effectiveDate;
  const isFlat = cancellationDate === term.effectiveDate && !backdatedRequest;
  const proRata = proRataReturn({ premiumCents: toCents(input.termPremiumCents), term, cancellationDate });
  // The term premium now in force may differ from what was written (mid-term endorsements): the
  // return is never more than was written.
  const proRataReturnCents = isFlat
    ? input.writtenPremiumCents
    : Math.min(proRata.proRataReturnCents, input.writtenPremiumCents);
  const shortRate = input.reason === "insured_request" && !isFlat;
  const penaltyCents = shortRate ? Number(divideRoundHalfEven(BigInt(proRataReturnCents), 10n)) : 0;
  const afterPenalty = proRataReturnCents - penaltyCents;
  // DOMAIN: the minimum earned premium applies to insured-requested cancellations after inception.
  const minimumEarnedCents =
    shortRate && input.minimumEarnedRate
      ? Number(multiplyRoundHalfEven(BigInt(input.writtenPremiumCents), parseDecimal(input.minimumEarnedRate)))
      : 0;
  const maxReturn = Math.max(input.writtenPremiumCents - minimumEarnedCents, 0);
  const returnPremiumCents = Math.min(afterPenalty, maxReturn);
  const minimumEarnedAdjustmentCents = afterPenalty - returnPremiumCents;
  // Premium taxes follow the premium they were charged on; policy fees are earned at inception
  // and return only when the policy never came into force.
  const taxesReturnedCents =
    input.writtenPremiumCents === 0
      ? 0
      : Number(
          divideRoundHalfEven(BigInt(input.taxesCents) * BigInt(returnPremiumCents), BigInt(input.writtenPremiumCents)),
        );
  const feesReturnedCents = isFlat ? input.feesCents : 0;
  const commission = transactionCommission({
    premiumCents: -returnPremiumCents,
    producerCommissionRate: input.producerCommissionRate,
    mgaCommissionRate: input.mgaCommissionRate,
  });
  const producerCommissionClawbackCents = -commission.producerCommissionCents || 0;
  const mgaCommissionReturnedCents = -commission.mgaCommissionCents || 0;
  const totalReturnCents = returnPremiumCents + taxesReturnedCents + feesReturnedCents;
  const method = isFlat ? "flat" : shortRate ? "short_rate" : "pro_rata";

  const steps: CancellationStep[] = [
    {
      label: "Days",
      detail: `${proRata.daysRemaining} of ${proRata.daysInTerm} days remain from ${cancellationDate} (term ${term.effectiveDate} to ${term.expirationDate}, ${daysBetween(term.effectiveDate, cancellationDate)} days in force)${backdatedRequest && cancellationDate === term.effectiveDate ? `; asked for on ${input.requestedOn}, after the policy came into force, so not flat` : ""}`,
      amountCents: 0,
    },
    {
      label: "Pro-rata return",
      detail: isFlat
        ? `Flat cancellation: all ${dollars(input.writtenPremiumCents)} written premium returns`
        : `${dollars(input.termPremiumCents)} term premium × ${proRata.daysRemaining} / ${proRata.daysInTerm}`,
      amountCents: proRataReturnCents,
    },
  ];
  if (shortRate)
    steps.push({ label: "Short-rate penalty", detail: "10% of the pro-rata return", amountCents: -penaltyCents });
  if (minimumEarnedCents > 0)
    steps.push({
      label: "Minimum earned premium",
      detail: `${dollars(minimumEarnedCents)} (${input.minimumEarnedRate} of ${dollars(input.writtenPremiumCents)} written) must stay earned`,
      amountCents: -minimumEarnedAdjustmentCents,
    });
  steps.push(
    { label: "Return premium", detail: method.replace("_", "-"), amountCents: returnPremiumCents },
    {
      label: "Taxes returned",
      detail: `${dollars(input.taxesCents)} taxes × ${dollars(returnPremiumCents)} / ${dollars(input.writtenPremiumCents)}`,
      amountCents: taxesReturnedCents,
    },
    {
      label: "Fees returned",
      detail: isFlat ? "Flat cancellation: policy fees return" : "Policy fees are earned at inception",
      amountCents: feesReturnedCents,
    },
    {
      label: "Commission clawed back from the producer",
      detail: `${input.producerCommissionRate} of the return premium`,
      amountCents: producerCommissionClawbackCents,
    },
    { label: "Total returned to the insured", detail: "return premium + taxes + fees", amountCents: totalReturnCents },
  );

  return {
    method,
    daysInTerm: proRata.daysInTerm,
    daysRemaining: proRata.daysRemaining,
    proRataReturnCents,
    penaltyCents,
    minimumEarnedCents,
    minimumEarnedAdjustmentCents,
    returnPremiumCents,
    taxesReturnedCents,
    feesReturnedCents,
    producerCommissionClawbackCents,
    mgaCommissionReturnedCents,
    totalReturnCents,
    earnedPremiumCents: input.writtenPremiumCents - returnPremiumCents,
    steps,
  };
}

/**
 * How a return is settled against what the insured has paid: the part already received becomes
 * a credit (refunded or applied by finance); the rest only lowers what is still owed.
 */
export function settleReturn(input: { returnCents: number; paidCents: number; totalDueAfterCents: number }): {
  creditCents: number;
  reducesUnpaidCents: number;
} {
  const excess = input.paidCents - input.totalDueAfterCents;
  const creditCents = Math.max(0, Math.min(input.returnCents, excess));
  return { creditCents, reducesUnpaidCents: input.returnCents - creditCents };
}
