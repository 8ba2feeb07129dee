// CSV as RFC 4180 writes it, safe to open in a spreadsheet. Pure: the export stream uses it.

export type CellValue = string | number | boolean | Date | null | undefined;

// A cell starting with one of these is read as a formula by Excel, LibreOffice and Sheets
// (formula or DDE injection); tab and carriage return are stripped before the check by some.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text safe to show in a spreadsheet cell: text that a spreadsheet would take for a formula is
 * prefixed with an apostrophe. Numbers stay numbers (a negative amount is not a formula).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString();
  return neutraliseFormula(value);
}

/** One field: quoted when it holds a quote, comma, CR or LF; inner quotes doubled. */
export function csvField(value: CellValue): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its CRLF line ending. */
export function csvRow(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
