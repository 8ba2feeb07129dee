/**
 * The portal's test payment method: no card is charged anywhere. It accepts the well-known
 * test numbers only, so a real card number typed by mistake is refused, never stored.
 */
export const TEST_CARD_APPROVED = "4242424242424242";
export const TEST_CARD_DECLINED = "4000000000000002";

export type TestCardResult = { approved: true; last4: string } | { approved: false; message: string };

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function chargeTestCard(cardNumber: string): TestCardResult {
  const digits = cardNumber.replace(/[\s-]/g, "");
  if (!/^\d{16}$/.test(digits) || !passesLuhn(digits))
    return { approved: false, message: "Enter a valid 16-digit card number." };
  if (digits === TEST_CARD_DECLINED)
    return { approved: false, message: "The card was declined (test card 4000 0000 0000 0002)." };
  if (digits !== TEST_CARD_APPROVED)
    return { approved: false, message: "Only test cards are accepted here: use 4242 4242 4242 4242." };
  return { approved: true, last4: digits.slice(-4) };
}
