import { Link } from "react-router";
import type { Route } from "./+types/index";
import { hasPermission } from "../../auth/permissions.ts";
import { requirePermission } from "../../auth/session.server.ts";
import { PagedTable } from "../../components/data-table.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { Badge, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDrafts } from "../../models/drafts.server.ts";
import { listPolicyBookPage } from "../../models/policy-book.server.ts";
import { listSubmissionBookPage } from "../../models/submission-book.server.ts";
import { policyBookTable, submissionBookTable } from "../../models/table-specs.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Producer · OpenInsure" }];

const statusOptions = (statuses: readonly string[]) =>
  statuses.map((s) => ({ value: s, label: s.replaceAll("_", " ") }));

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:producer");
  const { db } = appServices(args.context);
  const params = new URL(args.request.url).searchParams;
  const submissionState = parseTableState(params, submissionBookTable);
  const policyState = parseTableState(params, policyBookTable);
  const [submissions, policies, drafts] = await Promise.all([
    listSubmissionBookPage(db, user.tenant, submissionState),
    listPolicyBookPage(db, user.tenant, policyState),
    listDrafts(db, user.tenant),
  ]);
  return {
    submissions: { ...submissions, state: submissionState, spec: submissionBookTable },
    policies: { ...policies, state: policyState, spec: policyBookTable },
    drafts,
    managesTeam: hasPermission(user.tenant.roles, "manage:agency-member"),
  };
}

export default function ProducerHome({ loaderData }: Route.ComponentProps) {
  const { submissions, policies } = loaderData;
  return (
    <>
      <PageHeader
        title="Your book"
        description="Submissions and policies of your agency."
        actions={
          <div className="flex flex-wrap gap-3">
            {loaderData.managesTeam ? (
              <Link
                to="team"
                className="rounded-md border border-border bg-surface px-4 py-2 text-sm font-medium hover:bg-surface-muted"
              >
                Your producers
              </Link>
            ) : null}
            <Link
              to="renewals"
              className="rounded-md border border-border bg-surface px-4 py-2 text-sm font-medium hover:bg-surface-muted"
            >
              Renewals
            </Link>
            <Link
              to="submissions/upload"
              className="rounded-md border border-border bg-surface px-4 py-2 text-sm font-medium hover:bg-surface-muted"
            >
              Upload ACORD 125
            </Link>
            <Link
              to="submissions/new"
              className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-brand-contrast hover:bg-brand-strong"
            >
              New submission
            </Link>
          </div>
        }
      />
      <div className="grid gap-6">
        {loaderData.drafts.length > 0 ? (
          <Card title="Drafts">
            <DataTable
              caption="Draft submissions, not yet filed"
              rows={loaderData.drafts}
              rowKey={(d) => d.id}
              empty=""
              columns={[
                {
                  header: "Insured",
                  cell: (d) => (
                    <Link
                      className="text-brand hover:underline"
                      to={d.source === "acord_125" ? `drafts/${d.id}` : `submissions/new?draft=${d.id}`}
                    >
                      {d.insuredName ?? "Untitled draft"}
                    </Link>
                  ),
                },
                { header: "Source", cell: (d) => (d.source === "acord_125" ? "ACORD 125 upload" : "Intake form") },
                { header: "Saved", cell: (d) => <LocalTime value={d.updatedAt} /> },
                {
                  header: "Status",
                  cell: (d) => (
                    <span className="flex gap-1">
                      <StatusBadge status="draft" />
                      {d.needsReview ? <Badge tone="warn">needs review</Badge> : null}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        ) : null}
        <Card title="Submissions">
          <PagedTable
            spec={submissions.spec}
            page={submissions}
            caption="Agency submissions"
            empty="Your agency has no submissions yet."
            search="Search by insured or reference"
            filters={[
              { name: "status", label: "Status", options: statusOptions(submissions.spec.filters?.status ?? []) },
            ]}
            exportPath="/producer/submissions/export"
            rowKey={(s) => s.id}
            columns={[
              {
                id: "reference",
                header: "Reference",
                cell: (s) => (
                  <Link className="font-mono text-brand hover:underline" to={`submissions/${s.id}`}>
                    {s.reference}
                  </Link>
                ),
              },
              { id: "insured", header: "Insured", cell: (s) => s.insuredName },
              { id: "line", header: "Line", cell: (s) => s.lineOfBusiness },
              { id: "effective", header: "Effective", cell: (s) => formatCalendarDate(s.effectiveDate) },
              { id: "created", header: "Filed", cell: (s) => <LocalTime value={s.createdAt} /> },
              { id: "status", header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            ]}
          />
        </Card>
        <Card title="Policies">
          <PagedTable
            spec={policies.spec}
            page={policies}
            caption="Agency policies"
            empty="Your agency has no policies yet."
            search="Search by insured or policy number"
            filters={[{ name: "status", label: "Status", options: statusOptions(policies.spec.filters?.status ?? []) }]}
            exportPath="/producer/policies/export"
            rowKey={(p) => p.id}
            columns={[
              {
                id: "policy",
                header: "Policy",
                cell: (p) => (
                  <Link className="font-mono text-brand hover:underline" to={`policies/${p.id}`}>
                    {p.policyNumber}
                  </Link>
                ),
              },
              { id: "insured", header: "Insured", cell: (p) => p.insuredName },
              {
                id: "effective",
                header: "Period",
                cell: (p) => `${formatCalendarDate(p.effectiveDate)} – ${formatCalendarDate(p.expirationDate)}`,
              },
              { id: "premium", header: "Premium", numeric: true, cell: (p) => formatCents(p.grossPremiumCents) },
              { id: "status", header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
