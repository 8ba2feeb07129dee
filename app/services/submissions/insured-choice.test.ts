import { parseWithZod } from "@conform-to/zod/v4";
import { expect, test } from "vitest";
import { intakeFormSchema, NewInsuredDetailsSchema, newInsuredFromForm } from "./insured-choice.ts";

const checks = { today: "2026-12-03", questionCodes: {} };
const risk = {
  intent: "file",
  programId: "prg_summit_gl",
  naicsCode: "561730",
  exposure: "2,400,000",
  requestedLimit: "1,000,000",
  deductible: "2,500",
  effectiveDate: "2026-12-20",
  termMonths: "12",
  priorLossCount: "0",
  priorLossIncurred: "0",
};
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};
const errorsOf = (values: Record<string, string>, newInsured: boolean) => {
  const result = parseWithZod(form(values), { schema: intakeFormSchema(checks, newInsured) });
  return result.status === "success" ? {} : result.error;
};

test("an insured is needed: picked, or a name typed", () => {
  expect(errorsOf(risk, false)).toMatchObject({
    insuredName: ["Choose the insured, or type a new insured's name"],
  });
  expect(errorsOf({ ...risk, insuredId: "ins_redriver" }, false)).toEqual({});
  expect(errorsOf({ ...risk, insuredName: "Red River Landscaping" }, false)).toEqual({});
  expect(errorsOf({ ...risk, insuredName: "R" }, false)).toMatchObject({
    insuredName: ["Enter the insured's full name"],
  });
});

test("a new insured's address is asked for with every other error, in one pass", () => {
  const errors = errorsOf({ ...risk, insuredName: "Prairie Wind Bakery", naicsCode: "56" }, true);
  expect(errors).toMatchObject({
    addressLine1: ["Enter the mailing address"],
    city: ["Enter the city"],
    state: ["Enter the home state"],
    postalCode: ["Enter the ZIP code"],
    naicsCode: ["A NAICS code has 6 digits"],
  });
});

test("the new insured takes the name as typed and the submission's class code", () => {
  const details = NewInsuredDetailsSchema.parse({
    addressLine1: "12 Wheat Rd",
    city: "Enid",
    state: "ok",
    postalCode: "73701",
    yearsInBusiness: "7",
  });
  expect(newInsuredFromForm("  Prairie Wind Bakery ", "311811", details)).toEqual({
    name: "Prairie Wind Bakery",
    naicsCode: "311811",
    addressLine1: "12 Wheat Rd",
    city: "Enid",
    state: "OK",
    postalCode: "73701",
    yearsInBusiness: "7.0",
  });
});
