import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/bordereau";
import { requirePermission } from "../../auth/session.server.ts";
import { BordereauView, bordereauTitle } from "../../components/bordereau-view.tsx";
import { Field } from "../../components/forms.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { acceptBordereau, queryBordereauLine } from "../../services/carrier/bordereaux.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { getBordereau } from "../../models/bordereaux.server.ts";
import { loadBordereauPage } from "../bordereau-page.server.ts";
import { claimLineTable, premiumLineTable } from "../../models/table-specs.ts";

const QuerySchema = z.object({
  intent: z.literal("query"),
  lineNumber: z.coerce.number("Enter the line number").int("Enter the line number").min(1, "Enter the line number"),
  comment: z.string("Say what is wrong with the line").trim().min(2, "Say what is wrong with the line").max(2000),
});
const ActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("accept") }), QuerySchema]);

export const meta: Route.MetaFunction = () => [{ title: "Bordereau review · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "review:bordereau");
  const page = await loadBordereauPage(
    appServices(args.context).db,
    user.tenant,
    args.params.bordereauId,
    new URL(args.request.url).searchParams,
  );
  invariantResponse(page, "Bordereau not found", { status: 404 });
  return page;
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "review:bordereau");
  const { db } = appServices(args.context);
  const id = args.params.bordereauId;
  // The id is checked before the body is read: an out-of-scope id answers 404 whatever is sent.
  invariantResponse(await getBordereau(db, user.tenant, id), "Bordereau not found", { status: 404 });
  const submission = parseWithZod(await args.request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  const value = submission.value;
  const outcome =
    value.intent === "accept"
      ? await acceptBordereau(db, user.tenant, id)
      : await queryBordereauLine(db, user.tenant, id, { lineNumber: value.lineNumber, comment: value.comment });
  invariantResponse(outcome.ok || outcome.reason !== "not_found", "Bordereau not found", { status: 404 });
  if (!outcome.ok)
    return data(
      { result: submission.reply(), error: outcome.reason === "refused" ? outcome.message : null },
      { status: 409 },
    );
  return { result: submission.reply({ resetForm: true }), error: null };
}

export default function CarrierBordereau({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QuerySchema }),
  });
  const b = loaderData.bordereau;
  const reviewable = b.status === "submitted" || b.status === "queried";
  return (
    <>
      <PageHeader
        title={`${bordereauTitle(b)}, version ${b.version}`}
        description={`${b.agreementReference} · ${b.programName}`}
      />
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded-md bg-danger/10 p-3 text-sm text-danger">
          {actionData.error}
        </p>
      ) : null}
      {reviewable ? (
        <div className="mb-6 grid gap-6 md:grid-cols-2">
          <Card title="Accept">
            <p className="mb-3 text-sm">Accepting closes this month's report for this agreement.</p>
            <Form method="post">
              <SubmitButton intent="accept" pendingLabel="Accepting…" disabled={b.status !== "submitted"}>
                Accept version {b.version}
              </SubmitButton>
            </Form>
          </Card>
          <Card title="Query a line">
            <Form method="post" {...getFormProps(form)} className="grid gap-3">
              <Field
                label="Line number"
                inputProps={getInputProps(fields.lineNumber, { type: "number" })}
                errors={fields.lineNumber.errors}
              />
              <Field
                label="Comment"
                inputProps={getInputProps(fields.comment, { type: "text" })}
                errors={fields.comment.errors}
              />
              <SubmitButton intent="query" variant="secondary" pendingLabel="Sending…" className="self-start">
                Send query
              </SubmitButton>
            </Form>
          </Card>
        </div>
      ) : null}
      <BordereauView
        {...loaderData}
        exportHref={`/carrier/bordereaux/${b.id}/export`}
        lineTables={{ premium: premiumLineTable, claims: claimLineTable }}
      />
    </>
  );
}
