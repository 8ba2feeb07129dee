export { compileRateTable, compileTaxTable } from "./compile.ts";
export { rateQuote, rateQuoteOptions } from "./engine.ts";
export {
  rateTableSchema,
  surplusLinesTaxTableSchema,
  type RateTable,
  type RateTableJson,
  type SurplusLinesTaxTable,
  type SurplusLinesTaxTableJson,
} from "./schema.ts";
export type {
  CompiledRateTable,
  CompiledTaxTable,
  ExposureKind,
  FeeLine,
  LineOfBusiness,
  QuoteOption,
  RatedQuote,
  RatingError,
  RatingErrorCode,
  RatingInput,
  RatingResult,
  RatingStep,
  RatingStepKey,
  ScheduleAdjustment,
  SubmissionFacts,
  TaxCode,
  TaxLine,
} from "./types.ts";
