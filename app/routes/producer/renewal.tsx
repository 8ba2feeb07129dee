import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/renewal";
import { requirePermission } from "../../auth/session.server.ts";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";
import { Card, DataTable, FactList, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { afterResponseContext, appServices } from "../../context.server.ts";
import { findVisibleOffer } from "../../models/renewals.server.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { describePlan, isInstallmentPlan } from "../../services/billing/billing-schedule.ts";
import { RenewalDecisionSchema } from "../../services/servicing/forms.ts";
import { acceptRenewalOffer, declineRenewalOffer } from "../../services/servicing/renewal.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { toCents } from "../../utils/money.ts";
import { businessToday } from "../../utils/today.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Renewal of ${loaderData?.offer.policyNumber ?? "a policy"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:producer");
  const { db } = appServices(args.context);
  const row = await findVisibleOffer(db, user.tenant, args.params.offerId);
  invariantResponse(row, "Renewal offer not found");
  const { offer } = row;
  return {
    offer: {
      id: offer.id,
      policyId: offer.policyId,
      policyNumber: row.policyNumber,
      insuredName: row.insuredName,
      status: offer.status,
      renewalDate: offer.renewalDate,
      preparedOn: offer.preparedOn,
      expiringPremiumCents: offer.expiringPremiumCents,
      renewalPremiumCents: offer.renewalPremiumCents,
      renewalTotalDueCents: offer.renewalTotalDueCents,
      comparison: offer.comparison,
      note: offer.note,
      renewalPolicyId: offer.renewalPolicyId,
      submissionId: offer.submissionId,
    },
    plans: row.plans,
    currentPlan: row.installmentPlan,
    formToken: newFormToken(),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "access:producer");
  const { db, env } = appServices(args.context);
  const offerId = args.params.offerId;
  invariantResponse(await findVisibleOffer(db, user.tenant, offerId), "Renewal offer not found");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: RenewalDecisionSchema });
  if (submission.status !== "success")
    return data({ error: "Choose an installment plan the program offers.", failures: [] as string[] }, { status: 400 });
  const today = businessToday(user.tenant);
  const form = submission.value;
  const token = formData.get(FORM_TOKEN_FIELD);
  if (form.intent === "decline") {
    const declined = await oncePerFormToken(
      db,
      user.tenant,
      token,
      `renewal-decline:${offerId}`,
      () => declineRenewalOffer(db, user.tenant, offerId, today),
      (o) => o.ok,
    );
    if (declined.ok) return redirect(`/producer/renewals/${offerId}`);
    return data({ error: refusalText(declined), failures: [] as string[] }, { status: 422 });
  }
  const accepted = await oncePerFormToken(
    db,
    user.tenant,
    token,
    `renewal-accept:${offerId}`,
    () =>
      acceptRenewalOffer(db, user.tenant, offerId, { plan: form.plan }, today, {
        documents: env.DOCUMENTS,
        afterResponse: args.context.get(afterResponseContext),
      }),
    (o) => o.ok,
  );
  if (accepted.ok) return redirect(`/producer/policies/${accepted.policyId}`);
  return data(
    {
      error: refusalText(accepted),
      failures: accepted.reason === "checks_failed" ? accepted.failures.map((f) => f.detail) : [],
    },
    { status: 422 },
  );
}

function refusalText(refusal: { reason: string; message?: string }): string {
  if (refusal.reason === "not_found") return "This renewal offer no longer exists.";
  if (refusal.reason === "checks_failed")
    return "The renewal cannot be bound: a pre-bind check failed. An underwriter has been asked where only authority fell short.";
  return refusal.message ?? "The renewal offer cannot be answered.";
}

export default function Renewal({ loaderData }: Route.ComponentProps) {
  const { offer, plans, currentPlan, formToken } = loaderData;
  const answer = useActionData<typeof action>();
  const comparison = offer.comparison;
  return (
    <>
      <PageHeader
        title={`Renewal of ${offer.policyNumber}`}
        description={`${offer.insuredName} · the new term starts ${formatCalendarDate(offer.renewalDate)}`}
      />
      <div className="grid gap-6">
        <Card title="Offer">
          <FactList
            facts={[
              ["Status", <StatusBadge key="s" status={offer.status} />],
              ["Renews on", formatCalendarDate(offer.renewalDate)],
              ["Prepared on", formatCalendarDate(offer.preparedOn)],
              ["Expiring premium", formatCents(offer.expiringPremiumCents)],
              ["Renewal premium", formatCents(offer.renewalPremiumCents)],
              ["Renewal total due (with fees and taxes)", formatCents(offer.renewalTotalDueCents)],
              [
                "Expiring policy",
                <Link
                  key="p"
                  className="font-mono text-brand hover:underline"
                  to={`/producer/policies/${offer.policyId}`}
                >
                  {offer.policyNumber}
                </Link>,
              ],
              [
                "Renewal term",
                offer.renewalPolicyId ? (
                  <Link
                    key="r"
                    className="font-mono text-brand hover:underline"
                    to={`/producer/policies/${offer.renewalPolicyId}`}
                  >
                    Open the renewal policy
                  </Link>
                ) : (
                  "Not bound"
                ),
              ],
            ]}
          />
          {offer.note ? <p className="mt-4 text-sm text-text-muted">{offer.note}</p> : null}
        </Card>
        {comparison ? (
          <Card title="Why this price">
            <ul className="mb-4 list-disc space-y-1 pl-5 text-sm">
              {comparison.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <DataTable
              caption="Rating steps of the expiring term and the renewal"
              empty="No rating steps were recorded."
              rows={comparison.lines}
              rowKey={(l) => l.key}
              columns={[
                { header: "Step", cell: (l) => (l.changed ? <strong>{l.name}</strong> : l.name) },
                {
                  header: `Expiring (${comparison.expiringRateTableVersion ?? "—"})`,
                  cell: (l) => l.expiringFactor ?? "—",
                },
                { header: `Renewal (${comparison.renewalRateTableVersion})`, cell: (l) => l.renewalFactor ?? "—" },
                {
                  header: "Premium after, expiring",
                  numeric: true,
                  cell: (l) => formatCents(l.expiringPremiumAfterCents),
                },
                {
                  header: "Premium after, renewal",
                  numeric: true,
                  cell: (l) => formatCents(l.renewalPremiumAfterCents),
                },
              ]}
            />
          </Card>
        ) : null}
        {offer.status === "offered" ? (
          <Card title="Answer the offer">
            {answer?.error ? (
              <div role="alert" className="mb-4 text-sm text-danger">
                <p>{answer.error}</p>
                {answer.failures.length ? (
                  <ul className="list-disc pl-5">
                    {answer.failures.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <div className="flex flex-wrap items-end gap-6">
              <Form method="post" className="flex flex-wrap items-end gap-3">
                <label className="flex flex-col gap-1 text-sm">
                  Payment plan
                  <select
                    name="plan"
                    defaultValue={currentPlan ?? undefined}
                    className="rounded-md border border-border bg-surface px-3 py-2"
                  >
                    {plans.map((plan) => (
                      <option key={plan} value={plan}>
                        {isInstallmentPlan(plan) && offer.renewalTotalDueCents !== null
                          ? describePlan(plan, {
                              totalCents: toCents(offer.renewalTotalDueCents),
                              effectiveDate: offer.renewalDate,
                            })
                          : plan}
                      </option>
                    ))}
                  </select>
                </label>
                <FormTokenInput token={formToken} />
                <SubmitButton intent="accept" pendingLabel="Binding the renewal…">
                  Accept and bind the renewal
                </SubmitButton>
              </Form>
              <Form method="post">
                <FormTokenInput token={formToken} />
                <SubmitButton intent="decline" variant="secondary" pendingLabel="Declining…">
                  Decline the renewal
                </SubmitButton>
              </Form>
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
