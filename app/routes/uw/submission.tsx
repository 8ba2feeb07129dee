import { invariantResponse } from "../../utils/invariant.ts";
import type { Route } from "./+types/submission";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getSubmission } from "../../models/submissions.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.submission.reference ?? "Submission"} · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const submission = await getSubmission(appServices(args.context).db, user.tenant, args.params.submissionId);
  invariantResponse(submission, "Submission not found", { status: 404 });
  return { submission };
}

export default function SubmissionDetail({ loaderData: { submission: s } }: Route.ComponentProps) {
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
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs uppercase tracking-wide text-text-muted">{label}</dt>
              <dd className="mt-0.5">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
