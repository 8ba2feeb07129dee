/**
 * The claim state machine of DOMAIN.md: open -> investigating -> reserved -> in_settlement ->
 * settled -> closed; investigating -> litigated -> in_defense -> settled; any open state ->
 * denied -> closed. Pure: the workflow asks it before changing a status.
 */
import type { ClaimStatus } from "../../../db/schema/claims.ts";

const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = {
  open: ["investigating", "denied"],
  investigating: ["reserved", "litigated", "denied"],
  reserved: ["in_settlement", "denied"],
  in_settlement: ["settled", "denied"],
  litigated: ["in_defense", "denied"],
  in_defense: ["settled", "denied"],
  settled: ["closed"],
  denied: ["closed"],
  closed: [],
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  open: "Open",
  investigating: "Investigating",
  reserved: "Reserved",
  in_settlement: "In settlement",
  settled: "Settled",
  closed: "Closed",
  litigated: "Litigated",
  in_defense: "In defense",
  denied: "Denied",
};

export function nextClaimStatuses(from: ClaimStatus): readonly ClaimStatus[] {
  return NEXT[from];
}

export function canMoveClaim(from: ClaimStatus, to: ClaimStatus): boolean {
  return NEXT[from].includes(to);
}

/** Statuses in which money may still move on the claim (reserves, payments, recoveries). */
export function claimIsOpen(status: ClaimStatus): boolean {
  return status !== "closed";
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether a transition may happen, with what it needs: a denial needs its reason, closing
 * needs a reason and no reserve left outstanding (closing zeroes nothing by itself: the
 * adjuster releases the reserve with a rationale first).
 */
export function checkClaimTransition(
  claim: { status: ClaimStatus; caseReserveCents: number },
  to: ClaimStatus,
  reason: string | null | undefined,
): TransitionCheck {
  if (!canMoveClaim(claim.status, to)) {
    const allowed = NEXT[claim.status].map((s) => CLAIM_STATUS_LABELS[s]).join(", ") || "none";
    return {
      ok: false,
      message: `A claim ${CLAIM_STATUS_LABELS[claim.status].toLowerCase()} cannot become ${CLAIM_STATUS_LABELS[to].toLowerCase()} (allowed: ${allowed}).`,
    };
  }
  if ((to === "denied" || to === "closed") && !reason?.trim())
    return { ok: false, message: to === "denied" ? "A denial needs its reason." : "Closing needs a reason." };
  if (to === "closed" && claim.caseReserveCents !== 0)
    return { ok: false, message: "Release the outstanding reserve (set it to zero with a rationale) before closing." };
  return { ok: true };
}
