/** Who gets a new claim: the least loaded adjuster licensed in the loss state (DOMAIN.md). */

export type AdjusterCandidate = { userId: string; licensedStates: readonly string[]; openClaims: number };

/** Null when no adjuster is licensed for the state: the claim waits for a supervisor to assign it. */
export function pickAdjuster(candidates: readonly AdjusterCandidate[], lossState: string): string | null {
  const licensed = candidates.filter((c) => c.licensedStates.includes(lossState));
  if (licensed.length === 0) return null;
  // Ties go to the lower user id, so the same load always picks the same person.
  const [first] = [...licensed].sort((a, b) => a.openClaims - b.openClaims || (a.userId < b.userId ? -1 : 1));
  return first!.userId;
}
