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

export async function readFormFields(bytes: Uint8Array, maxBytes: number): Promise<ReadResult> {
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
  try {
    // ignoreEncryption only stops load() throwing, so encryption is reported from `isEncrypted`
    // rather than by matching pdf-lib's error text. Fastest: a request handler gains nothing from
    // pdf-lib yielding to the event loop every 100 objects.
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
  } catch (error) {
    return { ok: false, error: uploadError("UNREADABLE", describeError(error)) };
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
