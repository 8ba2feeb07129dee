import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/invoice";
import { requirePermission } from "../../auth/session.server.ts";
import { Field, SelectField } from "../../components/forms.tsx";
import { PaymentResult } from "../../components/payment-result.tsx";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getInvoice } from "../../models/invoices.server.ts";
import { invoicePaidCents, listInvoicePayments } from "../../models/payments.server.ts";
import { OFFICE_PAYMENT_METHODS, RecordPaymentSchema } from "../../services/ledger/payment-forms.ts";
import { recordInvoicePayment } from "../../services/ledger/premium-payments.server.ts";
import { returnPayment } from "../../services/ledger/receivables.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { z } from "zod";
import { formatCalendarDate, formatCents, formatInstant } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.invoice.invoiceNumber ?? "Invoice"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:invoice");
  const { db } = appServices(args.context);
  const invoice = await getInvoice(db, user.tenant, args.params.invoiceId);
  invariantResponse(invoice, "Invoice not found");
  const [payments, paidCents] = await Promise.all([
    listInvoicePayments(db, user.tenant, invoice.id),
    invoicePaidCents(db, user.tenant, invoice.id),
  ]);
  return { invoice, payments, balanceCents: invoice.amountCents - paidCents, formToken: newFormToken() };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "record:payment");
  // The path's id first: an id outside the user's scope answers 404 whatever the body says.
  invariantResponse(
    await getInvoice(appServices(args.context).db, user.tenant, args.params.invoiceId),
    "Invoice not found",
  );
  const formData = await args.request.formData();
  if (formData.get("intent") === "return") return returnAction(args, user.tenant, formData);
  const submission = parseWithZod(formData, { schema: RecordPaymentSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), outcome: null }, { status: 400 });
  const { db, ledger } = appServices(args.context);
  // One payment per form token: a double click or a resent form gets the first payment's answer.
  const recorded = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    `record-payment:${args.params.invoiceId}`,
    async () => {
      const outcome = await recordInvoicePayment(db, ledger, user.tenant, {
        invoiceId: args.params.invoiceId,
        amountCents: submission.value.amount,
        method: submission.value.method,
        reference: submission.value.reference || null,
        allowOverpayment: true,
      });
      invariantResponse(outcome.ok || outcome.reason !== "not_found", "Invoice not found");
      return outcome.ok
        ? { error: null, outcome: { status: outcome.posting.status, split: outcome.split } }
        : { error: outcome.message, outcome: null };
    },
    (recorded) => recorded.error === null,
  );
  if (recorded.error !== null)
    return data(
      { result: submission.reply({ fieldErrors: { amount: [recorded.error] } }), outcome: null },
      { status: 422 },
    );
  return { result: submission.reply({ resetForm: true }), outcome: recorded.outcome };
}

const ReturnSchema = z.object({
  intent: z.literal("return"),
  paymentId: z.string().min(1),
  reason: z
    .string({ error: "Say why the bank returned it, e.g. NSF." })
    .trim()
    .min(1, "Say why the bank returned it, e.g. NSF.")
    .max(150),
});

/** A payment the bank returned: reversed on the ledger, the invoice open again (ADR 018). */
async function returnAction(args: Route.ActionArgs, tenant: TenantContext, formData: FormData) {
  const submission = parseWithZod(formData, { schema: ReturnSchema });
  if (submission.status !== "success")
    return data(
      { result: null, outcome: null, returned: { error: "Say why the bank returned it, e.g. NSF." } },
      { status: 400 },
    );
  const { db, ledger } = appServices(args.context);
  const outcome = await returnPayment(db, ledger, tenant, {
    paymentId: submission.value.paymentId,
    reason: submission.value.reason,
  });
  invariantResponse(outcome.ok || outcome.reason !== "not_found", "Payment not found");
  if (!outcome.ok) return data({ result: null, outcome: null, returned: { error: outcome.message } }, { status: 422 });
  return { result: null, outcome: null, returned: { error: null } };
}

export default function Invoice({ loaderData: { invoice, payments, balanceCents, formToken } }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result ?? undefined,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecordPaymentSchema }),
  });
  const open = invoice.status !== "paid" && invoice.status !== "waived" && balanceCents > 0;
  return (
    <>
      <PageHeader
        title={`Invoice ${invoice.invoiceNumber}`}
        description={`${invoice.billingMethod === "agency" ? `Billed to ${invoice.agencyName} (agency bill) for ${invoice.insuredName}` : invoice.insuredName} · policy ${invoice.policyNumber}`}
      />
      <div className="grid gap-6">
        <Card>
          <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-4">
            <div>
              <dt className="text-xs uppercase text-text-muted">Amount</dt>
              <dd className="font-mono text-xl">{formatCents(invoice.amountCents)}</dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Still owed</dt>
              <dd className="font-mono text-xl" data-testid="invoice-balance">
                {formatCents(balanceCents)}
              </dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Due</dt>
              <dd>{formatCalendarDate(invoice.dueDate)}</dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Status</dt>
              <dd data-testid="invoice-status">
                <StatusBadge status={invoice.status} />
              </dd>
            </div>
          </dl>
          <p className="mt-4 text-sm">
            <Link className="text-brand hover:underline" to={`/finance/policies/${invoice.policyId}`}>
              Policy {invoice.policyNumber}
            </Link>
            {" · "}
            <Link className="text-brand hover:underline" to={`/finance/journal?invoice=${invoice.id}`}>
              Journal of this invoice
            </Link>
          </p>
        </Card>
        {actionData?.outcome ? <PaymentResult outcome={actionData.outcome} /> : null}
        <Card title="Payments">
          <DataTable
            caption="Payments of this invoice"
            rows={payments}
            rowKey={(p) => p.id}
            empty="No payments yet."
            columns={[
              { header: "Received", cell: (p) => formatInstant(p.createdAt) },
              { header: "Method", cell: (p) => p.method.replaceAll("_", " ") },
              { header: "Reference", cell: (p) => p.reference ?? "—" },
              { header: "Amount", numeric: true, cell: (p) => formatCents(p.amountCents) },
              { header: "Ledger", cell: (p) => <StatusBadge status={p.postingStatus ?? "unknown"} /> },
              {
                header: "Returned",
                cell: (p) =>
                  p.returnedReason ? (
                    <span>
                      <StatusBadge status="returned" /> {p.returnedReason}
                    </span>
                  ) : p.method === "credit" ? null : (
                    <Form method="post" className="flex flex-wrap gap-2">
                      <input type="hidden" name="paymentId" value={p.id} />
                      <label className="sr-only" htmlFor={`reason-${p.id}`}>
                        Why the bank returned it
                      </label>
                      <input
                        id={`reason-${p.id}`}
                        name="reason"
                        required
                        placeholder="NSF"
                        className="w-24 rounded-md border border-border px-2 py-1 text-sm"
                      />
                      <SubmitButton intent="return" match={{ paymentId: p.id }} pendingLabel="Returning…">
                        Mark returned
                      </SubmitButton>
                    </Form>
                  ),
              },
            ]}
          />
          {actionData && "returned" in actionData && actionData.returned ? (
            <p role={actionData.returned.error ? "alert" : "status"} className="mt-3 text-sm">
              {actionData.returned.error ??
                "Payment returned: its transfers are reversed and the invoice is open again."}
            </p>
          ) : null}
        </Card>
        {open ? (
          <Card title="Record a payment">
            <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-4">
              <Field
                label="Amount (USD)"
                inputProps={{
                  ...getInputProps(fields.amount, { type: "text" }),
                  inputMode: "decimal",
                  placeholder: (balanceCents / 100).toFixed(2),
                }}
                errors={fields.amount.errors}
              />
              <SelectField
                label="Method"
                selectProps={getSelectProps(fields.method)}
                errors={fields.method.errors}
                placeholder="Choose"
                options={[...OFFICE_PAYMENT_METHODS]}
              />
              <Field
                label="Reference"
                inputProps={getInputProps(fields.reference, { type: "text" })}
                errors={fields.reference.errors}
                hint="Check number or bank reference"
              />
              <FormTokenInput token={formToken} />
              <SubmitButton className="self-start sm:mt-6" pendingLabel="Recording…">
                Record payment
              </SubmitButton>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
