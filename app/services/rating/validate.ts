/**
 * Checks the submission facts the engine reads. Types already say what each field is; these
 * checks catch values types cannot (fractional cents, impossible dates) and data that arrived
 * untyped from forms or the DB.
 */
import { isCents } from "../../utils/money.ts";
import type { RatingError, SubmissionFacts } from "./types.ts";

const MAX_TERM_MONTHS = 36;

const STATE_CODE = /^[A-Z]{2}$/;
const NAICS_CODE = /^\d{6}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

function isNonNegativeCents(value: unknown): boolean {
  return isCents(value) && value >= 0;
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function invalid(field: string, message: string): RatingError {
  return { code: "invalid_input", field, message: `submission.${field} ${message}` };
}

export function validateSubmission(facts: SubmissionFacts): RatingError | undefined {
  if (facts.lineOfBusiness !== "GL" && facts.lineOfBusiness !== "WC") {
    return invalid("lineOfBusiness", "must be GL or WC");
  }
  if (!STATE_CODE.test(facts.homeState)) {
    return invalid("homeState", "must be a two-letter state code");
  }
  if (!NAICS_CODE.test(facts.naicsCode)) {
    return invalid("naicsCode", "must be a six-digit NAICS code");
  }
  if (facts.annualRevenue !== undefined && !isNonNegativeCents(facts.annualRevenue)) {
    return invalid("annualRevenue", "must be a non-negative whole number of cents");
  }
  if (facts.payroll !== undefined && !isNonNegativeCents(facts.payroll)) {
    return invalid("payroll", "must be a non-negative whole number of cents");
  }
  if (!isCents(facts.occurrenceLimit) || facts.occurrenceLimit <= 0) {
    return invalid("occurrenceLimit", "must be a positive whole number of cents");
  }
  if (!isCents(facts.aggregateLimit) || facts.aggregateLimit < facts.occurrenceLimit) {
    return invalid("aggregateLimit", "must be whole cents and at least the occurrence limit");
  }
  if (!isNonNegativeCents(facts.deductible)) {
    return invalid("deductible", "must be a non-negative whole number of cents");
  }
  if (!isIsoDate(facts.effectiveDate)) {
    return invalid("effectiveDate", "must be a date as YYYY-MM-DD");
  }
  if (!Number.isInteger(facts.termMonths) || facts.termMonths < 1 || facts.termMonths > MAX_TERM_MONTHS) {
    return invalid("termMonths", `must be a whole number of months from 1 to ${MAX_TERM_MONTHS}`);
  }
  if (typeof facts.priorLosses !== "object" || facts.priorLosses === null) {
    return invalid("priorLosses", "must give a claim count and incurred amount");
  }
  if (!isCount(facts.priorLosses.count)) {
    return invalid("priorLosses.count", "must be a non-negative whole number");
  }
  if (!isNonNegativeCents(facts.priorLosses.incurred)) {
    return invalid("priorLosses.incurred", "must be a non-negative whole number of cents");
  }
  if (!isCount(facts.yearsInBusiness)) {
    return invalid("yearsInBusiness", "must be a non-negative whole number");
  }
  return undefined;
}
