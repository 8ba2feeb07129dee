import { Form } from "react-router";
import { CheckboxGroup, FormErrors, FormGrid, SelectInput, TextField, type FieldErrors } from "./config-fields.tsx";
import { ErrorList } from "./forms.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { Card } from "./ui.tsx";

export type ProgramFormValues = {
  name: string;
  lineOfBusiness: "GL" | "WC";
  carrierId: string;
  states: string[];
  installmentPlans: string[];
  autoBindPremium: string;
  defaultCommission: string;
  minimumPremium: string;
  quoteValidDays: number;
  questions: { code: string; question: string; adverseAnswer: boolean; action: string; reasonCode: string }[];
};

const PLAN_LABELS: Record<string, string> = {
  PIF: "Paid in full",
  TWO_PAY: "Two payments",
  QUARTERLY: "Quarterly",
  MONTHLY_10: "Monthly (10)",
};

/**
 * A program's terms and knockout questions. Without JavaScript the question rows are plain
 * inputs: the existing ones, each with a "remove" box, and one blank row to add a question.
 */
export function ProgramForm({
  values,
  carriers,
  reasonCodes,
  errors,
  submitLabel,
  lineLocked,
}: {
  values: ProgramFormValues | null;
  carriers: { id: string; name: string }[];
  reasonCodes: readonly string[];
  errors: FieldErrors;
  submitLabel: string;
  lineLocked: boolean;
}) {
  const rows = [...(values?.questions ?? []), null];
  return (
    <Form method="post" className="flex flex-col gap-6">
      <Card title="Terms">
        <FormGrid>
          <TextField label="Name" name="name" defaultValue={values?.name} errors={errors} />
          {lineLocked ? (
            <div className="flex flex-col gap-1">
              <span className="text-sm font-medium">Line of business</span>
              <input type="hidden" name="lineOfBusiness" value={values?.lineOfBusiness} />
              <span className="py-2 text-sm">{values?.lineOfBusiness}</span>
            </div>
          ) : (
            <SelectInput
              label="Line of business"
              name="lineOfBusiness"
              defaultValue={values?.lineOfBusiness}
              errors={errors}
              placeholder="Choose"
              options={[
                { value: "GL", label: "General liability (GL)" },
                { value: "WC", label: "Workers' compensation (WC)" },
              ]}
            />
          )}
          <SelectInput
            label="Carrier"
            name="carrierId"
            defaultValue={values?.carrierId}
            errors={errors}
            placeholder="Choose the carrier"
            options={carriers.map((c) => ({ value: c.id, label: c.name }))}
          />
          <TextField
            label="States"
            name="states"
            defaultValue={values?.states.join(", ")}
            errors={errors}
            hint="Two-letter codes, e.g. TX, NM, AZ"
          />
          <TextField
            label="Auto-bind threshold ($)"
            name="autoBindPremium"
            defaultValue={values?.autoBindPremium}
            errors={errors}
            hint="Producers bind without referral up to this premium"
          />
          <TextField
            label="Default commission (%)"
            name="defaultCommission"
            defaultValue={values?.defaultCommission}
            errors={errors}
          />
          <TextField
            label="Minimum premium ($)"
            name="minimumPremium"
            defaultValue={values?.minimumPremium}
            errors={errors}
          />
          <TextField
            label="Quote validity (days)"
            name="quoteValidDays"
            type="number"
            defaultValue={values?.quoteValidDays ?? 30}
            errors={errors}
          />
        </FormGrid>
        <div className="mt-4">
          <CheckboxGroup
            legend="Installment plans"
            name="installmentPlans"
            options={Object.entries(PLAN_LABELS).map(([value, label]) => ({ value, label }))}
            checked={values?.installmentPlans ?? ["PIF"]}
            errors={errors}
          />
        </div>
        <p className="mt-4 text-sm text-text-muted">
          Fees (the policy fee and others) are part of each rate table version, so a change takes effect with a
          version's effective date.
        </p>
      </Card>
      <Card title="Knockout questions">
        <p className="mb-4 text-sm text-text-muted">
          Yes/no questions asked at intake. The safe answer lets the risk through; the other declines it or refers it to
          an underwriter.
        </p>
        <div className="flex flex-col gap-4">
          {rows.map((q, i) => (
            <fieldset key={q?.code ?? `new-${i}`} className="rounded-md border border-border p-3">
              <legend className="px-1 text-sm font-medium">{q ? q.code : "Add a question"}</legend>
              <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
                <TextField label="Code" name={`questions[${i}].code`} defaultValue={q?.code} errors={errors} />
                <TextField
                  label="Question"
                  name={`questions[${i}].question`}
                  defaultValue={q?.question}
                  errors={errors}
                />
              </div>
              <div className="mt-3 grid gap-3 sm:grid-cols-3">
                <SelectInput
                  label="Safe answer"
                  name={`questions[${i}].safeAnswer`}
                  defaultValue={q ? (q.adverseAnswer ? "no" : "yes") : "no"}
                  errors={errors}
                  options={[
                    { value: "no", label: "No" },
                    { value: "yes", label: "Yes" },
                  ]}
                />
                <SelectInput
                  label="Otherwise"
                  name={`questions[${i}].action`}
                  defaultValue={q?.action ?? "refer"}
                  errors={errors}
                  options={[
                    { value: "refer", label: "Refer to an underwriter" },
                    { value: "decline", label: "Decline" },
                  ]}
                />
                <SelectInput
                  label="Reason code"
                  name={`questions[${i}].reasonCode`}
                  defaultValue={q?.reasonCode ?? "risk_quality"}
                  errors={errors}
                  options={reasonCodes.map((c) => ({ value: c, label: c }))}
                />
              </div>
              {q ? (
                <label className="mt-3 flex items-center gap-2 text-sm">
                  <input type="checkbox" name={`questions[${i}].remove`} /> Remove this question
                </label>
              ) : null}
            </fieldset>
          ))}
          <ErrorList errors={errors?.questions} />
        </div>
      </Card>
      <FormErrors errors={errors} />
      <SubmitButton intent="save" pendingLabel="Saving…" className="self-start">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
