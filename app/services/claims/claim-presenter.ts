/**
 * The `/v1` shapes of a claim. The full shape takes a claim already passed through
 * `redactClaimForViewer` (claim-view.server.ts); an API key never sees PHI, so its claimants
 * arrive masked and `phiRedacted` is true.
 */
import { z } from "zod";
import { claimTotals, type ClaimFigures } from "./claim-money.ts";
import type { ClaimantPhi } from "./phi.ts";

type ClaimListRow = ClaimFigures & {
  id: string;
  claimNumber: string;
  status: string;
  dateOfLoss: string;
  reportedOn: string;
  lossType: string;
  lossState: string | null;
  coverageFlag: string | null;
  policyNumber: string;
  insuredName: string;
};

export function presentClaimSummary(c: {
  id: string;
  claimNumber: string;
  status: string;
  dateOfLoss: string;
  reportedOn: string;
  lossType: string;
  lossState: string | null;
  coverageFlag: string | null;
  policyNumber: string;
  insuredName: string;
  caseReserveCents: number;
  paidCents: number;
  recoveredCents: number;
}) {
  return {
    id: c.id,
    claimNumber: c.claimNumber,
    status: c.status,
    policyNumber: c.policyNumber,
    insuredName: c.insuredName,
    dateOfLoss: c.dateOfLoss,
    reportedOn: c.reportedOn,
    lossType: c.lossType,
    lossState: c.lossState,
    noCoverageOnDateOfLoss: c.coverageFlag !== null,
    caseReserveCents: c.caseReserveCents,
    paidCents: c.paidCents,
    incurredCents: c.caseReserveCents + c.paidCents,
    recoveredCents: c.recoveredCents,
  };
}

export function presentClaim(
  c: ClaimListRow & {
    policyId: string;
    timeOfLoss: string | null;
    lossCause: string | null;
    lossLocation: string | null;
    description: string | null;
    injuries: boolean;
    channel: string | null;
    assignedAdjusterId: string | null;
    claimants: readonly { role: string; phi: ClaimantPhi }[];
    phiVisible: boolean;
  },
) {
  const totals = claimTotals(c);
  return {
    id: c.id,
    claimNumber: c.claimNumber,
    status: c.status,
    policy: { id: c.policyId, policyNumber: c.policyNumber },
    insuredName: c.insuredName,
    dateOfLoss: c.dateOfLoss,
    timeOfLoss: c.timeOfLoss,
    reportedOn: c.reportedOn,
    channel: c.channel,
    lossType: c.lossType,
    lossCause: c.lossCause,
    lossState: c.lossState,
    lossLocation: c.lossLocation,
    description: c.description,
    injuries: c.injuries,
    noCoverageOnDateOfLoss: c.coverageFlag !== null,
    adjusterAssigned: c.assignedAdjusterId !== null,
    reserves: {
      indemnityCents: c.indemnityReserveCents,
      expenseCents: c.expenseReserveCents,
      caseCents: totals.caseReserveCents,
    },
    paid: { indemnityCents: c.paidIndemnityCents, expenseCents: c.paidExpenseCents, totalCents: totals.paidCents },
    incurredCents: totals.incurredCents,
    recoveredCents: totals.recoveredCents,
    claimants: c.claimants.map((cl) => ({ role: cl.role, ...cl.phi })),
    phiRedacted: !c.phiVisible,
  };
}

/**
 * Opaque cursor of the claims list: the last row's reported date and id, in base64url, so it can
 * go into a query string as it is (standard base64's "+" would arrive as a space).
 */
export function encodeClaimCursor(row: { reportedOn: string; id: string }): string {
  return btoa(JSON.stringify([row.reportedOn, row.id]))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replaceAll("=", "");
}

export function decodeClaimCursor(cursor: string): { reportedOn: string; id: string } | null {
  try {
    const [reportedOn, id] = JSON.parse(atob(cursor.replaceAll("-", "+").replaceAll("_", "/"))) as unknown[];
    if (typeof reportedOn !== "string" || !z.iso.date().safeParse(reportedOn).success || typeof id !== "string")
      return null;
    return { reportedOn, id };
  } catch {
    return null;
  }
}
