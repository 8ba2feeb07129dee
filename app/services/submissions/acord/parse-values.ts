/**
 * Parsers for what people type into ACORD boxes. Each returns the value and a quality (how much
 * the reading leaves in doubt), or the reason it could not be read. Nothing here guesses silently:
 * every guess lowers the quality and says what was assumed.
 */
import { formatMoney, parseMoney, toCents, type Cents } from "../../../utils/money.ts";
import type { LineOfBusiness } from "../../rating/types.ts";
import { US_STATE_CODES, US_STATES } from "./us-states.ts";

export type Parsed<T> = { ok: true; value: T; quality: number; note?: string } | { ok: false; reason: string };

/** Multiplied with the name-match confidence (1 / 0.8 / 0.65), so review is driven by both. */
export const QUALITY = {
  clean: 1,
  /** Unambiguous rewriting ("January 15, 2027", "California", "500K"); stays above 0.85. */
  reformatted: 0.9,
  /** A reading that could be wrong (two-digit year, day-first date, "1.25M"). */
  guessed: 0.6,
  /** Right as far as it goes, but not enough (a NAICS prefix). */
  incomplete: 0.5,
} as const;

function clean<T>(value: T): Parsed<T> {
  return { ok: true, value, quality: QUALITY.clean };
}

function adjusted<T>(value: T, quality: number, note: string | undefined): Parsed<T> {
  return note === undefined ? { ok: true, value, quality } : { ok: true, value, quality, note };
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

export function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const present = notes.filter((note) => note !== undefined && note !== "");
  return present.length === 0 ? undefined : present.join("; ");
}

export function parseText(maxLength: number): (raw: string) => Parsed<string> {
  return (raw) => {
    const text = raw.trim().replace(/\s+/g, " ");
    // Refused rather than cut: a truncated name or street is a wrong one.
    return text.length > maxLength ? fail(`longer than ${maxLength} characters`) : clean(text);
  };
}

// "M" is a guess: insurance writes a million as "MM" and some writers use "M" for a thousand.
const SHORTHAND = /^\$?(\d+)(?:\.(\d+))?(K|MM|M)$/i;
const SHORTHAND_DIGITS: Record<string, number> = { K: 3, MM: 6, M: 6 };

/**
 * Whole dollars or dollars and cents, as `parseMoney` accepts them ("$1,250,000", "2,000,000.00"),
 * ignoring spaces and a "USD" marker. Shorthand ("500K", "1MM", "1.25M") is read too, at a lower
 * quality: it is how producers write limits, but "M" is ambiguous.
 */
export function parseAmount(raw: string): Parsed<Cents> {
  const text = raw.replace(/\s+/g, "").replace(/^USD|USD$/i, "");
  const shorthand = SHORTHAND.exec(text);
  if (shorthand !== null) {
    return parseShorthand(raw.trim(), shorthand[1] ?? "", shorthand[2] ?? "", (shorthand[3] ?? "").toUpperCase());
  }
  let cents: Cents;
  try {
    cents = parseMoney(text);
  } catch {
    return fail(`"${raw.trim()}" is not an amount of money`);
  }
  return cents < 0 ? fail(`"${raw.trim()}" is negative`) : clean(cents);
}

function parseShorthand(written: string, whole: string, fraction: string, suffix: string): Parsed<Cents> {
  // Scaled as digit strings, never as floats: 1.25 * 1e6 must be exactly 1,250,000.
  const zeros = (SHORTHAND_DIGITS[suffix] ?? 0) + 2 - fraction.length;
  if (zeros < 0) {
    return fail(`"${written}" is finer than a cent`);
  }
  const digits = Number(whole + fraction + "0".repeat(zeros));
  if (!Number.isSafeInteger(digits)) {
    return fail(`"${written}" is too large`);
  }
  const cents = toCents(digits);
  const quality = suffix === "M" ? QUALITY.guessed : QUALITY.reformatted;
  return adjusted(cents, quality, `"${written}" read as ${formatMoney(cents)}`);
}

export function parsePositiveAmount(raw: string): Parsed<Cents> {
  const amount = parseAmount(raw);
  return amount.ok && amount.value === 0 ? fail("is $0") : amount;
}

/** A limit, or "1,000,000 / 2,000,000" (occurrence / aggregate) of which the first is taken. */
export function parseLimit(raw: string): Parsed<Cents> {
  const parts = raw.split("/");
  if (parts.length !== 2) {
    return parsePositiveAmount(raw);
  }
  const first = parsePositiveAmount(parts[0] ?? "");
  if (!first.ok) {
    return first;
  }
  const note = joinNotes(first.note, `first of "${raw.trim()}" taken as the occurrence limit`);
  return adjusted(first.value, Math.min(first.quality, QUALITY.reformatted), note);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_FIRST = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const MONTH_NAME_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_FIRST_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9})\.?,?[\s-]+(\d{4})$/;
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * ISO `YYYY-MM-DD` from what US forms carry: MM/DD/YYYY (the ACORD format; "-" and "." too),
 * YYYY-MM-DD, "Jan 15, 2027", "15 January 2027". MM/DD/YY and dates that only make sense
 * day-first (31/01/2027) are read at guessed quality. `today` (UTC) places two-digit years.
 */
export function parseDate(raw: string, today: Date): Parsed<string> {
  const text = raw.trim();
  const iso = ISO_DATE.exec(text);
  if (iso !== null) {
    return calendarDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]), QUALITY.clean, undefined);
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst !== null) {
    return calendarDate(
      text,
      Number(yearFirst[1]),
      Number(yearFirst[2]),
      Number(yearFirst[3]),
      QUALITY.reformatted,
      undefined,
    );
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric !== null) {
    return numericDate(text, numeric[1] ?? "", numeric[2] ?? "", numeric[3] ?? "", today);
  }
  const monthFirst = MONTH_NAME_FIRST.exec(text);
  const dayFirst = DAY_FIRST_MONTH_NAME.exec(text);
  const [monthName, day, year] =
    monthFirst !== null ? [monthFirst[1], monthFirst[2], monthFirst[3]] : [dayFirst?.[2], dayFirst?.[1], dayFirst?.[3]];
  const month = monthNumber(monthName ?? "");
  if (month !== undefined) {
    return calendarDate(text, Number(year), month, Number(day), QUALITY.reformatted, undefined);
  }
  return fail(`"${text}" is not a date`);
}

function numericDate(text: string, first: string, second: string, yearText: string, today: Date): Parsed<string> {
  let quality: number = QUALITY.clean;
  const notes: string[] = [];
  let year = Number(yearText);
  if (yearText.length === 2) {
    year = expandTwoDigitYear(year, today);
    quality = QUALITY.guessed;
    notes.push(`two-digit year read as ${year}`);
  }
  let month = Number(first);
  let day = Number(second);
  if (month > 12 && day <= 12) {
    [month, day] = [day, month];
    quality = QUALITY.guessed;
    notes.push("read as day/month/year");
  }
  return calendarDate(text, year, month, day, quality, joinNotes(...notes));
}

// Within ten years ahead counts as this century, anything later as the last: effective dates
// are near today, business start dates are in the past.
function expandTwoDigitYear(twoDigits: number, today: Date): number {
  const thisYear = today.getUTCFullYear();
  const year = Math.floor(thisYear / 100) * 100 + twoDigits;
  return year > thisYear + 10 ? year - 100 : year;
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = lower.length >= 3 ? MONTHS.findIndex((month) => month.startsWith(lower)) : -1;
  return index === -1 ? undefined : index + 1;
}

function calendarDate(
  text: string,
  year: number,
  month: number,
  day: number,
  quality: number,
  note: string | undefined,
): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = year >= 1800 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) {
    return fail(`"${text}" is not a real calendar date`);
  }
  return adjusted(date.toISOString().slice(0, 10), quality, note);
}

// NAICS 2022 sectors: every NAICS code starts with one of these, which tells most SIC codes apart.
const NAICS_SECTORS = new Set([
  "11",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "42",
  "44",
  "45",
  "48",
  "49",
  "51",
  "52",
  "53",
  "54",
  "55",
  "56",
  "61",
  "62",
  "71",
  "72",
  "81",
  "92",
]);
const NAICS_VALUE = /^(\d+)(?:\s*[-–:]?\s*[A-Za-z].*)?$/;

/** Six digits, optionally followed by the description ("238220 - Plumbing"). */
export function parseNaics(raw: string): Parsed<string> {
  const text = raw.trim();
  const code = NAICS_VALUE.exec(text)?.[1];
  if (code === undefined || code.length < 2 || code.length > 6) {
    return fail(`"${text}" is not a NAICS code (six digits)`);
  }
  if (!NAICS_SECTORS.has(code.slice(0, 2))) {
    return fail(
      `"${code}" is not a NAICS code (there is no NAICS sector ${code.slice(0, 2)}); SIC codes are not accepted`,
    );
  }
  if (code.length < 6) {
    return adjusted(code, QUALITY.incomplete, `only a ${code.length}-digit NAICS prefix; the six-digit code is needed`);
  }
  return clean(code);
}

export function parseStateCode(raw: string): Parsed<string> {
  const text = raw.trim().replace(/\.$/, "").replace(/\s+/g, " ").toUpperCase();
  if (US_STATE_CODES.has(text)) {
    return clean(text);
  }
  const code = US_STATES[text];
  return code === undefined
    ? fail(`"${raw.trim()}" is not a US state`)
    : adjusted(code, QUALITY.reformatted, `"${raw.trim()}" read as ${code}`);
}

export function parsePostalCode(raw: string): Parsed<string> {
  const text = raw.trim();
  if (/^\d{5}(-\d{4})?$/.test(text)) {
    return clean(text);
  }
  const plusFour = /^(\d{5})\s*-?\s*(\d{4})$/.exec(text);
  if (plusFour !== null) {
    return adjusted(`${plusFour[1]}-${plusFour[2]}`, QUALITY.reformatted, undefined);
  }
  if (/^\d{4}$/.test(text)) {
    // Spreadsheets drop the leading zero of New England ZIPs (02134 -> 2134).
    return adjusted(`0${text}`, QUALITY.guessed, `"${text}" read as 0${text}`);
  }
  return fail(`"${text}" is not a US ZIP code`);
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/;

export function parseEmail(raw: string): Parsed<string> {
  const text = raw.trim();
  const address = text.replace(/^mailto:/i, "");
  if (!EMAIL.test(address)) {
    return fail(`"${text}" is not an email address`);
  }
  return address === text ? clean(address) : adjusted(address, QUALITY.reformatted, undefined);
}

const PHONE_EXTENSION = /\s*(?:x|ext\.?|extension)\s*\d+$/i;

/** E.164 (+1 and ten digits), the form SMS notifications need; an extension is dropped. */
export function parsePhone(raw: string): Parsed<string> {
  const text = raw.trim();
  const extension = PHONE_EXTENSION.exec(text);
  const number = extension === null ? text : text.slice(0, extension.index);
  let digits = number.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) {
    digits = digits.slice(1);
  }
  // North American numbers: area code and exchange never start with 0 or 1.
  if (!/^[\d\s().+-]+$/.test(number) || !/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) {
    return fail(`"${text}" is not a US phone number`);
  }
  return extension === null ? clean(`+1${digits}`) : adjusted(`+1${digits}`, QUALITY.reformatted, "extension dropped");
}

export function parseYears(raw: string): Parsed<number> {
  const match = /^(\d{1,3}(?:\.\d)?)\s*(?:years?|yrs?\.?)?$/i.exec(raw.trim());
  return match === null ? fail(`"${raw.trim()}" is not a number of years`) : clean(Number(match[1]));
}

/** Complete years from a business start date (or just its year) to `today`. */
export function parseYearsSince(raw: string, today: Date): Parsed<number> {
  const text = raw.trim();
  if (/^\d{4}$/.test(text)) {
    const years = today.getUTCFullYear() - Number(text);
    if (years < 0 || years > 300) {
      return fail(`business start year ${text} is not plausible`);
    }
    return adjusted(
      years,
      QUALITY.reformatted,
      `only the year ${text} given; counted from January 1, so up to a year high`,
    );
  }
  const start = parseDate(text, today);
  if (!start.ok) {
    return start;
  }
  const [year = 0, month = 0, day = 0] = start.value.split("-").map(Number);
  const todayMonth = today.getUTCMonth() + 1;
  const beforeAnniversary = todayMonth < month || (todayMonth === month && today.getUTCDate() < day);
  const years = today.getUTCFullYear() - year - (beforeAnniversary ? 1 : 0);
  if (years < 0) {
    return fail(`business start date ${start.value} is in the future`);
  }
  return adjusted(years, start.quality, joinNotes(start.note, `from the business start date ${start.value}`));
}

export function parseCount(raw: string): Parsed<number> {
  const text = raw.trim();
  if (/^\d{1,3}$/.test(text)) {
    return clean(Number(text));
  }
  if (/^(none|no|nil|no losses|no claims)$/i.test(text)) {
    return adjusted(0, QUALITY.reformatted, `"${text}" read as 0`);
  }
  return fail(`"${text}" is not a count`);
}

/** A check box, or a text box used as one ("X", "Yes"); undefined when the text is something else. */
export function readIndicator(value: string | boolean): boolean | undefined {
  if (typeof value === "boolean") {
    return value;
  }
  const text = value.trim().toLowerCase();
  if (["x", "y", "yes", "true", "1", "on", "checked"].includes(text)) {
    return true;
  }
  return ["", "n", "no", "false", "0", "off"].includes(text) ? false : undefined;
}

const LINE_NAMES: Readonly<Record<string, LineOfBusiness>> = {
  commercialgeneralliability: "GL",
  generalliability: "GL",
  cgl: "GL",
  gl: "GL",
  workerscompensation: "WC",
  workerscompensationandemployersliability: "WC",
  workerscompensationemployersliability: "WC",
  workerscomp: "WC",
  workcomp: "WC",
  wc: "WC",
};

export function parseLineOfBusiness(raw: string): Parsed<LineOfBusiness> {
  const line = LINE_NAMES[raw.toLowerCase().replace(/[^a-z]/g, "")];
  return line === undefined ? fail(`"${raw.trim()}" is not a line written here (GL or WC)`) : clean(line);
}
