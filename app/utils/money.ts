/**
 * Money is an integer number of cents (minor units). The brand stops a bare number (dollars, a
 * count, a float from a calculation) from being passed where cents are expected; values enter
 * through `toCents` or `parseMoney`, which reject anything that is not a safe integer.
 */
declare const centsBrand: unique symbol;
export type Cents = number & { readonly [centsBrand]: true };

export class MoneyError extends Error {
  override readonly name = "MoneyError";
}

export const ZERO_CENTS = 0 as Cents;

export function isCents(value: unknown): value is Cents {
  return Number.isSafeInteger(value);
}

export function toCents(value: number): Cents {
  if (!isCents(value)) {
    throw new MoneyError(`Not a whole number of cents: ${value}`);
  }
  return value;
}

const MONEY_PATTERN = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses an amount in major units as typed by a person ("$1,234.56", "1234.5", "-20") into cents.
 * More than two decimals is refused rather than rounded: silently dropping money is worse than
 * asking again.
 */
export function parseMoney(text: string): Cents {
  const match = MONEY_PATTERN.exec(text.trim());
  if (match === null) {
    throw new MoneyError(`Not a money amount: "${text}"`);
  }
  const whole = (match[2] ?? "").replaceAll(",", "");
  const fraction = (match[3] ?? "").padEnd(2, "0");
  const magnitude = Number(whole + fraction);
  // `0 - x` rather than `-x` so "-0.00" parses to 0, not -0.
  return toCents(match[1] === "-" ? 0 - magnitude : magnitude);
}

export type CurrencyCode = "USD" | "CAD" | "EUR" | "GBP";

const CURRENCY_SYMBOLS: Record<CurrencyCode, string> = {
  USD: "$",
  CAD: "CA$",
  EUR: "€",
  GBP: "£",
};

/**
 * "$1,234.56", "-$0.05". Deliberately not Intl.NumberFormat: its output depends on the runtime's
 * ICU data (Workers and Node differ), and documents, emails and the UI must print amounts the
 * same way everywhere.
 */
export function formatMoney(cents: Cents, currency: CurrencyCode = "USD"): string {
  toCents(cents);
  const digits = Math.abs(cents).toString().padStart(3, "0");
  const sign = cents < 0 ? "-" : "";
  return `${sign}${CURRENCY_SYMBOLS[currency]}${groupThousands(digits.slice(0, -2))}.${digits.slice(-2)}`;
}

// A loop rather than a lookahead regex: rating formats several amounts per quote and the regex
// was a measurable share of its time.
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let grouped = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) {
    grouped += `,${digits.slice(i, i + 3)}`;
  }
  return grouped;
}

export function addCents(a: Cents, b: Cents): Cents {
  return toCents(a + b);
}

export function subtractCents(a: Cents, b: Cents): Cents {
  return toCents(a - b);
}

export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
  }
  return toCents(total);
}

/**
 * Splits `total` in proportion to positive integer `weights` (e.g. [2, 1, 1, 1, 1, 1, 1, 1, 1]
 * for 20% down and eight 10% installments). Shares are truncated toward zero and the rounding
 * residue goes on the first share, so the parts always sum to `total` exactly and the down
 * payment absorbs the odd cents (the billing rule).
 */
export function allocate(total: Cents, weights: readonly number[]): Cents[] {
  if (!isCents(total)) {
    throw new MoneyError(`Not a whole number of cents: ${total}`);
  }
  if (weights.length === 0) {
    throw new MoneyError("Allocation needs at least one weight");
  }
  let weightSum = 0n;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight <= 0) {
      throw new MoneyError(`Allocation weights must be positive integers, got ${weight}`);
    }
    weightSum += BigInt(weight);
  }
  // BigInt because total × weight can exceed 2^53 for large totals.
  const bigTotal = BigInt(total);
  const shares = weights.map((weight) => (bigTotal * BigInt(weight)) / weightSum);
  const allocated = shares.reduce((sum, share) => sum + share, 0n);
  shares[0] = (shares[0] ?? 0n) + (bigTotal - allocated);
  return shares.map((share) => Number(share) as Cents);
}
