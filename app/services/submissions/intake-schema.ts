import { z } from "zod";
import { MoneyError, parseMoney } from "../../utils/money.ts";

// Shared by the form (client-side validation) and the action (server-side validation).

const money = (label: string) =>
  z.string(`Enter the ${label}`).trim().min(1, `Enter the ${label}`).transform((text, ctx) => {
    try {
      const cents = parseMoney(text);
      if (cents <= 0) throw new MoneyError("not positive");
      return cents;
    } catch {
      ctx.addIssue({ code: "custom", message: `Enter the ${label} in dollars, e.g. 1,250,000` });
      return z.NEVER;
    }
  });

/** A new submission as a producer enters it: amounts in dollars, as people type them. */
export const NewSubmissionSchema = z
  .object({
    insuredId: z.string("Choose the insured").min(1, "Choose the insured"),
    programId: z.string("Choose a program").min(1, "Choose a program"),
    naicsCode: z.string("Enter the NAICS code").regex(/^\d{6}$/, "A NAICS code has 6 digits"),
    exposure: money("annual revenue or payroll"),
    requestedLimit: money("requested limit"),
    deductible: z.string().trim().default("0").transform((text, ctx) => {
      try {
        return parseMoney(text || "0");
      } catch {
        ctx.addIssue({ code: "custom", message: "Enter the deductible in dollars" });
        return z.NEVER;
      }
    }),
    effectiveDate: z.iso.date("Enter the effective date"),
    termMonths: z.coerce.number().int().refine((n) => n === 6 || n === 12, "The term is 6 or 12 months"),
    priorLossCount: z.coerce.number("Enter the number of claims").int().min(0).max(99),
    priorLossIncurred: z.string().trim().default("0").transform((text, ctx) => {
      try {
        return parseMoney(text || "0");
      } catch {
        ctx.addIssue({ code: "custom", message: "Enter the incurred losses in dollars" });
        return z.NEVER;
      }
    }),
    /** Knockout answers by question code ("knockouts.GL_PRIOR_CANCELLATION" = "yes" | "no"). */
    knockouts: z.record(z.string(), z.enum(["yes", "no"], "Answer yes or no").transform((answer) => answer === "yes")).optional(),
  });

export type NewSubmission = z.output<typeof NewSubmissionSchema>;
