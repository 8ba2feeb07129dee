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
