import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/invitation";
import { ROLE_LABELS } from "../../auth/permissions.ts";
import { getCurrentUser } from "../../auth/session.server.ts";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { ErrorList, Field } from "../../components/forms.tsx";
import { Button } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getPendingInvitation } from "../../models/invitations.server.ts";
import { forwardCookies } from "../../utils/http.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { text } from "../../utils/text.ts";

const NewAccountSchema = z.object({
  name: text("Name", { required: "Enter your name" }).trim().min(2, "Enter your name").max(200),
  password: z.string("Choose a password").min(10, "Use at least 10 characters").max(128, "Use at most 128 characters"),
});

export const meta: Route.MetaFunction = () => [{ title: "Join an organization · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const invitation = await getPendingInvitation(appServices(args.context).db, args.params.invitationId);
  invariantResponse(invitation, "This invitation is no longer valid. Ask your administrator for a new one.");
  const user = await getCurrentUser(args);
  return {
    invitation: { email: invitation.email, organizationName: invitation.organizationName, roles: invitation.roles.map((r) => ROLE_LABELS[r]), hasAccount: invitation.hasAccount },
    signedInAs: user?.email ?? null,
    signInPath: `/sign-in?${new URLSearchParams({ redirectTo: `/invitations/${args.params.invitationId}` })}`,
  };
}

export async function action(args: Route.ActionArgs) {
  const { db, auth } = appServices(args.context);
  const invitationId = args.params.invitationId;
  const invitation = await getPendingInvitation(db, invitationId);
  invariantResponse(invitation, "This invitation is no longer valid. Ask your administrator for a new one.");
  const user = await getCurrentUser(args);

  if (user) {
    if (user.email.toLowerCase() !== invitation.email.toLowerCase()) throw data("This invitation is for another email address.", { status: 403 });
    const response = await auth.api.acceptInvitation({ body: { invitationId }, headers: args.request.headers, asResponse: true });
    if (!response.ok) throw data("The invitation could not be accepted.", { status: 400 });
    throw redirect("/", { headers: forwardCookies(response) });
  }
  if (invitation.hasAccount) throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: `/invitations/${invitationId}` })}`);

  const submission = parseWithZod(await args.request.formData(), { schema: NewAccountSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { name, password } = submission.value;
  // Server-side call without a session: better-auth's admin plugin allows it, and the pending
  // invitation for this very email is what authorises creating the account.
  await auth.api.createUser({ body: { email: invitation.email, password, name, role: "user" } });
  const signIn = await auth.api.signInEmail({ body: { email: invitation.email, password }, asResponse: true });
  const cookieHeader = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const accepted = await auth.api.acceptInvitation({ body: { invitationId }, headers: new Headers({ cookie: cookieHeader }), asResponse: true });
  if (!accepted.ok) return data(submission.reply({ formErrors: ["Your account was created but the invitation could not be accepted. Sign in and open the link again."] }), { status: 400 });
  throw redirect("/", { headers: forwardCookies(accepted, forwardCookies(signIn)) });
}

export default function AcceptInvitation({ loaderData }: Route.ComponentProps) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: NewAccountSchema }) });
  const { invitation, signedInAs } = loaderData;
  return (
    <AuthLayout title={`Join ${invitation.organizationName}`}>
      <p className="mb-4 text-sm">
        You are invited as <strong>{invitation.roles.join(", ")}</strong> with the address <strong>{invitation.email}</strong>.
      </p>
      {signedInAs ? (
        <Form method="post">
          <Button type="submit">Accept the invitation</Button>
        </Form>
      ) : invitation.hasAccount ? (
        <Link className="text-brand underline underline-offset-4" to={loaderData.signInPath}>
          Sign in to accept
        </Link>
      ) : (
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <Field label="Your name" inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }} errors={fields.name.errors} />
          <Field label="Choose a password" inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }} errors={fields.password.errors} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Button type="submit">Create account and join</Button>
        </Form>
      )}
    </AuthLayout>
  );
}
