import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/forgot-password";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { ErrorList, Field } from "../../components/forms.tsx";
import { Button } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { throttlePasswordReset } from "../../services/access/password-reset.server.ts";
import { clientAddress } from "../../utils/http.server.ts";

const ForgotPasswordSchema = z.object({ email: z.email("Enter a valid email address") });

export const meta: Route.MetaFunction = () => [{ title: "Reset your password · OpenInsure" }];

export const headers: Route.HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  const { auth, db } = appServices(context);
  // Counted per email whether or not an account has it, so a refusal reveals nothing either.
  const throttle = await throttlePasswordReset(db, { email: submission.value.email, ip: clientAddress(request) });
  if (!throttle.allowed) {
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
    return data(
      {
        result: submission.reply({
          formErrors: [`Too many reset requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`],
        }),
        sent: false,
      },
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
    );
  }
  // The answer is the same whether or not the account exists, so it reveals nothing.
  await auth.api.requestPasswordReset({
    body: { email: submission.value.email, redirectTo: "/reset-password" },
    headers: request.headers,
  });
  return { result: submission.reply(), sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  return (
    <AuthLayout
      title="Reset your password"
      footer={
        <Link to="/sign-in" className="underline underline-offset-4">
          Back to sign in
        </Link>
      }
    >
      {actionData?.sent ? (
        <p role="status">
          If an account exists for that address, we have sent it a link to reset the password. The link works for one
          hour.
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <Field
            label="Email"
            inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "username" }}
            errors={fields.email.errors}
          />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Button type="submit">Send reset link</Button>
        </Form>
      )}
    </AuthLayout>
  );
}
