import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useActionData } from "react-router";
import type { Route } from "./+types/submission-new";
import { requirePermission } from "../../auth/session.server.ts";
import { ErrorSummary, Field, SelectField, type SummaryError } from "../../components/forms.tsx";
import { knockoutInputId, KnockoutQuestions, orderedQuestions } from "../../components/knockout-questions.tsx";
import { Button, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { draftValuesFrom, getDraft, saveDraft } from "../../models/drafts.server.ts";
import { loadIntakeChoices } from "../../models/intake.server.ts";
import { InsuredPicker } from "../../components/insured-picker.tsx";
import { findAgencyInsured, findAgencyInsuredIdByName } from "../../models/insureds.server.ts";
import { isFilingIntent, schemaForIntent } from "../../services/submissions/acord-draft.ts";
import {
  intakeFormAction,
  intakeFormSchema,
  NewInsuredDetailsSchema,
  newInsuredFromForm,
} from "../../services/submissions/insured-choice.ts";
import type { IntakeChecks } from "../../services/submissions/intake-schema.ts";
import { createId } from "../../utils/ids.ts";
import { fileSubmission, fromDraft } from "../../services/submissions/intake.server.ts";
import { quoteSubmission } from "../../services/underwriting/quoting.server.ts";
import { listKnockoutRules } from "../../services/underwriting/knockouts.server.ts";
import { businessToday } from "../../utils/today.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";

export const meta: Route.MetaFunction = () => [{ title: "New submission · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "create:submission");
  const { db } = appServices(args.context);
  const draftId = new URL(args.request.url).searchParams.get("draft");
  const [choices, knockoutRules, found] = await Promise.all([
    loadIntakeChoices(db, user.tenant),
    listKnockoutRules(db, user.tenant),
    draftId ? getDraft(db, user.tenant, draftId) : null,
  ]);
  const draft = found?.source === "form" ? found : null;
  // A draft saved with an insured picked reopens with it picked.
  const draftInsuredId = draft?.values.insuredId;
  const { agencyId } = user.tenant;
  const draftInsured =
    draftInsuredId && agencyId ? await findAgencyInsured(db, { ...user.tenant, agencyId }, draftInsuredId) : null;
  return {
    // The insureds are searched as the producer types: the page does not carry the whole book.
    programs: choices.programs,
    draftInsured: draftInsured ? { id: draftInsured.id, name: draftInsured.name, state: draftInsured.state } : null,
    knockoutQuestions: knockoutRules.map(({ programId, code, question, adverseAnswer, action }) => ({
      programId,
      code,
      question,
      adverseAnswer,
      action,
    })),
    today: businessToday(user.tenant),
    draft: draft ? { id: draft.id, values: draft.values } : null,
    formToken: newFormToken(),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "create:submission");
  const formData = await args.request.formData();
  const { db } = appServices(args.context);
  const draftId = formData.get("draftId");
  const found = typeof draftId === "string" && draftId ? await getDraft(db, user.tenant, draftId) : null;
  const draft = found?.source === "form" ? found : null;
  const { agencyId } = user.tenant;
  // A name typed rather than picked is the agency's insured of exactly that name, or a new one.
  const pickedId = textOf(formData.get("insuredId"));
  const typedName = textOf(formData.get("insuredName"));
  const [knockoutRules, insuredByName] = await Promise.all([
    listKnockoutRules(db, user.tenant),
    !pickedId && typedName && agencyId
      ? findAgencyInsuredIdByName(db, { ...user.tenant, agencyId }, typedName)
      : Promise.resolve(null),
  ]);
  const newInsured = !pickedId && typedName.length > 0 && insuredByName === null;
  const submission = parseWithZod(formData, {
    schema: intakeFormAction(intakeChecks(knockoutRules, businessToday(user.tenant)), newInsured),
  });
  const { intent } = submission.payload;
  if (!isFilingIntent(intent))
    return data(submission.reply({ formErrors: ["Choose Submit and quote, or Save draft."] }), { status: 400 });
  if (intent === "save") {
    await saveDraft(db, user.tenant, draft?.id ?? null, draftValuesFrom(formData));
    throw redirect("/producer");
  }
  if (submission.status !== "success" || submission.value.intent !== "file")
    return data(submission.reply(), { status: 400 });
  const today = businessToday(user.tenant);
  const form = submission.value;
  // One submission per form token: a double click or a resent form gets the first one's answer.
  const filed = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    "file-submission",
    async () => {
      const insuredId = form.insuredId || insuredByName || createId("ins");
      const newInsuredRow = newInsured
        ? newInsuredFromForm(typedName, form.naicsCode, NewInsuredDetailsSchema.parse(form))
        : undefined;
      const outcome = await fileSubmission(db, user.tenant, { ...form, insuredId }, today, newInsuredRow, {
        ...(draft ? fromDraft(user.tenant, draft) : {}),
        everyKnockoutAsked: true,
      });
      // A quote right away when the risk can be rated; when it cannot, the submission page says why.
      if (outcome.ok) await quoteSubmission(db, user.tenant, outcome.submissionId, today);
      return outcome;
    },
    (outcome) => outcome.ok,
  );
  if (!filed.ok) {
    return data(
      submission.reply(
        filed.field ? { fieldErrors: { [filed.field]: [filed.message] } } : { formErrors: [filed.message] },
      ),
      { status: 422 },
    );
  }
  throw redirect(`/producer/submissions/${filed.submissionId}`);
}

function textOf(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The checks the form runs besides each field's own: the date, and each program's questions in the form's order. */
function intakeChecks(
  rules: readonly { programId: string; code: string; adverseAnswer: boolean }[],
  today: string,
): IntakeChecks {
  const questionCodes: Record<string, string[]> = {};
  for (const rule of orderedQuestions(rules))
    questionCodes[rule.programId] = [...(questionCodes[rule.programId] ?? []), rule.code];
  return { today, questionCodes };
}

const LIMITS = [
  { value: "500,000", label: "$500,000" },
  { value: "1,000,000", label: "$1,000,000" },
  { value: "2,000,000", label: "$2,000,000" },
];
const DEDUCTIBLES = ["0", "1,000", "2,500", "5,000", "10,000"].map((v) => ({ value: v, label: `$${v}` }));

export default function NewSubmission({ loaderData }: Route.ComponentProps) {
  const lastResult = useActionData<typeof action>();
  const checks = intakeChecks(loaderData.knockoutQuestions, loaderData.today);
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: schemaForIntent(formData, intakeFormSchema(checks, false)) }),
    // Errors clear as a field is corrected, not on blur: clearing them on blur shifts the
    // layout under a pointer that is on its way to the submit button.
    shouldRevalidate: "onInput",
    defaultValue: loaderData.draft?.values ?? {
      termMonths: "12",
      priorLossCount: "0",
      priorLossIncurred: "0",
      requestedLimit: "1,000,000",
      deductible: "2,500",
    },
  });
  const allErrors = form.allErrors;
  const pickedInsured = loaderData.draftInsured;
  const questionErrors: Record<string, string[] | undefined> = {};
  for (const code of checks.questionCodes[fields.programId.value ?? ""] ?? [])
    questionErrors[code] = allErrors[`knockouts.${code}`];
  const summary: SummaryError[] = [
    ...(form.errors ?? []).map((message) => ({ href: `#${form.id}`, message })),
    ...[...(fields.insuredId.errors ?? []), ...(fields.insuredName.errors ?? [])].map((message) => ({
      href: `#${fields.insuredName.id}`,
      message,
    })),
    ...[
      fields.addressLine1,
      fields.city,
      fields.state,
      fields.postalCode,
      fields.yearsInBusiness,
      fields.programId,
      fields.naicsCode,
      fields.exposure,
      fields.requestedLimit,
      fields.deductible,
      fields.effectiveDate,
      fields.termMonths,
      fields.priorLossCount,
      fields.priorLossIncurred,
      fields.knockouts,
    ].flatMap((field) => (field.errors ?? []).map((message) => ({ href: `#${field.id}`, message }))),
    ...Object.entries(questionErrors).flatMap(([code, messages]) =>
      (messages ?? []).map((message) => ({ href: `#${knockoutInputId(code)}`, message })),
    ),
  ];
  return (
    <>
      <PageHeader
        title="New submission"
        description="Tell us about the risk; you get a priced quote as soon as you submit."
      />
      <Form method="post" {...getFormProps(form)} className="grid gap-6">
        <ErrorSummary errors={summary} />
        <Card title="1 · Insured and program">
          <div className="grid gap-4 sm:grid-cols-2">
            <InsuredPicker
              idField={{ name: fields.insuredId.name }}
              nameField={{
                id: fields.insuredName.id,
                name: fields.insuredName.name,
                defaultValue: String(fields.insuredName.initialValue ?? ""),
              }}
              picked={pickedInsured}
              errors={[...(fields.insuredId.errors ?? []), ...(fields.insuredName.errors ?? [])]}
              newInsuredDetails={
                <fieldset className="grid gap-4 rounded-md border border-border p-4 sm:grid-cols-2">
                  <legend className="px-1 text-sm font-medium">A new insured: where it is</legend>
                  <p className="text-xs text-text-muted sm:col-span-2">
                    Only for an insured not yet in your book; its class code is the one below.
                  </p>
                  <Field
                    label="Mailing address"
                    inputProps={getInputProps(fields.addressLine1, { type: "text" })}
                    errors={fields.addressLine1.errors}
                  />
                  <Field
                    label="City"
                    inputProps={getInputProps(fields.city, { type: "text" })}
                    errors={fields.city.errors}
                  />
                  <Field
                    label="Home state"
                    hint="Two letters, e.g. TX"
                    inputProps={{ ...getInputProps(fields.state, { type: "text" }), maxLength: 2 }}
                    errors={fields.state.errors}
                  />
                  <Field
                    label="ZIP code"
                    inputProps={{ ...getInputProps(fields.postalCode, { type: "text" }), inputMode: "numeric" }}
                    errors={fields.postalCode.errors}
                  />
                  <Field
                    label="Years in business"
                    inputProps={{ ...getInputProps(fields.yearsInBusiness, { type: "number" }), min: 0 }}
                    errors={fields.yearsInBusiness.errors}
                  />
                </fieldset>
              }
            />
            <SelectField
              label="Program"
              selectProps={getSelectProps(fields.programId)}
              errors={fields.programId.errors}
              placeholder="Choose a program"
              options={loaderData.programs.map((p) => ({ value: p.id, label: `${p.name} · ${p.lineOfBusiness}` }))}
            />
            <Field
              label="NAICS class code"
              hint="Six digits, 2022 NAICS"
              inputProps={{
                ...getInputProps(fields.naicsCode, { type: "text" }),
                inputMode: "numeric",
                className: "font-mono",
              }}
              errors={fields.naicsCode.errors}
            />
          </div>
        </Card>
        <Card title="2 · Exposure and coverage">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Annual revenue (GL) or payroll (WC), $"
              inputProps={{ ...getInputProps(fields.exposure, { type: "text" }), inputMode: "decimal" }}
              errors={fields.exposure.errors}
            />
            <SelectField
              label="Each-occurrence limit"
              selectProps={getSelectProps(fields.requestedLimit)}
              errors={fields.requestedLimit.errors}
              options={LIMITS}
            />
            <SelectField
              label="Deductible"
              selectProps={getSelectProps(fields.deductible)}
              errors={fields.deductible.errors}
              options={DEDUCTIBLES}
            />
          </div>
        </Card>
        <Card title="3 · Term and loss history">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Effective date"
              inputProps={getInputProps(fields.effectiveDate, { type: "date" })}
              errors={fields.effectiveDate.errors}
            />
            <SelectField
              label="Term"
              selectProps={getSelectProps(fields.termMonths)}
              errors={fields.termMonths.errors}
              options={[
                { value: "12", label: "12 months" },
                { value: "6", label: "6 months" },
              ]}
            />
            <Field
              label="Claims in the last 5 years"
              inputProps={{ ...getInputProps(fields.priorLossCount, { type: "number" }), min: 0 }}
              errors={fields.priorLossCount.errors}
            />
            <Field
              label="Incurred losses in the last 5 years, $"
              inputProps={{ ...getInputProps(fields.priorLossIncurred, { type: "text" }), inputMode: "decimal" }}
              errors={fields.priorLossIncurred.errors}
            />
          </div>
        </Card>
        <Card title="4 · Underwriting questions">
          <KnockoutQuestions
            questions={loaderData.knockoutQuestions}
            programId={fields.programId.value}
            errors={fields.knockouts.errors}
            errorId={fields.knockouts.errorId}
            questionErrors={questionErrors}
          />
        </Card>
        {loaderData.draft ? <input type="hidden" name="draftId" value={loaderData.draft.id} /> : null}
        <div className="flex gap-3">
          <FormTokenInput token={loaderData.formToken} />
          <SubmitButton intent="file" pendingLabel="Submitting…">
            Submit and quote
          </SubmitButton>
          <Button type="submit" name="intent" value="save" variant="secondary" formNoValidate>
            Save draft
          </Button>
        </div>
      </Form>
    </>
  );
}
