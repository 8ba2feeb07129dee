import { describe, expect, it } from "vitest";
import { compileRateTable, compileTaxTable } from "./compile.ts";
import { DEMO_GL_RATE_TABLE, DEMO_SURPLUS_LINES_TAX_TABLE, DEMO_WC_RATE_TABLE } from "./demo-rate-tables.ts";
import { rateTableSchema, surplusLinesTaxTableSchema, type RateTableJson } from "./schema.ts";

function issuesOf(raw: unknown): readonly string[] {
  const result = compileRateTable(raw);
  return !result.ok && result.error.code === "invalid_rate_table" ? result.error.issues : [];
}

function withChange(change: Partial<RateTableJson>): RateTableJson {
  return { ...DEMO_GL_RATE_TABLE, ...change };
}

describe("rate table schema", () => {
  it("accepts the demo tables, also after a JSON round trip through the DB", () => {
    for (const table of [DEMO_GL_RATE_TABLE, DEMO_WC_RATE_TABLE]) {
      expect(rateTableSchema.safeParse(table).success).toBe(true);
      expect(compileRateTable(JSON.parse(JSON.stringify(table))).ok).toBe(true);
    }
    expect(surplusLinesTaxTableSchema.safeParse(DEMO_SURPLUS_LINES_TAX_TABLE).success).toBe(true);
  });

  it("reports where the table is wrong", () => {
    const result = compileRateTable(withChange({ stateModifiers: { TX: "1,05" } }));
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: "invalid_rate_table",
      issues: ['stateModifiers.TX: must be a decimal string such as "1.125"'],
    });
  });

  it.each<[string, unknown, string]>([
    ["a factor stored as a float", { ...DEMO_GL_RATE_TABLE, stateModifiers: { TX: 1.05 } }, "stateModifiers.TX"],
    ["an unknown field", { ...DEMO_GL_RATE_TABLE, discount: "0.1" }, "(root)"],
    ["a zero base rate", withChange({ baseRates: { default: { "23": "0" }, byState: {} } }), "baseRates.default.23"],
    ["a seven-digit class", withChange({ classModifiers: { "2381601": "1.1" } }), "classModifiers.2381601"],
    ["fractional cents", withChange({ minimumPremium: { default: 750.5, byState: {} } }), "minimumPremium.default"],
    [
      "a credit of 100%",
      withChange({ deductibleCredits: [{ deductible: 0, credit: "1" }] }),
      "deductibleCredits.0.credit",
    ],
    ["an expiration before the effective date", withChange({ expirationDate: "2024-12-31" }), "expirationDate"],
    [
      "a duplicate limit pair",
      withChange({
        increasedLimitFactors: [
          { occurrenceLimit: 100_000_000, aggregateLimit: 200_000_000, factor: "1.00" },
          { occurrenceLimit: 100_000_000, aggregateLimit: 200_000_000, factor: "1.10" },
        ],
      }),
      "increasedLimitFactors.1",
    ],
    [
      "a higher limit priced lower",
      withChange({
        increasedLimitFactors: [
          { occurrenceLimit: 100_000_000, aggregateLimit: 200_000_000, factor: "1.00" },
          { occurrenceLimit: 200_000_000, aggregateLimit: 400_000_000, factor: "0.99" },
        ],
      }),
      "increasedLimitFactors.1",
    ],
    [
      "an aggregate below the occurrence limit",
      withChange({
        increasedLimitFactors: [{ occurrenceLimit: 200_000_000, aggregateLimit: 100_000_000, factor: "1" }],
      }),
      "increasedLimitFactors.0",
    ],
    [
      "a larger deductible with a smaller credit",
      withChange({
        deductibleCredits: [
          { deductible: 0, credit: "0" },
          { deductible: 500_000, credit: "0.08" },
          { deductible: 1_000_000, credit: "0.05" },
        ],
      }),
      "deductibleCredits",
    ],
    ["bands not starting at 0", withChange({ exposureBands: [{ from: 100, factor: "1" }] }), "exposureBands.0.from"],
    [
      "a band factor that drops",
      withChange({
        exposureBands: [
          { from: 0, factor: "1.00" },
          { from: 100_000_000, factor: "0.90" },
        ],
      }),
      "exposureBands.1.factor",
    ],
    [
      "bands out of order",
      withChange({
        exposureBands: [
          { from: 0, factor: "1.00" },
          { from: 100_000_000, factor: "1.00" },
          { from: 50_000_000, factor: "1.00" },
        ],
      }),
      "exposureBands.2.from",
    ],
    [
      "a schedule range beyond 25%",
      withChange({ scheduleRating: { minTotal: "-0.30", maxTotal: "0.25" } }),
      "scheduleRating.minTotal",
    ],
    [
      "a schedule range excluding zero",
      withChange({ scheduleRating: { minTotal: "0.05", maxTotal: "0.25" } }),
      "scheduleRating.minTotal",
    ],
    [
      "a duplicate fee code",
      withChange({
        fees: [
          { code: "policy_fee", name: "Policy fee", amount: 100, taxable: true },
          { code: "policy_fee", name: "Policy fee again", amount: 100, taxable: true },
        ],
      }),
      "fees.1.code",
    ],
  ])("refuses %s", (_label, raw, path) => {
    const result = compileRateTable(raw);
    expect(result.ok ? undefined : result.error.code).toBe("invalid_rate_table");
    const issues = issuesOf(raw);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((issue) => issue.startsWith(`${path}:`))).toBe(true);
  });
});

describe("surplus lines tax table schema", () => {
  it("refuses overlapping rows for a state", () => {
    const result = compileTaxTable({
      version: "t",
      states: {
        TX: [
          { effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.0485", stampingFeeRate: "0.0004" },
          { effectiveDate: "2025-01-01", expirationDate: null, premiumTaxRate: "0.0485", stampingFeeRate: "0.0003" },
        ],
      },
    });
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: "invalid_tax_table",
      issues: ["states.TX: rows overlap: 2024-01-01 and 2025-01-01"],
    });
  });

  it("refuses a tax rate written as a percentage", () => {
    const result = compileTaxTable({
      version: "t",
      states: {
        TX: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "4.85", stampingFeeRate: "0" }],
      },
    });
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: "invalid_tax_table",
      issues: ["states.TX.0.premiumTaxRate: must be at least 0 and below 1"],
    });
  });
});

describe("compiled rate table", () => {
  it("is frozen, so rating can never change a pinned version", () => {
    const result = compileRateTable(DEMO_GL_RATE_TABLE);
    expect(result.ok && Object.isFrozen(result.value)).toBe(true);
  });
});
