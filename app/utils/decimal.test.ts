import { describe, expect, it } from "vitest";
import {
  addDecimals,
  compareDecimals,
  DecimalError,
  decimalToString,
  divideRoundHalfEven,
  isDecimalString,
  multiplyDecimals,
  multiplyRoundHalfEven,
  normalizeDecimal,
  parseDecimal,
  subtractDecimals,
} from "./decimal.ts";

const d = parseDecimal;
const text = (value: ReturnType<typeof parseDecimal>) => decimalToString(value);

describe("parseDecimal", () => {
  it("parses exactly, keeping the written scale", () => {
    expect(d("1.125")).toEqual({ coefficient: 1125n, scale: 3 });
    expect(d("-0.05")).toEqual({ coefficient: -5n, scale: 2 });
    expect(d("+0.10")).toEqual({ coefficient: 10n, scale: 2 });
    expect(d("2")).toEqual({ coefficient: 2n, scale: 0 });
    expect(d("0.000000000000000001")).toEqual({ coefficient: 1n, scale: 18 });
  });

  it.each(["", " 1", "1.", ".5", "1e3", "1,000", "NaN", "Infinity", "--1", "0x10", "1234567890123456789"])(
    "refuses %j",
    (input) => {
      expect(isDecimalString(input)).toBe(false);
      expect(() => d(input)).toThrow(DecimalError);
    },
  );

  it("round-trips through decimalToString", () => {
    for (const value of ["0.90", "-0.05", "0.0004", "12", "1234.5678", "-7", "0"]) {
      expect(text(d(value))).toBe(value);
    }
    expect(text(d("+0.10"))).toBe("0.10");
    expect(text(d("-0.00"))).toBe("0.00");
  });
});

describe("decimal arithmetic", () => {
  it("is exact where binary floats are not", () => {
    expect(text(addDecimals(d("0.1"), d("0.2")))).toBe("0.3");
    expect(compareDecimals(addDecimals(d("0.1"), d("0.2")), d("0.3"))).toBe(0);
    expect(text(multiplyDecimals(d("1.125"), d("1.05")))).toBe("1.18125");
    expect(text(subtractDecimals(d("1"), d("0.021")))).toBe("0.979");
    expect(text(addDecimals(d("1"), d("-0.25")))).toBe("0.75");
  });

  it("compares across scales", () => {
    expect(compareDecimals(d("1.10"), d("1.1"))).toBe(0);
    expect(compareDecimals(d("-0.26"), d("-0.25"))).toBe(-1);
    expect(compareDecimals(d("0.250001"), d("0.25"))).toBe(1);
  });

  it("normalizes trailing zeros away", () => {
    expect(text(normalizeDecimal(d("2345.67890")))).toBe("2345.6789");
    expect(text(normalizeDecimal(d("3.00")))).toBe("3");
    expect(text(normalizeDecimal(d("100")))).toBe("100");
  });
});

describe("divideRoundHalfEven", () => {
  it("rounds exact halves to the even neighbour, in both directions", () => {
    expect(divideRoundHalfEven(1n, 2n)).toBe(0n);
    expect(divideRoundHalfEven(3n, 2n)).toBe(2n);
    expect(divideRoundHalfEven(5n, 2n)).toBe(2n);
    expect(divideRoundHalfEven(7n, 2n)).toBe(4n);
    expect(divideRoundHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideRoundHalfEven(-7n, 2n)).toBe(-4n);
  });

  it("rounds non-halves to the nearest", () => {
    expect(divideRoundHalfEven(2_501n, 1_000n)).toBe(3n);
    expect(divideRoundHalfEven(2_499n, 1_000n)).toBe(2n);
    expect(divideRoundHalfEven(-2_501n, 1_000n)).toBe(-3n);
  });

  it("matches a floor-based reference for every small numerator and denominator", () => {
    // Different route to the same answer: floor, then look at the non-negative remainder.
    const reference = (n: number, den: number): number => {
      const floor = Math.floor(n / den);
      const twice = 2 * (n - floor * den);
      return twice > den || (twice === den && floor % 2 !== 0) ? floor + 1 : floor;
    };
    for (let den = 1; den <= 24; den += 1) {
      for (let n = -600; n <= 600; n += 1) {
        expect(Number(divideRoundHalfEven(BigInt(n), BigInt(den)))).toBe(reference(n, den));
      }
    }
  });

  it("refuses a non-positive denominator", () => {
    expect(() => divideRoundHalfEven(1n, 0n)).toThrow(DecimalError);
  });
});

describe("multiplying an amount by a factor", () => {
  it("rounds half-to-even to a whole unit", () => {
    expect(multiplyRoundHalfEven(125n, d("0.1"))).toBe(12n); // 12.5 -> 12
    expect(multiplyRoundHalfEven(135n, d("0.1"))).toBe(14n); // 13.5 -> 14
    expect(multiplyRoundHalfEven(-125n, d("0.1"))).toBe(-12n);
    expect(multiplyRoundHalfEven(1_615_170n, d("1.05"))).toBe(1_695_928n); // 1,695,928.5
    expect(multiplyRoundHalfEven(1_835_381n, d("0.5"))).toBe(917_690n); // 917,690.5
    expect(multiplyRoundHalfEven(1_453_929n, d("0.92"))).toBe(1_337_615n); // 1,337,614.68
  });

  it("uses the full precision of the factor", () => {
    expect(multiplyRoundHalfEven(100_000_000n, d("1.0000001"))).toBe(100_000_010n);
    expect(multiplyRoundHalfEven(3n, d("0.166666666666666667"))).toBe(1n); // 0.500000000000000001
  });
});
