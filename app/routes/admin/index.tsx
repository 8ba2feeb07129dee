import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/index";
import { ROLE_LABELS, ROLES } from "../../auth/permissions.ts";
import { requireUser, forbidden } from "../../auth/session.server.ts";
import { hasPermission } from "../../auth/permissions.ts";
import { ErrorList, Field } from "../../components/forms.tsx";
import { MemberTable } from "../../components/member-table.tsx";
import { Button, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { listMemberPage } from "../../models/member-lists.server.ts";
import { memberTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { FormFields, SelectInput } from "../../components/config-fields.tsx";
import { listAffiliationChoices } from "../../models/member-admin.server.ts";
import { inviteMember } from "../../services/configuration/members.server.ts";

export const InviteSchema = z.object({
  email: z.email("Enter a valid email address"),
  roles: z.array(z.enum(ROLES), "Choose at least one role").min(1, "Choose at least one role"),
  agencyId: z.string().optional(),
  insuredId: z.string().optional(),
  carrierId: z.string().optional(),
});

export const meta: Route.MetaFunction = () => [{ title: "Admin · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requireUser(args);
  const { db, auth } = appServices(args.context);
  const canManage = user.tenant && hasPermission(user.tenant.roles, "manage:member");
  const state = parseTableState(new URL(args.request.url).searchParams, memberTable);
  const [members, choices] = canManage
    ? await Promise.all([
        listMemberPage(db, user.tenant!, { agencyId: null }, state).then((page) => ({ ...page, state })),
        listAffiliationChoices(db, user.tenant!),
      ])
    : [null, null];
  const platformUsers = user.isPlatformOperator
    ? (await auth.api.listUsers({ query: { limit: 100, sortBy: "name" }, headers: args.request.headers })).users.map(
        (u) => ({ id: u.id, name: u.name, email: u.email }),
      )
    : null;
  return {
    members,
    choices,
    platformUsers,
    orgName: user.tenant?.orgName ?? null,
    configures: Boolean(user.tenant && hasPermission(user.tenant.roles, "manage:configuration")),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requireUser(args);
  if (!user.tenant || !hasPermission(user.tenant.roles, "manage:member")) forbidden();
  const submission = parseWithZod(await args.request.formData(), { schema: InviteSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), invited: null }, { status: 400 });
  const { db, env } = appServices(args.context);
  const { email, roles } = submission.value;
  const affiliation = {
    agencyId: submission.value.agencyId || null,
    insuredId: submission.value.insuredId || null,
    carrierId: submission.value.carrierId || null,
  };
  const outcome = await inviteMember(
    db,
    { tenant: user.tenant, name: user.name, appUrl: env.APP_URL },
    { email, roles, affiliation },
  );
  if (!outcome.ok)
    return data(
      {
        result: submission.reply(
          outcome.field ? { fieldErrors: { [outcome.field]: [outcome.message] } } : { formErrors: [outcome.message] },
        ),
        invited: null,
      },
      { status: 400 },
    );
  await auditAdminAction(db, { ...user, tenant: user.tenant }, args.request, {
    action: "member_invited",
    targetType: "email",
    targetId: email,
    detail: { roles, ...affiliation },
  });
  return { result: submission.reply({ resetForm: true }), invited: email };
}

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  return (
    <>
      <PageHeader
        title="Administration"
        description={loaderData.orgName ?? "Platform operator"}
        actions={
          loaderData.members ? (
            <span className="flex flex-wrap gap-4">
              {loaderData.configures ? (
                <>
                  <Link to="programs" className="text-brand underline underline-offset-4">
                    Programs
                  </Link>
                  <Link to="da-agreements" className="text-brand underline underline-offset-4">
                    DA agreements
                  </Link>
                  <Link to="agencies" className="text-brand underline underline-offset-4">
                    Agencies
                  </Link>
                  <Link to="authority" className="text-brand underline underline-offset-4">
                    Authority
                  </Link>
                  <Link to="settings" className="text-brand underline underline-offset-4">
                    Settings
                  </Link>
                </>
              ) : null}
              <Link to="api-keys" className="text-brand underline underline-offset-4">
                API keys
              </Link>
              <Link to="webhooks" className="text-brand underline underline-offset-4">
                Webhooks
              </Link>
              <Link to="audit-log" className="text-brand underline underline-offset-4">
                Audit log
              </Link>
            </span>
          ) : null
        }
      />
      <div className="grid gap-6">
        {loaderData.members ? (
          <>
            <Card title="Members">
              <MemberTable
                spec={memberTable}
                page={loaderData.members}
                caption="Members"
                empty="No members."
                exportPath="/admin/members/export"
                roles={ROLES}
                name={(m) => (
                  <Link className="text-brand hover:underline" to={`members/${m.memberId}`}>
                    {m.name}
                  </Link>
                )}
              />
            </Card>
            <Card title="Invite someone">
              <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
                <Field
                  label="Email"
                  inputProps={getInputProps(fields.email, { type: "email" })}
                  errors={fields.email.errors}
                />
                <fieldset>
                  <legend className="text-sm font-medium">Roles</legend>
                  <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
                    {ROLES.map((role) => (
                      <label key={role} className="flex items-center gap-2 text-sm">
                        <input type="checkbox" name={fields.roles.name} value={role} /> {ROLE_LABELS[role]}
                      </label>
                    ))}
                  </div>
                  <ErrorList id={fields.roles.errorId} errors={fields.roles.errors} />
                </fieldset>
                {loaderData.choices ? (
                  <FormFields errors={form.allErrors}>
                    <div className="grid gap-4 sm:grid-cols-3">
                      <SelectInput
                        label="Agency (producers, agency admins)"
                        name="agencyId"
                        placeholder="None"
                        options={loaderData.choices.agencies.map((a) => ({ value: a.id, label: a.name }))}
                      />
                      <SelectInput
                        label="Insured (policyholders)"
                        name="insuredId"
                        placeholder="None"
                        options={loaderData.choices.insureds.map((a) => ({ value: a.id, label: a.name }))}
                      />
                      <SelectInput
                        label="Carrier (carrier users)"
                        name="carrierId"
                        placeholder="None"
                        options={loaderData.choices.carriers.map((a) => ({ value: a.id, label: a.name }))}
                      />
                    </div>
                  </FormFields>
                ) : null}
                <ErrorList id={form.errorId} errors={form.errors} />
                {actionData?.invited ? (
                  <p role="status" className="text-success">
                    Invitation sent to {actionData.invited}.
                  </p>
                ) : null}
                <Button type="submit" className="self-start">
                  Send invitation
                </Button>
              </Form>
            </Card>
          </>
        ) : null}
        {loaderData.platformUsers ? (
          <Card title="Every user on the platform">
            <DataTable
              caption="Platform users"
              rows={loaderData.platformUsers}
              rowKey={(u) => u.id}
              empty="No users."
              columns={[
                { header: "Name", cell: (u) => u.name },
                { header: "Email", cell: (u) => u.email },
                {
                  header: "Support",
                  cell: (u) => (
                    <Form method="post" action="/impersonation">
                      <input type="hidden" name="intent" value="start" />
                      <input type="hidden" name="userId" value={u.id} />
                      <Button variant="secondary" type="submit">
                        Impersonate
                      </Button>
                    </Form>
                  ),
                },
              ]}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
