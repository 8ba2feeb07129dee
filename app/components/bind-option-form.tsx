import { Form } from "react-router";
import { describePlan, isInstallmentPlan } from "../services/billing/billing-schedule.ts";
import { toCents } from "../utils/money.ts";
import { FormTokenInput, SubmitButton } from "./submit-button.tsx";

export type BindFormContext = {
  plans: readonly string[];
  /** Whether the program lets the agency bill the insured (ADR 024); direct bill otherwise. */
  agencyBillAllowed: boolean;
  declinations: readonly unknown[];
  declinationsRequired: number;
};

/**
 * Binding one quote option: the payment plan (named, with this option's installments), the
 * admitted carriers' declinations a surplus-lines risk still needs, and a one-time form token so
 * a double click binds once. The producer's submission page and the underwriter's workbench
 * both bind through it.
 */
export function BindOptionForm(props: {
  option: { id: string; totalDueCents: number };
  effectiveDate: string;
  context: BindFormContext;
  formToken: string;
}) {
  const { option, effectiveDate, context, formToken } = props;
  const missingDeclinations = context.declinationsRequired - context.declinations.length;
  return (
    <Form method="post" className="mt-4 flex flex-wrap items-end gap-3 border-t border-border pt-4">
      <input type="hidden" name="intent" value="bind" />
      <input type="hidden" name="quoteOptionId" value={option.id} />
      <label className="flex flex-col gap-1 text-sm">
        Payment plan
        <select name="plan" className="rounded-md border border-border bg-surface px-3 py-2">
          {context.plans.map((plan) => (
            <option key={plan} value={plan}>
              {isInstallmentPlan(plan)
                ? describePlan(plan, { totalCents: toCents(option.totalDueCents), effectiveDate })
                : plan}
            </option>
          ))}
        </select>
      </label>
      {context.agencyBillAllowed ? (
        <label className="flex flex-col gap-1 text-sm">
          Billing
          <select name="billingMethod" className="rounded-md border border-border bg-surface px-3 py-2">
            <option value="direct">Direct bill: we invoice the insured</option>
            <option value="agency">Agency bill: the agency collects and remits net</option>
          </select>
        </label>
      ) : null}
      {missingDeclinations > 0 ? (
        <fieldset className="flex flex-wrap gap-2 text-sm">
          <legend className="mb-1">
            Diligent search: admitted carriers that declined ({context.declinationsRequired} needed)
          </legend>
          {Array.from({ length: missingDeclinations }, (_, i) => (
            <input
              key={i}
              name="declinedBy"
              aria-label={`Declining carrier ${i + 1}`}
              className="rounded-md border border-border bg-surface px-3 py-2"
            />
          ))}
        </fieldset>
      ) : null}
      <FormTokenInput token={formToken} />
      <SubmitButton match={{ intent: "bind", quoteOptionId: option.id }} pendingLabel="Binding…">
        Bind this option
      </SubmitButton>
    </Form>
  );
}
