export { extractAcord125, type ExtractOptions } from "./extract.ts";
export {
  REVIEW_THRESHOLD,
  type AcordErrorCode,
  type AcordExtraction,
  type AcordFieldKey,
  type AcordFieldValues,
  type AcordResult,
  type AcordUploadError,
  type ExtractedField,
  type ExtractedFields,
  type MatchKind,
  type OmittedField,
} from "./types.ts";
