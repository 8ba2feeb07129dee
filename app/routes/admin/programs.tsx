import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/programs";
import { requirePermission } from "../../auth/session.server.ts";
import { ProgramForm } from "../../components/program-form.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Badge, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listProgramPage } from "../../models/configuration-lists.server.ts";
import { listCarriers } from "../../models/program-config.server.ts";
import { programTable } from "../../models/table-specs.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { ProgramFormSchema } from "../../services/configuration/forms.ts";
import { saveProgram } from "../../services/configuration/programs.server.ts";
import { REFERRAL_REASON_CODES } from "../../services/policies/referral-triggers.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Programs · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, programTable);
  const [page, carriers] = await Promise.all([listProgramPage(db, tenant, state), listCarriers(db, tenant)]);
  return { programs: { ...page, state, spec: programTable }, carriers };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: ProgramFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await saveProgram(db, user.tenant, null, submission.value);
  if (!outcome.ok)
    return data(
      {
        result: submission.reply(
          outcome.field ? { fieldErrors: { [outcome.field]: [outcome.message] } } : { formErrors: [outcome.message] },
        ),
      },
      { status: 400 },
    );
  await auditAdminAction(db, user, args.request, {
    action: "program_created",
    targetType: "program",
    targetId: outcome.programId,
    detail: { ...submission.value.terms, questions: submission.value.questions.map((q) => q.code) },
  });
  throw redirect(`/admin/programs/${outcome.programId}`);
}

export default function Programs({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Programs" description="Lines of business you write, on whose paper, where and how." />
      <div className="grid gap-6">
        <Card title="Programs">
          <PagedTable
            spec={loaderData.programs.spec}
            page={loaderData.programs}
            caption="Programs"
            rowKey={(p) => p.id}
            empty="No programs to show."
            search="Search programs"
            filters={[
              {
                name: "line",
                label: "Line",
                options: (loaderData.programs.spec.filters?.line ?? []).map((v) => ({ value: v, label: v })),
              },
            ]}
            exportPath="/admin/programs/export"
            columns={[
              {
                id: "name",
                header: "Program",
                cell: (p) => (
                  <Link className="text-brand hover:underline" to={p.id}>
                    {p.name}
                  </Link>
                ),
              },
              { id: "line", header: "Line", cell: (p) => p.lineOfBusiness },
              { id: "carrier", header: "Carrier", cell: (p) => p.carrierName },
              { id: "states", header: "States", cell: (p) => p.states.join(", ") },
              {
                id: "status",
                header: "Status",
                cell: (p) =>
                  p.retiredAt ? (
                    <Badge>retired</Badge>
                  ) : p.activeVersions > 0 ? (
                    <Badge tone="good">writing</Badge>
                  ) : (
                    <Badge tone="warn">no active rates</Badge>
                  ),
              },
            ]}
          />
        </Card>
        <section aria-labelledby="new-program">
          <h2 id="new-program" className="mb-3 text-lg font-semibold">
            New program
          </h2>
          <ProgramForm
            values={null}
            carriers={loaderData.carriers}
            reasonCodes={REFERRAL_REASON_CODES}
            errors={actionData?.result.error}
            submitLabel="Create program"
            lineLocked={false}
          />
        </section>
      </div>
    </>
  );
}
