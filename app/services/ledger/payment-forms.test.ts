import { expect, test } from "vitest";
import { JournalFilterSchema, PortalPaymentSchema, RecordPaymentSchema } from "./payment-forms.ts";

test("payment amounts are typed in dollars and stored in cents; bad amounts get a clear error", () => {
  expect(RecordPaymentSchema.parse({ amount: "$1,234.56", method: "check" })).toMatchObject({ amount: 123_456 });
  const error = (amount: string) =>
    RecordPaymentSchema.safeParse({ amount, method: "check" }).error?.issues[0]?.message;
  expect(error("-20")).toBe("The amount must be more than zero");
  expect(error("0.00")).toBe("The amount must be more than zero");
  expect(error("12.345")).toBe("Enter an amount in dollars and cents, like 1,234.56");
  expect(error("ten")).toBe("Enter an amount in dollars and cents, like 1,234.56");
  expect(error("99999999999")).toMatch(/at most \$10,000,000/);
  expect(RecordPaymentSchema.safeParse({ amount: "10", method: "bitcoin" }).success).toBe(false);
  expect(PortalPaymentSchema.safeParse({ amount: "10", nameOnCard: "A", cardNumber: "4242" }).success).toBe(false);
});

test("journal filters accept known accounts and ordered calendar dates only", () => {
  expect(JournalFilterSchema.parse({ account: "4", from: "2026-01-01", to: "2026-12-31" })).toEqual({
    account: 4,
    from: "2026-01-01",
    to: "2026-12-31",
  });
  expect(JournalFilterSchema.safeParse({ account: "12" }).error?.issues[0]?.message).toBe("Unknown account");
  expect(JournalFilterSchema.safeParse({ from: "2026-12-31", to: "2026-01-01" }).success).toBe(false);
  expect(JournalFilterSchema.safeParse({ from: "yesterday" }).success).toBe(false);
});
