import { expect, test } from "vitest";
import { chargeTestCard } from "./test-card.ts";

test("the test payment method approves the test card and refuses everything else", () => {
  expect(chargeTestCard("4242 4242 4242 4242")).toEqual({ approved: true, last4: "4242" });
  expect(chargeTestCard("4000-0000-0000-0002")).toMatchObject({
    approved: false,
    message: expect.stringContaining("declined"),
  });
  // A valid (Luhn) real-looking number is refused, not charged.
  expect(chargeTestCard("5555555555554444")).toMatchObject({
    approved: false,
    message: expect.stringContaining("Only test cards"),
  });
  expect(chargeTestCard("4242424242424241")).toMatchObject({
    approved: false,
    message: expect.stringContaining("valid 16-digit"),
  });
  expect(chargeTestCard("abcd")).toMatchObject({ approved: false });
  expect(chargeTestCard("")).toMatchObject({ approved: false });
});
