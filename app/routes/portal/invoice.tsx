import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/invoice";
import { requirePermission } from "../../auth/session.server.ts";
import { Field } from "../../components/forms.tsx";
import { PaymentResult } from "../../components/payment-result.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getInvoice } from "../../models/invoices.server.ts";
import { listInvoicePayments } from "../../models/payments.server.ts";
import { invoicePageTitle, paymentMethodLabel } from "../../services/billing/receipt.ts";
import { PortalPaymentSchema } from "../../services/ledger/payment-forms.ts";
import { payInvoiceOnline } from "../../services/billing/online-payments.server.ts";
import { paymentProviderFor } from "../../services/billing/payment-provider.ts";
import { formatCalendarDate, formatCents, formatInstant } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  {
    title: `${loaderData ? invoicePageTitle(loaderData.invoice.invoiceNumber, loaderData.open) : "Invoice"} · OpenInsure`,
  },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:invoice");
  const { db, env } = appServices(args.context);
  const invoice = await getInvoice(db, user.tenant, args.params.invoiceId);
  invariantResponse(invoice, "Invoice not found");
  const payments = await listInvoicePayments(db, user.tenant, invoice.id);
  const balanceCents = invoice.amountCents - payments.reduce((sum, p) => sum + p.amountCents, 0);
  const open =
    invoice.status !== "paid" && invoice.status !== "waived" && balanceCents > 0 && invoice.billingMethod === "direct";
  const paymentForm = paymentProviderFor(env)?.form ?? null;
  return { invoice, balanceCents, open, payments, paymentForm, formToken: newFormToken() };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "pay:invoice");
  // The path's id first: an id outside the user's scope answers 404 whatever the body says.
  invariantResponse(
    await getInvoice(appServices(args.context).db, user.tenant, args.params.invoiceId),
    "Invoice not found",
  );
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: PortalPaymentSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), outcome: null }, { status: 400 });
  const { db, ledger, env } = appServices(args.context);
  // Paid only when the payment provider confirms it server side (the test card exists only in
  // development and tests), and once per form token: a double click gets the first answer.
  const paid = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    `pay:${args.params.invoiceId}`,
    async () => {
      const outcome = await payInvoiceOnline(db, ledger, user.tenant, paymentProviderFor(env), {
        invoiceId: args.params.invoiceId,
        amountCents: submission.value.amount,
        fields: { cardNumber: submission.value.cardNumber },
      });
      // What is kept for a repeated token: the answer the page shows, not the whole posting.
      return outcome.ok
        ? { ok: true as const, posting: { status: outcome.posting.status }, split: outcome.split }
        : { ok: false as const, reason: outcome.reason, message: outcome.message };
    },
    (outcome) => outcome.ok,
  );
  invariantResponse(paid.ok || paid.reason !== "not_found", "Invoice not found");
  if (!paid.ok && paid.reason === "not_configured")
    return data({ result: submission.reply({ formErrors: [paid.message] }), outcome: null }, { status: 503 });
  if (!paid.ok && paid.reason === "declined")
    return data(
      { result: submission.reply({ fieldErrors: { cardNumber: [paid.message] } }), outcome: null },
      { status: 422 },
    );
  if (!paid.ok)
    return data(
      { result: submission.reply({ fieldErrors: { amount: [paid.message] } }), outcome: null },
      { status: 422 },
    );
  return {
    result: submission.reply({ resetForm: true }),
    outcome: { status: paid.posting.status, split: paid.split },
  };
}

export default function PayInvoice({
  loaderData: { invoice, balanceCents, open, payments, paymentForm, formToken },
}: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    defaultValue: { amount: (balanceCents / 100).toFixed(2) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PortalPaymentSchema }),
  });
  return (
    <>
      <PageHeader
        title={`Invoice ${invoice.invoiceNumber}`}
        description={`Policy ${invoice.policyNumber} · due ${formatCalendarDate(invoice.dueDate)}`}
      />
      <div className="grid gap-6">
        <Card>
          <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-3">
            <div>
              <dt className="text-xs uppercase text-text-muted">Amount</dt>
              <dd className="font-mono text-xl">{formatCents(invoice.amountCents)}</dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Still owed</dt>
              <dd className="font-mono text-xl">{formatCents(balanceCents)}</dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Status</dt>
              <dd>
                <StatusBadge status={invoice.status} />
              </dd>
            </div>
          </dl>
        </Card>
        {actionData?.outcome ? <PaymentResult outcome={actionData.outcome} /> : null}
        {invoice.billingMethod === "agency" && invoice.status !== "paid" && invoice.status !== "waived" ? (
          <Card title="Pay your agency">
            <p className="text-sm text-text-muted">
              {invoice.agencyName} bills this policy: pay this invoice to {invoice.agencyName}, which collects the
              premium and remits it to us.
            </p>
          </Card>
        ) : null}
        {open && paymentForm !== "test_card" ? (
          <Card title="Pay invoice">
            <p className="text-sm text-text-muted">
              Online payment is not available yet. Please pay this invoice by check, ACH or wire as shown on the
              invoice, or contact your agent.
            </p>
          </Card>
        ) : null}
        {open && paymentForm === "test_card" ? (
          <Card title="Pay invoice">
            <p className="mb-4 text-sm text-text-muted">
              Test payment method: no card is charged. Use the test card 4242 4242 4242 4242 (4000 0000 0000 0002 is
              declined).
            </p>
            <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
              <Field
                label="Amount (USD)"
                inputProps={{ ...getInputProps(fields.amount, { type: "text" }), inputMode: "decimal" }}
                errors={fields.amount.errors}
              />
              <Field
                label="Name on card"
                inputProps={{ ...getInputProps(fields.nameOnCard, { type: "text" }), autoComplete: "cc-name" }}
                errors={fields.nameOnCard.errors}
              />
              <Field
                label="Card number"
                inputProps={{
                  ...getInputProps(fields.cardNumber, { type: "text" }),
                  inputMode: "numeric",
                  autoComplete: "off",
                }}
                errors={fields.cardNumber.errors}
              />
              <FormTokenInput token={formToken} />
              <SubmitButton className="self-start sm:mt-6" pendingLabel="Paying…">
                Pay {formatCents(balanceCents)}
              </SubmitButton>
            </Form>
          </Card>
        ) : null}
        {payments.length ? (
          <Card title={open ? "Payments so far" : "Receipt"}>
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Payments received for invoice {invoice.invoiceNumber}</caption>
              <thead>
                <tr className="border-b border-border text-left text-text-muted">
                  <th scope="col" className="py-1.5 font-medium">
                    Paid on
                  </th>
                  <th scope="col" className="py-1.5 font-medium">
                    Method
                  </th>
                  <th scope="col" className="py-1.5 text-right font-medium">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => (
                  <tr key={p.id} className="border-b border-border/60">
                    <td className="py-1.5">{formatInstant(p.createdAt)}</td>
                    <td className="py-1.5">{paymentMethodLabel(p.method, p.reference)}</td>
                    <td className="py-1.5 text-right font-mono">{formatCents(p.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {open ? null : (
              <p className="mt-3 text-sm">Paid in full. Thank you: nothing more is owed on this invoice.</p>
            )}
          </Card>
        ) : null}
        <p className="flex gap-4 text-sm">
          <Link to="/portal" className="text-brand underline underline-offset-4">
            Back to my policies and invoices
          </Link>
          <Link to={`/portal/policies/${invoice.policyId}`} className="text-brand underline underline-offset-4">
            Policy {invoice.policyNumber}
          </Link>
        </p>
      </div>
    </>
  );
}
