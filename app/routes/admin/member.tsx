import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/member";
import { ROLE_LABELS, ROLES } from "../../auth/permissions.ts";
import { refuseWhileImpersonating, requirePermission } from "../../auth/session.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { ErrorList } from "../../components/forms.tsx";
import { Button, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getMember } from "../../models/members.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";

const RolesSchema = z.object({
  roles: z.array(z.enum(ROLES), "Choose at least one role").min(1, "Choose at least one role"),
});

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.member.name ?? "Member"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:member");
  const member = await getMember(appServices(args.context).db, user.tenant, args.params.memberId);
  invariantResponse(member, "Member not found");
  return { member };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:member");
  const { db, auth } = appServices(args.context);
  const member = await getMember(db, user.tenant, args.params.memberId);
  invariantResponse(member, "Member not found");
  refuseWhileImpersonating(user);
  const submission = parseWithZod(await args.request.formData(), { schema: RolesSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await auth.api.updateMemberRole({
    body: { memberId: member.memberId, role: submission.value.roles, organizationId: user.tenant.orgId },
    headers: args.request.headers,
  });
  await auditAdminAction(db, user, args.request, {
    action: "role_changed",
    targetType: "user",
    targetId: member.userId,
    detail: { email: member.email, from: member.roles, to: submission.value.roles },
  });
  throw redirect("/admin");
}

export default function MemberRoles({ loaderData: { member } }: Route.ComponentProps) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RolesSchema }),
  });
  return (
    <>
      <PageHeader title={member.name} description={member.email} />
      <Card title="Roles">
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {ROLES.map((role) => (
              <label key={role} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={fields.roles.name}
                  value={role}
                  defaultChecked={member.roles.includes(role)}
                />{" "}
                {ROLE_LABELS[role]}
              </label>
            ))}
          </div>
          <ErrorList id={fields.roles.errorId} errors={fields.roles.errors} />
          <Button type="submit" className="self-start">
            Save roles
          </Button>
        </Form>
      </Card>
    </>
  );
}
