import { describe, expect, it } from "vitest";
import { formatPolicyNumber, PolicyNumberError } from "./policy-number.ts";

describe("formatPolicyNumber", () => {
  it("joins prefix, line, year and a six-digit sequence", () => {
    expect(formatPolicyNumber({ prefix: "SRU", lineOfBusiness: "GL", year: 2026, sequence: 123 })).toBe(
      "SRU-GL-2026-000123",
    );
    expect(formatPolicyNumber({ prefix: "LSM", lineOfBusiness: "WC", year: 2027, sequence: 1 })).toBe(
      "LSM-WC-2027-000001",
    );
  });

  it("grows past six digits rather than wrapping to a number already issued", () => {
    expect(formatPolicyNumber({ prefix: "SRU", lineOfBusiness: "GL", year: 2026, sequence: 1_000_000 })).toBe(
      "SRU-GL-2026-1000000",
    );
  });

  it.each([
    { prefix: "sru", lineOfBusiness: "GL", year: 2026, sequence: 1 },
    { prefix: "S", lineOfBusiness: "GL", year: 2026, sequence: 1 },
    { prefix: "SR-U", lineOfBusiness: "GL", year: 2026, sequence: 1 },
    { prefix: "SRU", lineOfBusiness: "GL", year: 26, sequence: 1 },
    { prefix: "SRU", lineOfBusiness: "GL", year: 2026, sequence: 0 },
    { prefix: "SRU", lineOfBusiness: "GL", year: 2026, sequence: 1.5 },
  ] as const)("refuses %o", (parts) => {
    expect(() => formatPolicyNumber(parts)).toThrow(PolicyNumberError);
  });
});
