import { describe, expect, it } from "vitest";
import { divideRoundHalfEven, parseDecimal, powerOfTen } from "../../utils/decimal.ts";
import { toCents } from "../../utils/money.ts";
import { compileRateTable } from "./compile.ts";
import { DEMO_GL_RATE_TABLE, DEMO_WC_RATE_TABLE } from "./demo-rate-tables.ts";
import { rateQuote, rateQuoteOptions } from "./engine.ts";
import type { RateTableJson } from "./schema.ts";
import { glTable, taxTable, unwrap, wcTable } from "../../../tests/support/rating/fixtures.ts";
import { seededRandom, type SeededRandom } from "../../../tests/support/rating/seeded-random.ts";
import type { CompiledRateTable, QuoteOption, RatingInput, ScheduleAdjustment } from "./types.ts";

const SEED = 20250601;
const RUNS = 400;

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

/** A random submission the program can rate: listed classes, limits and deductibles. */
function randomInput(random: SeededRandom): { input: RatingInput; program: Program } {
  const program = random.pick(PROGRAMS);
  const option = random.pick(optionsOf(program.json));
  const exposure = toCents(random.int(0, 10 ** random.pick([3, 5, 7, 8, 9, 10])));
  const claims = random.int(0, 5);
  // Each adjustment stays within ±8% so three of them never leave the ±25% bound.
  const schedule: ScheduleAdjustment[] = Array.from({ length: random.int(0, 3) }, (_, i) => ({
    factor: percent(random.int(-8, 8)),
    reason: `Adjustment ${i + 1}`,
  }));
  const month = String(random.int(1, 12)).padStart(2, "0");
  const day = String(random.int(1, 28)).padStart(2, "0");
  const input: RatingInput = {
    rateTable: program.table,
    taxTable,
    schedule,
    submission: {
      lineOfBusiness: program.table.lineOfBusiness,
      homeState: random.pick(STATES),
      naicsCode: random.pick(program.naicsCodes),
      ...(program.table.exposure.kind === "revenue" ? { annualRevenue: exposure } : { payroll: exposure }),
      ...option,
      effectiveDate: `${random.pick(["2025", "2026"])}-${month}-${day}`,
      termMonths: random.pick([12, 12, 12, 6, 3, 1, 18, 24]),
      priorLosses: { count: claims, incurred: toCents(claims === 0 ? 0 : random.int(0, 20_000_000)) },
      yearsInBusiness: random.int(0, 30),
    },
  };
  return { input, program };
}

function withExposure(input: RatingInput, amount: number): RatingInput {
  const exposure = toCents(amount);
  const submission =
    input.rateTable.exposure.kind === "revenue"
      ? { ...input.submission, annualRevenue: exposure }
      : { ...input.submission, payroll: exposure };
  return { ...input, submission };
}

function forEachCase(check: (input: RatingInput, random: SeededRandom, program: Program) => void): void {
  const random = seededRandom(SEED);
  for (let run = 0; run < RUNS; run += 1) {
    const { input, program } = randomInput(random);
    try {
      check(input, random, program);
    } catch (error) {
      throw new Error(`Run ${run} (seed ${SEED}) failed for ${JSON.stringify(input.submission)}`, { cause: error });
    }
  }
}

function gross(input: RatingInput): number {
  return unwrap(rateQuote(input)).grossPremium;
}

describe(`rating properties (seed ${SEED}, ${RUNS} cases each)`, () => {
  it("never charges less than the state minimum premium, and totals add up", () => {
    forEachCase((input) => {
      const quote = unwrap(rateQuote(input));
      const { byState, fallback } = input.rateTable.minimumPremiums;
      const minimum = Number((byState.get(input.submission.homeState) ?? fallback).amount);
      expect(quote.grossPremium).toBeGreaterThanOrEqual(minimum);
      const taxes = quote.taxes.reduce((sum, tax) => sum + tax.amount, 0);
      expect(quote.taxesTotal).toBe(taxes);
      expect(quote.totalDue).toBe(quote.grossPremium + quote.feesTotal + taxes);
    });
  });

  it("records a waterfall that reproduces itself from the printed factors", () => {
    forEachCase((input) => {
      const { steps } = unwrap(rateQuote(input));
      for (let i = 1; i < 8; i += 1) {
        const before = BigInt(steps[i - 1]?.premiumAfter ?? Number.NaN);
        const factor = parseDecimal(steps[i]?.factor ?? "");
        const expected = divideRoundHalfEven(before * factor.coefficient, powerOfTen(factor.scale));
        expect(steps[i]?.premiumAfter).toBe(Number(expected));
      }
    });
  });

  it("gives identical output for identical input, including a freshly compiled table", () => {
    forEachCase((input, _random, program) => {
      const recompiled = unwrap(compileRateTable(JSON.parse(JSON.stringify(program.json))));
      const first = rateQuote(input);
      expect(rateQuote(structuredClone(input))).toEqual(first);
      expect(rateQuote({ ...input, rateTable: recompiled })).toEqual(first);
    });
  });

  it("never lowers the premium when limits increase", () => {
    forEachCase((input, _random, program) => {
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
    });
  });

  it("never raises the premium for a larger deductible", () => {
    forEachCase((input, _random, program) => {
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
    });
  });

  it("never lowers the premium when exposure increases, including across band boundaries", () => {
    forEachCase((input, random) => {
      const boundaries = input.rateTable.exposureBands.map((band) => band.from).filter((from) => from > 0);
      const base = random.chance(50) && boundaries.length > 0 ? random.pick(boundaries) - 1 : random.int(0, 2_000_000_000);
      const step = random.pick([1, 100, random.int(1, 50_000_000)]);
      expect(gross(withExposure(input, base + step))).toBeGreaterThanOrEqual(gross(withExposure(input, base)));
    });
  });

  it("rates quote options independently of each other and of their order", () => {
    forEachCase((input, random, program) => {
      const all = optionsOf(program.json);
      const options = Array.from({ length: random.int(1, 5) }, () => random.pick(all));
      const together = rateQuoteOptions(input, options);
      const alone = options.map((option) => rateQuote({ ...input, submission: { ...input.submission, ...option } }));
      expect(together).toEqual(alone);
      expect(rateQuoteOptions(input, [...options].reverse())).toEqual([...together].reverse());
    });
  });
});
