import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/two-factor-setup";
import { requireUser } from "../../auth/session.server.ts";
import { TotpCodeSchema } from "../../auth/totp-code.ts";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { ErrorList, Field } from "../../components/forms.tsx";
import { Button } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { claimTotpCode } from "../../services/access/two-factor.server.ts";
import { forwardCookies } from "../../utils/http.server.ts";

const StartSchema = z.object({
  intent: z.literal("start"),
  password: z.string("Enter your password").min(1, "Enter your password"),
});
const VerifySchema = TotpCodeSchema.extend({ intent: z.literal("verify") });
const SetupSchema = z.discriminatedUnion("intent", [StartSchema, VerifySchema]);

export const meta: Route.MetaFunction = () => [{ title: "Set up two-factor sign-in · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requireUser(args, { allowPendingTwoFactor: true });
  if (user.twoFactorEnabled) throw redirect("/");
  return null;
}

export async function action(args: Route.ActionArgs) {
  const user = await requireUser(args, { allowPendingTwoFactor: true });
  const { auth, db } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: SetupSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply({ hideFields: ["password"] }), enrolment: null }, { status: 400 });

  if (submission.value.intent === "start") {
    try {
      const enrolment = await auth.api.enableTwoFactor({
        body: { password: submission.value.password },
        headers: args.request.headers,
      });
      if (!("totpURI" in enrolment) || !enrolment.totpURI) throw new Error("no TOTP secret issued");
      const secret = new URL(enrolment.totpURI).searchParams.get("secret") ?? "";
      return {
        result: submission.reply({ resetForm: true }),
        enrolment: { totpURI: enrolment.totpURI, secret, backupCodes: enrolment.backupCodes },
      };
    } catch {
      return data(
        {
          result: submission.reply({
            fieldErrors: { password: ["That password is not correct."] },
            hideFields: ["password"],
          }),
          enrolment: null,
        },
        { status: 400 },
      );
    }
  }
  const response = await auth.api.verifyTOTP({
    body: { code: submission.value.code },
    headers: args.request.headers,
    asResponse: true,
  });
  if (!response.ok) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { code: ["That code is not valid. Start again and scan the new secret."] },
        }),
        enrolment: null,
      },
      { status: 400 },
    );
  }
  // The code that confirmed enrolment cannot also complete a sign-in.
  await claimTotpCode(db, user.id, submission.value.code);
  throw redirect("/", { headers: forwardCookies(response) });
}

export default function TwoFactorSetup() {
  const actionData = useActionData<typeof action>();
  const enrolment = actionData?.enrolment;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetupSchema }),
  });
  return (
    <AuthLayout title="Set up two-factor sign-in">
      {enrolment ? (
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <input type="hidden" name="intent" value="verify" />
          <p className="text-sm">Add this key to your authenticator app, then enter the code it shows.</p>
          <output className="block break-all rounded-md bg-surface-muted p-3 font-mono text-sm" aria-label="Secret key">
            {enrolment.secret}
          </output>
          <details className="text-sm">
            <summary>Backup codes (save them now: they are shown once)</summary>
            <ul className="mt-2 grid grid-cols-2 gap-1 font-mono">
              {enrolment.backupCodes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </details>
          <Field
            label="Authentication code"
            inputProps={{
              ...getInputProps(fields.code, { type: "text" }),
              inputMode: "numeric",
              autoComplete: "one-time-code",
            }}
            errors={fields.code.errors}
          />
          <Button type="submit">Turn on two-factor sign-in</Button>
        </Form>
      ) : (
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
          <input type="hidden" name="intent" value="start" />
          <p className="text-sm text-text-muted">
            Your role requires a second factor. Confirm your password to get a key for your authenticator app.
          </p>
          <Field
            label="Password"
            inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
            errors={fields.password.errors}
          />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Button type="submit">Continue</Button>
        </Form>
      )}
    </AuthLayout>
  );
}
