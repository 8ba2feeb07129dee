import { describe, expect, it } from "vitest";
import { toCents } from "../../utils/money.ts";
import { compileRateTable } from "./compile.ts";
import { DEMO_GL_RATE_TABLE } from "./demo-rate-tables.ts";
import { rateQuote, rateQuoteOptions } from "./engine.ts";
import { glInput, premiums, taxTable, unwrap, wcTable } from "../../../tests/support/rating/fixtures.ts";
import type { RatingErrorCode, RatingInput, RatingResult } from "./types.ts";

function errorCode(result: RatingResult<unknown>): RatingErrorCode | undefined {
  return result.ok ? undefined : result.error.code;
}

describe("hand-worked GL quote", () => {
  // Texas roofing contractor, revenue $3,141,592.65, $1M/$3M, $5,000 deductible, 2 claims
  // ($40,000) in 4 years, schedule -5% and +2%, effective 2025-03-15, 12 months.
  const input = glInput(
    {
      naicsCode: "238160",
      annualRevenue: toCents(314_159_265),
      occurrenceLimit: toCents(100_000_000),
      aggregateLimit: toCents(300_000_000),
      deductible: toCents(500_000),
      effectiveDate: "2025-03-15",
      priorLosses: { count: 2, incurred: toCents(4_000_000) },
      yearsInBusiness: 4,
    },
    [
      { factor: "-0.05", reason: "Written safety and fall-protection program" },
      { factor: "+0.02", reason: "Uses uninsured subcontractors" },
    ],
  );
  const quote = unwrap(rateQuote(input));

  it("records every step with the premium rounded half-to-even to the cent", () => {
    // 1. 314,159,265 cents × 4.45 (TX row, 238160) / 1,000 = 1,398,008.72925  -> 1,398,009
    // 2. × 1.04 ($1M/$3M)                      = 1,453,929.36   -> 1,453,929
    // 3. × 0.92 ($5,000 deductible, credit 8%) = 1,337,614.68   -> 1,337,615
    // 4. × 1.05 (TX)                           = 1,404,495.75   -> 1,404,496
    // 5. × 1.15 (roofing, NAICS 238160)        = 1,615,170.40   -> 1,615,170
    // 6. × 1.05 (revenue $2.5M up to $10M)     = 1,695,928.50   -> 1,695,928 (tie, to even)
    // 7. × 1.15 (2 claims, $40,000)            = 1,950,317.20   -> 1,950,317
    // 8. × 0.97 (-0.05 + 0.02)                 = 1,891,807.49   -> 1,891,807
    // 9. minimum $750.00 (default row)         -> 1,891,807
    expect(premiums(quote)).toEqual([
      1_398_009, 1_453_929, 1_337_615, 1_404_496, 1_615_170, 1_695_928, 1_950_317, 1_891_807, 1_891_807,
    ]);
    expect(quote.steps.map((step) => step.factor)).toEqual([
      "4.45",
      "1.04",
      "0.92",
      "1.05",
      "1.15",
      "1.05",
      "1.15",
      "0.97",
      null,
    ]);
    expect(quote.grossPremium).toBe(1_891_807);
  });

  it("adds the policy fee and the Texas surplus lines tax and stamping fee", () => {
    // Taxable base 1,891,807 + 15,000 policy fee = 1,906,807
    // SL tax   × 0.0485 = 92,480.1395 -> 92,480
    // Stamping × 0.0004 =    762.7228 ->    763
    // Total 1,891,807 + 15,000 + 93,243 = 2,000,050
    expect(quote.fees.map((fee) => [fee.code, fee.amount])).toEqual([["policy_fee", 15_000]]);
    expect(quote.feesTotal).toBe(15_000);
    expect(quote.taxes.map((tax) => [tax.code, tax.rate, tax.taxableBase, tax.amount])).toEqual([
      ["surplus_lines_tax", "0.0485", 1_906_807, 92_480],
      ["stamping_fee", "0.0004", 1_906_807, 763],
    ]);
    expect(quote.taxesTotal).toBe(93_243);
    expect(quote.totalDue).toBe(2_000_050);
    expect(quote.taxTableVersion).toBe("demo-sl-2025.1");
  });

  it("explains each step: name, table entry and what it read", () => {
    expect(quote.rateTable).toEqual({
      id: "demo-gl-artisan-contractors",
      version: "2025.1",
      program: "demo-artisan-contractors-gl",
    });
    expect(quote.steps.map((step) => [step.step, step.name, step.source])).toEqual([
      [1, "Exposure × base rate", "demo-gl-artisan-contractors@2025.1 baseRates.TX.238160"],
      [2, "Increased limit factor", "demo-gl-artisan-contractors@2025.1 increasedLimitFactors[100000000/300000000]"],
      [3, "Deductible credit", "demo-gl-artisan-contractors@2025.1 deductibleCredits[500000]"],
      [4, "State modifier", "demo-gl-artisan-contractors@2025.1 stateModifiers.TX"],
      [5, "Class modifier (NAICS)", "demo-gl-artisan-contractors@2025.1 classModifiers.238160"],
      [6, "Revenue band modifier", "demo-gl-artisan-contractors@2025.1 exposureBands[2]"],
      [7, "Loss history modifier", "demo-gl-artisan-contractors@2025.1 lossHistory.rules[4]"],
      [8, "Schedule rating", "demo-gl-artisan-contractors@2025.1 scheduleRating"],
      [9, "Minimum premium", "demo-gl-artisan-contractors@2025.1 minimumPremium.default"],
    ]);
    expect(quote.steps.map((step) => step.input)).toEqual([
      "Revenue $3,141,592.65 = 3141.59265 units of $1,000 × rate 4.45",
      "Occurrence $1,000,000.00 / aggregate $3,000,000.00",
      "Deductible $5,000.00: credit 0.08",
      "Home state TX",
      "NAICS 238160",
      "Revenue $3,141,592.65 in band $2,500,000.00 up to $10,000,000.00",
      "2 prior claims, $40,000.00 incurred, 4 years in business: Up to two claims, up to $100,000",
      "-0.05 Written safety and fall-protection program; +0.02 Uses uninsured subcontractors (total -0.03)",
      "Minimum $750.00; $18,918.07 is at or above it",
    ]);
    expect(quote.taxes[0]?.input).toBe("$19,068.07 (premium + taxable fees, TX) × 0.0485");
  });
});

describe("hand-worked WC quote", () => {
  // California restaurant, payroll $845,000.00, 6-month term, EL $500k/$500k, $1,000 deductible,
  // loss free for 4 years, schedule -10%. Admitted program: no fees, no surplus lines tax.
  const quote = unwrap(
    rateQuote({
      rateTable: wcTable,
      taxTable,
      schedule: [{ factor: "-0.10", reason: "Return-to-work program" }],
      submission: {
        lineOfBusiness: "WC",
        homeState: "CA",
        naicsCode: "722511",
        payroll: toCents(84_500_000),
        occurrenceLimit: toCents(50_000_000),
        aggregateLimit: toCents(50_000_000),
        deductible: toCents(100_000),
        effectiveDate: "2025-07-01",
        termMonths: 6,
        priorLosses: { count: 0, incurred: toCents(0) },
        yearsInBusiness: 4,
      },
    }),
  );

  it("records every step", () => {
    // 1. 84,500,000 cents × 2.31 (CA row) / 100 × 6/12 = 975,975.00 -> 975,975
    // 2. × 1.011 (EL 500/500)          = 986,710.725 -> 986,711
    // 3. × 0.979 ($1,000, credit 2.1%) = 965,990.069 -> 965,990
    // 4. × 1 (no CA modifier)          -> 965,990
    // 5. × 1 (no class modifier)       -> 965,990
    // 6. × 1.00 (single payroll band)  -> 965,990
    // 7. × 0.95 (loss free, 3+ years)  = 917,690.50  -> 917,690 (tie, to even)
    // 8. × 0.90 (-0.10)                = 825,921.00  -> 825,921
    // 9. minimum $750.00 (CA)          -> 825,921
    expect(premiums(quote)).toEqual([975_975, 986_711, 965_990, 965_990, 965_990, 965_990, 917_690, 825_921, 825_921]);
    expect(quote.steps[0]?.input).toBe("Payroll $845,000.00 = 8450 units of $100 × rate 2.31 × 6/12 months");
    expect(quote.steps[5]?.name).toBe("Payroll band modifier");
    expect(quote.steps[3]?.source).toBe("demo-wc-main-street@2025.1 stateModifiers (no entry)");
  });

  it("owes no surplus lines tax and no fees", () => {
    expect(quote.grossPremium).toBe(825_921);
    expect(quote.fees).toEqual([]);
    expect(quote.taxes).toEqual([]);
    expect(quote.taxTableVersion).toBeNull();
    expect(quote.totalDue).toBe(825_921);
  });
});

describe("rating rules", () => {
  it("prefers the home state's row, then the default row, each by longest NAICS prefix", () => {
    const rateFor = (homeState: string, naicsCode: string) =>
      unwrap(rateQuote(glInput({ homeState, naicsCode }))).steps[0]?.source;
    expect(rateFor("TX", "238160")).toBe("demo-gl-artisan-contractors@2025.1 baseRates.TX.238160");
    expect(rateFor("GA", "238160")).toBe("demo-gl-artisan-contractors@2025.1 baseRates.default.238160");
    expect(rateFor("TX", "238310")).toBe("demo-gl-artisan-contractors@2025.1 baseRates.TX.2383");
    expect(rateFor("CA", "238310")).toBe("demo-gl-artisan-contractors@2025.1 baseRates.default.2383");
  });

  it("raises a small risk to the state minimum premium", () => {
    // 10,000,000 cents × 3.35 / 1,000 = 33,500; × 1.05 (TX) = 35,175; × 0.95 (under $500k)
    // = 33,416.25 -> 33,416; × 0.90 (loss free 6 years) = 30,074.4 -> 30,074, below $750.00.
    const quote = unwrap(rateQuote(glInput({ annualRevenue: toCents(10_000_000) })));
    expect(quote.steps.at(-2)?.premiumAfter).toBe(30_074);
    expect(quote.grossPremium).toBe(75_000);
    expect(quote.steps.at(-1)?.input).toBe("Minimum $750.00; $300.74 is below it, so the minimum applies");
  });

  it("pro-rates the base premium for the term, rounding once", () => {
    // $1,000,000 × 3.35 / 1,000 = 335,000 cents a year; 1 month = 27,916.666… -> 27,917
    const quote = unwrap(rateQuote(glInput({ termMonths: 1 })));
    expect(quote.steps[0]?.premiumAfter).toBe(27_917);
  });

  it("takes the tax row in force on the effective date", () => {
    const older = unwrap(compileRateTable({ ...DEMO_GL_RATE_TABLE, effectiveDate: "2023-01-01" }));
    const stamping = (effectiveDate: string) =>
      unwrap(rateQuote({ ...glInput({ effectiveDate }), rateTable: older })).taxes[1]?.rate;
    expect(stamping("2023-12-31")).toBe("0.0006");
    expect(stamping("2024-01-01")).toBe("0.0004");
  });

  it("rates each quote option separately and lets one fail without the others", () => {
    const results = rateQuoteOptions(glInput(), [
      { occurrenceLimit: toCents(50_000_000), aggregateLimit: toCents(100_000_000), deductible: toCents(0) },
      { occurrenceLimit: toCents(100_000_000), aggregateLimit: toCents(150_000_000), deductible: toCents(0) },
      { occurrenceLimit: toCents(200_000_000), aggregateLimit: toCents(400_000_000), deductible: toCents(2_500_000) },
    ]);
    expect(results.map(errorCode)).toEqual([undefined, "limit_not_in_ilf_table", undefined]);
    const [low, , high] = results.map((result) => (result.ok ? result.value : undefined));
    expect(low?.option.occurrenceLimit).toBe(50_000_000);
    expect(high?.option.deductible).toBe(2_500_000);
    expect(high?.steps[1]?.factor).toBe("1.22");
  });
});

describe("inputs the engine cannot rate", () => {
  const cases: [string, RatingInput, RatingErrorCode][] = [
    ["a five-digit NAICS code", glInput({ naicsCode: "23822" }), "invalid_input"],
    ["negative revenue", glInput({ annualRevenue: -1 as never }), "invalid_input"],
    ["fractional cents", glInput({ annualRevenue: 10.5 as never }), "invalid_input"],
    ["an impossible date", glInput({ effectiveDate: "2025-02-29" }), "invalid_input"],
    ["a zero-month term", glInput({ termMonths: 0 }), "invalid_input"],
    ["missing prior losses in untyped data", glInput({ priorLosses: undefined as never }), "invalid_input"],
    ["aggregate below occurrence", glInput({ aggregateLimit: toCents(50_000_000) }), "invalid_input"],
    ["a WC submission on a GL table", glInput({ lineOfBusiness: "WC" }), "line_of_business_mismatch"],
    ["a date before the table", glInput({ effectiveDate: "2024-12-31" }), "rate_table_not_in_force"],
    ["no revenue on a revenue table", glInput({ annualRevenue: undefined }), "missing_exposure"],
    ["a class with no rate and no default", glInput({ naicsCode: "541511" }), "no_base_rate"],
    ["a limit pair not in the ILF table", glInput({ aggregateLimit: toCents(150_000_000) }), "limit_not_in_ilf_table"],
    ["an unlisted deductible", glInput({ deductible: toCents(75_000) }), "deductible_not_in_table"],
    ["a surplus lines state without a tax rate", glInput({ homeState: "WA" }), "no_tax_rate"],
    ["a schedule factor in percent", glInput({}, [{ factor: "5%", reason: "x" }]), "invalid_schedule_adjustment"],
    [
      "a schedule adjustment without a reason",
      glInput({}, [{ factor: "0.05", reason: "  " }]),
      "invalid_schedule_adjustment",
    ],
    [
      "a schedule total above +25%",
      glInput({}, [
        { factor: "0.20", reason: "Roof work" },
        { factor: "0.06", reason: "Poor housekeeping" },
      ]),
      "schedule_out_of_bounds",
    ],
  ];

  it.each(cases)("refuses %s", (_label, input, code) => {
    const result = rateQuote(input);
    expect(errorCode(result)).toBe(code);
    expect(result.ok ? "" : result.error.message).not.toBe("");
  });

  it("accepts a schedule total exactly at the bound", () => {
    const result = rateQuote(
      glInput({}, [
        { factor: "-0.20", reason: "Safety program" },
        { factor: "-0.05", reason: "Experienced management" },
      ]),
    );
    expect(result.ok && result.value.steps[7]?.factor).toBe("0.75");
  });

  it("names the bound that was exceeded", () => {
    const result = rateQuote(glInput({}, [{ factor: "-0.30", reason: "Everything" }]));
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: "schedule_out_of_bounds",
      total: "-0.30",
      min: "-0.25",
      max: "0.25",
    });
  });

  it("refuses a premium too large to hold in cents", () => {
    const huge = unwrap(
      compileRateTable({ ...DEMO_GL_RATE_TABLE, baseRates: { default: { "23": "999999999" }, byState: {} } }),
    );
    const result = rateQuote({ ...glInput({ annualRevenue: toCents(Number.MAX_SAFE_INTEGER) }), rateTable: huge });
    expect(errorCode(result)).toBe("amount_out_of_range");
  });
});
