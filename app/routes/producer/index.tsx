import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { Badge, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDrafts } from "../../models/drafts.server.ts";
import { listPolicies } from "../../models/policies.server.ts";
import { listSubmissions } from "../../models/submissions.server.ts";
import { formatCalendarDate, formatCents, formatInstant } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Producer · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:producer");
  const { db } = appServices(args.context);
  const [submissions, policies, drafts] = await Promise.all([listSubmissions(db, user.tenant), listPolicies(db, user.tenant), listDrafts(db, user.tenant)]);
  return { submissions, policies, drafts };
}

export default function ProducerHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title="Your book"
        description="Submissions and policies of your agency."
        actions={
          <div className="flex gap-3">
            <Link to="submissions/upload" className="rounded-md border border-border bg-surface px-4 py-2 text-sm font-medium hover:bg-surface-muted">Upload ACORD 125</Link>
            <Link to="submissions/new" className="rounded-md bg-brand px-4 py-2 text-sm font-medium text-brand-contrast hover:bg-brand-strong">New submission</Link>
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
                    <Link className="text-brand hover:underline" to={d.source === "acord_125" ? `drafts/${d.id}` : `submissions/new?draft=${d.id}`}>
                      {d.insuredName ?? "Untitled draft"}
                    </Link>
                  ),
                },
                { header: "Source", cell: (d) => (d.source === "acord_125" ? "ACORD 125 upload" : "Intake form") },
                { header: "Saved", cell: (d) => formatInstant(d.updatedAt) },
                { header: "Status", cell: (d) => (<span className="flex gap-1"><StatusBadge status="draft" />{d.needsReview ? <Badge tone="warn">needs review</Badge> : null}</span>) },
              ]}
            />
          </Card>
        ) : null}
        <Card title="Submissions">
          <DataTable
            caption="Agency submissions"
            rows={loaderData.submissions}
            rowKey={(s) => s.id}
            empty="Your agency has no submissions yet."
            columns={[
              { header: "Reference", cell: (s) => <Link className="font-mono text-brand hover:underline" to={`submissions/${s.id}`}>{s.reference}</Link> },
              { header: "Insured", cell: (s) => s.insuredName },
              { header: "Line", cell: (s) => s.lineOfBusiness },
              { header: "Effective", cell: (s) => formatCalendarDate(s.effectiveDate) },
              { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            ]}
          />
        </Card>
        <Card title="Policies">
          <DataTable
            caption="Agency policies"
            rows={loaderData.policies}
            rowKey={(p) => p.id}
            empty="Your agency has no policies yet."
            columns={[
              { header: "Policy", cell: (p) => <Link className="font-mono text-brand hover:underline" to={`policies/${p.id}`}>{p.policyNumber}</Link> },
              { header: "Insured", cell: (p) => p.insuredName },
              { header: "Period", cell: (p) => `${formatCalendarDate(p.effectiveDate)} – ${formatCalendarDate(p.expirationDate)}` },
              { header: "Premium", numeric: true, cell: (p) => formatCents(p.grossPremiumCents) },
              { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
