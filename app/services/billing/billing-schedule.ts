import { addCents, allocate, isCents, MoneyError, toCents, type Cents } from "../../utils/money.ts";
import { addMonths } from "../../utils/calendar-date.ts";

export const INSTALLMENT_PLANS = ["PIF", "TWO_PAY", "QUARTERLY", "MONTHLY_10"] as const;
export type InstallmentPlan = (typeof INSTALLMENT_PLANS)[number];

export function isInstallmentPlan(value: string): value is InstallmentPlan {
  return (INSTALLMENT_PLANS as readonly string[]).includes(value);
}

interface PlanShape {
  /** Relative size of each installment, in order; shares are computed by `allocate`. */
  readonly weights: readonly number[];
  /** Months after the effective date the installment at `index` (0-based) falls due. */
  readonly dueMonth: (index: number) => number;
  readonly feeCents: Cents;
}

// The down payment of MONTHLY_10 is two tenths (it covers two months), then eight tenths follow
// monthly, so the last falls due in month 8 and the policy is paid up well before it expires.
const PLANS: Record<InstallmentPlan, PlanShape> = {
  PIF: { weights: [1], dueMonth: () => 0, feeCents: toCents(0) },
  TWO_PAY: { weights: [1, 1], dueMonth: (index) => index * 6, feeCents: toCents(0) },
  QUARTERLY: { weights: [1, 1, 1, 1], dueMonth: (index) => index * 3, feeCents: toCents(500) },
  MONTHLY_10: { weights: [2, 1, 1, 1, 1, 1, 1, 1, 1], dueMonth: (index) => index, feeCents: toCents(800) },
};

export interface Installment {
  /** 1-based. */
  readonly number: number;
  readonly dueDate: string;
  /** This installment's share of the policy total; the shares sum to the total exactly. */
  readonly shareCents: Cents;
  /** The plan's installment fee, charged on every installment including the first. */
  readonly feeCents: Cents;
  readonly amountCents: Cents;
  readonly status: "pending";
}

export interface InstallmentOptions {
  /** What the insured owes for the policy: premium, policy fees and taxes. */
  readonly totalCents: Cents;
  /** Per-installment fee; defaults to the plan's ($5 QUARTERLY, $8 MONTHLY_10, none otherwise). */
  readonly feeCents?: Cents | undefined;
  readonly effectiveDate: string;
}

/**
 * The billing schedule for a plan. Shares are truncated and the rounding residue goes on the
 * first installment (the billing rule), so the shares always sum to `totalCents`. Due dates are
 * the effective date plus whole months, each counted from the effective date and clamped to
 * month end: a Jan 31 policy on MONTHLY_10 is due Feb 28 (29), Mar 31, Apr 30, ...
 */
export function buildInstallments(plan: InstallmentPlan, options: InstallmentOptions): Installment[] {
  const { totalCents, effectiveDate } = options;
  const shape = PLANS[plan];
  const feeCents = options.feeCents ?? shape.feeCents;
  for (const [name, value] of [
    ["totalCents", totalCents],
    ["feeCents", feeCents],
  ] as const) {
    if (!isCents(value) || value < 0) {
      throw new MoneyError(`${name} must be a non-negative whole number of cents, got ${value}`);
    }
  }
  const shares = allocate(totalCents, shape.weights);
  return shares.map((shareCents, index) => ({
    number: index + 1,
    dueDate: addMonths(effectiveDate, shape.dueMonth(index)),
    shareCents,
    feeCents,
    amountCents: addCents(shareCents, feeCents),
    status: "pending",
  }));
}

export const PLAN_NAMES: Record<InstallmentPlan, string> = {
  PIF: "Paid in full",
  TWO_PAY: "Two payments",
  QUARTERLY: "Quarterly",
  MONTHLY_10: "Monthly",
};

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * A payment plan as a producer chooses it for one quote: its name, what each installment comes to
 * (the first carries any rounding residue) and the plan's fees, e.g. "Quarterly: $1,255.03 then
 * 3 × $1,255.00 · $5.00 fee per installment ($20.00 in all) · $5,020.03 in all".
 */
export function describePlan(plan: InstallmentPlan, options: InstallmentOptions): string {
  const installments = buildInstallments(plan, options);
  const [first, ...rest] = installments;
  if (!first) return PLAN_NAMES[plan];
  const total = installments.reduce((sum, i) => sum + i.amountCents, 0);
  const fees = installments.reduce((sum, i) => sum + i.feeCents, 0);
  const last = rest.at(-1);
  const restEqual = last !== undefined && rest.every((i) => i.amountCents === last.amountCents);
  const parts =
    last === undefined
      ? dollars(first.amountCents)
      : restEqual
        ? `${dollars(first.amountCents)} then ${rest.length === 1 ? "" : `${rest.length} × `}${dollars(last.amountCents)}`
        : installments.map((i) => dollars(i.amountCents)).join(" + ");
  const feeText = fees === 0 ? "no fees" : `${dollars(first.feeCents)} fee per installment (${dollars(fees)} in all)`;
  return last === undefined
    ? `${PLAN_NAMES[plan]}: ${parts} · ${feeText}`
    : `${PLAN_NAMES[plan]}: ${parts} · ${feeText} · ${dollars(total)} in all`;
}
