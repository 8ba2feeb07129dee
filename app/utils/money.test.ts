import { describe, expect, it } from "vitest";
import {
  addCents,
  allocate,
  formatMoney,
  isCents,
  MoneyError,
  parseMoney,
  subtractCents,
  sumCents,
  toCents,
  type Cents,
} from "./money.ts";

const c = toCents;

describe("cents", () => {
  it("accepts only safe integers", () => {
    expect(isCents(0)).toBe(true);
    expect(isCents(-5)).toBe(true);
    expect(isCents(Number.MAX_SAFE_INTEGER)).toBe(true);
    for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "100"]) {
      expect(isCents(value)).toBe(false);
    }
    expect(() => toCents(0.1 + 0.2)).toThrow(MoneyError);
  });

  it("adds and subtracts without leaving the safe range", () => {
    expect(addCents(c(150), c(250))).toBe(400);
    expect(subtractCents(c(150), c(250))).toBe(-100);
    expect(sumCents([c(1), c(2), c(3)])).toBe(6);
    expect(sumCents([])).toBe(0);
    expect(() => addCents(c(Number.MAX_SAFE_INTEGER), c(1))).toThrow(MoneyError);
  });
});

describe("parseMoney", () => {
  it.each<[string, number]>([
    ["$1,234.56", 123_456],
    ["1234.56", 123_456],
    ["1234.5", 123_450],
    ["1,000,000", 100_000_000],
    ["-20", -2_000],
    ["-$0.05", -5],
    ["  $7.00 ", 700],
    ["0", 0],
  ])("parses %j", (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
  });

  it("parses negative zero as zero", () => {
    expect(Object.is(parseMoney("-0.00"), 0)).toBe(true);
  });

  it.each(["1.234", "1,23", "12,3456.00", "abc", "$", "", "1e3", "$-5", "1.2.3"])("refuses %j", (input) => {
    expect(() => parseMoney(input)).toThrow(MoneyError);
  });
});

describe("formatMoney", () => {
  it.each<[number, string]>([
    [123_456, "$1,234.56"],
    [0, "$0.00"],
    [5, "$0.05"],
    [99, "$0.99"],
    [100, "$1.00"],
    [100_000, "$1,000.00"],
    [-5, "-$0.05"],
    [-123_456_789, "-$1,234,567.89"],
    [100_000_000_000, "$1,000,000,000.00"],
    [Number.MAX_SAFE_INTEGER, "$90,071,992,547,409.91"],
  ])("formats %i cents as %s", (cents, expected) => {
    expect(formatMoney(c(cents))).toBe(expected);
  });

  it("prints other currencies the same way", () => {
    expect(formatMoney(c(123_456), "EUR")).toBe("€1,234.56");
    expect(formatMoney(c(123_456), "GBP")).toBe("£1,234.56");
    expect(formatMoney(c(-123_456), "CAD")).toBe("-CA$1,234.56");
  });

  it("round-trips with parseMoney", () => {
    for (const cents of [0, 1, 99, 100, 101, 99_999, 100_000, 123_456_789, -42]) {
      expect(parseMoney(formatMoney(c(cents)))).toBe(cents);
    }
  });

  it("refuses fractional cents", () => {
    expect(() => formatMoney(12.5 as Cents)).toThrow(MoneyError);
  });
});

describe("allocate", () => {
  it("puts the rounding residue on the first installment", () => {
    // MONTHLY_10 on $1,000.03: 20% down + 8 × 10%. 10,000.3 truncates to 10,000 per installment.
    expect(allocate(c(100_003), [2, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([
      20_003, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000,
    ]);
    // QUARTERLY on $1,234.57: 30,864.25 each, residue 1 cent on the first.
    expect(allocate(c(123_457), [1, 1, 1, 1])).toEqual([30_865, 30_864, 30_864, 30_864]);
    expect(allocate(c(100), [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(c(200), [1, 1, 1])).toEqual([68, 66, 66]);
  });

  it("handles refunds (negative totals) the same way", () => {
    expect(allocate(c(-100), [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it("always sums exactly, with only the first share off its proportional amount", () => {
    const weightSets = [
      [1],
      [1, 1],
      [1, 1, 1],
      [2, 1, 1, 1, 1, 1, 1, 1, 1],
      [50, 50],
      [3, 7],
      [1, 2, 3, 4, 5],
      [7, 11, 13],
    ];
    for (const weights of weightSets) {
      const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
      for (let total = -500; total <= 500; total += 1) {
        const shares = allocate(c(total), weights);
        expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total);
        shares.slice(1).forEach((share, i) => {
          // `+ 0` turns the reference's -0 (from truncating a small negative) into 0.
          expect(share).toBe(Math.trunc((total * (weights[i + 1] ?? 0)) / weightSum) + 0);
        });
        expect(Math.abs((shares[0] ?? 0) - (total * (weights[0] ?? 0)) / weightSum)).toBeLessThan(weights.length);
      }
    }
  });

  it("stays exact for totals near the safe integer limit", () => {
    const shares = allocate(c(Number.MAX_SAFE_INTEGER), [1, 1, 1]);
    expect(shares.reduce((sum, share) => BigInt(share) + sum, 0n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it("refuses weights it cannot honour", () => {
    expect(() => allocate(c(100), [])).toThrow(MoneyError);
    expect(() => allocate(c(100), [1, 0])).toThrow(MoneyError);
    expect(() => allocate(c(100), [1.5, 1])).toThrow(MoneyError);
    expect(() => allocate(1.5 as Cents, [1])).toThrow(MoneyError);
  });
});
