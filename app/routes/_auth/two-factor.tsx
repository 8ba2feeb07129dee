import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/two-factor";
import { TotpCodeSchema } from "../../auth/totp-code.ts";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { ErrorList, Field } from "../../components/forms.tsx";
import { Button } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { clearAccountThrottle } from "../../services/access/sign-in-throttle.server.ts";
import { claimTotpCode, pendingTwoFactorUserId } from "../../services/access/two-factor.server.ts";
import { forwardCookies, safeRedirect } from "../../utils/http.server.ts";

export const meta: Route.MetaFunction = () => [{ title: "Two-factor sign-in · OpenInsure" }];

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: TotpCodeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { auth, db } = appServices(context);
  // A code completes one sign-in: it is claimed for this user before it is checked, so a second
  // use is refused while the pending sign-in stays open for the next code.
  const userId = await pendingTwoFactorUserId(db, request);
  if (userId && !(await claimTotpCode(db, userId, submission.value.code))) {
    return data(submission.reply({ fieldErrors: { code: ["That code was already used. Wait for the next one."] } }), {
      status: 401,
    });
  }
  const response = await auth.api.verifyTOTP({
    body: { code: submission.value.code },
    headers: request.headers,
    asResponse: true,
  });
  if (!response.ok) {
    return data(
      submission.reply({ fieldErrors: { code: ["That code is not valid. Codes change every 30 seconds."] } }),
      { status: 401 },
    );
  }
  const { user } = (await response.clone().json()) as { user: { id: string; email: string } };
  // The verified session is the completed sign-in: the account's failed attempts stop counting.
  await clearAccountThrottle(db, user.email);
  throw redirect(safeRedirect(submission.value.redirectTo), { headers: forwardCookies(response) });
}

export default function TwoFactorSignIn() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TotpCodeSchema }),
  });
  return (
    <AuthLayout title="Enter your code">
      <p className="mb-4 text-sm text-text-muted">
        Open your authenticator app and enter the code shown for OpenInsure.
      </p>
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field
          label="Authentication code"
          inputProps={{
            ...getInputProps(fields.code, { type: "text" }),
            inputMode: "numeric",
            autoComplete: "one-time-code",
            autoFocus: true,
            className: "font-mono tracking-widest",
          }}
          errors={fields.code.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit">Verify</Button>
      </Form>
    </AuthLayout>
  );
}
