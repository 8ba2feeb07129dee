/**
 * Shape of a rate table version and of the surplus lines tax table as stored (JSON in the DB).
 * Decimals are strings ("1.125") so they survive JSON without float conversion; amounts are
 * integer cents. The cross-field rules here are what make the engine's guarantees hold: premium
 * never falls when the limits or the exposure grow, and never rises with a larger deductible.
 */
import { z } from "zod";
import { compareDecimals, DECIMAL_ONE, DECIMAL_ZERO, isDecimalString, parseDecimal } from "../../utils/decimal.ts";
import type { Cents } from "../../utils/money.ts";

const MAX_SCHEDULE_SWING = parseDecimal("0.25");
const MIN_SCHEDULE_SWING = parseDecimal("-0.25");

// `abort` stops later checks, including the table-level refinement below, from parsing a
// malformed decimal.
const decimalString = z.string().refine(isDecimalString, {
  message: 'must be a decimal string such as "1.125"',
  abort: true,
});

const positiveDecimal = decimalString.refine(
  (text) => compareDecimals(parseDecimal(text), DECIMAL_ZERO) > 0,
  "must be greater than 0",
);

/** A credit or tax rate as a fraction: 0 <= rate < 1. */
const fraction = decimalString.refine((text) => {
  const value = parseDecimal(text);
  return compareDecimals(value, DECIMAL_ZERO) >= 0 && compareDecimals(value, DECIMAL_ONE) < 0;
}, "must be at least 0 and below 1");

const cents = z
  .int()
  .min(0)
  .transform((value) => value as Cents);

const positiveCents = z
  .int()
  .min(1)
  .transform((value) => value as Cents);

const stateCode = z.string().regex(/^[A-Z]{2}$/, "must be a two-letter state code");
const naicsPrefix = z.string().regex(/^\d{2,6}$/, "must be a NAICS code or prefix (2 to 6 digits)");
const isoDate = z.iso.date();

const lossHistoryRule = z.strictObject({
  label: z.string().min(1),
  minClaims: z.int().min(0).optional(),
  maxClaims: z.int().min(0).optional(),
  minIncurred: cents.optional(),
  maxIncurred: cents.optional(),
  minYearsInBusiness: z.int().min(0).optional(),
  maxYearsInBusiness: z.int().min(0).optional(),
  factor: positiveDecimal,
});

export const rateTableSchema = z
  .strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    program: z.string().min(1),
    lineOfBusiness: z.enum(["GL", "WC"]),
    effectiveDate: isoDate,
    /** Exclusive; null while the version has no successor. */
    expirationDate: isoDate.nullable(),
    /** Surplus lines programs owe the home state's SL premium tax and stamping fee. */
    surplusLines: z.boolean(),
    exposureBasis: z.strictObject({
      kind: z.enum(["revenue", "payroll"]),
      perDollars: z.union([z.literal(100), z.literal(1000)]),
    }),
    /** Rate per exposure unit by NAICS prefix; a state row wins over the default row. */
    baseRates: z.strictObject({
      default: z.record(naicsPrefix, positiveDecimal),
      byState: z.record(stateCode, z.record(naicsPrefix, positiveDecimal)),
    }),
    increasedLimitFactors: z
      .array(
        z.strictObject({
          occurrenceLimit: positiveCents,
          aggregateLimit: positiveCents,
          factor: positiveDecimal,
        }),
      )
      .min(1),
    deductibleCredits: z.array(z.strictObject({ deductible: cents, credit: fraction })).min(1),
    stateModifiers: z.record(stateCode, positiveDecimal),
    classModifiers: z.record(naicsPrefix, positiveDecimal),
    /** Bands over the exposure amount (revenue or payroll), each running up to the next `from`. */
    exposureBands: z.array(z.strictObject({ from: cents, factor: positiveDecimal })).min(1),
    lossHistory: z.strictObject({
      rules: z.array(lossHistoryRule),
      defaultFactor: positiveDecimal,
      defaultLabel: z.string().min(1),
    }),
    scheduleRating: z.strictObject({ minTotal: decimalString, maxTotal: decimalString }),
    minimumPremium: z.strictObject({ default: cents, byState: z.record(stateCode, cents) }),
    fees: z.array(
      z.strictObject({
        code: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case"),
        name: z.string().min(1),
        amount: cents,
        taxable: z.boolean(),
      }),
    ),
  })
  .superRefine((table, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: "custom", path, message });
    };

    if (table.expirationDate !== null && table.expirationDate <= table.effectiveDate) {
      issue(["expirationDate"], "must be after effectiveDate");
    }

    const ilf = table.increasedLimitFactors;
    ilf.forEach((entry, i) => {
      if (entry.aggregateLimit < entry.occurrenceLimit) {
        issue(["increasedLimitFactors", i], "aggregate limit must not be below the occurrence limit");
      }
      ilf.forEach((other, j) => {
        if (j <= i) return;
        if (entry.occurrenceLimit === other.occurrenceLimit && entry.aggregateLimit === other.aggregateLimit) {
          issue(["increasedLimitFactors", j], "duplicate limit pair");
          return;
        }
        // Higher limits must never cost less; otherwise "more cover, lower premium" quotes appear.
        const [low, high] = covers(other, entry) ? [entry, other] : covers(entry, other) ? [other, entry] : [];
        if (low && high && exceeds(low.factor, high.factor)) {
          issue(["increasedLimitFactors", j], "factor must not decrease as limits increase");
        }
      });
    });

    const deductibles = [...table.deductibleCredits].sort((a, b) => a.deductible - b.deductible);
    deductibles.forEach((entry, i) => {
      const previous = deductibles[i - 1];
      if (previous === undefined) return;
      if (previous.deductible === entry.deductible) {
        issue(["deductibleCredits"], `duplicate deductible ${entry.deductible}`);
      } else if (exceeds(previous.credit, entry.credit)) {
        issue(["deductibleCredits"], "credit must not decrease as the deductible increases");
      }
    });

    const bands = table.exposureBands;
    if (bands[0]?.from !== 0) {
      issue(["exposureBands", 0, "from"], "the first band must start at 0");
    }
    bands.forEach((band, i) => {
      const previous = bands[i - 1];
      if (previous === undefined) return;
      if (band.from <= previous.from) {
        issue(["exposureBands", i, "from"], "bands must be in ascending order");
      }
      // A lower factor above a boundary would make a slightly larger risk cheaper than a smaller one.
      if (exceeds(previous.factor, band.factor)) {
        issue(["exposureBands", i, "factor"], "band factors must not decrease as exposure grows");
      }
    });

    const min = parseDecimal(table.scheduleRating.minTotal);
    const max = parseDecimal(table.scheduleRating.maxTotal);
    if (compareDecimals(min, MIN_SCHEDULE_SWING) < 0 || compareDecimals(min, DECIMAL_ZERO) > 0) {
      issue(["scheduleRating", "minTotal"], "must be between -0.25 and 0");
    }
    if (compareDecimals(max, MAX_SCHEDULE_SWING) > 0 || compareDecimals(max, DECIMAL_ZERO) < 0) {
      issue(["scheduleRating", "maxTotal"], "must be between 0 and 0.25");
    }

    const feeCodes = new Set<string>();
    table.fees.forEach((fee, i) => {
      if (feeCodes.has(fee.code)) issue(["fees", i, "code"], `duplicate fee code ${fee.code}`);
      feeCodes.add(fee.code);
    });
  });

function exceeds(a: string, b: string): boolean {
  return compareDecimals(parseDecimal(a), parseDecimal(b)) > 0;
}

function covers(
  big: { occurrenceLimit: number; aggregateLimit: number },
  small: { occurrenceLimit: number; aggregateLimit: number },
): boolean {
  return big.occurrenceLimit >= small.occurrenceLimit && big.aggregateLimit >= small.aggregateLimit;
}

export const surplusLinesTaxTableSchema = z
  .strictObject({
    version: z.string().min(1),
    states: z.record(
      stateCode,
      z
        .array(
          z.strictObject({
            effectiveDate: isoDate,
            /** Exclusive; null for the row currently in force. */
            expirationDate: isoDate.nullable(),
            premiumTaxRate: fraction,
            stampingFeeRate: fraction,
          }),
        )
        .min(1),
    ),
  })
  .superRefine((table, ctx) => {
    for (const [state, rows] of Object.entries(table.states)) {
      const sorted = [...rows].sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate));
      sorted.forEach((row, i) => {
        if (row.expirationDate !== null && row.expirationDate <= row.effectiveDate) {
          ctx.addIssue({
            code: "custom",
            path: ["states", state],
            message: "expirationDate must be after effectiveDate",
          });
        }
        const next = sorted[i + 1];
        if (next !== undefined && (row.expirationDate === null || row.expirationDate > next.effectiveDate)) {
          ctx.addIssue({
            code: "custom",
            path: ["states", state],
            message: `rows overlap: ${row.effectiveDate} and ${next.effectiveDate}`,
          });
        }
      });
    }
  });

function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A rate table as written (JSON, or the demo objects in code). */
export type RateTableJson = z.input<typeof rateTableSchema>;
export type RateTable = z.output<typeof rateTableSchema>;
export type SurplusLinesTaxTableJson = z.input<typeof surplusLinesTaxTableSchema>;
export type SurplusLinesTaxTable = z.output<typeof surplusLinesTaxTableSchema>;
