// The policy page's servicing forms (issue 12): one schema per intent, shared by every area's
// policy route and the /v1 API's request shapes.
import { z } from "zod";
import { MoneyError, parseMoney } from "../../utils/money.ts";
import { INSTALLMENT_PLANS } from "../billing/billing-schedule.ts";
import { CANCELLATION_REASONS } from "./cancellation.ts";
import type { EndorsementChanges } from "./endorsement.ts";

/** Why an underwriter does not renew a policy (the notice names one). */
export const NON_RENEWAL_REASON_CODES = [
  "loss_experience",
  "underwriting_guidelines",
  "program_withdrawn",
  "exposure_change",
  "other",
] as const;

const isoDate = z
  .string("Enter a date")
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD");

const optionalMoney = z
  .string()
  .trim()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined || text === "") return undefined;
    try {
      const cents = parseMoney(text);
      if (cents < 0) throw new MoneyError("negative");
      return cents as number;
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      ctx.addIssue({ code: "custom", message: "Enter an amount in dollars, like 1,000,000" });
      return z.NEVER;
    }
  });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((t) => (t === "" ? undefined : t));

const cancellation = {
  reason: z.enum(CANCELLATION_REASONS, "Choose a reason"),
  cancellationDate: isoDate,
};

const endorsement = {
  effectiveDate: isoDate,
  occurrenceLimit: optionalMoney,
  aggregateLimit: optionalMoney,
  deductible: optionalMoney,
  annualRevenue: optionalMoney,
  payroll: optionalMoney,
  namedInsured: optionalText(200),
  additionalInsuredName: optionalText(200),
  additionalInsuredAddress: optionalText(300),
  location: optionalText(300),
  waiverOfSubrogationHolder: optionalText(200),
  waiverOfSubrogationBlanket: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
};

export const PolicyServicingSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("preview-cancel"), ...cancellation }),
  z.object({ intent: z.literal("cancel"), ...cancellation }),
  z.object({ intent: z.literal("quote-endorse"), ...endorsement }),
  z.object({ intent: z.literal("endorse"), ...endorsement }),
  z.object({ intent: z.literal("reinstate") }),
  z.object({ intent: z.literal("apply-request"), requestId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal("non-renew"), nonRenewalReason: z.enum(NON_RENEWAL_REASON_CODES, "Choose a reason") }),
  z.object({
    intent: z.literal("certificate"),
    holderId: optionalText(40),
    holderName: optionalText(200),
    holderAddressLine1: optionalText(200),
    holderCity: optionalText(100),
    holderState: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([A-Z]{2})?$/, "A state is two letters, like TX")
      .optional()
      .transform((t) => (t === "" ? undefined : t)),
    holderPostalCode: optionalText(10),
  }),
]);
export type PolicyServicingForm = z.infer<typeof PolicyServicingSchema>;

type EndorsementFields = Extract<PolicyServicingForm, { intent: "endorse" }>;

/** The form's fields as the changes an endorsement makes (blank fields change nothing). */
export function endorsementChangesOf(form: Omit<EndorsementFields, "intent" | "effectiveDate">): EndorsementChanges {
  const changes: EndorsementChanges = {};
  if (form.occurrenceLimit !== undefined) changes.occurrenceLimitCents = form.occurrenceLimit;
  if (form.aggregateLimit !== undefined) changes.aggregateLimitCents = form.aggregateLimit;
  if (form.deductible !== undefined) changes.deductibleCents = form.deductible;
  if (form.annualRevenue !== undefined) changes.annualRevenueCents = form.annualRevenue;
  if (form.payroll !== undefined) changes.payrollCents = form.payroll;
  if (form.namedInsured !== undefined) changes.namedInsured = form.namedInsured;
  if (form.additionalInsuredName !== undefined)
    changes.addAdditionalInsured = { name: form.additionalInsuredName, address: form.additionalInsuredAddress ?? "" };
  if (form.location !== undefined) changes.addLocation = form.location;
  // Blanket wins over a name typed beside it: it already waives against that holder too.
  if (form.waiverOfSubrogationBlanket) changes.addWaiverOfSubrogation = { holderName: null };
  else if (form.waiverOfSubrogationHolder !== undefined)
    changes.addWaiverOfSubrogation = { holderName: form.waiverOfSubrogationHolder };
  return changes;
}

/** The producer's answer to a renewal offer (ADR 023); the plan defaults to the expiring term's. */
export const RenewalDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), plan: z.enum(INSTALLMENT_PLANS, "Choose an installment plan").optional() }),
  z.object({ intent: z.literal("decline") }),
]);

type CertificateFields = Extract<PolicyServicingForm, { intent: "certificate" }>;

/** A remembered holder when one is chosen, else the typed one when every part is there; null otherwise. */
export function certificateHolderOf(
  form: Omit<CertificateFields, "intent">,
):
  | { holderId: string }
  | { holder: { name: string; addressLine1: string; city: string; state: string; postalCode: string } }
  | null {
  if (form.holderId) return { holderId: form.holderId };
  const { holderName, holderAddressLine1, holderCity, holderState, holderPostalCode } = form;
  if (!holderName || !holderAddressLine1 || !holderCity || !holderState || !holderPostalCode) return null;
  return {
    holder: {
      name: holderName,
      addressLine1: holderAddressLine1,
      city: holderCity,
      state: holderState,
      postalCode: holderPostalCode,
    },
  };
}
