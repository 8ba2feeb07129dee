import { z } from "zod";
import { type Cents, MoneyError, parseMoney } from "../../utils/money.ts";

// Shared by the form (client-side validation) and the action (server-side validation).

const money = (label: string) =>
  z
    .string(`Enter the ${label}`)
    .trim()
    .min(1, `Enter the ${label}`)
    .transform((text, ctx) => {
      const cents = dollarsOrNull(text);
      if (cents === null) ctx.addIssue({ code: "custom", message: `Enter the ${label} in dollars, e.g. 1,250,000` });
      else if (cents < 0) ctx.addIssue({ code: "custom", message: `The ${label} cannot be negative` });
      else if (cents === 0) ctx.addIssue({ code: "custom", message: `The ${label} must be more than $0` });
      else return cents;
      return z.NEVER;
    });

/** An optional amount that may be zero but not negative (a deductible, incurred losses). */
const amountOrZero = (label: string) =>
  z
    .string()
    .trim()
    .default("0")
    .transform((text, ctx) => {
      const cents = dollarsOrNull(text || "0");
      if (cents === null) ctx.addIssue({ code: "custom", message: `Enter the ${label} in dollars, e.g. 25,000` });
      else if (cents < 0) ctx.addIssue({ code: "custom", message: `The ${label} cannot be negative` });
      else return cents;
      return z.NEVER;
    });

function dollarsOrNull(text: string): Cents | null {
  try {
    return parseMoney(text);
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

/** A new submission as a producer enters it: amounts in dollars, as people type them. */
export const NewSubmissionSchema = z.object({
  insuredId: z.string("Choose the insured").min(1, "Choose the insured"),
  programId: z.string("Choose a program").min(1, "Choose a program"),
  naicsCode: z.string("Enter the NAICS code").regex(/^\d{6}$/, "A NAICS code has 6 digits"),
  exposure: money("annual revenue or payroll"),
  requestedLimit: money("requested limit"),
  deductible: amountOrZero("deductible"),
  effectiveDate: z.iso.date("Enter the effective date"),
  termMonths: z.coerce
    .number()
    .int()
    .refine((n) => n === 6 || n === 12, "The term is 6 or 12 months"),
  priorLossCount: z.coerce
    .number("Enter the number of claims, e.g. 0")
    .int("The number of claims is a whole number")
    .min(0, "The number of claims cannot be negative")
    .max(99, "Enter at most 99 claims"),
  priorLossIncurred: amountOrZero("incurred losses"),
  /** Knockout answers by question code ("knockouts.GL_PRIOR_CANCELLATION" = "yes" | "no"). */
  knockouts: z
    .record(
      z.string(),
      z.enum(["yes", "no"], "Answer yes or no").transform((answer) => answer === "yes"),
    )
    .optional(),
});

export type NewSubmission = z.output<typeof NewSubmissionSchema>;

/** What the intake form knows besides the typed values: the business date and each program's questions. */
export type IntakeChecks = { today: string; questionCodes: Readonly<Record<string, readonly string[]>> };

/**
 * The checks that need more than one field (a past effective date, an unanswered question of the
 * chosen program), run even when other fields are wrong, so the form shows every error in one pass.
 * The filing service checks the same again on the server.
 */
export function withIntakeChecks<S extends z.ZodType>(schema: S, { today, questionCodes }: IntakeChecks): S {
  return schema.superRefine(
    (value, ctx) => {
      const v = (value ?? {}) as { programId?: unknown; effectiveDate?: unknown; knockouts?: unknown };
      if (
        typeof v.effectiveDate === "string" &&
        /^\d{4}-\d{2}-\d{2}$/.test(v.effectiveDate) &&
        v.effectiveDate < today
      ) {
        ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: "The effective date cannot be in the past" });
      }
      const codes = typeof v.programId === "string" ? (questionCodes[v.programId] ?? []) : [];
      const answers = v.knockouts && typeof v.knockouts === "object" ? (v.knockouts as Record<string, unknown>) : {};
      codes.forEach((code, index) => {
        if (answers[code] === undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["knockouts", code],
            message: `Answer underwriting question ${index + 1} (yes or no)`,
          });
        }
      });
    },
    { when: () => true },
  ) as unknown as S;
}
