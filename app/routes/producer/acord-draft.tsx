import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useActionData } from "react-router";
import type { Route } from "./+types/acord-draft";
import { requirePermission } from "../../auth/session.server.ts";
import { ReviewedField } from "../../components/extraction-review.tsx";
import { ErrorList, Field, SelectField } from "../../components/forms.tsx";
import { SubmissionDocuments } from "../../components/submission-documents.tsx";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";
import { Badge, Button, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listSubmissionDocuments } from "../../models/documents.server.ts";
import { draftValuesFrom, getDraft, saveDraft } from "../../models/drafts.server.ts";
import { loadIntakeChoices } from "../../models/intake.server.ts";
import {
  AcordDraftFormAction,
  AcordDraftSchema,
  isFilingIntent,
  schemaForIntent,
} from "../../services/submissions/acord-draft.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { fileAcordDraft } from "../../services/submissions/acord-intake.server.ts";
import { quoteSubmission } from "../../services/underwriting/quoting.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { businessToday } from "../../utils/today.ts";

export const meta: Route.MetaFunction = () => [{ title: "Review ACORD 125 draft · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "create:submission");
  const { db } = appServices(args.context);
  const draft = await getDraft(db, user.tenant, args.params.draftId);
  invariantResponse(draft, "Draft not found");
  if (draft.source !== "acord_125") throw redirect(`/producer/submissions/new?draft=${draft.id}`);
  const [{ programs }, documents] = await Promise.all([
    loadIntakeChoices(db, user.tenant),
    listSubmissionDocuments(db, user.tenant, draft.id),
  ]);
  return { draft, programs, documents, formToken: newFormToken() };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "create:submission");
  const { db } = appServices(args.context);
  const draft = await getDraft(db, user.tenant, args.params.draftId);
  invariantResponse(draft && draft.source === "acord_125", "Draft not found");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: AcordDraftFormAction });
  const { intent } = submission.payload;
  if (!isFilingIntent(intent))
    return data(submission.reply({ formErrors: ["Choose File and quote, or Save draft."] }), { status: 400 });
  if (intent === "save") {
    await saveDraft(db, user.tenant, draft.id, draftValuesFrom(formData));
    throw redirect("/producer");
  }
  if (submission.status !== "success" || submission.value.intent !== "file")
    return data(submission.reply(), { status: 400 });
  // The flagged fields are the producer's to vouch for: filing says they were checked.
  if (draft.needsReview && formData.get("confirmed") !== "on") {
    return data(submission.reply({ formErrors: ["Confirm that you checked the highlighted fields before filing."] }), {
      status: 422,
    });
  }
  const today = businessToday(user.tenant);
  const form = submission.value;
  // One filing per form token: a double click or a resent form gets the first one's answer.
  const filed = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    `file-draft:${draft.id}`,
    async () => {
      const outcome = await fileAcordDraft(db, user.tenant, draft, form, today);
      if (outcome.ok) await quoteSubmission(db, user.tenant, outcome.submissionId, today);
      return outcome;
    },
    (outcome) => outcome.ok,
  );
  if (!filed.ok) {
    const field = filed.field === "insuredId" ? "insuredName" : filed.field;
    return data(
      submission.reply(field ? { fieldErrors: { [field]: [filed.message] } } : { formErrors: [filed.message] }),
      { status: 422 },
    );
  }
  throw redirect(`/producer/submissions/${filed.submissionId}`);
}

export default function AcordDraft({ loaderData }: Route.ComponentProps) {
  const { draft, programs, documents } = loaderData;
  const review = draft.review;
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: schemaForIntent(formData, AcordDraftSchema) }),
    shouldRevalidate: "onInput",
    defaultValue: draft.values,
  });
  const flagged = (review?.lowConfidence.length ?? 0) + (review?.missing.length ?? 0);
  const text = (name: keyof typeof fields, label: string, hint?: string) => (
    <ReviewedField review={review} field={name}>
      <Field
        label={label}
        hint={hint}
        inputProps={getInputProps(fields[name], { type: "text" })}
        errors={fields[name].errors}
      />
    </ReviewedField>
  );
  return (
    <>
      <PageHeader
        title="Review the ACORD 125"
        description="Pre-filled from the uploaded application. Check the highlighted fields, correct anything wrong, then file to get a quote."
        actions={
          draft.needsReview ? <Badge tone="warn">Flagged for review</Badge> : <Badge tone="good">Read cleanly</Badge>
        }
      />
      {flagged > 0 ? (
        <p role="status" className="mb-4 rounded-md border border-warning bg-warning/10 p-3 text-sm">
          {flagged} field{flagged === 1 ? " was" : "s were"} read with low confidence or not found on the form. They are
          highlighted below.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="grid gap-6">
        <Card title="1 · Insured">
          <div className="grid gap-4 sm:grid-cols-2">
            {text("insuredName", "Insured name")}
            {text("addressLine1", "Mailing address")}
            {text("city", "City")}
            {text("state", "Home state")}
            {text("postalCode", "ZIP code")}
            {text("yearsInBusiness", "Years in business")}
          </div>
        </Card>
        <Card title="2 · Program and exposure">
          <div className="grid gap-4 sm:grid-cols-2">
            <ReviewedField review={review} field="programId">
              <SelectField
                label="Program"
                selectProps={getSelectProps(fields.programId)}
                errors={fields.programId.errors}
                placeholder="Choose a program"
                options={programs.map((p) => ({ value: p.id, label: `${p.name} · ${p.lineOfBusiness}` }))}
              />
            </ReviewedField>
            {text("naicsCode", "NAICS class code", "Six digits, 2022 NAICS")}
            {text("exposure", "Annual revenue (GL) or payroll (WC), $")}
            {text("requestedLimit", "Each-occurrence limit, $")}
            {text("deductible", "Deductible, $")}
          </div>
        </Card>
        <Card title="3 · Term and loss history">
          <div className="grid gap-4 sm:grid-cols-2">
            <ReviewedField review={review} field="effectiveDate">
              <Field
                label="Effective date"
                inputProps={getInputProps(fields.effectiveDate, { type: "date" })}
                errors={fields.effectiveDate.errors}
              />
            </ReviewedField>
            <SelectField
              label="Term"
              selectProps={getSelectProps(fields.termMonths)}
              errors={fields.termMonths.errors}
              options={[
                { value: "12", label: "12 months" },
                { value: "6", label: "6 months" },
              ]}
            />
            {text("priorLossCount", "Claims in the last 5 years")}
            {text("priorLossIncurred", "Incurred losses in the last 5 years, $")}
          </div>
        </Card>
        {draft.needsReview ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirmed" />I have checked the highlighted fields against the application.
          </label>
        ) : null}
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="flex gap-3">
          <FormTokenInput token={loaderData.formToken} />
          <SubmitButton intent="file" pendingLabel="Filing…">
            File and quote
          </SubmitButton>
          <Button type="submit" name="intent" value="save" variant="secondary" formNoValidate>
            Save draft
          </Button>
        </div>
      </Form>
      <div className="mt-6">
        <SubmissionDocuments documents={documents} />
      </div>
    </>
  );
}
