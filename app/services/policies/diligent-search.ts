import { checkResult, type PreBindCheckResult } from "./check-result.ts";

/**
 * Declinations by admitted carriers a surplus-lines placement needs on file, by the insured's
 * home state. DEMO VALUES, after the compliance reference table: they are not legal advice and
 * must be confirmed per state (and per line: some states exempt some lines) before production.
 * A state not listed needs DEFAULT_REQUIRED_DECLINATIONS.
 */
export const REQUIRED_DECLINATIONS: Readonly<Record<string, number>> = {
  AL: 3,
  CA: 3,
  FL: 3,
  GA: 3,
  IL: 3,
  NY: 0,
  OR: 3,
  PR: 3,
  TX: 3,
};
export const DEFAULT_REQUIRED_DECLINATIONS = 3;

export function requiredDeclinations(homeState: string): number {
  return REQUIRED_DECLINATIONS[homeState] ?? DEFAULT_REQUIRED_DECLINATIONS;
}

export interface Declination {
  readonly carrierName: string;
  readonly declinedOn: string;
  readonly reason: string;
}

export interface SurplusLinesPlacement {
  /** False for admitted paper, which needs no diligent search. */
  readonly surplusLines: boolean;
  readonly homeState: string;
  readonly declinations: readonly Declination[];
}

function carrierKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Two declinations from one carrier are one search, so distinct named carriers are counted, not rows. */
export function checkDiligentSearch(placement: SurplusLinesPlacement): PreBindCheckResult {
  const problems: string[] = [];
  if (placement.surplusLines) {
    const required = requiredDeclinations(placement.homeState);
    const carriers = new Set(placement.declinations.map((d) => carrierKey(d.carrierName)));
    carriers.delete("");
    if (carriers.size < required) {
      problems.push(
        `${placement.homeState} requires ${required} declinations from admitted carriers for a surplus lines placement; ` +
          `${carriers.size} recorded`,
      );
    }
  }
  return checkResult("surplus_lines_diligent_search", problems);
}
