import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/licences";
import { requirePermission } from "../../auth/session.server.ts";
import { Field, SelectField } from "../../components/forms.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Badge, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { LICENCE_LINES } from "../../../db/schema/carrier.ts";
import { listAgencyChoices, listAgencyProducers, listLicencePage } from "../../models/producer-licences.server.ts";
import { licenceTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { licenceStanding } from "../../services/compliance/licences.ts";
import { recordProducerLicence } from "../../services/compliance/licences.server.ts";
import { formatCalendarDate } from "../../utils/format.ts";
import { todayInUtc } from "../../utils/today.ts";

const date = (what: string) =>
  z.string(`Enter the ${what} date`).regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${what} date`);
const LicenceSchema = z.object({
  intent: z.literal("record"),
  agencyId: z.string("Choose the agency").min(1, "Choose the agency"),
  producerUserId: z.string().optional(),
  state: z
    .string("Enter the two-letter state")
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Enter the two-letter state"),
  licenceNumber: z.string("Enter the licence number").trim().min(3, "Enter the licence number").max(40),
  lines: z
    .array(z.enum(LICENCE_LINES), "Tick at least one line of authority")
    .min(1, "Tick at least one line of authority"),
  effectiveOn: date("effective"),
  expiresOn: date("expiry"),
});

export const meta: Route.MetaFunction = () => [{ title: "Producer licences · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:da-agreement");
  const { db } = appServices(args.context);
  const today = todayInUtc();
  const state = parseTableState(new URL(args.request.url).searchParams, licenceTable);
  const [licences, agencies, producers] = await Promise.all([
    listLicencePage(db, user.tenant, state, today),
    listAgencyChoices(db, user.tenant),
    listAgencyProducers(db, user.tenant),
  ]);
  return {
    licences: {
      ...licences,
      rows: licences.rows.map((l) => ({ ...l, standing: licenceStanding(l.expiresOn, today) })),
      state,
    },
    agencies: agencies.map((a) => ({ value: a.id, label: a.name })),
    producers: producers.map((p) => ({ value: p.userId, label: p.name })),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:licence");
  const submission = parseWithZod(await args.request.formData(), { schema: LicenceSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { intent: _, producerUserId, ...input } = submission.value;
  const outcome = await recordProducerLicence(appServices(args.context).db, user.tenant, {
    ...input,
    producerUserId: producerUserId || null,
  });
  if (!outcome.ok)
    return data({ result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }) }, { status: 400 });
  return { result: submission.reply({ resetForm: true }) };
}

export default function Licences({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LicenceSchema }),
  });
  return (
    <>
      <PageHeader
        title="Producer licences"
        description="A bind is refused when the producer holds no licence in force for the risk's state. Holders are told 60 and 30 days before expiry."
      />
      <div className="grid gap-6">
        <Card title="Licences">
          <PagedTable
            spec={licenceTable}
            page={loaderData.licences}
            caption="Producer licences"
            empty="No licences recorded."
            search="Search by holder or the register's number"
            filters={[
              {
                name: "standing",
                label: "Standing",
                options: [
                  { value: "expired", label: "expired" },
                  { value: "expiring", label: "expiring within 60 days" },
                  { value: "valid", label: "valid" },
                ],
              },
            ]}
            exportPath="/compliance/licences/export"
            rowKey={(l) => l.id}
            columns={[
              { id: "holder", header: "Holder", cell: (l) => l.producerName ?? `${l.agencyName} (agency)` },
              { id: "agency", header: "Agency", cell: (l) => l.agencyName },
              { id: "state", header: "State", cell: (l) => l.state },
              { id: "number", header: "Number", cell: (l) => <span className="font-mono">{l.licenceNumber}</span> },
              { id: "lines", header: "Lines", cell: (l) => l.lines.map((x) => x.replace("_", " ")).join(", ") },
              { id: "expires", header: "Expires", cell: (l) => formatCalendarDate(l.expiresOn) },
              {
                id: "standing",
                header: "Standing",
                cell: (l) =>
                  l.standing.kind === "expired" ? (
                    <Badge tone="bad">expired {l.standing.days} days ago</Badge>
                  ) : l.standing.kind === "expiring" ? (
                    <Badge tone="warn">expires in {l.standing.days} days</Badge>
                  ) : (
                    <Badge tone="good">valid</Badge>
                  ),
              },
            ]}
          />
        </Card>
        <Card title="Record a licence">
          <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-3">
            <SelectField
              label="Agency"
              selectProps={getSelectProps(fields.agencyId)}
              errors={fields.agencyId.errors}
              placeholder="Choose an agency"
              options={loaderData.agencies}
            />
            <SelectField
              label="Producer"
              selectProps={getSelectProps(fields.producerUserId)}
              errors={fields.producerUserId.errors}
              placeholder="The agency itself"
              options={loaderData.producers}
            />
            <Field
              label="State"
              inputProps={getInputProps(fields.state, { type: "text" })}
              errors={fields.state.errors}
            />
            <Field
              label="Licence number"
              inputProps={getInputProps(fields.licenceNumber, { type: "text" })}
              errors={fields.licenceNumber.errors}
            />
            <Field
              label="Effective"
              inputProps={getInputProps(fields.effectiveOn, { type: "date" })}
              errors={fields.effectiveOn.errors}
            />
            <Field
              label="Expires"
              inputProps={getInputProps(fields.expiresOn, { type: "date" })}
              errors={fields.expiresOn.errors}
            />
            <fieldset className="grid gap-1 text-sm">
              <legend className="font-medium">Lines of authority</legend>
              {LICENCE_LINES.map((line) => (
                <label key={line} className="flex items-center gap-2">
                  <input type="checkbox" name={fields.lines.name} value={line} /> {line.replace("_", " ")}
                </label>
              ))}
              {fields.lines.errors ? <span className="text-danger">{fields.lines.errors.join(", ")}</span> : null}
            </fieldset>
            <SubmitButton intent="record" pendingLabel="Recording…" className="self-end">
              Record licence
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
