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
import { SelectInput, TextField } from "../../components/config-fields.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { findUserAuthorityProfileId, listAuthorityProfiles } from "../../models/authority.server.ts";
import { findMemberForAdmin } from "../../models/member-admin.server.ts";
import { assignProfile } from "../../services/configuration/authority.server.ts";
import { changeMembership } from "../../services/configuration/members.server.ts";
import { text } from "../../utils/text.ts";

const RolesSchema = z.object({
  roles: z.array(z.enum(ROLES), "Choose at least one role").min(1, "Choose at least one role"),
});

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.member.name ?? "Member"} · OpenInsure` },
];

const AccessSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("suspend"), reason: text("Reason").trim().min(3, "Say why").max(500) }),
  z.object({ intent: z.literal("reinstate") }),
  z.object({ intent: z.literal("remove") }),
]);
const AuthoritySchema = z.object({ intent: z.literal("authority"), profileId: z.string().optional() });

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:member");
  const { db } = appServices(args.context);
  const member = await getMember(db, user.tenant, args.params.memberId);
  invariantResponse(member, "Member not found");
  const [access, profiles, profileId] = await Promise.all([
    findMemberForAdmin(db, user.tenant, member.memberId),
    listAuthorityProfiles(db, user.tenant),
    findUserAuthorityProfileId(db, user.tenant, member.userId),
  ]);
  return {
    member,
    suspendedAt: access?.suspendedAt ?? null,
    suspensionReason: access?.suspensionReason ?? null,
    profiles: profiles.map((p) => ({ value: p.id, label: p.name })),
    profileId,
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:member");
  const { db, auth } = appServices(args.context);
  const member = await getMember(db, user.tenant, args.params.memberId);
  invariantResponse(member, "Member not found");
  refuseWhileImpersonating(user);
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  if (intent === "authority") {
    const parsed = parseWithZod(formData, { schema: AuthoritySchema });
    if (parsed.status !== "success") return data(parsed.reply(), { status: 400 });
    const profileId = parsed.value.profileId || null;
    if (!(await assignProfile(db, user.tenant, member.userId, profileId)))
      return data(parsed.reply({ formErrors: ["Choose one of the organization's profiles"] }), { status: 400 });
    await auditAdminAction(db, user, args.request, {
      action: "authority_profile_assigned",
      targetType: "user",
      targetId: member.userId,
      detail: { email: member.email, profileId },
    });
    return parsed.reply();
  }
  if (intent === "suspend" || intent === "reinstate" || intent === "remove") {
    const parsed = parseWithZod(formData, { schema: AccessSchema });
    if (parsed.status !== "success") return data(parsed.reply(), { status: 400 });
    const change =
      parsed.value.intent === "suspend"
        ? { kind: "suspend" as const, reason: parsed.value.reason }
        : { kind: parsed.value.intent };
    const outcome = await changeMembership(db, user.tenant, member.memberId, change);
    if (!outcome.ok) return data(parsed.reply({ formErrors: [outcome.message] }), { status: 400 });
    await auditAdminAction(db, user, args.request, {
      action:
        intent === "suspend" ? "member_suspended" : intent === "reinstate" ? "member_reinstated" : "member_removed",
      targetType: "user",
      targetId: member.userId,
      detail: { email: member.email, ...(parsed.value.intent === "suspend" ? { reason: parsed.value.reason } : {}) },
    });
    if (intent === "remove") throw redirect("/admin");
    return parsed.reply({ resetForm: true });
  }
  const submission = parseWithZod(formData, { schema: RolesSchema });
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

export default function MemberRoles({ loaderData }: Route.ComponentProps) {
  const { member } = loaderData;
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
      <div className="mt-6 grid gap-6">
        <Card title="Underwriting authority">
          <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <SelectInput
              label="Authority profile"
              name="profileId"
              defaultValue={loaderData.profileId}
              errors={undefined}
              placeholder="No authority"
              options={loaderData.profiles}
            />
            <SubmitButton intent="authority" variant="secondary" pendingLabel="Saving…">
              Assign
            </SubmitButton>
          </Form>
        </Card>
        <Card title="Access">
          {loaderData.suspendedAt ? (
            <p className="mb-3 text-sm">
              Suspended since <LocalTime value={loaderData.suspendedAt} />: {loaderData.suspensionReason}
            </p>
          ) : null}
          <div className="flex flex-col gap-4">
            {loaderData.suspendedAt ? (
              <Form method="post">
                <SubmitButton intent="reinstate" variant="secondary" pendingLabel="Reinstating…">
                  Reinstate member
                </SubmitButton>
              </Form>
            ) : (
              <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end">
                <TextField label="Reason for suspending" name="reason" errors={undefined} />
                <SubmitButton intent="suspend" variant="danger" pendingLabel="Suspending…">
                  Suspend member
                </SubmitButton>
              </Form>
            )}
            <Form method="post">
              <SubmitButton intent="remove" variant="danger" pendingLabel="Removing…">
                Remove from organization
              </SubmitButton>
            </Form>
            <p className="text-sm text-text-muted">
              Suspending or removing signs the member out at once and revokes the API keys they issued.
            </p>
          </div>
        </Card>
      </div>
    </>
  );
}
