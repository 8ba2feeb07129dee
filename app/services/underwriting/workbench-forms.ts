import { z } from "zod";
import { NOTE_VISIBILITIES } from "../../../db/schema/workbench.ts";
import { decimalToString, normalizeDecimal, parseDecimal } from "../../utils/decimal.ts";
import { BindRequestForm } from "../policies/bind-form.ts";
import { REFERRAL_REASON_CODES } from "../policies/referral-triggers.ts";

// The workbench's forms, shared by the page (field names, choices) and its action (validation).

const text = (what: string, min: number, max: number) =>
  z
    .string(`Write the ${what}`)
    .trim()
    .min(min, min > 1 ? `Write the ${what} (at least ${min} characters)` : `Write the ${what}`)
    .max(max, `Keep the ${what} under ${max} characters`);

export const NoteForm = z.object({
  intent: z.literal("note"),
  visibility: z.enum(NOTE_VISIBILITIES, "Choose who may read the note"),
  body: text("note", 1, 4000),
});

export const RequestInfoForm = z.object({ intent: z.literal("request_info"), question: text("request", 10, 4000) });

export const DeclineForm = z.object({
  intent: z.literal("decline"),
  code: z.enum(REFERRAL_REASON_CODES, "Choose a reason code"),
  rationale: text("rationale", 10, 2000),
});

export const AnswerInfoForm = z.object({ intent: z.literal("answer_info"), answer: text("answer", 2, 4000) });

/** Rows of the schedule form; a row with neither a percentage nor a reason is left out. */
export const SCHEDULE_ROWS = 3;

const percent = /^[+-]?\d{1,2}(\.\d{1,2})?$/;

/** "-7.5" (percent) as the engine's decimal factor "-0.075", exactly. */
export function percentToFactor(text: string): string {
  const value = parseDecimal(text);
  return decimalToString({ coefficient: value.coefficient, scale: value.scale + 2 });
}

/** The engine's factor "-0.075" as the percentage the form shows, "-7.5". */
export function factorToPercent(factor: string): string {
  const value = parseDecimal(factor);
  return decimalToString(normalizeDecimal({ coefficient: value.coefficient * 100n, scale: value.scale }));
}

export const ScheduleForm = z
  .object({
    intent: z.literal("schedule"),
    // An empty row arrives as undefined from Conform's parse: it is "", a row left out.
    percent: z.array(z.string().trim().default("")).length(SCHEDULE_ROWS),
    reason: z
      .array(z.string().trim().max(200, "Keep each reason under 200 characters").default(""))
      .length(SCHEDULE_ROWS),
  })
  .transform((form, ctx) => {
    const adjustments: { factor: string; reason: string }[] = [];
    form.percent.forEach((value, i) => {
      const reason = form.reason[i] ?? "";
      if (value === "" && reason === "") return;
      if (!percent.test(value)) {
        ctx.addIssue({
          code: "custom",
          message: `Row ${i + 1}: enter the credit or debit as a percentage, e.g. -10 or 5`,
        });
      } else if (reason === "") {
        ctx.addIssue({ code: "custom", message: `Row ${i + 1}: every credit or debit needs a reason` });
      } else {
        adjustments.push({ factor: percentToFactor(value), reason });
      }
    });
    return adjustments;
  });

export const DecideReferralForm = z.object({
  intent: z.literal("decide"),
  referralId: z.string().min(1),
  decision: z.enum(["approved", "declined"]),
  code: z.enum(REFERRAL_REASON_CODES, "Choose a reason code"),
  rationale: text("rationale", 10, 2000),
});

/** Every form of the underwriter's workbench, told apart by `intent`. */
export const WorkbenchAction = z.discriminatedUnion("intent", [
  DecideReferralForm,
  NoteForm,
  RequestInfoForm,
  DeclineForm,
  ScheduleForm.transform((adjustments) => ({ intent: "schedule" as const, adjustments })),
  BindRequestForm,
]);

export const WORKBENCH_INTENTS = ["decide", "note", "request_info", "decline", "schedule", "bind"] as const;
export type WorkbenchIntent = (typeof WORKBENCH_INTENTS)[number];
