import type { Decimal } from "../../utils/decimal.ts";
import type { Cents } from "../../utils/money.ts";

export type LineOfBusiness = "GL" | "WC";
export type ExposureKind = "revenue" | "payroll";

/** The facts of a submission that rating reads. Dates are ISO `YYYY-MM-DD`. */
export interface SubmissionFacts {
  readonly lineOfBusiness: LineOfBusiness;
  /** Two-letter code of the insured's home state; picks base rates, modifiers and taxes. */
  readonly homeState: string;
  /** Six-digit NAICS code. */
  readonly naicsCode: string;
  /** Read when the rate table's exposure basis is revenue (GL). */
  readonly annualRevenue?: Cents | undefined;
  /** Read when the rate table's exposure basis is payroll (WC). */
  readonly payroll?: Cents | undefined;
  readonly occurrenceLimit: Cents;
  readonly aggregateLimit: Cents;
  readonly deductible: Cents;
  readonly effectiveDate: string;
  readonly termMonths: number;
  readonly priorLosses: { readonly count: number; readonly incurred: Cents };
  readonly yearsInBusiness: number;
}

/** An underwriter's schedule credit (negative) or debit (positive), e.g. "-0.05". */
export interface ScheduleAdjustment {
  readonly factor: string;
  readonly reason: string;
}

/** One limit/deductible tier quoted side by side with others for the same submission. */
export interface QuoteOption {
  readonly occurrenceLimit: Cents;
  readonly aggregateLimit: Cents;
  readonly deductible: Cents;
}

export interface RatingInput {
  readonly submission: SubmissionFacts;
  readonly schedule: readonly ScheduleAdjustment[];
  readonly rateTable: CompiledRateTable;
  readonly taxTable: CompiledTaxTable;
}

export type RatingStepKey =
  | "exposure"
  | "increased_limits"
  | "deductible"
  | "state"
  | "class"
  | "exposure_band"
  | "loss_history"
  | "schedule"
  | "minimum_premium";

/** One line of the rating waterfall, recorded so a quote can be explained and audited. */
export interface RatingStep {
  readonly step: number;
  readonly key: RatingStepKey;
  readonly name: string;
  /** Rate table id@version and the entry read, e.g. "gl-demo@2025.1 baseRates.TX.2382". */
  readonly source: string;
  /** What the step looked at, in words. */
  readonly input: string;
  /** Multiplier applied (the base rate for step 1); null for the minimum-premium floor. */
  readonly factor: string | null;
  readonly premiumAfter: Cents;
}

export interface FeeLine {
  readonly step: 10;
  readonly code: string;
  readonly name: string;
  readonly source: string;
  readonly taxable: boolean;
  readonly amount: Cents;
}

export type TaxCode = "surplus_lines_tax" | "stamping_fee";

export interface TaxLine {
  readonly step: 11;
  readonly code: TaxCode;
  readonly name: string;
  readonly source: string;
  readonly input: string;
  readonly rate: string;
  readonly taxableBase: Cents;
  readonly amount: Cents;
}

export interface RatedQuote {
  /** Pinned on the quote: re-rating with the same table version gives the same figures. */
  readonly rateTable: { readonly id: string; readonly version: string; readonly program: string };
  /** Null for admitted programs, which owe no surplus lines tax. */
  readonly taxTableVersion: string | null;
  readonly option: QuoteOption;
  readonly steps: readonly RatingStep[];
  readonly grossPremium: Cents;
  readonly fees: readonly FeeLine[];
  readonly feesTotal: Cents;
  readonly taxes: readonly TaxLine[];
  readonly taxesTotal: Cents;
  readonly totalDue: Cents;
}

export type RatingError =
  | { readonly code: "invalid_input"; readonly field: string; readonly message: string }
  | { readonly code: "invalid_rate_table"; readonly issues: readonly string[]; readonly message: string }
  | { readonly code: "invalid_tax_table"; readonly issues: readonly string[]; readonly message: string }
  | {
      readonly code: "line_of_business_mismatch";
      readonly expected: LineOfBusiness;
      readonly actual: LineOfBusiness;
      readonly message: string;
    }
  | { readonly code: "rate_table_not_in_force"; readonly effectiveDate: string; readonly message: string }
  | { readonly code: "missing_exposure"; readonly basis: ExposureKind; readonly message: string }
  | {
      readonly code: "no_base_rate";
      readonly state: string;
      readonly naicsCode: string;
      readonly message: string;
    }
  | {
      readonly code: "limit_not_in_ilf_table";
      readonly occurrenceLimit: Cents;
      readonly aggregateLimit: Cents;
      readonly message: string;
    }
  | { readonly code: "deductible_not_in_table"; readonly deductible: Cents; readonly message: string }
  | { readonly code: "invalid_schedule_adjustment"; readonly index: number; readonly message: string }
  | {
      readonly code: "schedule_out_of_bounds";
      readonly total: string;
      readonly min: string;
      readonly max: string;
      readonly message: string;
    }
  | {
      readonly code: "no_tax_rate";
      readonly state: string;
      readonly effectiveDate: string;
      readonly message: string;
    }
  | { readonly code: "amount_out_of_range"; readonly message: string };

export type RatingErrorCode = RatingError["code"];

export type RatingResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: RatingError };

// ---- Compiled tables: rate table JSON with every decimal pre-parsed and lookups indexed, so the
// ---- hot path does map lookups and BigInt multiplications only.

/** A factor or rate ready to apply, with its printed form and where it came from. */
export interface CompiledFactor {
  readonly value: Decimal;
  readonly text: string;
  readonly source: string;
}

/** Entries keyed by NAICS prefix (2 to 6 digits); the longest matching prefix wins. */
export type NaicsPrefixTable = ReadonlyMap<string, CompiledFactor>;

export interface CompiledBand {
  readonly from: number;
  /** Exclusive upper bound; Infinity for the open top band. */
  readonly to: number;
  readonly range: string;
  readonly factor: CompiledFactor;
}

export interface CompiledLossRule {
  readonly label: string;
  readonly minClaims: number;
  readonly maxClaims: number;
  readonly minIncurred: number;
  readonly maxIncurred: number;
  readonly minYearsInBusiness: number;
  readonly maxYearsInBusiness: number;
  readonly factor: CompiledFactor;
}

export interface CompiledAmount {
  readonly amount: bigint;
  readonly text: string;
  readonly source: string;
}

export interface CompiledRateTable {
  readonly id: string;
  readonly version: string;
  readonly program: string;
  readonly lineOfBusiness: LineOfBusiness;
  readonly effectiveDate: string;
  readonly expirationDate: string | null;
  readonly surplusLines: boolean;
  readonly exposure: {
    readonly kind: ExposureKind;
    readonly perDollars: number;
    /** Exposure in cents divided by 100 × perDollars is the number of rating units. */
    readonly unitScale: number;
  };
  readonly baseRates: {
    readonly byState: ReadonlyMap<string, NaicsPrefixTable>;
    readonly fallback: NaicsPrefixTable;
  };
  readonly increasedLimitFactors: ReadonlyMap<number, ReadonlyMap<number, CompiledFactor>>;
  readonly deductibleFactors: ReadonlyMap<number, { readonly credit: string; readonly factor: CompiledFactor }>;
  readonly stateModifiers: ReadonlyMap<string, CompiledFactor>;
  readonly classModifiers: NaicsPrefixTable;
  /** Applied when a state or class has no modifier of its own. */
  readonly neutralStateModifier: CompiledFactor;
  readonly neutralClassModifier: CompiledFactor;
  readonly exposureBands: readonly CompiledBand[];
  /** First match wins; the last rule is the table's default and matches everything. */
  readonly lossHistoryRules: readonly CompiledLossRule[];
  readonly schedule: { readonly min: Decimal; readonly max: Decimal; readonly source: string };
  readonly minimumPremiums: {
    readonly byState: ReadonlyMap<string, CompiledAmount>;
    readonly fallback: CompiledAmount;
  };
  readonly fees: readonly FeeLine[];
  readonly feesTotal: Cents;
  readonly taxableFeesTotal: bigint;
}

export interface CompiledTaxRow {
  readonly effectiveDate: string;
  readonly expirationDate: string | null;
  readonly premiumTax: CompiledFactor;
  readonly stampingFee: CompiledFactor;
}

export interface CompiledTaxTable {
  readonly version: string;
  readonly byState: ReadonlyMap<string, readonly CompiledTaxRow[]>;
}
