/**
 * DEMO rate tables for seeding development and test databases.
 *
 * The figures are plausible, in the range of real small-commercial GL and WC manuals and of
 * published surplus lines tax rates, but they are illustrations, not filed rates: check every
 * value with the carrier's filing and the state's stamping office before rating real business.
 * Amounts are cents; rates and factors are decimal strings.
 */
import type { RateTableJson, SurplusLinesTaxTableJson } from "./schema.ts";

/** Surplus lines GL for artisan contractors and building services, rated per $1,000 of revenue. */
export const DEMO_GL_RATE_TABLE: RateTableJson = {
  id: "demo-gl-artisan-contractors",
  version: "2025.1",
  program: "demo-artisan-contractors-gl",
  lineOfBusiness: "GL",
  effectiveDate: "2025-01-01",
  expirationDate: null,
  surplusLines: true,
  exposureBasis: { kind: "revenue", perDollars: 1000 },
  baseRates: {
    default: {
      "238160": "4.20", // roofing contractors
      "238210": "3.85", // electrical contractors
      "238220": "3.50", // plumbing, heating and air-conditioning contractors
      "238320": "2.95", // painting and wall covering contractors
      "2383": "2.60", // other building finishing contractors
      "561720": "1.60", // janitorial services
      "561730": "2.10", // landscaping services
    },
    byState: {
      TX: { "238160": "4.45", "238220": "3.35", "2383": "2.45" },
      CA: { "238160": "5.10", "238210": "4.40", "238220": "4.05", "561730": "2.55" },
      FL: { "238160": "4.90" },
    },
  },
  // Occurrence / aggregate pairs relative to $1M / $2M.
  increasedLimitFactors: [
    { occurrenceLimit: 50_000_000, aggregateLimit: 100_000_000, factor: "0.85" },
    { occurrenceLimit: 100_000_000, aggregateLimit: 100_000_000, factor: "0.95" },
    { occurrenceLimit: 100_000_000, aggregateLimit: 200_000_000, factor: "1.00" },
    { occurrenceLimit: 100_000_000, aggregateLimit: 300_000_000, factor: "1.04" },
    { occurrenceLimit: 200_000_000, aggregateLimit: 400_000_000, factor: "1.22" },
  ],
  deductibleCredits: [
    { deductible: 0, credit: "0" },
    { deductible: 100_000, credit: "0.02" },
    { deductible: 250_000, credit: "0.05" },
    { deductible: 500_000, credit: "0.08" },
    { deductible: 1_000_000, credit: "0.11" },
    { deductible: 2_500_000, credit: "0.16" },
  ],
  stateModifiers: { TX: "1.05", CA: "1.12", FL: "1.08", GA: "0.97", IL: "1.00" },
  classModifiers: {
    "238160": "1.15", // falls from height
    "561720": "0.95",
    "561730": "1.05", // power equipment
  },
  // Larger operations run more jobsites and subcontractors, so severity grows with revenue.
  exposureBands: [
    { from: 0, factor: "0.95" },
    { from: 50_000_000, factor: "1.00" },
    { from: 250_000_000, factor: "1.05" },
    { from: 1_000_000_000, factor: "1.10" },
  ],
  lossHistory: {
    rules: [
      { label: "Loss free, 5+ years in business", maxClaims: 0, minYearsInBusiness: 5, factor: "0.90" },
      { label: "Loss free, 3+ years in business", maxClaims: 0, minYearsInBusiness: 3, factor: "0.95" },
      { label: "Loss free, new venture (under 3 years)", maxClaims: 0, factor: "1.05" },
      { label: "One claim up to $25,000", maxClaims: 1, maxIncurred: 2_500_000, factor: "1.05" },
      { label: "Up to two claims, up to $100,000", maxClaims: 2, maxIncurred: 10_000_000, factor: "1.15" },
    ],
    defaultFactor: "1.30",
    defaultLabel: "Adverse loss history",
  },
  scheduleRating: { minTotal: "-0.25", maxTotal: "0.25" },
  minimumPremium: { default: 75_000, byState: { CA: 100_000, FL: 100_000 } },
  fees: [{ code: "policy_fee", name: "Policy fee", amount: 15_000, taxable: true }],
};

/**
 * Admitted workers' compensation, rated per $100 of payroll. Real WC manuals rate by NCCI or
 * state class code; submissions here carry NAICS, so each entry notes the class it stands for.
 * Class and state differences live in the base rates, hence no separate modifiers.
 */
export const DEMO_WC_RATE_TABLE: RateTableJson = {
  id: "demo-wc-main-street",
  version: "2025.1",
  program: "demo-main-street-wc",
  lineOfBusiness: "WC",
  effectiveDate: "2025-01-01",
  expirationDate: null,
  surplusLines: false,
  exposureBasis: { kind: "payroll", perDollars: 100 },
  baseRates: {
    default: {
      "238220": "3.40", // NCCI 5183 plumbing
      "445110": "1.10", // NCCI 8006 grocery store
      "5411": "0.18", // NCCI 8820 attorneys, clerical
      "5412": "0.16", // NCCI 8810 clerical office
      "561720": "3.05", // NCCI 9014 janitorial
      "561730": "4.20", // NCCI 0042 landscape gardening
      "722511": "1.45", // NCCI 9079 restaurant
    },
    byState: {
      CA: { "238220": "4.95", "5411": "0.42", "5412": "0.38", "561720": "5.12", "722511": "2.31" },
      TX: { "238220": "2.60", "561720": "2.35", "722511": "1.12" },
    },
  },
  // Employers liability: each accident / disease policy limit, relative to 100/500/100.
  increasedLimitFactors: [
    { occurrenceLimit: 10_000_000, aggregateLimit: 50_000_000, factor: "1.000" },
    { occurrenceLimit: 50_000_000, aggregateLimit: 50_000_000, factor: "1.011" },
    { occurrenceLimit: 100_000_000, aggregateLimit: 100_000_000, factor: "1.016" },
  ],
  deductibleCredits: [
    { deductible: 0, credit: "0" },
    { deductible: 100_000, credit: "0.021" },
    { deductible: 250_000, credit: "0.042" },
    { deductible: 500_000, credit: "0.066" },
  ],
  stateModifiers: {},
  classModifiers: {},
  exposureBands: [{ from: 0, factor: "1.00" }],
  lossHistory: {
    rules: [
      { label: "Loss free, 3+ years in business", maxClaims: 0, minYearsInBusiness: 3, factor: "0.95" },
      { label: "Up to one claim, up to $10,000", maxClaims: 1, maxIncurred: 1_000_000, factor: "1.00" },
      { label: "Up to three claims, up to $50,000", maxClaims: 3, maxIncurred: 5_000_000, factor: "1.10" },
    ],
    defaultFactor: "1.25",
    defaultLabel: "Adverse loss history",
  },
  scheduleRating: { minTotal: "-0.25", maxTotal: "0.25" },
  minimumPremium: { default: 50_000, byState: { CA: 75_000 } },
  fees: [],
};

/** Surplus lines premium tax and stamping (or service) fee by home state, with effective dates. */
export const DEMO_SURPLUS_LINES_TAX_TABLE: SurplusLinesTaxTableJson = {
  version: "demo-sl-2025.1",
  states: {
    TX: [
      {
        effectiveDate: "2023-01-01",
        expirationDate: "2024-01-01",
        premiumTaxRate: "0.0485",
        stampingFeeRate: "0.0006",
      },
      { effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.0485", stampingFeeRate: "0.0004" },
    ],
    CA: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.03", stampingFeeRate: "0.0018" }],
    FL: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.0494", stampingFeeRate: "0.0006" }],
    GA: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.04", stampingFeeRate: "0" }],
    IL: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.035", stampingFeeRate: "0.001" }],
    NY: [{ effectiveDate: "2024-01-01", expirationDate: null, premiumTaxRate: "0.036", stampingFeeRate: "0.0015" }],
  },
};
