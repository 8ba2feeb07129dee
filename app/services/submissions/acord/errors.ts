import type { AcordErrorCode, AcordUploadError } from "./types.ts";

const MESSAGES: Record<Exclude<AcordErrorCode, "TOO_LARGE">, string> = {
  NOT_A_PDF: "This file is not a PDF. Upload the ACORD 125 application as a PDF file.",
  ENCRYPTED:
    "This PDF is password-protected or encrypted, so its form fields cannot be read. Remove the " +
    "security setting (or ask the sender for an unprotected copy) and upload it again.",
  NO_FORM_FIELDS:
    "This PDF has no fillable form fields: it may be a scan, or a printed or flattened copy. " +
    "Upload the fillable ACORD 125 instead.",
  UNREADABLE: "This PDF is damaged and could not be read. Re-save or re-export it and upload it again.",
  TOO_COMPLEX:
    "This PDF is built in a way we do not read (too deeply nested, or it expands to far more data than an " +
    "ACORD 125 holds). Print or export it to a new PDF and upload that.",
};

export function uploadError(code: Exclude<AcordErrorCode, "TOO_LARGE">, detail?: string): AcordUploadError {
  return detail === undefined ? { code, message: MESSAGES[code] } : { code, message: MESSAGES[code], detail };
}

export function tooLargeError(byteLength: number, maxBytes: number): AcordUploadError {
  return {
    code: "TOO_LARGE",
    // Size rounded up and limit rounded down, so a file just over the limit never reads as equal to it.
    message: `This PDF is ${megabytes(byteLength, Math.ceil)}; the largest accepted is ${megabytes(maxBytes, Math.floor)}.`,
  };
}

function megabytes(bytes: number, round: (tenths: number) => number): string {
  return `${(round((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}
