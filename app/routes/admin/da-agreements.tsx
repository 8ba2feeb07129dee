import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/da-agreements";
import { requirePermission } from "../../auth/session.server.ts";
import { FormErrors, SelectInput } from "../../components/config-fields.tsx";
import { DaTermsFields } from "../../components/da-terms-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDaAgreementPage } from "../../models/configuration-lists.server.ts";
import { daAgreementTable } from "../../models/table-specs.ts";
import { listProgramsWithCarrier } from "../../models/program-config.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { createDaAgreement } from "../../services/configuration/da-agreements.server.ts";
import { DaAgreementTermsSchema } from "../../services/configuration/forms.ts";
import { formatCalendarDate } from "../../utils/format.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "DA agreements · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, daAgreementTable);
  const [page, programs] = await Promise.all([
    listDaAgreementPage(db, tenant, state),
    listProgramsWithCarrier(db, tenant),
  ]);
  return {
    agreements: { ...page, state, spec: daAgreementTable },
    programs: programs.map((p) => ({ id: p.id, name: `${p.name} (${p.carrierName})` })),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: DaAgreementTermsSchema });
  const programId = String(formData.get("programId") ?? "");
  if (!programId)
    return data({ result: submission.reply({ fieldErrors: { programId: ["Choose the program"] } }) }, { status: 400 });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const terms = submission.value;
  const outcome = await createDaAgreement(db, user.tenant, programId, terms);
  if (!outcome.ok)
    return data({ result: submission.reply({ fieldErrors: { programId: [outcome.message] } }) }, { status: 400 });
  await auditAdminAction(db, user, args.request, {
    action: "da_agreement_created",
    targetType: "da_agreement",
    targetId: outcome.agreementId,
    detail: { programId, ...terms },
  });
  throw redirect(`/admin/da-agreements/${outcome.agreementId}`);
}

export default function DaAgreements({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result.error;
  return (
    <>
      <PageHeader
        title="DA agreements"
        description="The authority each carrier delegates to you, program by program."
      />
      <div className="grid gap-6">
        <Card title="Agreements">
          <PagedTable
            spec={loaderData.agreements.spec}
            page={loaderData.agreements}
            caption="DA agreements"
            rowKey={(a) => a.id}
            empty="No agreements to show."
            search="Search agreements"
            filters={[
              {
                name: "status",
                label: "Status",
                options: (loaderData.agreements.spec.filters?.status ?? []).map((v) => ({ value: v, label: v })),
              },
            ]}
            exportPath="/admin/da-agreements/export"
            columns={[
              {
                id: "reference",
                header: "Reference",
                cell: (a) => (
                  <Link className="text-brand hover:underline" to={a.id}>
                    {a.reference}
                  </Link>
                ),
              },
              { id: "program", header: "Program", cell: (a) => a.programName },
              { id: "carrier", header: "Carrier", cell: (a) => a.carrierName },
              { id: "status", header: "Status", cell: (a) => <StatusBadge status={a.status} /> },
              { id: "expires", header: "Expires", cell: (a) => formatCalendarDate(a.expirationDate) },
              {
                id: "bound",
                header: "Bound / annual GWP",
                numeric: true,
                cell: (a) =>
                  `${formatMoney(toCents(a.boundGwpCents))} / ${formatMoney(toCents(a.annualGwpLimitCents))}`,
              },
            ]}
          />
        </Card>
        <Card title="New agreement">
          <Form method="post" className="flex flex-col gap-4">
            <SelectInput
              label="Program"
              name="programId"
              errors={errors}
              placeholder="Choose the program"
              options={loaderData.programs.map((p) => ({ value: p.id, label: p.name }))}
            />
            <DaTermsFields values={null} errors={errors} />
            <FormErrors errors={errors} />
            <SubmitButton pendingLabel="Creating…" className="self-start">
              Create agreement
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
