import type { Permission } from "../../auth/permissions.ts";
import type { LineOfBusiness } from "../../../db/schema/programs.ts";
import { formatMoney, type Cents } from "../../utils/money.ts";
import { checkResult, type PreBindCheckResult } from "./check-result.ts";

export type AuthorityTier = "auto" | "underwriter" | "senior_underwriter" | "chief_underwriter";

/** What an authority profile lets its holder bind in one line of business. */
export interface AuthorityGrant {
  readonly lineOfBusiness: LineOfBusiness;
  readonly maxPremiumCents: Cents;
  /** Caps the per-occurrence limit, the limit a policy is sold and referred by. */
  readonly maxLimitCents: Cents;
}

/**
 * The auto tier is straight-through binding by producers: their ceiling is the program's auto-bind
 * threshold, not a personal profile. Underwriting tiers carry per-line grants.
 */
export type BindAuthority =
  | { readonly tier: "auto" }
  | { readonly tier: Exclude<AuthorityTier, "auto">; readonly grants: readonly AuthorityGrant[] };

export interface BindingUser {
  /** As computed by `permissionsOf(roles)`. */
  readonly permissions: ReadonlySet<Permission>;
  /** Null when the user has no authority profile at all. */
  readonly authority: BindAuthority | null;
}

export interface AuthorityCheckInput {
  readonly user: BindingUser;
  readonly lineOfBusiness: LineOfBusiness;
  readonly grossPremiumCents: Cents;
  readonly occurrenceLimitCents: Cents;
  readonly autoBindPremiumCents: Cents;
}

export function checkUserAuthority(input: AuthorityCheckInput): PreBindCheckResult {
  const { user, lineOfBusiness, grossPremiumCents, occurrenceLimitCents } = input;
  const problems: string[] = [];
  if (!user.permissions.has("bind:submission")) {
    problems.push("the user does not have the bind:submission permission");
  }
  const authority = user.authority;
  if (authority === null) {
    problems.push("the user has no binding authority profile");
  } else if (authority.tier === "auto") {
    if (grossPremiumCents > input.autoBindPremiumCents) {
      const threshold = formatMoney(input.autoBindPremiumCents);
      problems.push(
        `gross premium ${formatMoney(grossPremiumCents)} is above the program's auto-bind threshold ${threshold}; ` +
          "an underwriter must bind",
      );
    }
  } else {
    const grant = authority.grants.find((g) => g.lineOfBusiness === lineOfBusiness);
    const tier = authority.tier.replace("_", " ");
    if (grant === undefined) {
      problems.push(`the user's ${tier} authority does not cover ${lineOfBusiness}`);
    } else {
      if (grossPremiumCents > grant.maxPremiumCents) {
        const max = formatMoney(grant.maxPremiumCents);
        problems.push(
          `gross premium ${formatMoney(grossPremiumCents)} is above the user's ${lineOfBusiness} premium authority ${max}`,
        );
      }
      if (occurrenceLimitCents > grant.maxLimitCents) {
        const max = formatMoney(grant.maxLimitCents);
        problems.push(
          `occurrence limit ${formatMoney(occurrenceLimitCents)} is above the user's ${lineOfBusiness} limit authority ${max}`,
        );
      }
    }
  }
  return checkResult("user_authority", problems);
}
