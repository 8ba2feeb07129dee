import { expect, test } from "vitest";
import { invoicePageTitle, paymentMethodLabel } from "./receipt.ts";

test("a paid invoice's page is a receipt, not a payment page", () => {
  expect(invoicePageTitle("INV-2026-00007", true)).toBe("Pay INV-2026-00007");
  expect(invoicePageTitle("INV-2026-00007", false)).toBe("Receipt for INV-2026-00007");
});

test("a payment method reads as words, with its reference", () => {
  expect(paymentMethodLabel("test_card", "test card •••• 4242")).toBe("Card (test) · test card •••• 4242");
  expect(paymentMethodLabel("ach", null)).toBe("Bank transfer (ACH)");
});
