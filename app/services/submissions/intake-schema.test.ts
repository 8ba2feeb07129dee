import { expect, test } from "vitest";
import { NewSubmissionSchema, withIntakeChecks } from "./intake-schema.ts";

const checks = { today: "2026-12-03", questionCodes: { prg_gl: ["GL_A", "GL_B"] } };
const schema = withIntakeChecks(NewSubmissionSchema, checks);

function errorsOf(input: Record<string, unknown>): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

test("the intake form reports every error in one pass, a past date and unanswered questions included", () => {
  const errors = errorsOf({
    insuredId: "",
    programId: "prg_gl",
    naicsCode: "12",
    exposure: "2,000,000",
    requestedLimit: "1,000,000",
    effectiveDate: "2026-11-30",
    termMonths: "12",
    priorLossCount: "-3",
    priorLossIncurred: "-5",
    knockouts: { GL_A: "no" },
  });
  expect(errors).toEqual({
    insuredId: ["Choose the insured"],
    naicsCode: ["A NAICS code has 6 digits"],
    priorLossCount: ["The number of claims cannot be negative"],
    priorLossIncurred: ["The incurred losses cannot be negative"],
    effectiveDate: ["The effective date cannot be in the past"],
    "knockouts.GL_B": ["Answer underwriting question 2 (yes or no)"],
  });
});

test("amounts say what is wrong with them", () => {
  const base = {
    insuredId: "ins",
    programId: "prg_other",
    naicsCode: "238320",
    requestedLimit: "1,000,000",
    effectiveDate: "2026-12-10",
    termMonths: "12",
    priorLossCount: "0",
  };
  expect(errorsOf({ ...base, exposure: "-100" }).exposure).toEqual([
    "The annual revenue or payroll cannot be negative",
  ]);
  expect(errorsOf({ ...base, exposure: "0" }).exposure).toEqual(["The annual revenue or payroll must be more than $0"]);
  expect(errorsOf({ ...base, exposure: "lots" }).exposure).toEqual([
    "Enter the annual revenue or payroll in dollars, e.g. 1,250,000",
  ]);
  expect(errorsOf({ ...base, exposure: "100", deductible: "-1" }).deductible).toEqual([
    "The deductible cannot be negative",
  ]);
  expect(errorsOf({ ...base, exposure: "100" })).toEqual({});
});
