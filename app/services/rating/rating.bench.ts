/**
 * Throughput of the rating engine on one core. Run: `npx node app/services/rating/rating.bench.ts`.
 * Tables are compiled once, as in production, so this measures rating alone.
 */
import { toCents } from "../../utils/money.ts";
import { compileRateTable, compileTaxTable } from "./compile.ts";
import { DEMO_GL_RATE_TABLE, DEMO_SURPLUS_LINES_TAX_TABLE, DEMO_WC_RATE_TABLE } from "./demo-rate-tables.ts";
import { rateQuote } from "./engine.ts";
import type { RatingInput, RatingResult } from "./types.ts";

const BATCH = 1024;

function unwrap<T>(result: RatingResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A mix of GL and WC risks so the loop exercises several rows, bands and rules, not one path. */
function benchInputs(): RatingInput[] {
  const gl = unwrap(compileRateTable(DEMO_GL_RATE_TABLE));
  const wc = unwrap(compileRateTable(DEMO_WC_RATE_TABLE));
  const taxTable = unwrap(compileTaxTable(DEMO_SURPLUS_LINES_TAX_TABLE));
  const common = {
    effectiveDate: "2025-06-01",
    termMonths: 12,
    priorLosses: { count: 1, incurred: toCents(1_200_000) },
    yearsInBusiness: 7,
  };
  return [
    {
      rateTable: gl,
      taxTable,
      schedule: [
        { factor: "-0.05", reason: "Written safety program" },
        { factor: "+0.02", reason: "Subcontractor use" },
      ],
      submission: {
        ...common,
        lineOfBusiness: "GL",
        homeState: "TX",
        naicsCode: "238220",
        annualRevenue: toCents(234_567_890),
        occurrenceLimit: toCents(100_000_000),
        aggregateLimit: toCents(200_000_000),
        deductible: toCents(250_000),
      },
    },
    {
      rateTable: gl,
      taxTable,
      schedule: [],
      submission: {
        ...common,
        lineOfBusiness: "GL",
        homeState: "CA",
        naicsCode: "561730",
        annualRevenue: toCents(1_250_000_000),
        occurrenceLimit: toCents(200_000_000),
        aggregateLimit: toCents(400_000_000),
        deductible: toCents(0),
        priorLosses: { count: 0, incurred: toCents(0) },
      },
    },
    {
      rateTable: wc,
      taxTable,
      schedule: [{ factor: "-0.10", reason: "Return-to-work program" }],
      submission: {
        ...common,
        lineOfBusiness: "WC",
        homeState: "CA",
        naicsCode: "722511",
        payroll: toCents(84_500_000),
        occurrenceLimit: toCents(50_000_000),
        aggregateLimit: toCents(50_000_000),
        deductible: toCents(100_000),
        termMonths: 6,
      },
    },
    {
      rateTable: gl,
      taxTable,
      schedule: [{ factor: "0.10", reason: "Prior coverage gap" }],
      submission: {
        ...common,
        lineOfBusiness: "GL",
        homeState: "GA",
        naicsCode: "238320",
        annualRevenue: toCents(18_000_000),
        occurrenceLimit: toCents(50_000_000),
        aggregateLimit: toCents(100_000_000),
        deductible: toCents(100_000),
      },
    },
  ];
}

/** Rates quotes in a loop for about `durationMs` and returns quotes per second. */
export function benchRating(durationMs = 2_000): number {
  const inputs = benchInputs();
  let quotes = 0;
  let elapsed = 0;
  const start = performance.now();
  do {
    for (let i = 0; i < BATCH; i += 1) {
      // Checking the result keeps the call from being optimised away and catches a broken table.
      if (!rateQuote(inputs[i % inputs.length] as RatingInput).ok) {
        throw new Error("Benchmark input failed to rate");
      }
    }
    quotes += BATCH;
    elapsed = performance.now() - start;
  } while (elapsed < durationMs);
  return Math.round(quotes / (elapsed / 1000));
}

// `import.meta.main` (Node 24) is true only when this file is the entry point, not when imported.
if ((import.meta as ImportMeta & { main?: boolean }).main) {
  console.log(`${benchRating()} quotes/second`);
}
