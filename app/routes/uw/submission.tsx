import { invariantResponse } from "../../utils/invariant.ts";
import type { Route } from "./+types/submission";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, FactList, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { data, Form, redirect } from "react-router";
import { z } from "zod";
import { hasPermission } from "../../auth/permissions.ts";
import { ReferralPanel } from "../../components/referral-panel.tsx";
import { SubmissionDocumentsPanel } from "../../components/submission-documents.tsx";
import { Button } from "../../components/ui.tsx";
import { listQuotesForSubmission } from "../../models/quotes.server.ts";
import { REFERRAL_REASON_CODES } from "../../services/bind/referral-triggers.ts";
import { decideReferral, listReferralsForSubmission } from "../../services/referrals.server.ts";
import { getSubmission } from "../../models/submissions.server.ts";
import { RatingSteps } from "../../components/rating-steps.tsx";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.submission.reference ?? "Submission"} · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const { db } = appServices(args.context);
  const [submission, quotes, referrals] = await Promise.all([
    getSubmission(db, user.tenant, args.params.submissionId),
    listQuotesForSubmission(db, user.tenant, args.params.submissionId),
    listReferralsForSubmission(db, user.tenant, args.params.submissionId),
  ]);
  invariantResponse(submission, "Submission not found");
  return { submission, quote: quotes[0] ?? null, referral: referrals.find((r) => r.status !== "withdrawn") ?? null };
}

const DecisionSchema = z.object({
  referralId: z.string().min(1),
  decision: z.enum(["approved", "declined"]),
  code: z.enum(REFERRAL_REASON_CODES, "Choose a reason code"),
  rationale: z.string("Write the rationale").trim().min(10, "Write the rationale (at least 10 characters)").max(2000),
});

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "read:submission");
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "Invalid decision" }, { status: 400 });
  const { referralId, ...decision } = parsed.data;
  const outcome = await decideReferral(appServices(args.context).db, user.tenant, referralId, decision, hasPermission(user.tenant.roles, "decide:referral"));
  invariantResponse(outcome.ok || outcome.reason !== "not_found", "Referral not found");
  if (!outcome.ok) {
    return data({ error: outcome.reason === "already_decided" ? "This referral has already been decided." : "This referral is routed to another underwriter." }, { status: 409 });
  }
  throw redirect(`/uw/submissions/${outcome.submissionId}`);
}

export default function SubmissionDetail({ loaderData: { submission: s, quote, referral }, actionData }: Route.ComponentProps) {
  const facts: [string, React.ReactNode][] = [
    ["Status", <StatusBadge key="s" status={s.status} />],
    ["Line of business", s.lineOfBusiness],
    ["Home state", s.state],
    ["NAICS class", <span key="n" className="font-mono">{s.naicsCode}</span>],
    [s.lineOfBusiness === "WC" ? "Payroll" : "Annual revenue", formatCents(s.lineOfBusiness === "WC" ? s.payrollCents : s.annualRevenueCents)],
    ["Requested limit", formatCents(s.requestedLimitCents)],
    ["Deductible", formatCents(s.deductibleCents)],
    ["Effective date", formatCalendarDate(s.effectiveDate)],
    ["Term", `${s.termMonths} months`],
    ["Agency", s.agencyName],
  ];
  return (
    <>
      <PageHeader title={s.insuredName} description={`Submission ${s.reference}`} />
      <Card title="Risk">
        <FactList facts={facts} />
      </Card>
      {referral ? (
        <Card title="Referral" className="mt-6">
          <ReferralPanel referral={referral} />
          {referral.status === "pending" ? (
            <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-2">
              <input type="hidden" name="referralId" value={referral.id} />
              <label className="flex flex-col gap-1 text-sm">
                Reason code
                <select name="code" className="rounded-md border border-border bg-surface px-3 py-2" defaultValue={referral.reasons[0]?.code}>
                  {REFERRAL_REASON_CODES.map((c) => <option key={c} value={c}>{c.replaceAll("_", " ")}</option>)}
                </select>
              </label>
              <label className="flex flex-col gap-1 text-sm sm:col-span-2">
                Rationale
                <textarea name="rationale" rows={3} required minLength={10} className="rounded-md border border-border bg-surface px-3 py-2" />
              </label>
              {actionData?.error ? <p role="alert" className="text-sm text-danger sm:col-span-2">{actionData.error}</p> : null}
              <div className="flex gap-3">
                <Button type="submit" name="decision" value="approved">Approve</Button>
                <Button type="submit" name="decision" value="declined" variant="danger">Decline</Button>
              </div>
            </Form>
          ) : null}
        </Card>
      ) : null}
      {quote ? (
        <Card title={`Quote · rate table ${quote.rateTableVersion} · valid until ${formatCalendarDate(quote.expiresOn)}`} className="mt-6">
          {quote.daFlags.map((f) => (
            <p key={f.check} className="mb-2 text-sm text-danger">
              <span className="font-mono text-xs">{f.code}</span> {f.detail}
            </p>
          ))}
          {quote.options.map((option) => (
            <details key={option.id} className="mb-3">
              <summary className="cursor-pointer">
                {formatCents(option.occurrenceLimitCents)} / {formatCents(option.aggregateLimitCents)}: <span className="font-mono">{formatCents(option.totalDueCents)}</span>
              </summary>
              <div className="mt-3">
                <RatingSteps rating={option.rating} />
              </div>
            </details>
          ))}
        </Card>
      ) : null}
      <div className="mt-6">
        <SubmissionDocumentsPanel submissionId={s.id} />
      </div>
    </>
  );
}
