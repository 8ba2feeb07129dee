/**
 * A claim's money in integer cents: reserves per type, payments that draw them down, recoveries,
 * and the figures derived from them (DOMAIN.md: case reserve = current sum, incurred = paid +
 * case reserve). Pure; the workflows check every change here before writing it.
 */
import type { ReserveType } from "../../../db/schema/claim-handling.ts";

export type ClaimFigures = {
  indemnityReserveCents: number;
  expenseReserveCents: number;
  paidIndemnityCents: number;
  paidExpenseCents: number;
  recoveredCents: number;
};

export const NO_MONEY: ClaimFigures = {
  indemnityReserveCents: 0,
  expenseReserveCents: 0,
  paidIndemnityCents: 0,
  paidExpenseCents: 0,
  recoveredCents: 0,
};

export type ClaimTotals = {
  caseReserveCents: number;
  paidCents: number;
  incurredCents: number;
  recoveredCents: number;
  /** Incurred less what was recovered: the claim's cost to the program. */
  netIncurredCents: number;
};

export function claimTotals(f: ClaimFigures): ClaimTotals {
  const caseReserveCents = f.indemnityReserveCents + f.expenseReserveCents;
  const paidCents = f.paidIndemnityCents + f.paidExpenseCents;
  const incurredCents = paidCents + caseReserveCents;
  return {
    caseReserveCents,
    paidCents,
    incurredCents,
    recoveredCents: f.recoveredCents,
    netIncurredCents: incurredCents - f.recoveredCents,
  };
}

export function reserveOf(f: ClaimFigures, type: ReserveType): number {
  return type === "indemnity" ? f.indemnityReserveCents : f.expenseReserveCents;
}

function withReserve(f: ClaimFigures, type: ReserveType, cents: number): ClaimFigures {
  return type === "indemnity" ? { ...f, indemnityReserveCents: cents } : { ...f, expenseReserveCents: cents };
}

const wholeCents = (n: number) => Number.isSafeInteger(n);

export type ReserveDecision =
  | { ok: true; deltaCents: number; totalReserveAfterCents: number; needsApproval: boolean; after: ClaimFigures }
  | { ok: false; message: string };

/**
 * A request to set the reserve of one type to `newCents`. `authorityCents` is the requester's
 * reserve authority (null: unlimited, a supervisor). A change that raises the claim's total case
 * reserve above the authority waits for a supervisor; lowering a reserve never does.
 */
export function decideReserveChange(
  f: ClaimFigures,
  type: ReserveType,
  newCents: number,
  authorityCents: number | null,
): ReserveDecision {
  if (!wholeCents(newCents) || newCents < 0)
    return { ok: false, message: "The reserve must be zero or a positive amount in whole cents." };
  const current = reserveOf(f, type);
  if (newCents === current)
    return { ok: false, message: `The ${type} reserve is already ${current} cents: nothing would change.` };
  const after = withReserve(f, type, newCents);
  const totalAfter = claimTotals(after).caseReserveCents;
  const deltaCents = newCents - current;
  const needsApproval = deltaCents > 0 && authorityCents !== null && totalAfter > authorityCents;
  return { ok: true, deltaCents, totalReserveAfterCents: totalAfter, needsApproval, after };
}

export type MoneyDecision = { ok: true; after: ClaimFigures } | { ok: false; message: string };

/**
 * A payment of one type draws its reserve down by the amount paid, and may never take it below
 * zero: the reserve is raised first, with its rationale (and approval where needed).
 * `authorityCents` is the payer's payment authority per payment (null: unlimited).
 */
export function decidePayment(
  f: ClaimFigures,
  type: ReserveType,
  amountCents: number,
  authorityCents: number | null,
): MoneyDecision {
  if (!wholeCents(amountCents) || amountCents <= 0)
    return { ok: false, message: "The payment must be a positive amount in whole cents." };
  if (authorityCents !== null && amountCents > authorityCents)
    return {
      ok: false,
      message: `The payment is above your payment authority of ${authorityCents} cents: a claims supervisor makes it.`,
    };
  const reserve = reserveOf(f, type);
  if (amountCents > reserve)
    return {
      ok: false,
      message: `The payment is more than the ${reserve} cents ${type} reserve: raise the reserve first.`,
    };
  const after = withReserve(f, type, reserve - amountCents);
  return {
    ok: true,
    after:
      type === "indemnity"
        ? { ...after, paidIndemnityCents: f.paidIndemnityCents + amountCents }
        : { ...after, paidExpenseCents: f.paidExpenseCents + amountCents },
  };
}

/** A recovery (salvage, subrogation, deductible reimbursement) is a receipt: it changes no reserve. */
export function decideRecovery(f: ClaimFigures, amountCents: number): MoneyDecision {
  if (!wholeCents(amountCents) || amountCents <= 0)
    return { ok: false, message: "The recovery must be a positive amount in whole cents." };
  return { ok: true, after: { ...f, recoveredCents: f.recoveredCents + amountCents } };
}
