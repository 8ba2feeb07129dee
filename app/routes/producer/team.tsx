import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/team";
import { forbidden, requirePermission } from "../../auth/session.server.ts";
import { FormErrors } from "../../components/config-fields.tsx";
import { AgencyInviteFields, MemberTable, PendingInvitations } from "../../components/member-table.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Badge, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listPendingInvitations } from "../../models/member-admin.server.ts";
import { listMemberPage } from "../../models/member-lists.server.ts";
import { memberTable } from "../../models/table-specs.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { AGENCY_ROLES, AgencyInviteSchema } from "../../services/configuration/forms.ts";
import { changeMembership, inviteMember } from "../../services/configuration/members.server.ts";
import { parseTableState } from "../../utils/table-state.ts";

const RemoveSchema = z.object({ intent: z.literal("remove"), memberId: z.string().min(1) });

export const meta: Route.MetaFunction = () => [{ title: "Your agency's producers · OpenInsure" }];

async function requireAgencyAdmin(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await requirePermission(args, "manage:agency-member");
  if (!user.tenant.agencyId) forbidden("You do not act for an agency.");
  return { ...user, agencyId: user.tenant.agencyId };
}

export async function loader(args: Route.LoaderArgs) {
  const user = await requireAgencyAdmin(args);
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, memberTable);
  const [members, invitations] = await Promise.all([
    listMemberPage(db, user.tenant, { agencyId: user.agencyId }, state),
    listPendingInvitations(db, user.tenant, user.agencyId),
  ]);
  return {
    members: { ...members, rows: members.rows.map((m) => ({ ...m, self: m.userId === user.id })), state },
    invitations,
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requireAgencyAdmin(args);
  const { db, env } = appServices(args.context);
  const formData = await args.request.formData();
  if (formData.get("intent") === "remove") {
    const parsed = parseWithZod(formData, { schema: RemoveSchema });
    if (parsed.status !== "success") return data({ form: "remove", result: parsed.reply() }, { status: 400 });
    const outcome = await changeMembership(
      db,
      user.tenant,
      parsed.value.memberId,
      { kind: "remove" },
      { withinAgency: user.agencyId },
    );
    if (!outcome.ok)
      return data({ form: "remove", result: parsed.reply({ formErrors: [outcome.message] }) }, { status: 400 });
    await auditAdminAction(db, user, args.request, {
      action: "member_removed",
      targetType: "user",
      targetId: outcome.userId,
      detail: { agencyId: user.agencyId },
    });
    return { form: "remove", result: parsed.reply() };
  }
  const parsed = parseWithZod(formData, { schema: AgencyInviteSchema });
  if (parsed.status !== "success") return data({ form: "invite", result: parsed.reply() }, { status: 400 });
  // An agency admin brings people into their own agency only, as producers or agency admins.
  const outcome = await inviteMember(
    db,
    { tenant: user.tenant, name: user.name, appUrl: env.APP_URL },
    {
      email: parsed.value.email,
      roles: [parsed.value.role],
      affiliation: { agencyId: user.agencyId, insuredId: null, carrierId: null },
    },
  );
  if (!outcome.ok)
    return data(
      {
        form: "invite",
        result: parsed.reply(
          outcome.field === "email" ? { fieldErrors: { email: [outcome.message] } } : { formErrors: [outcome.message] },
        ),
      },
      { status: 400 },
    );
  await auditAdminAction(db, user, args.request, {
    action: "member_invited",
    targetType: "email",
    targetId: parsed.value.email,
    detail: { roles: [parsed.value.role], agencyId: user.agencyId },
  });
  return { form: "invite", result: parsed.reply({ resetForm: true }), invited: parsed.value.email };
}

export default function Team({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errorsOf = (form: string) => (actionData?.form === form ? actionData.result.error : undefined);
  return (
    <>
      <PageHeader title="Your agency's producers" description="Invite producers into your agency, or remove them." />
      <div className="grid gap-6">
        <Card title="Producers">
          <MemberTable
            spec={memberTable}
            page={loaderData.members}
            caption="Producers of your agency"
            empty="No producers yet."
            exportPath="/producer/team/export"
            roles={AGENCY_ROLES}
            name={(m) => m.name}
            action={{
              id: "remove",
              header: "Membership",
              cell: (m) =>
                m.self ? (
                  <Badge>you</Badge>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="memberId" value={m.memberId} />
                    <SubmitButton
                      intent="remove"
                      match={{ memberId: m.memberId }}
                      variant="danger"
                      pendingLabel="Removing…"
                    >
                      Remove {m.name}
                    </SubmitButton>
                  </Form>
                ),
            }}
          />
          <FormErrors errors={errorsOf("remove")} />
          <PendingInvitations invitations={loaderData.invitations} />
        </Card>
        <Card title="Invite a producer">
          <Form method="post" className="grid gap-4 sm:grid-cols-3 sm:items-end">
            <AgencyInviteFields
              errors={errorsOf("invite")}
              invited={actionData && "invited" in actionData ? actionData.invited : null}
              submitLabel="Send invitation"
            />
          </Form>
        </Card>
      </div>
    </>
  );
}
