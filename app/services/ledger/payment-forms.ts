// Form schemas of the payment and ledger pages, shared by each route's action and its form.
import { z } from "zod";
import { MoneyError, parseMoney } from "../../utils/money.ts";
import { ACCOUNT_TYPES } from "./chart.ts";
import { MAX_PAYMENT_CENTS } from "./premium-split.ts";

/** An amount in dollars and cents as typed ("1,234.56"), as whole cents. */
export const amount = z
  .string("Enter the amount")
  .trim()
  .min(1, "Enter the amount")
  .transform((text, ctx) => {
    let cents: number;
    try {
      cents = parseMoney(text);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      ctx.addIssue({ code: "custom", message: "Enter an amount in dollars and cents, like 1,234.56" });
      return z.NEVER;
    }
    if (cents <= 0) ctx.addIssue({ code: "custom", message: "The amount must be more than zero" });
    else if (cents > MAX_PAYMENT_CENTS)
      ctx.addIssue({
        code: "custom",
        message: `The amount may be at most $${(MAX_PAYMENT_CENTS / 100).toLocaleString("en-US")}`,
      });
    return cents;
  });

export const OFFICE_PAYMENT_METHODS = [
  { value: "check", label: "Check" },
  { value: "ach", label: "ACH transfer" },
  { value: "wire", label: "Wire transfer" },
] as const;

export const RecordPaymentSchema = z.object({
  amount,
  method: z.enum(["check", "ach", "wire"], "Choose how it was paid"),
  reference: z.string().trim().max(60, "At most 60 characters").optional(),
});

export const PortalPaymentSchema = z.object({
  amount,
  nameOnCard: z.string("Enter the name on the card").trim().min(2, "Enter the name on the card").max(100),
  cardNumber: z
    .string("Enter the card number")
    .trim()
    .min(1, "Enter the card number")
    .max(23, "Enter a valid 16-digit card number"),
});

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-30")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Not a calendar date");

export const JournalFilterSchema = z
  .object({
    account: z.coerce
      .number("Choose an account")
      .int()
      .refine((code) => ACCOUNT_TYPES.some((a) => a.code === code), "Unknown account")
      .optional(),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    policy: z.string().trim().max(36).optional(),
    invoice: z.string().trim().max(36).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start date must not be after the end date",
    path: ["to"],
  });
