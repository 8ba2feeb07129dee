import { z } from "zod";

// One rule for every free-text field a person or client sends (forms and /v1): no invalid
// Unicode (lone surrogates), no control characters; multi-line fields may hold newlines and tabs
// (and the CRLF browsers send from a textarea). Messages name the field, so a refusal says where.

// biome-ignore lint/suspicious/noControlCharactersInRegex: these patterns exist to find control characters
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these patterns exist to find control characters
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type TextOptions = { multiline?: boolean; required?: string };

/** Whether a string is well-formed Unicode and free of the control characters the field refuses. */
export function isCleanText(value: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return !LONE_SURROGATE.test(value) && !(multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value);
}

/**
 * A zod string for a free-text field called `field` (as people see it: "Insured name"). Chain
 * `.trim()`, `.min()`, `.max()` after it as with `z.string()`.
 */
export function text(field: string, { multiline = false, required }: TextOptions = {}) {
  const base = required === undefined ? z.string() : z.string(required);
  return base
    .refine((value) => !LONE_SURROGATE.test(value), {
      message: `${field} contains characters that are not valid text`,
      abort: true,
    })
    .refine((value) => !(multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value), {
      message: multiline
        ? `${field} contains a control character (only line breaks and tabs are allowed)`
        : `${field} contains a control character (line breaks and tabs are not allowed here)`,
      abort: true,
    });
}
