import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/reset-password";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { ErrorList, Field } from "../../components/forms.tsx";
import { Button } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";

const ResetPasswordSchema = z
  .object({
    password: z
      .string("Choose a password")
      .min(10, "Use at least 10 characters")
      .max(128, "Use at most 128 characters"),
    confirm: z.string("Repeat the password"),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });

export const meta: Route.MetaFunction = () => [{ title: "Choose a new password · OpenInsure" }];

export async function action({ request, context, params }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const response = await appServices(context).auth.api.resetPassword({
    body: { newPassword: submission.value.password, token: params.token },
    asResponse: true,
  });
  if (!response.ok) {
    return data(
      submission.reply({
        formErrors: ["This reset link is invalid or has expired. Ask for a new one."],
        hideFields: ["password", "confirm"],
      }),
      { status: 400 },
    );
  }
  throw redirect("/sign-in?reset=1");
}

export default function ResetPassword() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });
  return (
    <AuthLayout title="Choose a new password">
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
        <Field
          label="New password"
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
          errors={fields.password.errors}
        />
        <Field
          label="Repeat the password"
          inputProps={{ ...getInputProps(fields.confirm, { type: "password" }), autoComplete: "new-password" }}
          errors={fields.confirm.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit">Save password</Button>
      </Form>
    </AuthLayout>
  );
}
