/**
 * The configuration forms of /admin, shared by the page (client-side checks) and the action.
 * Amounts are typed in dollars and stored in cents; percentages are typed as people say them
 * ("12.5") and stored as exact fractions ("0.1250"); state lists are typed "TX, CA".
 */
import { z } from "zod";
import { KNOCKOUT_ACTIONS } from "../../../db/schema/workbench.ts";
import {
  compareDecimals,
  decimalToString,
  isDecimalString,
  normalizeDecimal,
  parseDecimal,
} from "../../utils/decimal.ts";
import { MoneyError, parseMoney } from "../../utils/money.ts";
import { text } from "../../utils/text.ts";
import { INSTALLMENT_PLANS } from "../billing/billing-schedule.ts";
import { REFERRAL_REASON_CODES } from "../policies/referral-triggers.ts";

export const US_STATES = [
  "AL",
  "AK",
  "AZ",
  "AR",
  "CA",
  "CO",
  "CT",
  "DE",
  "DC",
  "FL",
  "GA",
  "HI",
  "ID",
  "IL",
  "IN",
  "IA",
  "KS",
  "KY",
  "LA",
  "ME",
  "MD",
  "MA",
  "MI",
  "MN",
  "MS",
  "MO",
  "MT",
  "NE",
  "NV",
  "NH",
  "NJ",
  "NM",
  "NY",
  "NC",
  "ND",
  "OH",
  "OK",
  "OR",
  "PA",
  "RI",
  "SC",
  "SD",
  "TN",
  "TX",
  "UT",
  "VT",
  "VA",
  "WA",
  "WV",
  "WI",
  "WY",
] as const;

export function dollars(label: string, { optional = false, allowZero = true } = {}) {
  const base = z.string().trim();
  return base.optional().transform((raw, ctx): number | null => {
    if (!raw) {
      if (optional) return null;
      ctx.addIssue({ code: "custom", message: `Enter the ${label}` });
      return z.NEVER;
    }
    try {
      const cents = parseMoney(raw) as number;
      if (cents < 0 || (!allowZero && cents === 0)) {
        ctx.addIssue({ code: "custom", message: `The ${label} must be ${allowZero ? "$0 or more" : "more than $0"}` });
        return z.NEVER;
      }
      return cents;
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      ctx.addIssue({ code: "custom", message: `Enter the ${label} in dollars, e.g. 25,000` });
      return z.NEVER;
    }
  });
}

/** "12.5" (percent) -> "0.1250". */
export function percent(label: string) {
  return z
    .string(`Enter the ${label}`)
    .trim()
    .transform((raw, ctx) => {
      if (!isDecimalString(raw)) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} as a percentage, e.g. 12.5` });
        return z.NEVER;
      }
      const value = parseDecimal(raw);
      if (compareDecimals(value, parseDecimal("0")) < 0 || compareDecimals(value, parseDecimal("100")) > 0) {
        ctx.addIssue({ code: "custom", message: `The ${label} must be between 0 and 100` });
        return z.NEVER;
      }
      if (value.scale > 2) {
        ctx.addIssue({ code: "custom", message: `The ${label} has at most two decimals` });
        return z.NEVER;
      }
      const fraction = { coefficient: value.coefficient * 10n ** BigInt(2 - value.scale), scale: 4 };
      return decimalToString(fraction);
    });
}

/** "0.1250" -> "12.5", for showing a stored fraction back in a percentage field. */
export function fractionToPercent(fraction: string): string {
  const value = parseDecimal(fraction);
  const hundredfold =
    value.scale >= 2
      ? { coefficient: value.coefficient, scale: value.scale - 2 }
      : { coefficient: value.coefficient * 10n ** BigInt(2 - value.scale), scale: 0 };
  return decimalToString(normalizeDecimal(hundredfold));
}

export function stateList(label: string, { allowEmpty }: { allowEmpty: boolean }) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const codes = [
        ...new Set(
          (raw ?? "")
            .toUpperCase()
            .split(/[\s,;]+/)
            .filter(Boolean),
        ),
      ];
      const unknown = codes.filter((c) => !(US_STATES as readonly string[]).includes(c));
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          message: `${label}: ${unknown.join(", ")} ${unknown.length > 1 ? "are not state codes" : "is not a state code"}`,
        });
        return z.NEVER;
      }
      if (!allowEmpty && codes.length === 0) {
        ctx.addIssue({ code: "custom", message: `${label}: enter at least one state, e.g. TX, CA` });
        return z.NEVER;
      }
      return codes.sort();
    });
}

export function naicsList(label: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const codes = [...new Set((raw ?? "").split(/[\s,;]+/).filter(Boolean))];
      const bad = codes.filter((c) => !/^\d{2,6}$/.test(c));
      if (bad.length) {
        ctx.addIssue({
          code: "custom",
          message: `${label}: ${bad.join(", ")} must be NAICS codes or prefixes (2 to 6 digits)`,
        });
        return z.NEVER;
      }
      return codes.sort();
    });
}

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number(`Enter the ${label}`)
    .int(`The ${label} is a whole number`)
    .min(min, `The ${label} is at least ${min}`)
    .max(max, `The ${label} is at most ${max}`);

const optionalWholeNumber = (label: string, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), wholeNumber(label, min, max).nullable());

export const KnockoutQuestionSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{2,39}$/, "A question code is 3 to 40 capitals, digits or _ (e.g. GL_ROOFING)"),
  question: text("Question").trim().min(5, "Write the question").max(300),
  /** The answer that is safe (does not knock the risk out). */
  safeAnswer: z.enum(["yes", "no"], "Choose the safe answer"),
  action: z.enum(KNOCKOUT_ACTIONS, "Choose decline or refer"),
  reasonCode: z.enum(REFERRAL_REASON_CODES, "Choose a reason code"),
  remove: z.literal("on").optional(),
});

export const ProgramFormSchema = z
  .object({
    intent: z.literal("save"),
    name: text("Name").trim().min(3, "Enter the program name").max(200),
    lineOfBusiness: z.enum(["GL", "WC"], "Choose the line of business"),
    carrierId: z.string("Choose the carrier").min(1, "Choose the carrier"),
    states: stateList("States", { allowEmpty: false }),
    installmentPlans: z.array(z.enum(INSTALLMENT_PLANS), "Choose at least one plan").min(1, "Choose at least one plan"),
    autoBindPremium: dollars("auto-bind threshold"),
    defaultCommission: percent("default commission"),
    minimumPremium: dollars("minimum premium"),
    quoteValidDays: wholeNumber("quote validity", 1, 180),
    questions: z.array(z.unknown()).optional(),
  })
  .transform((value, ctx) => {
    // A blank trailing row is the "add a question" row; rows ticked "remove" are dropped.
    const rows = (value.questions ?? []).filter((row) => {
      const r = row as Record<string, unknown>;
      return r && r.remove !== "on" && [r.code, r.question].some((v) => typeof v === "string" && v.trim());
    });
    const questions = [];
    for (const [i, row] of rows.entries()) {
      const parsed = KnockoutQuestionSchema.safeParse(row);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: "custom", path: ["questions", i, ...issue.path.map(String)], message: issue.message });
        continue;
      }
      const q = parsed.data;
      questions.push({
        code: q.code,
        question: q.question,
        adverseAnswer: q.safeAnswer === "no",
        action: q.action,
        reasonCode: q.reasonCode,
      });
    }
    const codes = questions.map((q) => q.code);
    const twice = codes.find((c, i) => codes.indexOf(c) !== i);
    if (twice) ctx.addIssue({ code: "custom", path: ["questions"], message: `Question code ${twice} is used twice` });
    const { questions: _, intent: __, autoBindPremium, minimumPremium, defaultCommission, ...terms } = value;
    return {
      terms: {
        ...terms,
        autoBindPremiumCents: autoBindPremium as number,
        minimumPremiumCents: minimumPremium as number,
        defaultCommissionRate: defaultCommission,
      },
      questions,
    };
  });
export type ProgramForm = z.output<typeof ProgramFormSchema>;

const isoDate = (label: string) => z.iso.date(`Enter the ${label} as a date`);

export const DaAgreementTermsSchema = z
  .object({
    reference: text("Reference").trim().min(3, "Enter the agreement reference").max(40),
    effectiveDate: isoDate("effective date"),
    expirationDate: isoDate("expiration date"),
    maxOccurrenceLimit: dollars("maximum occurrence limit", { allowZero: false }),
    maxAggregateLimit: dollars("maximum aggregate limit", { allowZero: false }),
    maxPremiumPerPolicy: dollars("maximum premium per policy", { allowZero: false }),
    authorizedStates: stateList("Authorized states", { allowEmpty: true }),
    excludedStates: stateList("Excluded states", { allowEmpty: true }),
    authorizedNaicsCodes: naicsList("Authorized NAICS codes"),
    excludedNaicsCodes: naicsList("Excluded NAICS codes"),
    naicsVintage: wholeNumber("NAICS vintage", 1997, 2100),
    annualGwpLimit: dollars("annual GWP limit", { allowZero: false }),
    quarterlyGwpLimit: dollars("quarterly GWP limit", { optional: true, allowZero: false }),
    maxPoliciesPerInsured: wholeNumber("maximum policies per insured", 1, 100),
    maxInsuredRevenue: dollars("maximum insured revenue", { optional: true, allowZero: false }),
    allowedTermsMonths: z
      .array(
        z.coerce
          .number()
          .int()
          .refine((n) => [6, 12, 24, 36].includes(n), "Terms are 6, 12, 24 or 36 months"),
      )
      .min(1, "Choose at least one policy term"),
    minYearsInBusiness: optionalWholeNumber("minimum years in business", 0, 100),
    referRevenueOver: dollars("referral revenue threshold", { optional: true, allowZero: false }),
    referPriorLossesOver: optionalWholeNumber("referral loss count", 0, 99),
    referClassCodes: naicsList("Referral class codes"),
    referStates: stateList("Referral states", { allowEmpty: true }),
  })
  .superRefine((v, ctx) => {
    if (v.expirationDate <= v.effectiveDate)
      ctx.addIssue({
        code: "custom",
        path: ["expirationDate"],
        message: "The expiration date must be after the effective date",
      });
    if ((v.maxAggregateLimit ?? 0) < (v.maxOccurrenceLimit ?? 0))
      ctx.addIssue({
        code: "custom",
        path: ["maxAggregateLimit"],
        message: "The aggregate limit cannot be below the occurrence limit",
      });
    const both = (v.authorizedStates ?? []).filter((s) => v.excludedStates?.includes(s));
    if (both.length)
      ctx.addIssue({
        code: "custom",
        path: ["excludedStates"],
        message: `${both.join(", ")} cannot be both authorized and excluded`,
      });
    if (v.quarterlyGwpLimit !== null && v.annualGwpLimit !== null && v.quarterlyGwpLimit > v.annualGwpLimit)
      ctx.addIssue({
        code: "custom",
        path: ["quarterlyGwpLimit"],
        message: "The quarterly GWP limit cannot exceed the annual one",
      });
  })
  .transform((v) => ({
    reference: v.reference,
    effectiveDate: v.effectiveDate,
    expirationDate: v.expirationDate,
    maxOccurrenceLimitCents: v.maxOccurrenceLimit as number,
    maxAggregateLimitCents: v.maxAggregateLimit as number,
    maxPremiumPerPolicyCents: v.maxPremiumPerPolicy as number,
    authorizedStates: v.authorizedStates,
    excludedStates: v.excludedStates,
    authorizedNaicsCodes: v.authorizedNaicsCodes,
    excludedNaicsCodes: v.excludedNaicsCodes,
    naicsVintage: v.naicsVintage,
    annualGwpLimitCents: v.annualGwpLimit as number,
    quarterlyGwpLimitCents: v.quarterlyGwpLimit,
    maxPoliciesPerInsured: v.maxPoliciesPerInsured,
    maxInsuredRevenueCents: v.maxInsuredRevenue,
    allowedTermsMonths: [...new Set(v.allowedTermsMonths)].sort((a, b) => a - b),
    minYearsInBusiness: v.minYearsInBusiness,
    referralTriggers: {
      ...(v.referRevenueOver !== null ? { revenueOverCents: v.referRevenueOver } : {}),
      ...(v.referPriorLossesOver !== null ? { priorLossesOver: v.referPriorLossesOver } : {}),
      ...(v.referClassCodes.length ? { classCodes: v.referClassCodes } : {}),
      ...(v.referStates.length ? { states: v.referStates } : {}),
    },
  }));
export type DaAgreementTermsInput = z.output<typeof DaAgreementTermsSchema>;

/** What an amendment changed: each field whose value differs, from -> to. */
export function termChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to ?? null)) changes[key] = { from, to: to ?? null };
  }
  return changes;
}

export const AgencySchema = z.object({
  name: text("Agency name").trim().min(2, "Enter the agency's name").max(200),
  commission: percent("default commission"),
});

/** The roles an agency's own people hold. */
export const AGENCY_ROLES = ["producer", "agency_admin"] as const;

/** Invitation of a producer or agency admin into one agency. */
export const AgencyInviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.email("Enter a valid email address"),
  role: z.enum(AGENCY_ROLES, "Choose producer or agency admin"),
});
