import {
  ParseSpeeds,
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  PDFOptionList,
  PDFRadioGroup,
  PDFTextField,
  type PDFField,
} from "pdf-lib";
import { tooLargeError, uploadError } from "./errors.ts";
import { pdfLimitProblem } from "./pdf-limits.ts";
import type { AcordUploadError } from "./types.ts";

/** One AcroForm field as filled in: text as typed, a check box as checked or not. */
export interface FormFieldValue {
  name: string;
  value: string | boolean;
}

export type ReadResult = { ok: true; fields: FormFieldValue[] } | { ok: false; error: AcordUploadError };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// Readers accept the header anywhere in the first 1024 bytes (some mail gateways prepend junk),
// and so does pdf-lib, so the magic-byte check must not be stricter than the parser.
const HEADER_WINDOW = 1024;

/**
 * How long pdf-lib may parse one upload. The structural limits bound the work; the deadline bounds
 * the time, so a file that is merely slow to parse gets a clear answer instead of holding the
 * request (and everything sharing its isolate) for its whole parse.
 */
export const PARSE_DEADLINE_MS = 5_000;
// pdf-lib yields to the event loop after this many objects, which is where the deadline can fire
// and where other requests on the same isolate get their turn.
const OBJECTS_PER_TICK = ParseSpeeds.Fast;

class ParseDeadlinePassed extends Error {}

export async function readFormFields(
  bytes: Uint8Array,
  maxBytes: number,
  { parseDeadlineMs = PARSE_DEADLINE_MS } = {},
): Promise<ReadResult> {
  if (bytes.byteLength > maxBytes) {
    return { ok: false, error: tooLargeError(bytes.byteLength, maxBytes) };
  }
  if (!hasPdfHeader(bytes)) {
    return { ok: false, error: uploadError("NOT_A_PDF") };
  }
  // Bounded before pdf-lib sees it: a deflate bomb or deep nesting is refused, never parsed.
  const limit = await pdfLimitProblem(bytes);
  if (limit) {
    console.warn(`ACORD upload refused before parsing: ${limit.detail}`);
    return { ok: false, error: uploadError("TOO_COMPLEX", limit.detail) };
  }
  let document: PDFDocument;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  try {
    // ignoreEncryption only stops load() throwing, so encryption is reported from `isEncrypted`
    // rather than by matching pdf-lib's error text.
    document = await Promise.race([
      PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: OBJECTS_PER_TICK }),
      new Promise<never>((_, reject) => {
        deadline = setTimeout(() => reject(new ParseDeadlinePassed()), parseDeadlineMs);
      }),
    ]);
  } catch (error) {
    if (error instanceof ParseDeadlinePassed) {
      console.warn(`ACORD upload refused: parsing took longer than ${parseDeadlineMs} ms`);
      return { ok: false, error: uploadError("TOO_COMPLEX", `parsing took longer than ${parseDeadlineMs} ms`) };
    }
    return { ok: false, error: uploadError("UNREADABLE", describeError(error)) };
  } finally {
    clearTimeout(deadline);
  }
  if (document.isEncrypted) {
    // Values of an encrypted file are ciphertext (pdf-lib cannot decrypt), so reading on would
    // only produce garbage.
    return { ok: false, error: uploadError("ENCRYPTED") };
  }
  let pdfFields: PDFField[];
  try {
    pdfFields = document.getForm().getFields();
  } catch (error) {
    // A file with a header but no usable catalog parses "successfully" and fails here.
    return { ok: false, error: uploadError("UNREADABLE", describeError(error)) };
  }
  if (pdfFields.length === 0) {
    return { ok: false, error: uploadError("NO_FORM_FIELDS") };
  }
  const fields: FormFieldValue[] = [];
  for (const field of pdfFields) {
    const value = readValue(field);
    if (value !== undefined) {
      fields.push({ name: field.getName(), value });
    }
  }
  return { ok: true, fields };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.byteLength, HEADER_WINDOW) - PDF_MAGIC.length;
  for (let start = 0; start <= last; start++) {
    if (PDF_MAGIC.every((byte, offset) => bytes[start + offset] === byte)) {
      return true;
    }
  }
  return false;
}

/** Undefined for fields that hold no answer (push buttons, signatures) or cannot be read. */
function readValue(field: PDFField): string | boolean | undefined {
  try {
    if (field instanceof PDFTextField) {
      return field.getText() ?? "";
    }
    if (field instanceof PDFCheckBox) {
      return field.isChecked();
    }
    if (field instanceof PDFRadioGroup) {
      return field.getSelected() ?? "";
    }
    if (field instanceof PDFDropdown || field instanceof PDFOptionList) {
      return field.getSelected().join(", ");
    }
    return undefined;
  } catch {
    // Rich-text fields without a plain value throw; one odd field must not sink the upload.
    return undefined;
  }
}

/** The parser's own words, for the server log only: uploaders see the plain message of the code. */
function describeError(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  console.warn(`ACORD upload unreadable: ${detail.slice(0, 300)}`);
  return detail;
}
