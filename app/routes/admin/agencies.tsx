import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/agencies";
import { requirePermission } from "../../auth/session.server.ts";
import { FormErrors, TextField } from "../../components/config-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listAgencyPage } from "../../models/configuration-lists.server.ts";
import { agencyTable } from "../../models/table-specs.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { createAgency } from "../../services/configuration/agencies.server.ts";
import { AgencySchema, fractionToPercent } from "../../services/configuration/forms.ts";
import { formatCalendarDate } from "../../utils/format.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Agencies · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const state = parseTableState(new URL(args.request.url).searchParams, agencyTable);
  const page = await listAgencyPage(appServices(args.context).db, tenant, state);
  const rows = page.rows.map((a) => ({ ...a, commission: fractionToPercent(a.commissionRate) }));
  return { agencies: { rows, total: page.total, state, spec: agencyTable } };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: AgencySchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { name, commission } = submission.value;
  const agencyId = await createAgency(db, user.tenant, { name, commissionRate: commission });
  await auditAdminAction(db, user, args.request, {
    action: "agency_created",
    targetType: "agency",
    targetId: agencyId,
    detail: { name, commissionRate: commission },
  });
  throw redirect(`/admin/agencies/${agencyId}`);
}

export default function Agencies({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result.error;
  return (
    <>
      <PageHeader title="Agencies" description="The producers you appoint, their programs and commissions." />
      <div className="grid gap-6">
        <Card title="Agencies">
          <PagedTable
            spec={loaderData.agencies.spec}
            page={loaderData.agencies}
            caption="Agencies"
            rowKey={(a) => a.id}
            empty="No agencies to show."
            search="Search agencies"
            exportPath="/admin/agencies/export"
            columns={[
              {
                id: "name",
                header: "Agency",
                cell: (a) => (
                  <Link className="text-brand hover:underline" to={a.id}>
                    {a.name}
                  </Link>
                ),
              },
              { id: "commission", header: "Default commission", cell: (a) => `${a.commission}%`, numeric: true },
              {
                id: "licence",
                header: "Licence expires",
                cell: (a) => (a.licenseExpiresOn ? formatCalendarDate(a.licenseExpiresOn) : "none"),
              },
            ]}
          />
        </Card>
        <Card title="New agency">
          <Form method="post" className="flex flex-col gap-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField label="Name" name="name" errors={errors} />
              <TextField label="Default commission (%)" name="commission" defaultValue="12.5" errors={errors} />
            </div>
            <FormErrors errors={errors} />
            <SubmitButton pendingLabel="Creating…" className="self-start">
              Create agency
            </SubmitButton>
          </Form>
        </Card>
      </div>
    </>
  );
}
