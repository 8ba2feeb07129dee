/**
 * How one premium payment divides between the parties it is owed to (DOMAIN.md, Ledger).
 *
 * The payment is first apportioned over what the invoice bills: the plan's installment fee and
 * a share of the policy total, which itself is premium, policy fees and taxes in the policy's
 * proportions. Producer and MGA commission are rates of the premium part; the carrier gets what
 * is left, so the legs always sum to the payment exactly. Each apportioned amount is rounded
 * half-to-even to the cent, the rule for every recorded step.
 */
import { ACCOUNT, TRANSFER_CODES, type PostingLeg } from "./chart.ts";
import {
  compareDecimals,
  DECIMAL_ONE,
  DECIMAL_ZERO,
  addDecimals,
  divideRoundHalfEven,
  isDecimalString,
  multiplyRoundHalfEven,
  parseDecimal,
} from "../../utils/decimal.ts";

export type PolicyComposition = {
  grossPremiumCents: number;
  feesCents: number;
  taxesCents: number;
};

export type PremiumSplitInput = {
  /** What the insured paid now: a positive whole number of cents, at most the invoice amount. */
  paymentCents: number;
  /** The invoice being paid and the part of it that is the plan's installment fee. */
  invoice: { amountCents: number; installmentFeeCents: number };
  policy: PolicyComposition;
  /** Decimal strings from 0 to 1, e.g. "0.1500". */
  producerCommissionRate: string;
  mgaCommissionRate: string;
};

export type PremiumSplit = {
  paymentCents: number;
  producerCommissionCents: number;
  mgaCommissionCents: number;
  feesCents: number;
  premiumTaxCents: number;
  netToCarrierCents: number;
};

export class PremiumSplitError extends Error {
  override readonly name = "PremiumSplitError";
}

/** The largest payment the ledger client accepts: $10 million, far above any premium we write. */
export const MAX_PAYMENT_CENTS = 1_000_000_000;

function wholeCents(name: string, value: number, { positive = false } = {}): bigint {
  if (!Number.isSafeInteger(value))
    throw new PremiumSplitError(`${name} must be a whole number of cents, got ${value}`);
  if (value < 0 || (positive && value === 0))
    throw new PremiumSplitError(`${name} must be ${positive ? "more than" : "at least"} zero, got ${value}`);
  return BigInt(value);
}

function rate(name: string, text: string) {
  if (!isDecimalString(text)) throw new PremiumSplitError(`${name} must be a decimal such as 0.15, got "${text}"`);
  const value = parseDecimal(text);
  if (compareDecimals(value, DECIMAL_ZERO) < 0 || compareDecimals(value, DECIMAL_ONE) > 0) {
    throw new PremiumSplitError(`${name} must be between 0 and 1, got ${text}`);
  }
  return value;
}

/** amount × part / whole, half-to-even; `whole` is positive. */
function share(amount: bigint, part: bigint, whole: bigint): bigint {
  return divideRoundHalfEven(amount * part, whole);
}

export function splitPremiumPayment(input: PremiumSplitInput): PremiumSplit {
  const payment = wholeCents("the payment", input.paymentCents, { positive: true });
  if (payment > BigInt(MAX_PAYMENT_CENTS))
    throw new PremiumSplitError(`the payment may be at most ${MAX_PAYMENT_CENTS} cents, got ${input.paymentCents}`);
  const invoiceAmount = wholeCents("the invoice amount", input.invoice.amountCents, { positive: true });
  const installmentFee = wholeCents("the installment fee", input.invoice.installmentFeeCents);
  if (installmentFee > invoiceAmount)
    throw new PremiumSplitError("the installment fee cannot exceed the invoice amount");
  if (payment > invoiceAmount)
    throw new PremiumSplitError(
      `the payment (${input.paymentCents}) exceeds the invoice amount (${input.invoice.amountCents})`,
    );
  const gross = wholeCents("the gross premium", input.policy.grossPremiumCents);
  const policyFees = wholeCents("the policy fees", input.policy.feesCents);
  const taxes = wholeCents("the taxes", input.policy.taxesCents);
  const policyTotal = gross + policyFees + taxes;
  if (policyTotal === 0n) throw new PremiumSplitError("the policy has no premium, fees or taxes to pay");
  const producerRate = rate("the producer commission rate", input.producerCommissionRate);
  const mgaRate = rate("the MGA commission rate", input.mgaCommissionRate);
  if (compareDecimals(addDecimals(producerRate, mgaRate), DECIMAL_ONE) > 0) {
    throw new PremiumSplitError("producer and MGA commission together cannot exceed 100% of the premium");
  }

  const feePortion = share(payment, installmentFee, invoiceAmount);
  const policyPortion = payment - feePortion;
  const premiumTax = share(policyPortion, taxes, policyTotal);
  const policyFeePortion = share(policyPortion, policyFees, policyTotal);
  const premium = policyPortion - premiumTax - policyFeePortion;
  const producerCommission = multiplyRoundHalfEven(premium, producerRate);
  const mgaCommission = multiplyRoundHalfEven(premium, mgaRate);
  // Each commission rounds on its own, so together they can pass the premium by a cent when
  // the rates sum to exactly 1; the MGA gives that cent back rather than the carrier going negative.
  const room = premium - producerCommission;
  // biome-ignore lint/complexity/useMathMinMax: these are bigints, which Math.min does not take
  const mgaCapped = mgaCommission > room ? room : mgaCommission;

  return {
    paymentCents: Number(payment),
    producerCommissionCents: Number(producerCommission),
    mgaCommissionCents: Number(mgaCapped),
    feesCents: Number(feePortion + policyFeePortion),
    premiumTaxCents: Number(premiumTax),
    netToCarrierCents: Number(premium - producerCommission - mgaCapped),
  };
}

/** The chain of a premium payment: every leg is paid out of the receipt in the premium trust account. */
export function premiumPaymentLegs(split: PremiumSplit): PostingLeg[] {
  const fromTrust = (
    leg: string,
    credit: PostingLeg["credit"],
    amountCents: number,
    transferCode: number,
  ): PostingLeg => ({ leg, debit: ACCOUNT.MGA_FIDUCIARY, credit, amountCents, transferCode });
  return [
    fromTrust(
      "producer_commission",
      ACCOUNT.PRODUCER_PAYABLE,
      split.producerCommissionCents,
      TRANSFER_CODES.COMMISSION_SPLIT,
    ),
    fromTrust("mga_commission", ACCOUNT.MGA_REVENUE, split.mgaCommissionCents, TRANSFER_CODES.COMMISSION_SPLIT),
    fromTrust("fees", ACCOUNT.MGA_REVENUE, split.feesCents, TRANSFER_CODES.FEE_SPLIT),
    fromTrust("premium_tax", ACCOUNT.TAX_AUTHORITY_PAYABLE, split.premiumTaxCents, TRANSFER_CODES.TAX_SPLIT),
    fromTrust("net_to_carrier", ACCOUNT.CARRIER_PAYABLE, split.netToCarrierCents, TRANSFER_CODES.PREMIUM_PAYMENT),
  ];
}
