import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/bordereaux";
import { requirePermission } from "../../auth/session.server.ts";
import { BORDEREAU_FILTERS, bordereauTitle } from "../../components/bordereau-view.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Field, SelectField } from "../../components/forms.tsx";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";
import { Badge, Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { appServices } from "../../context.server.ts";
import { listBordereauPage } from "../../models/bordereaux.server.ts";
import { bordereauTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { listDaAgreements } from "../../models/da-agreements.server.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { previousMonth } from "../../services/carrier/bordereau.ts";
import { generateBordereauFor } from "../../services/carrier/bordereaux.server.ts";
import { todayInUtc } from "../../utils/today.ts";

const GenerateSchema = z.object({
  intent: z.literal("generate"),
  agreementId: z.string("Choose the agreement").min(1, "Choose the agreement"),
  kind: z.enum(["premium", "claims"], "Choose premium or claims"),
  month: z.string("Enter the month as YYYY-MM").regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Enter the month as YYYY-MM"),
});

export const meta: Route.MetaFunction = () => [{ title: "Bordereaux · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:bordereau");
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, bordereauTable);
  const [bordereaux, agreements] = await Promise.all([
    listBordereauPage(db, user.tenant, state),
    listDaAgreements(db, user.tenant),
  ]);
  return {
    bordereaux: { ...bordereaux, state },
    agreements: agreements.map((a) => ({ value: a.id, label: `${a.reference} · ${a.programName}` })),
    defaultMonth: previousMonth(todayInUtc()),
    formToken: newFormToken(),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:bordereau");
  const { db } = appServices(args.context);
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: GenerateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { agreementId, kind, month } = submission.value;
  const outcome = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    `bordereau:${agreementId}:${kind}:${month}`,
    () => generateBordereauFor(db, user.tenant, { agreementId, kind, month }),
    (o) => o.ok,
  );
  if (!outcome.ok)
    return data(
      { result: submission.reply({ fieldErrors: { agreementId: ["Choose one of your agreements"] } }) },
      { status: 400 },
    );
  return redirect(`/compliance/bordereaux/${outcome.bordereau.id}`);
}

export default function Bordereaux({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { month: loaderData.defaultMonth, kind: "premium" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GenerateSchema }),
  });
  return (
    <>
      <PageHeader
        title="Bordereaux"
        description="The monthly premium and claims reports to each carrier, per DA agreement. The job writes last month's on the first; generate one here on demand or to correct a queried version."
      />
      <div className="grid gap-6">
        <Card title="Generate a version">
          <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-4">
            <FormTokenInput token={loaderData.formToken} />
            <SelectField
              label="Agreement"
              selectProps={getSelectProps(fields.agreementId)}
              errors={fields.agreementId.errors}
              placeholder="Choose an agreement"
              options={loaderData.agreements}
            />
            <SelectField
              label="Report"
              selectProps={getSelectProps(fields.kind)}
              errors={fields.kind.errors}
              options={[
                { value: "premium", label: "Premium" },
                { value: "claims", label: "Claims" },
              ]}
            />
            <Field
              label="Month"
              inputProps={getInputProps(fields.month, { type: "month" })}
              errors={fields.month.errors}
            />
            <SubmitButton intent="generate" pendingLabel="Generating…" className="self-end">
              Generate
            </SubmitButton>
          </Form>
        </Card>
        <Card title="Versions">
          <PagedTable
            spec={bordereauTable}
            page={loaderData.bordereaux}
            caption="Bordereau versions"
            empty="No bordereau has been generated yet."
            search="Search by reference, program or carrier"
            filters={BORDEREAU_FILTERS}
            exportPath="/compliance/bordereaux/export"
            rowKey={(b) => b.id}
            columns={[
              {
                id: "period",
                header: "Report",
                cell: (b) => (
                  <Link className="text-brand hover:underline" to={b.id}>
                    {bordereauTitle(b)}
                  </Link>
                ),
              },
              {
                id: "agreement",
                header: "Agreement",
                cell: (b) => <span className="font-mono">{b.agreementReference}</span>,
              },
              { id: "version", header: "Version", cell: (b) => String(b.version) },
              { id: "status", header: "Status", cell: (b) => <StatusBadge status={b.status} /> },
              { id: "lines", header: "Lines", numeric: true, cell: (b) => String(b.lineCount) },
              {
                id: "checks",
                header: "Checks",
                cell: (b) =>
                  b.checks.every((c) => c.passed) ? (
                    <Badge tone="good">pass</Badge>
                  ) : (
                    <Badge tone="bad">{b.checks.filter((c) => !c.passed).length} failing</Badge>
                  ),
              },
              { id: "generated", header: "Generated", cell: (b) => <LocalTime value={b.generatedAt} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
