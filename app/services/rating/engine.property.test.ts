import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toCents } from "../../utils/money.ts";
import { compileRateTable } from "./compile.ts";
import { DEMO_GL_RATE_TABLE, DEMO_WC_RATE_TABLE } from "./demo-rate-tables.ts";
import { rateQuote, rateQuoteOptions } from "./engine.ts";
import type { RateTableJson } from "./schema.ts";
import { glTable, taxTable, unwrap, wcTable } from "../../../tests/support/rating/fixtures.ts";
import type { CompiledRateTable, QuoteOption, RatingInput, ScheduleAdjustment } from "./types.ts";

// fast-check draws a new seed each run and, when a property fails, prints the seed and the path
// of the shrunk counterexample; FC_SEED=<seed> replays a run.
const RUNS = 400;
const SETTINGS: fc.Parameters<unknown> = process.env.FC_SEED
  ? { numRuns: RUNS, seed: Number(process.env.FC_SEED) }
  : { numRuns: RUNS };

interface Program {
  readonly table: CompiledRateTable;
  readonly json: RateTableJson;
  /** NAICS codes the table prices, by exact code or prefix. */
  readonly naicsCodes: readonly string[];
}

const PROGRAMS: readonly Program[] = [
  {
    table: glTable,
    json: DEMO_GL_RATE_TABLE,
    naicsCodes: ["238160", "238210", "238220", "238310", "238320", "238390", "561720", "561730"],
  },
  {
    table: wcTable,
    json: DEMO_WC_RATE_TABLE,
    naicsCodes: ["238220", "445110", "541110", "541211", "561720", "561730", "722511"],
  },
];

const STATES = ["TX", "CA", "FL", "GA", "IL", "NY"];

function percent(value: number): string {
  const magnitude = Math.abs(value).toString().padStart(2, "0");
  return `${value < 0 ? "-" : "+"}0.${magnitude}`;
}

function optionsOf(json: RateTableJson): QuoteOption[] {
  return json.increasedLimitFactors.flatMap((limit) =>
    json.deductibleCredits.map((entry) => ({
      occurrenceLimit: toCents(limit.occurrenceLimit),
      aggregateLimit: toCents(limit.aggregateLimit),
      deductible: toCents(entry.deductible),
    })),
  );
}

/** A submission the program can rate: listed classes, limits and deductibles. */
const rateableCase: fc.Arbitrary<{ input: RatingInput; program: Program }> = fc
  .constantFrom(...PROGRAMS)
  .chain((program) =>
    fc
      .record({
        option: fc.constantFrom(...optionsOf(program.json)),
        exposure: fc.constantFrom(3, 5, 7, 8, 9, 10).chain((e) => fc.bigInt({ min: 0n, max: 10n ** BigInt(e) })),
        claims: fc.integer({ min: 0, max: 5 }),
        incurred: fc.integer({ min: 0, max: 20_000_000 }),
        // Each adjustment stays within ±8% so three of them never leave the ±25% bound.
        schedule: fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 3 }),
        year: fc.constantFrom("2025", "2026"),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        termMonths: fc.constantFrom(12, 6, 3, 1, 18, 24),
        homeState: fc.constantFrom(...STATES),
        naicsCode: fc.constantFrom(...program.naicsCodes),
        yearsInBusiness: fc.integer({ min: 0, max: 30 }),
      })
      .map((c) => {
        const exposure = toCents(Number(c.exposure));
        const schedule: ScheduleAdjustment[] = c.schedule.map((value, i) => ({
          factor: percent(value),
          reason: `Adjustment ${i + 1}`,
        }));
        const input: RatingInput = {
          rateTable: program.table,
          taxTable,
          schedule,
          submission: {
            lineOfBusiness: program.table.lineOfBusiness,
            homeState: c.homeState,
            naicsCode: c.naicsCode,
            ...(program.table.exposure.kind === "revenue" ? { annualRevenue: exposure } : { payroll: exposure }),
            ...c.option,
            effectiveDate: `${c.year}-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`,
            termMonths: c.termMonths,
            priorLosses: { count: c.claims, incurred: toCents(c.claims === 0 ? 0 : c.incurred) },
            yearsInBusiness: c.yearsInBusiness,
          },
        };
        return { input, program };
      }),
  );

function withExposure(input: RatingInput, amount: number): RatingInput {
  const exposure = toCents(amount);
  const submission =
    input.rateTable.exposure.kind === "revenue"
      ? { ...input.submission, annualRevenue: exposure }
      : { ...input.submission, payroll: exposure };
  return { ...input, submission };
}

function gross(input: RatingInput): number {
  return unwrap(rateQuote(input)).grossPremium;
}

// Arithmetic written here, apart from the engine's decimal helpers, so a shared mistake cannot
// hide: a decimal string as an integer over a power of ten, and division rounding half to even.
function decimalFraction(text: string): { numerator: bigint; denominator: bigint } {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign = "", whole = "", fraction = ""] = match;
  return { numerator: BigInt(`${sign}${whole}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const away = quotient + (numerator < 0n ? -1n : 1n);
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice > denominator) return away;
  if (twice < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : away;
}

describe(`rating properties (${RUNS} cases each, fast-check)`, () => {
  it("never charges less than the state minimum premium, and totals add up", () => {
    fc.assert(
      fc.property(rateableCase, ({ input, program }) => {
        const quote = unwrap(rateQuote(input));
        const { byState, default: fallback } = program.json.minimumPremium;
        expect(quote.grossPremium).toBeGreaterThanOrEqual(byState[input.submission.homeState] ?? fallback);
        const taxes = quote.taxes.reduce((sum, tax) => sum + tax.amount, 0);
        expect(quote.taxesTotal).toBe(taxes);
        expect(quote.totalDue).toBe(quote.grossPremium + quote.feesTotal + taxes);
      }),
      SETTINGS,
    );
  });

  it("records a waterfall that reproduces itself from the printed factors", () => {
    fc.assert(
      fc.property(rateableCase, ({ input }) => {
        const { steps } = unwrap(rateQuote(input));
        for (let i = 1; i < 8; i += 1) {
          const before = BigInt(steps[i - 1]?.premiumAfter ?? Number.NaN);
          const factor = decimalFraction(steps[i]?.factor ?? "");
          expect(steps[i]?.premiumAfter).toBe(Number(divideHalfEven(before * factor.numerator, factor.denominator)));
        }
      }),
      SETTINGS,
    );
  });

  it("gives identical output for identical input, including a freshly compiled table", () => {
    fc.assert(
      fc.property(rateableCase, ({ input, program }) => {
        const recompiled = unwrap(compileRateTable(JSON.parse(JSON.stringify(program.json))));
        const first = rateQuote(input);
        expect(rateQuote(structuredClone(input))).toEqual(first);
        expect(rateQuote({ ...input, rateTable: recompiled })).toEqual(first);
      }),
      SETTINGS,
    );
  });

  it("never lowers the premium when limits increase", () => {
    fc.assert(
      fc.property(rateableCase, ({ input, program }) => {
        const deductible = input.submission.deductible;
        const tiers = program.json.increasedLimitFactors.map((limit) => ({
          occurrenceLimit: toCents(limit.occurrenceLimit),
          aggregateLimit: toCents(limit.aggregateLimit),
          deductible,
        }));
        const quotes = rateQuoteOptions(input, tiers).map(unwrap);
        tiers.forEach((low, i) => {
          tiers.forEach((high, j) => {
            if (high.occurrenceLimit >= low.occurrenceLimit && high.aggregateLimit >= low.aggregateLimit) {
              expect(quotes[j]?.grossPremium).toBeGreaterThanOrEqual(quotes[i]?.grossPremium ?? Number.NaN);
            }
          });
        });
      }),
      SETTINGS,
    );
  });

  it("never raises the premium for a larger deductible", () => {
    fc.assert(
      fc.property(rateableCase, ({ input, program }) => {
        const tiers = [...program.json.deductibleCredits]
          .sort((a, b) => a.deductible - b.deductible)
          .map((entry) => ({
            occurrenceLimit: input.submission.occurrenceLimit,
            aggregateLimit: input.submission.aggregateLimit,
            deductible: toCents(entry.deductible),
          }));
        const grossByDeductible = rateQuoteOptions(input, tiers).map((result) => unwrap(result).grossPremium);
        grossByDeductible.slice(1).forEach((premium, i) => {
          expect(premium).toBeLessThanOrEqual(grossByDeductible[i] ?? Number.NaN);
        });
      }),
      SETTINGS,
    );
  });

  it("never lowers the premium when exposure increases, including across band boundaries", () => {
    const start = (program: Program) => {
      const boundaries = program.json.exposureBands.map((band) => band.from).filter((from) => from > 0);
      const arbitrary = fc.integer({ min: 0, max: 2_000_000_000 });
      // Half the cases start one cent below a band boundary.
      return boundaries.length
        ? fc.oneof(
            arbitrary,
            fc.constantFrom(...boundaries).map((b) => b - 1),
          )
        : arbitrary;
    };
    const withSteps = rateableCase.chain((c) =>
      fc.record({
        c: fc.constant(c),
        base: start(c.program),
        step: fc.oneof(fc.constant(1), fc.constant(100), fc.integer({ min: 1, max: 50_000_000 })),
      }),
    );
    fc.assert(
      fc.property(withSteps, ({ c: { input }, base, step }) => {
        expect(gross(withExposure(input, base + step))).toBeGreaterThanOrEqual(gross(withExposure(input, base)));
      }),
      SETTINGS,
    );
  });

  it("rates quote options independently of each other and of their order", () => {
    const withOptions = rateableCase.chain((c) =>
      fc.record({
        c: fc.constant(c),
        options: fc.array(fc.constantFrom(...optionsOf(c.program.json)), { minLength: 1, maxLength: 5 }),
      }),
    );
    fc.assert(
      fc.property(withOptions, ({ c: { input }, options }) => {
        const together = rateQuoteOptions(input, options);
        const alone = options.map((option) => rateQuote({ ...input, submission: { ...input.submission, ...option } }));
        expect(together).toEqual(alone);
        expect(rateQuoteOptions(input, [...options].reverse())).toEqual([...together].reverse());
      }),
      SETTINGS,
    );
  });
});
