// Form and API schemas of claims handling, shared by the pages' actions and `/v1/claims`.
import { z } from "zod";
import { CLAIM_CONTACT_ROLES, SUBROGATION_STATUSES, SUIT_STATUSES } from "../../../db/schema/claim-parties.ts";
import { CLAIM_STATUSES } from "../../../db/schema/claims.ts";
import { MoneyError, parseMoney } from "../../utils/money.ts";
import { PHI_FIELD_KEYS, type ClaimantPhi, type PhiField } from "./phi.ts";

const MAX_CLAIM_CENTS = 100_000_000_00;

function moneyField(label: string, { allowZero = false } = {}) {
  return z
    .string(`Enter the ${label}`)
    .trim()
    .min(1, `Enter the ${label}`)
    .transform((text, ctx) => {
      let cents: number;
      try {
        cents = parseMoney(text);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        ctx.addIssue({ code: "custom", message: `Enter the ${label} in dollars and cents, like 1,234.56` });
        return z.NEVER;
      }
      if (cents < 0 || (!allowZero && cents === 0))
        ctx.addIssue({ code: "custom", message: `The ${label} must be more than zero` });
      else if (cents > MAX_CLAIM_CENTS) ctx.addIssue({ code: "custom", message: `The ${label} is implausibly large` });
      return cents;
    });
}

const isoDate = (label: string) =>
  z
    .string(`Enter the ${label}`)
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as YYYY-MM-DD`);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((v) => v || null);

const phiShape = Object.fromEntries(PHI_FIELD_KEYS.map((k) => [k, z.string().trim().max(2000).optional()])) as Record<
  (typeof PHI_FIELD_KEYS)[number],
  z.ZodOptional<z.ZodString>
>;

export const CLAIMANT_ROLES = ["claimant", "injured_worker", "third_party", "witness"] as const;

/** A claimant's PHI as page forms name it (`claimant_<field>`), one field per registered PHI field. */
const claimantFormFields = Object.fromEntries(
  PHI_FIELD_KEYS.map((k) => [`claimant_${k}`, z.string().trim().max(2000).optional()]),
) as Record<`claimant_${PhiField}`, z.ZodOptional<z.ZodString>>;

/** The PHI of a page form's claimant fields, keyed by the registry's names. */
export function claimantPhiOf(values: Partial<Record<`claimant_${PhiField}`, string>>): ClaimantPhi {
  return Object.fromEntries(PHI_FIELD_KEYS.map((k) => [k, values[`claimant_${k}`] ?? ""])) as ClaimantPhi;
}

export const ClaimantSchema = z.object({
  role: z.enum(CLAIMANT_ROLES).default("claimant"),
  ...phiShape,
});

/** First notice of loss as the API takes it (JSON). */
export const FnolSchema = z.object({
  policyId: z.string("Name the policy").trim().min(1, "Name the policy"),
  dateOfLoss: isoDate("date of loss"),
  timeOfLoss: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time as HH:MM")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  lossType: z.string("Describe the kind of loss").trim().min(3, "Describe the kind of loss").max(60),
  lossCause: optionalText(120),
  lossState: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "A two-letter state")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  lossLocation: optionalText(200),
  description: z
    .string("Describe what happened")
    .trim()
    .min(10, "Describe what happened (10 characters or more)")
    .max(4000),
  injuries: z.boolean().default(false),
  authorityReport: optionalText(80),
  reporterName: z.string("Who is reporting").trim().min(2, "Who is reporting").max(120),
  claimants: z.array(ClaimantSchema).max(10).default([]),
});
export type FnolInput = z.output<typeof FnolSchema>;

/** The same FNOL from a page form: flat fields, one claimant, a checkbox for injuries. */
export const FnolFormSchema = z
  .object({
    policyId: z.string("Choose the policy").trim().min(1, "Choose the policy"),
    dateOfLoss: isoDate("date of loss"),
    timeOfLoss: z.string().trim().optional(),
    lossType: z.string("Describe the kind of loss").trim().min(3, "Describe the kind of loss").max(60),
    lossCause: z.string().trim().max(120).optional(),
    lossState: z.string().trim().optional(),
    lossLocation: z.string().trim().max(200).optional(),
    description: z
      .string("Describe what happened")
      .trim()
      .min(10, "Describe what happened (10 characters or more)")
      .max(4000),
    injuries: z.literal("on").optional(),
    authorityReport: z.string().trim().max(80).optional(),
    reporterName: z.string("Who is reporting").trim().min(2, "Who is reporting").max(120),
    ...claimantFormFields,
  })
  .transform((f, ctx): FnolInput => {
    const phi = claimantPhiOf(f);
    const parsed = FnolSchema.safeParse({
      ...f,
      injuries: f.injuries === "on",
      claimants: Object.values(phi).some((v) => v) ? [{ role: "claimant", ...phi }] : [],
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }
    return parsed.data;
  });

export const ClaimActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), to: z.enum(CLAIM_STATUSES), reason: z.string().trim().max(1000).optional() }),
  z.object({
    intent: z.literal("reserve"),
    reserveType: z.enum(["indemnity", "expense"], "Choose the reserve"),
    amount: moneyField("reserve", { allowZero: true }),
    rationale: z.string("Give the rationale").trim().min(5, "Give the rationale (5 characters or more)").max(1000),
  }),
  z.object({
    intent: z.literal("money"),
    category: z.enum(["indemnity", "expense", "salvage", "subrogation", "deductible"], "Choose what it is"),
    amount: moneyField("amount"),
    counterparty: z.string("Name the payee or payer").trim().min(2, "Name the payee or payer").max(120),
    method: z.enum(["check", "ach", "wire"], "Choose the method"),
    reference: z.string().trim().max(60).optional(),
    subrogationId: z.string().trim().max(36).optional(),
  }),
  z.object({ intent: z.literal("note"), text: z.string("Write the note").trim().min(1, "Write the note").max(4000) }),
  z.object({
    intent: z.literal("task"),
    title: z.string("Name the task").trim().min(3, "Name the task").max(200),
    dueOn: isoDate("due date"),
  }),
  z.object({ intent: z.literal("task-done"), taskId: z.string().min(1) }),
  z.object({
    intent: z.literal("assign"),
    adjusterUserId: z.string("Choose the adjuster").min(1, "Choose the adjuster"),
  }),
]);

export const AdjusterProfileSchema = z.object({
  userId: z.string().min(1),
  licensedStates: z
    .string("List the states")
    .trim()
    .transform((text) => [
      ...new Set(
        text
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((s) => s.toUpperCase()),
      ),
    ])
    .pipe(
      z.array(z.string().regex(/^[A-Z]{2}$/, "States are two-letter codes, e.g. TX, LA")).min(1, "At least one state"),
    ),
  reserveAuthority: moneyField("reserve authority", { allowZero: true }),
  paymentAuthority: moneyField("payment authority", { allowZero: true }),
});

export const ReserveDecisionSchema = z.object({
  intent: z.enum(["approve", "decline"]),
  changeId: z.string().min(1),
});

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, `Enter the ${label} as YYYY-MM-DD`)
    .optional()
    .transform((v) => v || null);

/** An empty id adds a record; a record's id edits it. */
const recordId = z
  .string()
  .trim()
  .max(36)
  .optional()
  .transform((v) => v || null);

/** The people, suits and subrogation page of a claim (/claims/:id/parties). */
export const ClaimPartiesActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("claimant"),
    claimantId: recordId,
    role: z.enum(CLAIMANT_ROLES, "Choose the claimant's role"),
    ...claimantFormFields,
  }),
  z.object({
    intent: z.literal("contact"),
    contactId: recordId,
    role: z.enum(CLAIM_CONTACT_ROLES, "Choose the contact's role"),
    name: z.string("Name the contact").trim().min(2, "Name the contact").max(120),
    company: optionalText(120),
    phone: optionalText(40),
    email: z
      .string()
      .trim()
      .max(160)
      .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Enter an email address like name@firm.com")
      .optional()
      .transform((v) => v || null),
  }),
  z.object({
    intent: z.literal("suit"),
    suitId: recordId,
    plaintiffClaimantId: recordId,
    court: z.string("Name the court").trim().min(3, "Name the court").max(160),
    docketNumber: z.string("Enter the docket number").trim().min(2, "Enter the docket number").max(60),
    venueState: z
      .string("Enter the venue state")
      .trim()
      .regex(/^[A-Za-z]{2}$/, "The venue is a two-letter state")
      .transform((v) => v.toUpperCase()),
    filedOn: isoDate("date filed"),
    servedOn: optionalDate("date served"),
    plaintiffCounsel: optionalText(160),
    defenseFirm: optionalText(160),
    defenseAttorney: optionalText(120),
    defenseEmail: optionalText(160),
    defensePhone: optionalText(40),
    counselAppointedOn: optionalDate("date counsel was appointed"),
    trialOn: optionalDate("trial date"),
    status: z.enum(SUIT_STATUSES, "Choose the suit's status"),
    resolvedOn: optionalDate("date resolved"),
  }),
  z.object({
    intent: z.literal("subrogation"),
    subrogationId: recordId,
    targetName: z.string("Name the responsible party").trim().min(2, "Name the responsible party").max(160),
    targetCarrier: optionalText(160),
    targetClaimNumber: optionalText(60),
    basis: z.string("Say why they are liable").trim().min(5, "Say why they are liable (5 characters or more)").max(500),
    demand: moneyField("demand"),
    status: z.enum(SUBROGATION_STATUSES, "Choose the pursuit's status"),
    openedOn: isoDate("date opened"),
    demandSentOn: optionalDate("date the demand was sent"),
    closedOn: optionalDate("closing date"),
  }),
]);
