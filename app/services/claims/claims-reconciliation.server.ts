/**
 * Claims in reconciliation: the book's paid, reserve, incurred and recovered totals, and every
 * claim whose figures differ from what its postings put on the ledger's RESERVES and
 * CLAIMS_PAID accounts (the ledger side itself is checked transfer by transfer by `reconcile`).
 */
import type { Database } from "../../../db/client.ts";
import { listClaimFigures, sumClaimPostingsByClaim } from "../../models/claims.server.ts";
import { ACCOUNT, TRANSFER_CODES } from "../ledger/chart.ts";

export type ClaimsReconciliation = {
  totals: { paidCents: number; reserveCents: number; incurredCents: number; recoveredCents: number };
  breaks: { claimId: string; claimNumber: string; detail: string }[];
  claimsChecked: number;
};

export async function reconcileClaims(db: Database, orgId: string): Promise<ClaimsReconciliation> {
  const [figures, sums] = await Promise.all([
    listClaimFigures(db, orgId),
    sumClaimPostingsByClaim(db, orgId, {
      reserves: ACCOUNT.RESERVES,
      claimsPaid: ACCOUNT.CLAIMS_PAID,
      recoveryCode: TRANSFER_CODES.CLAIM_RECOVERY,
    }),
  ]);
  const posted = new Map(sums.map((s) => [s.claimId, s]));
  const totals = { paidCents: 0, reserveCents: 0, incurredCents: 0, recoveredCents: 0 };
  const breaks: ClaimsReconciliation["breaks"] = [];
  for (const c of figures) {
    totals.paidCents += c.paidCents;
    totals.reserveCents += c.caseReserveCents;
    totals.incurredCents += c.paidCents + c.caseReserveCents;
    totals.recoveredCents += c.recoveredCents;
    const p = posted.get(c.id) ?? { reserveCents: 0, paidNetCents: 0, recoveredCents: 0 };
    const problems = [];
    if (p.reserveCents !== c.caseReserveCents)
      problems.push(`case reserve ${c.caseReserveCents} cents, its postings hold ${p.reserveCents}`);
    if (p.paidNetCents !== c.paidCents - c.recoveredCents)
      problems.push(`paid less recovered ${c.paidCents - c.recoveredCents} cents, its postings hold ${p.paidNetCents}`);
    if (p.recoveredCents !== c.recoveredCents)
      problems.push(`recovered ${c.recoveredCents} cents, its postings hold ${p.recoveredCents}`);
    if (problems.length) breaks.push({ claimId: c.id, claimNumber: c.claimNumber, detail: problems.join("; ") });
  }
  return { totals, breaks, claimsChecked: figures.length };
}
