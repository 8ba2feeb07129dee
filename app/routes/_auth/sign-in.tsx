import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useActionData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/sign-in";
import { getCurrentUser, landingPathFor } from "../../auth/session.server.ts";
import { AuthLayout } from "../../components/auth-layout.tsx";
import { ErrorList, Field } from "../../components/forms.tsx";
import { Button } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { clearAccountThrottle, throttleSignIn } from "../../services/access/sign-in-throttle.server.ts";
import { clientAddress, forwardCookies, safeRedirect } from "../../utils/http.server.ts";

const SignInSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string("Enter your password").min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

export const meta: Route.MetaFunction = () => [{ title: "Sign in · OpenInsure" }];

// A throttled attempt tells the client when to come back (React Router passes on only cookies
// from an action unless the route says which headers to keep).
export const headers: Route.HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader(args: Route.LoaderArgs) {
  const user = await getCurrentUser(args);
  if (user) throw redirect(landingPathFor(user));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });

  const { db, auth, env } = appServices(context);
  const { email, password, redirectTo } = submission.value;
  const throttle = await throttleSignIn(db, {
    email,
    ip: clientAddress(request),
    maxPerAccount: Number(env.SIGN_IN_MAX_ATTEMPTS ?? 10),
    maxPerAddress: 200,
  });
  if (!throttle.allowed) {
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
    return data(
      submission.reply({
        formErrors: [`Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterSeconds) } },
    );
  }

  const response = await auth.api.signInEmail({
    body: { email, password },
    headers: request.headers,
    asResponse: true,
  });
  if (!response.ok) {
    return data(submission.reply({ formErrors: ["Email or password is incorrect."], hideFields: ["password"] }), {
      status: 401,
    });
  }
  const body = (await response.json()) as { twoFactorRedirect?: boolean };
  const headers = forwardCookies(response);
  const target = safeRedirect(redirectTo, "/");
  if (body.twoFactorRedirect) {
    throw redirect(`/sign-in/two-factor?${new URLSearchParams({ redirectTo: target })}`, { headers });
  }
  await clearAccountThrottle(db, email);
  throw redirect(target, { headers });
}

export default function SignIn() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <AuthLayout
      title="Sign in"
      footer={
        <Link to="/forgot-password" className="underline underline-offset-4">
          Forgot your password?
        </Link>
      }
    >
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field
          label="Email"
          inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "username", autoFocus: true }}
          errors={fields.email.errors}
        />
        <Field
          label="Password"
          inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
          errors={fields.password.errors}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Button type="submit">Sign in</Button>
      </Form>
    </AuthLayout>
  );
}
