import type { LineOfBusiness } from "../../../db/schema/programs.ts";

export class PolicyNumberError extends Error {
  override readonly name = "PolicyNumberError";
}

export interface PolicyNumberParts {
  /** The organization's policy prefix, e.g. "SRU". */
  readonly prefix: string;
  readonly lineOfBusiness: LineOfBusiness;
  /** Four-digit year; the bind passes the policy's effective year. */
  readonly year: number;
  /** Next value of the organization's policy sequence, from 1. */
  readonly sequence: number;
}

const PREFIX = /^[A-Z][A-Z0-9]{1,7}$/;
const SEQUENCE_DIGITS = 6;

/**
 * "SRU-GL-2026-000123". The sequence is zero-padded to six digits so numbers sort in issue order;
 * past 999,999 it grows a digit rather than wrapping, because a repeated number is worse than
 * an unsorted one.
 */
export function formatPolicyNumber({ prefix, lineOfBusiness, year, sequence }: PolicyNumberParts): string {
  if (!PREFIX.test(prefix)) {
    throw new PolicyNumberError(
      `Policy prefix must be 2-8 capital letters or digits, starting with a letter: "${prefix}"`,
    );
  }
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) {
    throw new PolicyNumberError(`Policy year must have four digits, got ${year}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new PolicyNumberError(`Policy sequence must be a positive whole number, got ${sequence}`);
  }
  return `${prefix}-${lineOfBusiness}-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, "0")}`;
}
