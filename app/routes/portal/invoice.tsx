import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import type { Route } from "./+types/invoice";
import { requirePermission } from "../../auth/session.server.ts";
import { Field } from "../../components/forms.tsx";
import { PaymentResult } from "../../components/payment-result.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getInvoice } from "../../models/invoices.server.ts";
import { invoicePaidCents } from "../../models/payments.server.ts";
import { PortalPaymentSchema } from "../../services/ledger/payment-forms.ts";
import { recordInvoicePayment } from "../../services/ledger/premium-payments.server.ts";
import { chargeTestCard } from "../../services/ledger/test-card.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Pay ${loaderData?.invoice.invoiceNumber ?? "invoice"} · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:invoice");
  const { db } = appServices(args.context);
  const invoice = await getInvoice(db, user.tenant, args.params.invoiceId);
  invariantResponse(invoice, "Invoice not found");
  return { invoice, balanceCents: invoice.amountCents - (await invoicePaidCents(db, user.tenant, invoice.id)), formToken: newFormToken() };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "pay:invoice");
  // The path's id first: an id outside the user's scope answers 404 whatever the body says.
  invariantResponse(await getInvoice(appServices(args.context).db, user.tenant, args.params.invoiceId), "Invoice not found");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: PortalPaymentSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), outcome: null }, { status: 400 });
  const charge = chargeTestCard(submission.value.cardNumber);
  if (!charge.approved) return data({ result: submission.reply({ fieldErrors: { cardNumber: [charge.message] } }), outcome: null }, { status: 422 });
  const { db, ledger } = appServices(args.context);
  // One payment per form token: a double click or a resent form gets the first payment's answer.
  const paid = await oncePerFormToken(db, user.tenant, formData.get(FORM_TOKEN_FIELD), `pay:${args.params.invoiceId}`, async () => {
    const outcome = await recordInvoicePayment(db, ledger, user.tenant, {
      invoiceId: args.params.invoiceId,
      amountCents: submission.value.amount,
      method: "test_card",
      reference: `test card •••• ${charge.last4}`,
    });
    invariantResponse(outcome.ok || outcome.reason !== "not_found", "Invoice not found");
    return outcome.ok ? { error: null, outcome: { status: outcome.posting.status, split: outcome.split } } : { error: outcome.message, outcome: null };
  }, (paid) => paid.error === null);
  if (paid.error !== null) return data({ result: submission.reply({ fieldErrors: { amount: [paid.error] } }), outcome: null }, { status: 422 });
  return { result: submission.reply({ resetForm: true }), outcome: paid.outcome };
}

export default function PayInvoice({ loaderData: { invoice, balanceCents, formToken } }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    defaultValue: { amount: (balanceCents / 100).toFixed(2) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PortalPaymentSchema }),
  });
  const open = invoice.status !== "paid" && invoice.status !== "waived" && balanceCents > 0;
  return (
    <>
      <PageHeader title={`Invoice ${invoice.invoiceNumber}`} description={`Policy ${invoice.policyNumber} · due ${formatCalendarDate(invoice.dueDate)}`} />
      <div className="grid gap-6">
        <Card>
          <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-3">
            <div><dt className="text-xs uppercase text-text-muted">Amount</dt><dd className="font-mono text-xl">{formatCents(invoice.amountCents)}</dd></div>
            <div><dt className="text-xs uppercase text-text-muted">Still owed</dt><dd className="font-mono text-xl">{formatCents(balanceCents)}</dd></div>
            <div><dt className="text-xs uppercase text-text-muted">Status</dt><dd><StatusBadge status={invoice.status} /></dd></div>
          </dl>
        </Card>
        {actionData?.outcome ? <PaymentResult outcome={actionData.outcome} /> : null}
        {open ? (
          <Card title="Pay invoice">
            <p className="mb-4 text-sm text-text-muted">
              Test payment method: no card is charged. Use the test card 4242 4242 4242 4242 (4000 0000 0000 0002 is declined).
            </p>
            <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
              <Field label="Amount (USD)" inputProps={{ ...getInputProps(fields.amount, { type: "text" }), inputMode: "decimal" }} errors={fields.amount.errors} />
              <Field label="Name on card" inputProps={{ ...getInputProps(fields.nameOnCard, { type: "text" }), autoComplete: "cc-name" }} errors={fields.nameOnCard.errors} />
              <Field label="Card number" inputProps={{ ...getInputProps(fields.cardNumber, { type: "text" }), inputMode: "numeric", autoComplete: "off" }} errors={fields.cardNumber.errors} />
              <FormTokenInput token={formToken} />
              <SubmitButton className="self-start sm:mt-6" pendingLabel="Paying…">Pay {formatCents(balanceCents)}</SubmitButton>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
