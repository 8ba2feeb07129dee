import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/submission";
import { requirePermission } from "../../auth/session.server.ts";
import { RatingSteps } from "../../components/rating-steps.tsx";
import { Badge, Button, Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listQuotesForSubmission } from "../../services/underwriting/quotes.server.ts";
import { findDealRoomForSubmission } from "../../models/deal-rooms.server.ts";
import { findPolicyOfSubmission } from "../../models/policy-binding.server.ts";
import { isInstallmentPlan, PLAN_NAMES } from "../../services/billing/billing-schedule.ts";
import { getSubmission, isSubmissionVisible, listSubmissionEvents } from "../../models/submissions.server.ts";
import { getBindForm, type FailedCheck } from "../../services/policies/binding.server.ts";
import { BindOptionForm } from "../../components/bind-option-form.tsx";
import { bindOptionFromForm } from "../bind-option.server.ts";
import { BindRequestForm } from "../../services/policies/bind-form.ts";
import { UnderwritingMessages } from "../../components/underwriting-messages.tsx";
import { answerInformationRequest } from "../../services/underwriting/info-requests.server.ts";
import { listNotes } from "../../services/underwriting/notes.server.ts";
import { AnswerInfoForm } from "../../services/underwriting/workbench-forms.ts";
import { quoteSubmission } from "../../services/underwriting/quoting.server.ts";
import { listReferralsForSubmission } from "../../services/underwriting/referrals.server.ts";
import { ReferralPanel } from "../../components/referral-panel.tsx";
import { SubmissionDocumentsPanel } from "../../components/submission-documents.tsx";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { newFormToken } from "../../services/access/form-token.server.ts";
import { businessToday } from "../../utils/today.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.submission.reference ?? "Submission"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const { db } = appServices(args.context);
  const [submission, quotes, events, bindContext, referrals, notes, dealRoom, boundPolicy] = await Promise.all([
    getSubmission(db, user.tenant, args.params.submissionId),
    listQuotesForSubmission(db, user.tenant, args.params.submissionId),
    listSubmissionEvents(db, user.tenant, args.params.submissionId),
    getBindForm(db, user.tenant, args.params.submissionId),
    listReferralsForSubmission(db, user.tenant, args.params.submissionId),
    listNotes(db, user.tenant, args.params.submissionId),
    findDealRoomForSubmission(db, user.tenant, args.params.submissionId),
    // The submission's id is checked against the user's scope by getSubmission above.
    findPolicyOfSubmission(db, user.tenant.orgId, args.params.submissionId),
  ]);
  invariantResponse(submission && bindContext, "Submission not found");
  const lastEvent = events[0];
  const quoteFailure = lastEvent?.type === "quote_failed" ? String(lastEvent.detail?.message ?? "") : null;
  return {
    submission,
    quotes,
    quoteFailure,
    bindContext,
    referral: referrals.find((r) => r.status !== "withdrawn") ?? null,
    notes,
    dealRoomId: dealRoom?.id ?? null,
    boundPolicy: submission?.status === "bound" && boundPolicy ? boundPolicy : null,
    today: businessToday(user.tenant),
    formToken: newFormToken(),
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("quote") }),
  BindRequestForm,
  AnswerInfoForm,
]);

type ActionResult = { error: string | null; failures: FailedCheck[]; answerError?: string };

export async function action(args: Route.ActionArgs) {
  const submissionId = args.params.submissionId;
  const { db } = appServices(args.context);
  // The path's id first: an id outside the user's scope answers 404 whatever the body says.
  const reader = await requirePermission(args, "read:submission");
  invariantResponse(await isSubmissionVisible(db, reader.tenant, submissionId), "Submission not found");
  const formData = await args.request.formData();
  const today = businessToday(reader.tenant);
  const parsed = parseWithZod(formData, { schema: ActionSchema });
  if (parsed.status !== "success") {
    await requirePermission(args, "read:submission");
    const errors = parsed.error ?? {};
    const message = (name: string) => errors[name]?.[0];
    if (formData.get("intent") === "answer_info") {
      return data<ActionResult>({ error: null, failures: [], answerError: message("answer") }, { status: 400 });
    }
    const first = Object.values(errors).find((messages) => messages?.length)?.[0];
    const unknown = "Unknown action: choose quote, bind or answer.";
    const error = formData.get("intent") === "bind" ? (first ?? "Invalid bind request") : unknown;
    return data<ActionResult>({ error, failures: [] }, { status: 400 });
  }
  const form = parsed.value;
  if (form.intent === "answer_info") {
    const user = await requirePermission(args, "create:submission");
    const outcome = await answerInformationRequest(db, user.tenant, submissionId, form.answer);
    invariantResponse(outcome.ok || outcome.reason !== "not_found", "Submission not found");
    if (!outcome.ok)
      return data<ActionResult>(
        { error: null, failures: [], answerError: "There is no open request for information to answer." },
        { status: 409 },
      );
    throw redirect(`/producer/submissions/${submissionId}`);
  }
  if (form.intent === "bind") {
    const user = await requirePermission(args, "bind:submission");
    const bound = await bindOptionFromForm(args, user.tenant, submissionId, form, formData);
    if (bound.ok) throw redirect(`/producer/policies/${bound.policyId}`);
    return data<ActionResult>({ error: bound.error, failures: bound.failures }, { status: bound.status });
  }
  const user = await requirePermission(args, "quote:submission");
  const outcome = await quoteSubmission(db, user.tenant, submissionId, today);
  invariantResponse(outcome.ok || outcome.error.code !== "NOT_FOUND", "Submission not found");
  return {
    error: outcome.ok ? null : `This submission could not be priced: ${outcome.error.message}`,
    failures: [],
  } satisfies ActionResult;
}

/** A bind refused as QUOTE_SUPERSEDED (409) reloads the page's data, so it shows the current quote. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

export default function ProducerSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const { submission: s, quotes, quoteFailure, bindContext, referral, notes, dealRoomId, today } = loaderData;
  const bindable = s.status === "quoted";
  const [current, ...history] = quotes;
  return (
    <>
      <PageHeader
        title={s.insuredName}
        description={`Submission ${s.reference} · ${s.lineOfBusiness} · ${s.state} · effective ${formatCalendarDate(s.effectiveDate)}`}
        actions={
          <div className="flex items-center gap-3">
            {dealRoomId ? (
              <Link to={`/producer/deal-rooms/${dealRoomId}`} className="text-sm text-brand underline">
                Deal room
              </Link>
            ) : null}
            <StatusBadge status={s.status} />
          </div>
        }
      />
      {actionData?.error || quoteFailure ? (
        <div role="alert" className="mb-4 rounded-md border border-danger/40 bg-danger/10 p-3 text-danger">
          <p>{actionData?.error ?? `This submission could not be priced: ${quoteFailure}`}</p>
          {actionData?.failures.length ? (
            <ul className="mt-2 list-disc pl-5 text-sm">
              {actionData.failures.map((f) => (
                <li key={f.check}>
                  <span className="font-mono text-xs">{f.code}</span> {f.detail}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {loaderData.boundPolicy ? (
        <p role="status" className="mb-4 rounded-md border border-border bg-surface-muted p-3 text-sm">
          Bound
          {(() => {
            const position = quotes
              .flatMap((q) => q.options)
              .find((o) => o.id === loaderData.boundPolicy?.quoteOptionId)?.position;
            const plan = loaderData.boundPolicy.installmentPlan;
            const parts = [
              position === undefined ? null : `option ${position + 1}`,
              plan && isInstallmentPlan(plan) ? `paid ${PLAN_NAMES[plan].toLowerCase()}` : null,
            ].filter(Boolean);
            return parts.length ? ` (${parts.join(", ")})` : "";
          })()} as policy{" "}
          <Link className="font-mono text-brand underline" to={`/producer/policies/${loaderData.boundPolicy.id}`}>
            {loaderData.boundPolicy.policyNumber}
          </Link>
          . Changes go through the policy now: endorsements, cancellation, renewal.
        </p>
      ) : null}
      <UnderwritingMessages
        status={s.status}
        decline={s.declineCode ? { code: s.declineCode, rationale: s.declineRationale } : null}
        notes={notes}
        error={actionData && "answerError" in actionData ? (actionData.answerError ?? null) : null}
      />
      {referral ? (
        <div className="mb-6">
          <ReferralPanel referral={referral} explain />
        </div>
      ) : null}
      {current ? (
        <Card
          title="Quote"
          actions={
            <span className="text-sm text-text-muted">
              {current.options.some((o) => o.id === loaderData.boundPolicy?.quoteOptionId) ? (
                <Badge tone="good">bound</Badge>
              ) : current.expiresOn < today ? (
                <Badge tone="bad">expired {formatCalendarDate(current.expiresOn)}</Badge>
              ) : (
                `Valid until ${formatCalendarDate(current.expiresOn)}`
              )}{" "}
              · rate table {current.rateTableVersion}
            </span>
          }
        >
          {current.daFlags.length ? (
            <div role="status" className="mb-4 rounded-md border border-warning bg-warning/10 p-3 text-sm">
              <p className="font-medium">
                Outside delegated authority: this quote needs an underwriter before it can be bound.
              </p>
              <ul className="mt-1 list-disc pl-5">
                {current.daFlags.map((f) => (
                  <li key={f.check}>
                    <span className="font-mono text-xs">{f.code}</span> {f.detail}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="grid gap-4">
            {current.options.map((option) => (
              <section
                key={option.id}
                aria-label={`Option ${option.position + 1}`}
                className="rounded-md border border-border p-4"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-4">
                  <h3 className="font-medium">
                    {option.id === loaderData.boundPolicy?.quoteOptionId ? <Badge tone="good">bound</Badge> : null}{" "}
                    {formatCents(option.occurrenceLimitCents)} / {formatCents(option.aggregateLimitCents)} · deductible{" "}
                    {formatCents(option.deductibleCents)}
                  </h3>
                  <p className="font-mono text-lg">{formatCents(option.totalDueCents)}</p>
                </div>
                <p className="text-sm text-text-muted">
                  Premium {formatCents(option.grossPremiumCents)} · fees {formatCents(option.feesCents)} · taxes{" "}
                  {formatCents(option.taxesCents)}
                </p>
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm text-brand">Why this price</summary>
                  <div className="mt-3">
                    <RatingSteps rating={option.rating} />
                  </div>
                </details>
                {bindable ? (
                  <BindOptionForm
                    option={option}
                    effectiveDate={s.effectiveDate}
                    context={bindContext}
                    formToken={loaderData.formToken}
                  />
                ) : null}
              </section>
            ))}
          </div>
        </Card>
      ) : (
        <Card title="Quote">
          <p className="text-text-muted">No quote yet.</p>
        </Card>
      )}
      <div className="mt-6 flex items-center gap-4">
        {loaderData.boundPolicy ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="quote" />
            <Button type="submit" variant="secondary">
              {current ? "Re-quote" : "Quote"}
            </Button>
          </Form>
        )}
        <Link to="/producer" className="text-sm text-brand underline underline-offset-4">
          Back to your book
        </Link>
        {history.length ? (
          <span className="text-sm text-text-muted">
            {history.length} earlier quote{history.length === 1 ? "" : "s"} kept as history
          </span>
        ) : null}
      </div>
      <div className="mt-6">
        <SubmissionDocumentsPanel submissionId={s.id} />
      </div>
    </>
  );
}
