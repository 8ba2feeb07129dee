import { z } from "zod";
import { AcordDraftSchema } from "./acord-draft.ts";
import { type IntakeChecks, NewSubmissionSchema, withIntakeChecks } from "./intake-schema.ts";

/**
 * The insured on the intake form: one picked from the agency's book (its id, set by the picker),
 * or a name typed. A typed name is the agency's insured of exactly that name when there is one,
 * otherwise a new insured, whose address the form then needs. Without JavaScript there is no
 * picker, so the typed name is the only way in; both end in the same filing.
 */

/** What a new insured needs besides its name; its class code is the submission's. */
export const NewInsuredDetailsSchema = AcordDraftSchema.pick({
  addressLine1: true,
  city: true,
  state: true,
  postalCode: true,
  yearsInBusiness: true,
});

const IntakeFormSchema = NewSubmissionSchema.extend({
  intent: z.literal("file"),
  insuredId: z.string().trim().optional(),
  insuredName: z.string().trim().max(200, "An insured's name has at most 200 characters").optional(),
});

/**
 * The intake form's filing schema. `newInsured` is the server's finding that the typed name is
 * not in the agency's book: the address fields are then checked with everything else, in one pass.
 */
export function intakeFormSchema(checks: IntakeChecks, newInsured: boolean) {
  // Typed as optional either way: only a new insured must have them, and then the schema says so.
  const details = (newInsured ? NewInsuredDetailsSchema : NewInsuredDetailsSchema.partial()) as ReturnType<
    typeof NewInsuredDetailsSchema.partial
  >;
  const schema = IntakeFormSchema.extend(details.shape);
  return withIntakeChecks(
    schema.superRefine(
      (value, ctx) => {
        const v = (value ?? {}) as { insuredId?: unknown; insuredName?: unknown };
        const id = typeof v.insuredId === "string" ? v.insuredId.trim() : "";
        const name = typeof v.insuredName === "string" ? v.insuredName.trim() : "";
        if (!id && !name)
          ctx.addIssue({
            code: "custom",
            path: ["insuredName"],
            message: "Choose the insured, or type a new insured's name",
          });
        else if (!id && name.length < 2)
          ctx.addIssue({ code: "custom", path: ["insuredName"], message: "Enter the insured's full name" });
      },
      { when: () => true },
    ),
    checks,
  );
}

export type IntakeForm = z.output<ReturnType<typeof intakeFormSchema>>;

/** The new insured a filed form describes: its name as typed, its class code the submission's. */
export function newInsuredFromForm(
  name: string,
  naicsCode: string,
  details: z.output<typeof NewInsuredDetailsSchema>,
): {
  name: string;
  naicsCode: string;
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
  yearsInBusiness: string | null;
} {
  return {
    name: name.trim(),
    naicsCode,
    addressLine1: details.addressLine1,
    city: details.city,
    state: details.state,
    postalCode: details.postalCode,
    yearsInBusiness: details.yearsInBusiness === undefined ? null : details.yearsInBusiness.toFixed(1),
  };
}

/** The intake form's action: filing (with the insured as above) or saving a draft as typed. */
export const intakeFormAction = (checks: IntakeChecks, newInsured: boolean) =>
  z.discriminatedUnion("intent", [intakeFormSchema(checks, newInsured), z.looseObject({ intent: z.literal("save") })]);
