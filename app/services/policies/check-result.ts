/**
 * Every pre-bind check, in the order they run and are reported, with the API error code a
 * failure of it maps to. Names and codes are part of the API contract: clients branch on them.
 */
export const PRE_BIND_CHECK_CODES = {
  quote_not_expired: "QUOTE_EXPIRED",
  da_agreement_in_force: "DA_NOT_IN_FORCE",
  da_per_policy_limits: "DA_LIMIT_EXCEEDED",
  da_aggregate_gwp: "DA_AGGREGATE_EXCEEDED",
  state_authorized: "STATE_NOT_AUTHORIZED",
  naics_not_excluded: "NAICS_EXCLUDED",
  user_authority: "AUTHORITY_EXCEEDED",
  no_open_uw_issues: "UW_ISSUES_OPEN",
  surplus_lines_diligent_search: "DILIGENT_SEARCH_MISSING",
  producer_licensed: "PRODUCER_NOT_LICENSED",
} as const;

export type PreBindCheckName = keyof typeof PRE_BIND_CHECK_CODES;
export type PreBindErrorCode = (typeof PRE_BIND_CHECK_CODES)[PreBindCheckName];

export type PreBindCheckResult =
  | { readonly check: PreBindCheckName; readonly code: PreBindErrorCode; readonly passed: true }
  | {
      readonly check: PreBindCheckName;
      readonly code: PreBindErrorCode;
      readonly passed: false;
      /** Every reason the check failed, for a person, joined with "; ". */
      readonly detail: string;
    };

/** A check passes when it found no problems; otherwise all of them are reported, not just the first. */
export function checkResult(check: PreBindCheckName, problems: readonly string[]): PreBindCheckResult {
  const code = PRE_BIND_CHECK_CODES[check];
  return problems.length === 0
    ? { check, code, passed: true }
    : { check, code, passed: false, detail: problems.join("; ") };
}
