import { describe, expect, it } from "vitest";
import { permissionsOf } from "../../auth/permissions.ts";
import { MoneyError, toCents } from "../../utils/money.ts";
import type { BindAuthority } from "./authority.ts";
import { PRE_BIND_CHECK_CODES, type PreBindCheckName, type PreBindCheckResult } from "./check-result.ts";
import { daAgreementQuarter, daAgreementTermsFromRow, type DaAgreementTerms } from "./da-agreement.ts";
import { DaCheckInputError, daFlagsForQuote } from "./da-checks.ts";
import { runPreBindChecks, type BindRisk, type PreBindInput } from "./pre-bind-checks.ts";

const c = toCents;

// The demo GL agreement (GMIC-DA-2026-014) and a Texas plumbing contractor well inside it.
const agreement: DaAgreementTerms = {
  reference: "GMIC-DA-2026-014",
  effectiveDate: "2026-01-01",
  expirationDate: "2026-12-31",
  status: "active",
  maxOccurrenceLimitCents: c(200_000_000),
  maxAggregateLimitCents: c(400_000_000),
  maxPremiumPerPolicyCents: c(15_000_000),
  authorizedStates: ["TX", "OK", "LA", "AZ", "NM", "CO"],
  excludedStates: [],
  authorizedNaicsCodes: [],
  excludedNaicsCodes: ["324110", "486110"],
  naicsVintage: 2022,
  annualGwpLimitCents: c(1_500_000_000),
  quarterlyGwpLimitCents: null,
  boundGwpCents: c(1_842_200),
  maxPoliciesPerInsured: 1,
  maxInsuredRevenueCents: c(5_000_000_000),
  allowedTermsMonths: [12],
  minYearsInBusiness: 2,
  referralTriggers: {},
};

const risk: BindRisk = {
  lineOfBusiness: "GL",
  homeState: "TX",
  naicsCode: "238220",
  effectiveDate: "2026-03-01",
  termMonths: 12,
  occurrenceLimitCents: c(100_000_000),
  aggregateLimitCents: c(200_000_000),
  grossPremiumCents: c(1_236_400),
  annualRevenueCents: c(100_000_000),
  yearsInBusiness: 6,
  insuredPolicyCount: 0,
};

const underwriterAuthority: BindAuthority = {
  tier: "underwriter",
  grants: [{ lineOfBusiness: "GL", maxPremiumCents: c(5_000_000), maxLimitCents: c(100_000_000) }],
};

const declination = (carrierName: string) => ({
  carrierName,
  declinedOn: "2026-02-10",
  reason: "Class outside appetite",
});
const declinations = [declination("Admiral Mutual"), declination("Bayou Casualty"), declination("Cedar Fire & Marine")];

type Overrides = Partial<Omit<PreBindInput, "agreement" | "risk">> & {
  agreement?: Partial<DaAgreementTerms>;
  risk?: Partial<BindRisk>;
};

function bindInput(overrides: Overrides = {}): PreBindInput {
  return {
    bindDate: "2026-02-20",
    quote: { expiresOn: "2026-03-01" },
    program: { autoBindPremiumCents: c(2_500_000) },
    user: { permissions: permissionsOf(["underwriter"]), authority: underwriterAuthority },
    underwriting: { knockoutsHit: [], openReferrals: [] },
    surplusLines: { surplusLines: true, declinations },
    producer: {
      name: "Priya Producer",
      licences: [
        {
          state: "TX",
          licenceNumber: "TX-2291834",
          lines: ["property", "casualty"],
          effectiveOn: "2024-01-01",
          expiresOn: "2027-12-31",
        },
      ],
    },
    ...overrides,
    agreement: { ...agreement, ...overrides.agreement },
    risk: { ...risk, ...overrides.risk },
  };
}

function check(name: PreBindCheckName, overrides: Overrides = {}): PreBindCheckResult {
  const result = runPreBindChecks(bindInput(overrides)).find((r) => r.check === name);
  if (result === undefined) throw new Error(`no ${name} result`);
  return result;
}

function detail(name: PreBindCheckName, overrides: Overrides): string {
  const result = check(name, overrides);
  if (result.passed) throw new Error(`${name} passed; expected a failure`);
  return result.detail;
}

describe("runPreBindChecks", () => {
  it("reports every check by name and code, in order, all passing for a clean risk", () => {
    const results = runPreBindChecks(bindInput());
    expect(results.map((r) => [r.check, r.code])).toEqual(Object.entries(PRE_BIND_CHECK_CODES));
    expect(results.map((r) => r.check)).toEqual([
      "quote_not_expired",
      "da_agreement_in_force",
      "da_per_policy_limits",
      "da_aggregate_gwp",
      "state_authorized",
      "naics_not_excluded",
      "user_authority",
      "no_open_uw_issues",
      "surplus_lines_diligent_search",
      "producer_licensed",
    ]);
    expect(results.every((r) => r.passed)).toBe(true);
  });

  it("reports all failures at once, not only the first", () => {
    const failed = runPreBindChecks(
      bindInput({
        bindDate: "2026-03-02",
        risk: { homeState: "CA" },
        surplusLines: { surplusLines: false, declinations: [] },
      }),
    ).filter((r) => !r.passed);
    // The Texas producer holds no California licence either.
    expect(failed.map((r) => r.code)).toEqual(["QUOTE_EXPIRED", "STATE_NOT_AUTHORIZED", "PRODUCER_NOT_LICENSED"]);
  });
});

describe("quote_not_expired (calendar dates: bindable through expires_on)", () => {
  it("passes on the last bindable day and fails the day after", () => {
    expect(check("quote_not_expired", { bindDate: "2026-03-01" }).passed).toBe(true);
    expect(detail("quote_not_expired", { bindDate: "2026-03-02" })).toBe(
      "the quote could be bound until 2026-03-01; re-quote to bind",
    );
  });

  it("compares as dates across a month end in a leap year", () => {
    expect(check("quote_not_expired", { quote: { expiresOn: "2028-02-29" }, bindDate: "2028-02-29" }).passed).toBe(
      true,
    );
    expect(check("quote_not_expired", { quote: { expiresOn: "2028-02-29" }, bindDate: "2028-03-01" }).passed).toBe(
      false,
    );
  });
});

describe("da_agreement_in_force", () => {
  it("accepts the first and last day of the agreement term", () => {
    expect(
      check("da_agreement_in_force", { bindDate: "2026-01-01", risk: { effectiveDate: "2026-01-01" } }).passed,
    ).toBe(true);
    expect(
      check("da_agreement_in_force", { bindDate: "2026-12-31", risk: { effectiveDate: "2026-12-31" } }).passed,
    ).toBe(true);
  });

  it("fails a suspended or expired agreement", () => {
    expect(detail("da_agreement_in_force", { agreement: { status: "suspended" } })).toBe(
      "agreement GMIC-DA-2026-014 is suspended",
    );
    expect(detail("da_agreement_in_force", { agreement: { status: "expired" } })).toBe(
      "agreement GMIC-DA-2026-014 is expired",
    );
  });

  it("fails a bind date outside the term", () => {
    expect(detail("da_agreement_in_force", { bindDate: "2025-12-31" })).toBe(
      "2025-12-31 is outside the agreement term 2026-01-01 to 2026-12-31",
    );
  });

  it("fails a policy incepting after the agreement ends, even when bound during it", () => {
    expect(detail("da_agreement_in_force", { bindDate: "2026-12-20", risk: { effectiveDate: "2027-01-15" } })).toBe(
      "policy effective date 2027-01-15 is outside the agreement term 2026-01-01 to 2026-12-31",
    );
  });
});

describe("da_per_policy_limits", () => {
  it("passes at every maximum exactly", () => {
    const atMaximum = check("da_per_policy_limits", {
      risk: {
        occurrenceLimitCents: c(200_000_000),
        aggregateLimitCents: c(400_000_000),
        grossPremiumCents: c(15_000_000),
        annualRevenueCents: c(5_000_000_000),
        yearsInBusiness: 2,
      },
      agreement: { annualGwpLimitCents: c(100_000_000_000) },
    });
    expect(atMaximum.passed).toBe(true);
  });

  it.each<[string, Partial<BindRisk>, string]>([
    [
      "occurrence limit",
      { occurrenceLimitCents: c(200_000_001) },
      "occurrence limit $2,000,000.01 exceeds the agreement maximum $2,000,000.00",
    ],
    [
      "aggregate limit",
      { aggregateLimitCents: c(500_000_000) },
      "aggregate limit $5,000,000.00 exceeds the agreement maximum $4,000,000.00",
    ],
    [
      "premium",
      { grossPremiumCents: c(15_000_001) },
      "gross premium $150,000.01 exceeds the agreement maximum $150,000.00",
    ],
    ["term", { termMonths: 6 }, "a 6-month term is not allowed (allowed: 12 months)"],
    [
      "revenue",
      { annualRevenueCents: c(6_000_000_000) },
      "annual revenue $60,000,000.00 exceeds the agreement maximum $50,000,000.00",
    ],
    [
      "unknown revenue",
      { annualRevenueCents: null },
      "annual revenue is not recorded; the agreement caps it at $50,000,000.00",
    ],
    ["years in business", { yearsInBusiness: 1.5 }, "1.5 years in business is below the agreement minimum of 2"],
    [
      "unknown years",
      { yearsInBusiness: null },
      "years in business is not recorded; the agreement requires at least 2",
    ],
    [
      "policies per insured",
      { insuredPolicyCount: 1 },
      "the insured already holds 1 policy under this agreement (maximum 1)",
    ],
  ])("fails on %s", (_name, riskOverrides, expected) => {
    expect(detail("da_per_policy_limits", { risk: riskOverrides })).toBe(expected);
  });

  it("skips revenue and years checks the agreement does not set", () => {
    const unset = { agreement: { maxInsuredRevenueCents: null, minYearsInBusiness: null } };
    expect(
      check("da_per_policy_limits", { ...unset, risk: { annualRevenueCents: null, yearsInBusiness: null } }).passed,
    ).toBe(true);
  });

  it("lists several breaches in one detail", () => {
    expect(detail("da_per_policy_limits", { risk: { termMonths: 24, insuredPolicyCount: 2 } })).toBe(
      "a 24-month term is not allowed (allowed: 12 months); the insured already holds 2 policies under this agreement (maximum 1)",
    );
  });
});

describe("da_aggregate_gwp (bound so far + this premium <= limit)", () => {
  // Limit $15,000,000.00; this premium $12,364.00; so $14,987,636.00 bound leaves exactly room.
  it("passes landing exactly on the annual limit", () => {
    expect(check("da_aggregate_gwp", { agreement: { boundGwpCents: c(1_498_763_600) } }).passed).toBe(true);
  });

  it("fails one cent over the annual limit", () => {
    expect(detail("da_aggregate_gwp", { agreement: { boundGwpCents: c(1_498_763_601) } })).toBe(
      "annual GWP would reach $15,000,000.01 (bound $14,987,636.01 + this premium $12,364.00), $0.01 over the annual limit $15,000,000.00",
    );
  });

  it("holds the quarterly limit the same way when the agreement sets one", () => {
    const quarterly = { agreement: { quarterlyGwpLimitCents: c(400_000_000) } };
    expect(check("da_aggregate_gwp", { ...quarterly, quarterToDateGwpCents: c(398_763_600) }).passed).toBe(true);
    expect(detail("da_aggregate_gwp", { ...quarterly, quarterToDateGwpCents: c(398_763_601) })).toBe(
      "quarterly GWP would reach $4,000,000.01 (bound $3,987,636.01 + this premium $12,364.00), $0.01 over the quarterly limit $4,000,000.00",
    );
  });

  it("refuses to guess the quarter-to-date figure", () => {
    expect(() => runPreBindChecks(bindInput({ agreement: { quarterlyGwpLimitCents: c(400_000_000) } }))).toThrow(
      DaCheckInputError,
    );
  });
});

describe("daAgreementQuarter", () => {
  it("counts quarters from the agreement's effective date, end exclusive", () => {
    expect(daAgreementQuarter("2026-04-01", "2026-04-01")).toEqual({
      quarter: 1,
      start: "2026-04-01",
      end: "2026-07-01",
    });
    expect(daAgreementQuarter("2026-04-01", "2026-06-30")).toEqual({
      quarter: 1,
      start: "2026-04-01",
      end: "2026-07-01",
    });
    expect(daAgreementQuarter("2026-04-01", "2026-07-01")).toEqual({
      quarter: 2,
      start: "2026-07-01",
      end: "2026-10-01",
    });
    expect(daAgreementQuarter("2026-04-01", "2027-03-31")).toEqual({
      quarter: 4,
      start: "2027-01-01",
      end: "2027-04-01",
    });
  });

  it("clamps quarter boundaries of a month-end agreement without drifting", () => {
    expect(daAgreementQuarter("2026-01-31", "2026-05-15")).toEqual({
      quarter: 2,
      start: "2026-04-30",
      end: "2026-07-31",
    });
  });

  it("puts dates before the agreement in its first quarter", () => {
    expect(daAgreementQuarter("2026-04-01", "2026-03-01").quarter).toBe(1);
  });
});

describe("state_authorized", () => {
  it("fails a state outside the authorized list", () => {
    expect(detail("state_authorized", { risk: { homeState: "CA" } })).toBe(
      "CA is not among the agreement's authorized states (TX, OK, LA, AZ, NM, CO)",
    );
  });

  it("treats an empty authorized list as every state, less the excluded ones", () => {
    expect(check("state_authorized", { agreement: { authorizedStates: [] }, risk: { homeState: "CA" } }).passed).toBe(
      true,
    );
    expect(
      detail("state_authorized", {
        agreement: { authorizedStates: [], excludedStates: ["CA", "NY"] },
        risk: { homeState: "CA" },
      }),
    ).toBe("CA is excluded by the agreement");
  });
});

describe("naics_not_excluded (list entries are prefixes)", () => {
  it("fails an excluded six-digit class", () => {
    expect(detail("naics_not_excluded", { risk: { naicsCode: "324110" } })).toBe(
      "class 324110 is excluded by the agreement, NAICS 2022",
    );
  });

  it("fails a class under an excluded prefix and says which", () => {
    expect(detail("naics_not_excluded", { agreement: { excludedNaicsCodes: ["2382"] } })).toBe(
      "class 238220 is excluded by the agreement (excluded prefix 2382), NAICS 2022",
    );
  });

  it("requires a match in a non-empty authorized list", () => {
    expect(check("naics_not_excluded", { agreement: { authorizedNaicsCodes: ["238"] } }).passed).toBe(true);
    expect(detail("naics_not_excluded", { agreement: { authorizedNaicsCodes: ["2381", "561730"] } })).toBe(
      "class 238220 is not among the agreement's authorized classes, NAICS 2022",
    );
  });
});

describe("user_authority", () => {
  it("fails a user without the bind permission", () => {
    expect(
      detail("user_authority", {
        user: { permissions: permissionsOf(["finance_analyst"]), authority: underwriterAuthority },
      }),
    ).toBe("the user does not have the bind:submission permission");
  });

  it("fails a user with no authority profile", () => {
    expect(detail("user_authority", { user: { permissions: permissionsOf(["underwriter"]), authority: null } })).toBe(
      "the user has no binding authority profile",
    );
  });

  it("lets a producer auto-bind up to the program threshold, inclusive", () => {
    const producer = { permissions: permissionsOf(["producer"]), authority: { tier: "auto" } as const };
    expect(check("user_authority", { user: producer, risk: { grossPremiumCents: c(2_500_000) } }).passed).toBe(true);
    expect(detail("user_authority", { user: producer, risk: { grossPremiumCents: c(2_500_001) } })).toBe(
      "gross premium $25,000.01 is above the program's auto-bind threshold $25,000.00; an underwriter must bind",
    );
  });

  it("holds an underwriter to the grant for the line of business", () => {
    expect(detail("user_authority", { risk: { lineOfBusiness: "WC" } })).toBe(
      "the user's underwriter authority does not cover WC",
    );
    expect(
      detail("user_authority", { risk: { grossPremiumCents: c(5_000_001), occurrenceLimitCents: c(200_000_000) } }),
    ).toBe(
      "gross premium $50,000.01 is above the user's GL premium authority $50,000.00; occurrence limit $2,000,000.00 is above the user's GL limit authority $1,000,000.00",
    );
  });

  it("names multi-word tiers readably", () => {
    const senior: BindAuthority = { tier: "senior_underwriter", grants: [] };
    expect(
      detail("user_authority", { user: { permissions: permissionsOf(["senior_underwriter"]), authority: senior } }),
    ).toBe("the user's senior underwriter authority does not cover GL");
  });
});

describe("no_open_uw_issues", () => {
  it("fails on knockouts hit and open referrals", () => {
    expect(
      detail("no_open_uw_issues", {
        underwriting: {
          knockoutsHit: [{ code: "KO-07", question: "Does the applicant perform roofing work?" }],
          openReferrals: [{ id: "ref_123", reason: "prior_losses" }],
        },
      }),
    ).toBe(
      "knockout question KO-07 was answered adversely: Does the applicant perform roofing work?; referral ref_123 (prior_losses) is still open",
    );
  });
});

describe("surplus_lines_diligent_search", () => {
  it("counts distinct carriers, not declination rows", () => {
    const repeated = [declination("Admiral Mutual"), declination("Bayou Casualty"), declination("  bayou   CASUALTY ")];
    expect(
      detail("surplus_lines_diligent_search", { surplusLines: { surplusLines: true, declinations: repeated } }),
    ).toBe("TX requires 3 declinations from admitted carriers for a surplus lines placement; 2 recorded");
  });

  it("needs none for admitted paper or a home state that does not require them", () => {
    expect(
      check("surplus_lines_diligent_search", { surplusLines: { surplusLines: false, declinations: [] } }).passed,
    ).toBe(true);
    expect(
      check("surplus_lines_diligent_search", {
        risk: { homeState: "NY" },
        surplusLines: { surplusLines: true, declinations: [] },
      }).passed,
    ).toBe(true);
  });

  it("requires the default three in a state the table does not list", () => {
    expect(
      detail("surplus_lines_diligent_search", {
        risk: { homeState: "OK" },
        surplusLines: { surplusLines: true, declinations: [] },
      }),
    ).toBe("OK requires 3 declinations from admitted carriers for a surplus lines placement; 0 recorded");
  });
});

describe("daFlagsForQuote", () => {
  const quoteInput = { agreement, risk, asOf: "2026-02-01" };

  it("raises no flags for a risk inside the agreement", () => {
    expect(daFlagsForQuote(quoteInput)).toEqual([]);
  });

  it("turns the failed DA checks into flags, leaving bind-only checks out", () => {
    const flags = daFlagsForQuote({
      ...quoteInput,
      risk: { ...risk, homeState: "CA", occurrenceLimitCents: c(300_000_000) },
    });
    expect(flags).toEqual([
      {
        check: "da_per_policy_limits",
        code: "DA_LIMIT_EXCEEDED",
        detail: "occurrence limit $3,000,000.00 exceeds the agreement maximum $2,000,000.00",
      },
      {
        check: "state_authorized",
        code: "STATE_NOT_AUTHORIZED",
        detail: "CA is not among the agreement's authorized states (TX, OK, LA, AZ, NM, CO)",
      },
    ]);
  });
});

describe("daAgreementTermsFromRow", () => {
  const row = {
    id: "da_summit_gl",
    orgId: "org_a",
    carrierId: "car_granite",
    programId: "prg_summit_gl",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    ...agreement,
    authorizedStates: [...agreement.authorizedStates],
    excludedStates: [],
    authorizedNaicsCodes: [],
    excludedNaicsCodes: [...agreement.excludedNaicsCodes],
    allowedTermsMonths: [12],
    referralTriggers: { revenueOverCents: 2_500_000_000, priorLossesOver: 2, classCodes: ["238160"], states: ["LA"] },
  };

  it("maps a row to the terms the checks read", () => {
    const terms = daAgreementTermsFromRow(row);
    expect(terms.maxPremiumPerPolicyCents).toBe(15_000_000);
    expect(terms.referralTriggers).toEqual(row.referralTriggers);
    expect(daFlagsForQuote({ agreement: terms, risk, asOf: "2026-02-01" })).toEqual([]);
  });

  it("refuses fractional cents from the database", () => {
    expect(() => daAgreementTermsFromRow({ ...row, boundGwpCents: 10.5 })).toThrow(MoneyError);
  });
});
