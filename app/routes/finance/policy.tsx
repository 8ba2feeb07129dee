import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/policy";
import { requirePermission } from "../../auth/session.server.ts";
import { PolicyPage } from "../../components/policy-page.tsx";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";
import { Card, DataTable } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getPolicy } from "../../models/policies.server.ts";
import {
  applyCreditToInvoice,
  openCreditsOfPolicy,
  refundPolicyCredit,
  type CreditAppliedOutcome,
  type RefundOutcome,
} from "../../services/ledger/receivables.server.ts";
import { FORM_TOKEN_FIELD, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { loadPolicyPage } from "../policy-page.server.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.policy.policyNumber ?? "Policy"} · Finance · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const page = await loadPolicyPage(args, { withInvoices: true });
  const user = await requirePermission(args, "read:invoice");
  const credits = await openCreditsOfPolicy(appServices(args.context).db, user.tenant, page.policy.id);
  return { ...page, credits };
}

const CreditSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("apply"),
    creditId: z.string().min(1),
    invoiceId: z.string({ error: "Choose the invoice to apply it to." }).min(1),
  }),
  z.object({ intent: z.literal("refund"), creditId: z.string().min(1) }),
]);

/** A credit balance applied to an open invoice of the policy, or refunded (ADR 018). */
export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "record:payment");
  const { db, ledger } = appServices(args.context);
  invariantResponse(await getPolicy(db, user.tenant, args.params.policyId), "Policy not found");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: CreditSchema });
  if (submission.status !== "success")
    return data({ message: "Choose the invoice to apply the credit to.", ok: false }, { status: 400 });
  const request = submission.value;
  // A double click applies or refunds once: the repeat gets the first answer.
  const outcome = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    `credit:${request.intent}:${request.creditId}`,
    (): Promise<CreditAppliedOutcome | RefundOutcome> =>
      request.intent === "apply"
        ? applyCreditToInvoice(db, ledger, user.tenant, request)
        : refundPolicyCredit(db, ledger, user.tenant, request),
    (o) => o.ok,
  );
  invariantResponse(outcome.ok || outcome.reason !== "not_found", "Credit not found");
  if (!outcome.ok) return data({ message: outcome.message, ok: false }, { status: 422 });
  return {
    ok: true,
    message:
      "appliedCents" in outcome
        ? `${formatCents(outcome.appliedCents)} applied${outcome.invoicePaid ? ": the invoice is paid" : ""}${outcome.posting ? ` (${outcome.posting.status.replaceAll("_", " ")})` : ""}.`
        : `${formatCents(outcome.amountCents)} refunded${outcome.posting ? ` (${outcome.posting.status.replaceAll("_", " ")})` : ""}.`,
  };
}

export default function FinancePolicy({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const open = (loaderData.invoices ?? []).filter((i) => i.status === "invoiced" || i.status === "overdue");
  return (
    <>
      <PolicyPage
        policy={loaderData.policy}
        invoices={loaderData.invoices}
        area="/finance"
        servicing={loaderData.servicing}
        can={loaderData.can}
        formToken={loaderData.formToken}
      />
      {loaderData.credits.length > 0 || actionData ? (
        <Card title="Credit balance">
          {actionData ? (
            <p role={actionData.ok ? "status" : "alert"} className="mb-3 text-sm">
              {actionData.message}
            </p>
          ) : null}
          <DataTable
            caption="Open credits of this policy"
            rows={loaderData.credits}
            rowKey={(c) => c.id}
            empty="No open credits."
            columns={[
              { header: "From", cell: (c) => c.source.replaceAll("_", " ") },
              { header: "Left", numeric: true, cell: (c) => formatCents(c.remainingCents) },
              {
                header: "",
                cell: (c) => (
                  <div className="flex flex-wrap gap-2">
                    {open.length > 0 ? (
                      <Form method="post" className="flex flex-wrap gap-2">
                        <FormTokenInput token={loaderData.formToken} />
                        <input type="hidden" name="creditId" value={c.id} />
                        <label className="sr-only" htmlFor={`apply-${c.id}`}>
                          Invoice to apply it to
                        </label>
                        <select
                          id={`apply-${c.id}`}
                          name="invoiceId"
                          className="rounded-md border border-border px-2 py-1 text-sm"
                        >
                          {open.map((i) => (
                            <option key={i.id} value={i.id}>
                              {i.invoiceNumber}
                            </option>
                          ))}
                        </select>
                        <SubmitButton intent="apply" match={{ creditId: c.id }} pendingLabel="Applying…">
                          Apply
                        </SubmitButton>
                      </Form>
                    ) : null}
                    <Form method="post">
                      <FormTokenInput token={loaderData.formToken} />
                      <input type="hidden" name="creditId" value={c.id} />
                      <SubmitButton intent="refund" match={{ creditId: c.id }} pendingLabel="Refunding…">
                        Refund
                      </SubmitButton>
                    </Form>
                  </div>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
