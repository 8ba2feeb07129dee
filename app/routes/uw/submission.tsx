import { invariantResponse } from "../../utils/invariant.ts";
import type { Route } from "./+types/submission";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, FactList, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listQuotesForSubmission } from "../../models/quotes.server.ts";
import { getSubmission } from "../../models/submissions.server.ts";
import { RatingSteps } from "../../components/rating-steps.tsx";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.submission.reference ?? "Submission"} · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const { db } = appServices(args.context);
  const [submission, quotes] = await Promise.all([
    getSubmission(db, user.tenant, args.params.submissionId),
    listQuotesForSubmission(db, user.tenant, args.params.submissionId),
  ]);
  invariantResponse(submission, "Submission not found");
  return { submission, quote: quotes[0] ?? null };
}

export default function SubmissionDetail({ loaderData: { submission: s, quote } }: Route.ComponentProps) {
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
    </>
  );
}
