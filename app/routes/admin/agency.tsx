import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/agency";
import { requirePermission } from "../../auth/session.server.ts";
import { FormErrors, SelectInput, TextField } from "../../components/config-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { AgencyInviteFields, MemberTable, PendingInvitations } from "../../components/member-table.tsx";
import { Badge, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { findAgency, listAppointments } from "../../models/agencies.server.ts";
import { listPendingInvitations } from "../../models/member-admin.server.ts";
import { listMemberPage } from "../../models/member-lists.server.ts";
import { memberTable } from "../../models/table-specs.ts";
import { listProgramsWithCarrier } from "../../models/program-config.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { saveAgency, setAppointment } from "../../services/configuration/agencies.server.ts";
import {
  AGENCY_ROLES,
  AgencyInviteSchema,
  AgencySchema,
  fractionToPercent,
  percent,
} from "../../services/configuration/forms.ts";
import { inviteMember } from "../../services/configuration/members.server.ts";
import { formatCalendarDate } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { businessToday } from "../../utils/today.ts";

const AppointSchema = z.object({
  intent: z.literal("appoint"),
  programId: z.string("Choose the program").min(1, "Choose the program"),
  commission: percent("commission"),
});
const EndSchema = z.object({ intent: z.literal("end-appointment"), programId: z.string().min(1) });

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.agency.name ?? "Agency"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const agencyId = args.params.agencyId;
  const agency = await findAgency(db, tenant, agencyId);
  invariantResponse(agency, "Agency not found");
  const state = parseTableState(new URL(args.request.url).searchParams, memberTable);
  const [appointments, programs, members, invitations] = await Promise.all([
    listAppointments(db, tenant, agencyId),
    listProgramsWithCarrier(db, tenant),
    listMemberPage(db, tenant, { agencyId }, state),
    listPendingInvitations(db, tenant, agencyId),
  ]);
  return {
    agency: { id: agency.id, name: agency.name, commission: fractionToPercent(agency.commissionRate) },
    appointments: appointments.map((a) => ({ ...a, commission: fractionToPercent(a.commissionRate) })),
    programs: programs.filter((p) => !p.retiredAt).map((p) => ({ value: p.id, label: p.name })),
    members: { ...members, state },
    invitations,
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db, env } = appServices(args.context);
  const agencyId = args.params.agencyId;
  invariantResponse(await findAgency(db, user.tenant, agencyId), "Agency not found");
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  const audit = (
    action: "agency_changed" | "agency_appointed" | "agency_appointment_terminated" | "member_invited",
    detail: Record<string, unknown>,
  ) => auditAdminAction(db, user, args.request, { action, targetType: "agency", targetId: agencyId, detail });

  if (intent === "appoint" || intent === "end-appointment") {
    const parsed = parseWithZod(formData, { schema: intent === "appoint" ? AppointSchema : EndSchema });
    if (parsed.status !== "success") return data({ form: "appoint", result: parsed.reply() }, { status: 400 });
    const value = parsed.value as { programId: string; commission?: string };
    const outcome = await setAppointment(
      db,
      user.tenant,
      { agencyId, programId: value.programId, commissionRate: value.commission ?? null },
      businessToday(user.tenant),
    );
    if (!outcome.ok)
      return data({ form: "appoint", result: parsed.reply({ formErrors: [outcome.message] }) }, { status: 400 });
    await audit(intent === "appoint" ? "agency_appointed" : "agency_appointment_terminated", {
      programId: value.programId,
      commissionRate: value.commission ?? null,
    });
    return { form: "appoint", result: parsed.reply({ resetForm: true }) };
  }

  if (intent === "invite") {
    const parsed = parseWithZod(formData, { schema: AgencyInviteSchema });
    if (parsed.status !== "success") return data({ form: "invite", result: parsed.reply() }, { status: 400 });
    const outcome = await inviteMember(
      db,
      { tenant: user.tenant, name: user.name, appUrl: env.APP_URL },
      {
        email: parsed.value.email,
        roles: [parsed.value.role],
        affiliation: { agencyId, insuredId: null, carrierId: null },
      },
    );
    if (!outcome.ok)
      return data(
        {
          form: "invite",
          result: parsed.reply(
            outcome.field === "email"
              ? { fieldErrors: { email: [outcome.message] } }
              : { formErrors: [outcome.message] },
          ),
        },
        { status: 400 },
      );
    await audit("member_invited", { email: parsed.value.email, roles: [parsed.value.role], agencyId });
    return { form: "invite", result: parsed.reply({ resetForm: true }), invited: parsed.value.email };
  }

  const parsed = parseWithZod(formData, { schema: AgencySchema });
  if (parsed.status !== "success") return data({ form: "agency", result: parsed.reply() }, { status: 400 });
  await saveAgency(db, user.tenant, agencyId, { name: parsed.value.name, commissionRate: parsed.value.commission });
  await audit("agency_changed", { name: parsed.value.name, commissionRate: parsed.value.commission });
  return { form: "agency", result: parsed.reply() };
}

export default function Agency({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errorsOf = (form: string) => (actionData?.form === form ? actionData.result.error : undefined);
  const { agency } = loaderData;
  return (
    <>
      <PageHeader title={agency.name} description="Agency" />
      <div className="grid gap-6">
        <Card title="Agency">
          <Form method="post" className="grid gap-4 sm:grid-cols-3 sm:items-end">
            <TextField label="Name" name="name" defaultValue={agency.name} errors={errorsOf("agency")} />
            <TextField
              label="Default commission (%)"
              name="commission"
              defaultValue={agency.commission}
              errors={errorsOf("agency")}
            />
            <SubmitButton intent="save" variant="secondary" pendingLabel="Saving…">
              Save
            </SubmitButton>
          </Form>
          <p className="mt-3 text-sm text-text-muted">Licences are kept on the compliance pages.</p>
        </Card>
        <Card title="Appointments and commission schedule">
          <DataTable
            caption="Appointments"
            rows={loaderData.appointments}
            rowKey={(a) => a.id}
            empty="Not appointed for any program yet."
            columns={[
              { header: "Program", cell: (a) => a.programName },
              { header: "Commission", cell: (a) => `${a.commission}%`, numeric: true },
              { header: "Appointed", cell: (a) => formatCalendarDate(a.appointedOn) },
              {
                header: "Status",
                cell: (a) =>
                  a.terminatedOn ? (
                    <Badge>ended {formatCalendarDate(a.terminatedOn)}</Badge>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="programId" value={a.programId} />
                      <SubmitButton
                        intent="end-appointment"
                        match={{ programId: a.programId }}
                        variant="secondary"
                        pendingLabel="Ending…"
                      >
                        End
                      </SubmitButton>
                    </Form>
                  ),
              },
            ]}
          />
          <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-3 sm:items-end">
            <SelectInput
              label="Program"
              name="programId"
              errors={errorsOf("appoint")}
              placeholder="Choose"
              options={loaderData.programs}
            />
            <TextField
              label="Commission (%)"
              name="commission"
              defaultValue={agency.commission}
              errors={errorsOf("appoint")}
            />
            <SubmitButton intent="appoint" pendingLabel="Appointing…">
              Appoint / set commission
            </SubmitButton>
            <FormErrors errors={errorsOf("appoint")} />
          </Form>
        </Card>
        <Card title="Producers">
          <MemberTable
            spec={memberTable}
            page={loaderData.members}
            caption="Producers of this agency"
            empty="No producers yet."
            exportPath={`/admin/agencies/${agency.id}/producers/export`}
            roles={AGENCY_ROLES}
            name={(m) => (
              <Link className="text-brand hover:underline" to={`/admin/members/${m.memberId}`}>
                {m.name}
              </Link>
            )}
          />
          <PendingInvitations invitations={loaderData.invitations} />
          <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-3 sm:items-end">
            <AgencyInviteFields
              errors={errorsOf("invite")}
              invited={actionData && "invited" in actionData ? actionData.invited : null}
              submitLabel="Invite into this agency"
            />
          </Form>
        </Card>
      </div>
    </>
  );
}
