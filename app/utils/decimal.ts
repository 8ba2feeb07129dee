/**
 * Exact decimal arithmetic for rates and factors.
 *
 * A value is `coefficient × 10^-scale` with a BigInt coefficient, so "1.125" is held exactly and
 * products of factors never pick up binary-float error. Money stays in integer cents; the only
 * rounding anywhere is the explicit half-to-even step when a factor is applied to an amount.
 */

export interface Decimal {
  readonly coefficient: bigint;
  /** Digits after the decimal point; kept as written so "0.90" prints back as "0.90". */
  readonly scale: number;
}

export class DecimalError extends Error {
  override readonly name = "DecimalError";
}

/**
 * Bounds the digits accepted from text. Rates never need more, and it keeps untrusted input
 * (schedule factors typed by an underwriter) from building huge BigInts.
 */
const MAX_DECIMAL_DIGITS = 18;

const DECIMAL_PATTERN = new RegExp(`^([+-])?(\\d{1,${MAX_DECIMAL_DIGITS}})(?:\\.(\\d{1,${MAX_DECIMAL_DIGITS}}))?$`);

export const DECIMAL_ZERO: Decimal = { coefficient: 0n, scale: 0 };
export const DECIMAL_ONE: Decimal = { coefficient: 1n, scale: 0 };

export function isDecimalString(text: string): boolean {
  return DECIMAL_PATTERN.test(text);
}

/** Parses "1.125", "-0.05", "+0.10" or "2" exactly; no exponents, no bare ".5". */
export function parseDecimal(text: string): Decimal {
  const match = DECIMAL_PATTERN.exec(text);
  if (match === null) {
    throw new DecimalError(`Not a decimal number: "${text}"`);
  }
  const whole = match[2] ?? "";
  const fraction = match[3] ?? "";
  const magnitude = BigInt(whole + fraction);
  return { coefficient: match[1] === "-" ? -magnitude : magnitude, scale: fraction.length };
}

export function decimalToString(value: Decimal): string {
  const negative = value.coefficient < 0n;
  const digits = (negative ? -value.coefficient : value.coefficient).toString();
  const sign = negative ? "-" : "";
  if (value.scale === 0) {
    return sign + digits;
  }
  const padded = digits.padStart(value.scale + 1, "0");
  const point = padded.length - value.scale;
  return `${sign}${padded.slice(0, point)}.${padded.slice(point)}`;
}

/** Drops trailing fractional zeros: 2345.67890 -> 2345.6789, 3.00 -> 3. */
export function normalizeDecimal(value: Decimal): Decimal {
  let { coefficient, scale } = value;
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  return { coefficient, scale };
}

// Powers of ten are needed on every rounding; caching them avoids a BigInt exponentiation per
// step in the rating hot path.
const POWERS_OF_TEN: bigint[] = [1n];
for (let i = 1; i <= 4 * MAX_DECIMAL_DIGITS; i += 1) {
  POWERS_OF_TEN.push((POWERS_OF_TEN[i - 1] ?? 1n) * 10n);
}

export function powerOfTen(exponent: number): bigint {
  return POWERS_OF_TEN[exponent] ?? 10n ** BigInt(exponent);
}

function rescale(value: Decimal, scale: number): bigint {
  return value.coefficient * powerOfTen(scale - value.scale);
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coefficient: rescale(a, scale) + rescale(b, scale), scale };
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coefficient: rescale(a, scale) - rescale(b, scale), scale };
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { coefficient: a.coefficient * b.coefficient, scale: a.scale + b.scale };
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = rescale(a, scale);
  const right = rescale(b, scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** numerator / denominator rounded half-to-even (banker's rounding); denominator must be > 0. */
export function divideRoundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) {
    throw new DecimalError("Denominator must be positive");
  }
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator - quotient * denominator;
  if (remainder === 0n) {
    return quotient;
  }
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  const awayFromZero = twiceRemainder > denominator || (twiceRemainder === denominator && (quotient & 1n) === 1n);
  if (!awayFromZero) {
    return quotient;
  }
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** amount × factor, rounded half-to-even to a whole unit of `amount` (cents, for money). */
export function multiplyRoundHalfEven(amount: bigint, factor: Decimal): bigint {
  return divideRoundHalfEven(amount * factor.coefficient, powerOfTen(factor.scale));
}
