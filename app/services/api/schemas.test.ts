import { expect, test } from "vitest";
import { BindRequest, SubmissionCreate } from "./schemas.ts";

const valid = {
  lineOfBusiness: "GL",
  insuredName: "Prairie Painting",
  naicsCode: "238320",
  state: "TX",
  address: { line1: "1 Main St", city: "Austin", postalCode: "78701" },
  annualRevenue: 95_000_000,
  requestedLimit: 100_000_000,
  effectiveDate: "2026-06-01",
};

function failedPaths(schema: typeof SubmissionCreate | typeof BindRequest, body: unknown): string[] {
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
}

test("/v1 text fields refuse a NUL byte and a lone surrogate, naming the field", () => {
  expect(failedPaths(SubmissionCreate, valid)).toEqual([]);
  expect(failedPaths(SubmissionCreate, { ...valid, insuredName: "Prairie\u0000Painting" })).toEqual(["insuredName"]);
  expect(
    failedPaths(SubmissionCreate, JSON.parse(JSON.stringify(valid).replace("Prairie", "Prairie \\ud800"))),
  ).toEqual(["insuredName"]);
  expect(failedPaths(SubmissionCreate, { ...valid, address: { ...valid.address, city: "Aus\ntin" } })).toEqual([
    "address.city",
  ]);
  expect(failedPaths(BindRequest, { declinations: ["Carrier\u0007One"] })).toEqual(["declinations.0"]);
  expect(failedPaths(BindRequest, { quoteOptionId: "opt\u0000" })).toEqual(["quoteOptionId"]);
});
