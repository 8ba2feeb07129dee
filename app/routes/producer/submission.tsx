import { Form, Link } from "react-router";
import type { Route } from "./+types/submission";
import { requirePermission } from "../../auth/session.server.ts";
import { RatingSteps } from "../../components/rating-steps.tsx";
import { Badge, Button, Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listQuotesForSubmission } from "../../models/quotes.server.ts";
import { getSubmission, listSubmissionEvents } from "../../models/submissions.server.ts";
import { quoteSubmission } from "../../services/quoting.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { todayInUtc } from "../../utils/today.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.submission.reference ?? "Submission"} · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const { db } = appServices(args.context);
  const [submission, quotes, events] = await Promise.all([
    getSubmission(db, user.tenant, args.params.submissionId),
    listQuotesForSubmission(db, user.tenant, args.params.submissionId),
    listSubmissionEvents(db, user.tenant, args.params.submissionId),
  ]);
  invariantResponse(submission, "Submission not found");
  const lastEvent = events[0];
  const quoteFailure = lastEvent?.type === "quote_failed" ? String(lastEvent.detail?.message ?? "") : null;
  return { submission, quotes, quoteFailure, today: todayInUtc() };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "quote:submission");
  const outcome = await quoteSubmission(appServices(args.context).db, user.tenant, args.params.submissionId, todayInUtc());
  invariantResponse(outcome.ok || outcome.error.code !== "NOT_FOUND", "Submission not found");
  return outcome.ok ? { error: null } : { error: outcome.error.message };
}

export default function ProducerSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const { submission: s, quotes, quoteFailure, today } = loaderData;
  const [current, ...history] = quotes;
  return (
    <>
      <PageHeader
        title={s.insuredName}
        description={`Submission ${s.reference} · ${s.lineOfBusiness} · ${s.state} · effective ${formatCalendarDate(s.effectiveDate)}`}
        actions={<StatusBadge status={s.status} />}
      />
      {actionData?.error || quoteFailure ? (
        <p role="alert" className="mb-4 text-danger">
          This submission could not be priced: {actionData?.error ?? quoteFailure}
        </p>
      ) : null}
      {current ? (
        <Card
          title="Quote"
          actions={
            <span className="text-sm text-text-muted">
              {current.expiresOn < today ? <Badge tone="bad">expired {formatCalendarDate(current.expiresOn)}</Badge> : `Valid until ${formatCalendarDate(current.expiresOn)}`} · rate table {current.rateTableVersion}
            </span>
          }
        >
          {current.daFlags.length ? (
            <div role="status" className="mb-4 rounded-md border border-warning bg-warning/10 p-3 text-sm">
              <p className="font-medium">Outside delegated authority: this quote needs an underwriter before it can be bound.</p>
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
              <section key={option.id} aria-label={`Option ${option.position + 1}`} className="rounded-md border border-border p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-4">
                  <h3 className="font-medium">
                    {formatCents(option.occurrenceLimitCents)} / {formatCents(option.aggregateLimitCents)} · deductible {formatCents(option.deductibleCents)}
                  </h3>
                  <p className="font-mono text-lg">{formatCents(option.totalDueCents)}</p>
                </div>
                <p className="text-sm text-text-muted">
                  Premium {formatCents(option.grossPremiumCents)} · fees {formatCents(option.feesCents)} · taxes {formatCents(option.taxesCents)}
                </p>
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm text-brand">Why this price</summary>
                  <div className="mt-3">
                    <RatingSteps rating={option.rating} />
                  </div>
                </details>
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
        <Form method="post">
          <Button type="submit" variant="secondary">{current ? "Re-quote" : "Quote"}</Button>
        </Form>
        <Link to="/producer" className="text-sm text-brand underline underline-offset-4">Back to your book</Link>
        {history.length ? <span className="text-sm text-text-muted">{history.length} earlier quote{history.length === 1 ? "" : "s"} kept as history</span> : null}
      </div>
    </>
  );
}
