/**
 * Reason codes as people read them: each once, underscores as spaces. A referral may carry the
 * same code for several rationales (two bind checks over authority), which the list of
 * rationales shows; a one-line summary names the code once ("authority exceeded", not
 * "authority exceeded, authority exceeded").
 */
export function reasonSummary(codes: readonly unknown[]): string {
  const unique = [...new Set(codes.filter((code): code is string => typeof code === "string" && code !== ""))];
  return unique.map((code) => code.replaceAll("_", " ")).join(", ");
}

/** The reasons of a referral without exact repeats (same code and same rationale). */
export function distinctReasons<R extends { code: string; rationale: string }>(reasons: readonly R[]): R[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}\u0000${r.rationale}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type ReferralExplanation = { why: string; who: string; next: string };

/**
 * What a referral means for the person waiting on it: why the quote was referred, who has it and
 * what happens next. Null once it is no longer pending (the decision speaks for itself).
 */
export function explainReferral(referral: {
  status: string;
  reasons: readonly { code: string; rationale: string }[];
  assigneeName: string | null;
}): ReferralExplanation | null {
  if (referral.status !== "pending") return null;
  const rationales = distinctReasons(referral.reasons).map((r) => r.rationale);
  return {
    why: rationales.length
      ? rationales.join(" ")
      : `Referred for ${reasonSummary(referral.reasons.map((r) => r.code)) || "an underwriter's review"}.`,
    who: referral.assigneeName
      ? `${referral.assigneeName} (underwriting) has it.`
      : "No underwriter's authority covers it yet: the senior underwriters will pick it up.",
    next: "The underwriter approves it, re-prices it or declines it with a reason. You are notified either way; once approved, you can bind it here.",
  };
}
