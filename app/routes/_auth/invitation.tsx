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

// Holding the link is not enough to see whom it invites: the organization, address and roles
// are shown once the invitee is signed in as the invited address or types that address.
const ProveSchema = z.object({
  intent: z.literal("prove"),
  email: z.email("Enter the address this invitation was sent to"),
});
const CreateSchema = z.object({
  intent: z.literal("create"),
  email: z.email(),
  name: text("Name", { required: "Enter your name" }).trim().min(2, "Enter your name").max(200),
  password: z.string("Choose a password").min(10, "Use at least 10 characters").max(128, "Use at most 128 characters"),
});
const AcceptSchema = z.object({ intent: z.literal("accept") });
const InvitationSchema = z.discriminatedUnion("intent", [ProveSchema, CreateSchema, AcceptSchema]);

type Details = { email: string; organizationName: string; roles: string[]; hasAccount: boolean };

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function detailsOf(invitation: NonNullable<Awaited<ReturnType<typeof getPendingInvitation>>>): Details {
  return {
    email: invitation.email,
    organizationName: invitation.organizationName,
    roles: invitation.roles.map((r) => ROLE_LABELS[r]),
    hasAccount: invitation.hasAccount,
  };
}

export const meta: Route.MetaFunction = () => [{ title: "Join an organization · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const invitation = await getPendingInvitation(appServices(args.context).db, args.params.invitationId);
  invariantResponse(invitation, "This invitation is no longer valid. Ask your administrator for a new one.");
  const user = await getCurrentUser(args);
  const isInvitee = Boolean(user && sameAddress(user.email, invitation.email));
  return {
    details: isInvitee ? detailsOf(invitation) : null,
    signedInAs: user?.email ?? null,
    signInPath: `/sign-in?${new URLSearchParams({ redirectTo: `/invitations/${args.params.invitationId}` })}`,
  };
}

export async function action(args: Route.ActionArgs) {
  const { db, auth } = appServices(args.context);
  const invitationId = args.params.invitationId;
  const invitation = await getPendingInvitation(db, invitationId);
  invariantResponse(invitation, "This invitation is no longer valid. Ask your administrator for a new one.");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: InvitationSchema });
  if (submission.status !== "success") {
    // A refused account form stays on screen for whoever already proved the address.
    const email = formData.get("email");
    const proven =
      formData.get("intent") === "create" && typeof email === "string" && sameAddress(email, invitation.email);
    return data(
      {
        result: submission.reply({ hideFields: ["password"] }),
        details: proven ? detailsOf(invitation) : null,
        form: proven ? "create" : "prove",
      },
      { status: 400 },
    );
  }
  const value = submission.value;

  if (value.intent === "accept") {
    const user = await getCurrentUser(args);
    if (!user) throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: `/invitations/${invitationId}` })}`);
    if (!sameAddress(user.email, invitation.email))
      throw data("This invitation is for another email address.", { status: 403 });
    const response = await auth.api.acceptInvitation({
      body: { invitationId },
      headers: args.request.headers,
      asResponse: true,
    });
    if (!response.ok) throw data("The invitation could not be accepted.", { status: 400 });
    throw redirect("/", { headers: forwardCookies(response) });
  }

  if (!sameAddress(value.email, invitation.email)) {
    return data(
      {
        result: submission.reply({ fieldErrors: { email: ["That is not the address this invitation was sent to."] } }),
        details: null,
        form: "prove",
      },
      { status: 400 },
    );
  }
  // The proving form's answer is not handed to the account form that replaces it.
  if (value.intent === "prove") return { result: null, details: detailsOf(invitation), form: "create" };

  if (invitation.hasAccount)
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: `/invitations/${invitationId}` })}`);
  const { name, password } = value;
  // Server-side call without a session: better-auth's admin plugin allows it, and the pending
  // invitation for this very email is what authorises creating the account.
  await auth.api.createUser({ body: { email: invitation.email, password, name, role: "user" } });
  const signIn = await auth.api.signInEmail({ body: { email: invitation.email, password }, asResponse: true });
  const cookieHeader = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const accepted = await auth.api.acceptInvitation({
    body: { invitationId },
    headers: new Headers({ cookie: cookieHeader }),
    asResponse: true,
  });
  if (!accepted.ok) {
    return data(
      {
        result: submission.reply({
          formErrors: [
            "Your account was created but the invitation could not be accepted. Sign in and open the link again.",
          ],
        }),
        details: detailsOf(invitation),
        form: "create",
      },
      { status: 400 },
    );
  }
  throw redirect("/", { headers: forwardCookies(accepted, forwardCookies(signIn)) });
}

export default function AcceptInvitation({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const details = loaderData.details ?? actionData?.details ?? null;
  const [proveForm, proveFields] = useForm({
    id: "prove",
    lastResult: actionData?.form === "prove" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProveSchema }),
  });
  const [form, fields] = useForm({
    id: "create",
    lastResult: actionData?.form === "create" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateSchema }),
  });
  if (!details) {
    return (
      <AuthLayout title="Accept an invitation">
        <p className="mb-4 text-sm">
          {loaderData.signedInAs
            ? `You are signed in as ${loaderData.signedInAs}, which is not the address this invitation was sent to. Enter that address to continue.`
            : "Enter the email address this invitation was sent to, or sign in with it."}
        </p>
        <Form method="post" {...getFormProps(proveForm)} className="flex flex-col gap-4">
          <input type="hidden" name="intent" value="prove" />
          <Field
            label="Invited email address"
            inputProps={{ ...getInputProps(proveFields.email, { type: "email" }), autoComplete: "email" }}
            errors={proveFields.email.errors}
          />
          <ErrorList id={proveForm.errorId} errors={proveForm.errors} />
          <Button type="submit">Continue</Button>
        </Form>
        {loaderData.signedInAs ? null : (
          <p className="mt-4 text-sm">
            <Link className="text-brand underline underline-offset-4" to={loaderData.signInPath}>
              Sign in to accept
            </Link>
          </p>
        )}
      </AuthLayout>
    );
  }
  const isInvitee = loaderData.signedInAs !== null && sameAddress(loaderData.signedInAs, details.email);
  return (
    <AuthLayout title={`Join ${details.organizationName}`}>
      <p className="mb-4 text-sm">
        You are invited as <strong>{details.roles.join(", ")}</strong> with the address <strong>{details.email}</strong>
        .
      </p>
      {isInvitee ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <Button type="submit">Accept the invitation</Button>
        </Form>
      ) : details.hasAccount ? (
        <Link className="text-brand underline underline-offset-4" to={loaderData.signInPath}>
          Sign in to accept
        </Link>
      ) : (
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="email" value={details.email} />
          <Field
            label="Your name"
            inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }}
            errors={fields.name.errors}
          />
          <Field
            label="Choose a password"
            inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
            errors={fields.password.errors}
          />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Button type="submit">Create account and join</Button>
        </Form>
      )}
    </AuthLayout>
  );
}
