import type { RouterContextProvider } from "react-router";
import type { TenantContext } from "../auth/tenant.ts";
import { afterResponseContext, appServices } from "../context.server.ts";
import { FORM_TOKEN_FIELD, oncePerFormToken } from "../services/access/form-token.server.ts";
import type { BindRequest } from "../services/policies/bind-form.ts";
import { bindSubmission, type FailedCheck } from "../services/policies/binding.server.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { businessToday } from "../utils/today.ts";

// The bind form's action, shared by every page that binds a quote option (the producer's
// submission page, the underwriter's workbench): one schema, one workflow call, one set of answers.

export type BindAnswer =
  | { ok: true; policyId: string }
  | { ok: false; status: 409 | 422; error: string; failures: FailedCheck[] };

/** Binds the option the form names, once per form token, as the signed-in user (within their authority). */
export async function bindOptionFromForm(
  args: { request: Request; context: Readonly<RouterContextProvider> },
  tenant: TenantContext,
  submissionId: string,
  form: BindRequest,
  formData: FormData,
): Promise<BindAnswer> {
  const { db, env } = appServices(args.context);
  // One bind per form token: a double click or a resent form gets the first bind's answer.
  const outcome = await oncePerFormToken(
    db,
    tenant,
    formData.get(FORM_TOKEN_FIELD),
    `bind:${submissionId}`,
    () =>
      bindSubmission(
        db,
        tenant,
        {
          submissionId,
          quoteOptionId: form.quoteOptionId,
          plan: form.plan,
          billingMethod: form.billingMethod,
          declinedBy: form.declinedBy.filter((name) => name !== undefined),
        },
        businessToday(tenant),
        { documents: env.DOCUMENTS, afterResponse: args.context.get(afterResponseContext) },
      ),
    (bound) => bound.ok,
  );
  if (outcome.ok) return { ok: true, policyId: outcome.policyId };
  if (outcome.reason === "quote_superseded")
    return {
      ok: false,
      status: 409,
      error: `${outcome.code}: this quote was replaced by a newer one. The current quote is shown below: check it and bind again.`,
      failures: [],
    };
  if (outcome.reason === "checks_failed")
    return {
      ok: false,
      status: 422,
      error: outcome.referralId
        ? "This option is above your binding authority: it has been referred to an underwriter."
        : "This quote cannot be bound yet.",
      failures: outcome.failures,
    };
  invariantResponse(outcome.reason !== "not_found", "Quote option not found");
  return { ok: false, status: 422, error: "The program does not offer that payment plan.", failures: [] };
}
