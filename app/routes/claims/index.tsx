import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listClaimBookPage } from "../../models/claim-book.server.ts";
import { listOverdueTasks } from "../../models/claims.server.ts";
import { claimBookTable } from "../../models/table-specs.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { todayInUtc } from "../../utils/today.ts";

export const meta: Route.MetaFunction = () => [{ title: "Claims · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:claim");
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, claimBookTable);
  const [page, overdue] = await Promise.all([
    listClaimBookPage(db, user.tenant, state),
    listOverdueTasks(db, user.tenant.orgId, user.tenant.userId, todayInUtc()),
  ]);
  return {
    claims: { ...page, state, spec: claimBookTable },
    overdue,
    supervisor: user.tenant.roles.includes("claims_supervisor"),
  };
}

const statusOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replaceAll("_", " ") }));

export default function ClaimsHome({ loaderData }: Route.ComponentProps) {
  const { claims, overdue, supervisor } = loaderData;
  return (
    <>
      <PageHeader
        title="Claims"
        description={supervisor ? "Every claim of the organization." : "Claims assigned to you."}
      />
      <div className="grid gap-6">
        <nav className="flex flex-wrap gap-4 text-sm">
          <Link className="text-brand hover:underline" to="new">
            Take a first notice of loss
          </Link>
          {supervisor ? (
            <>
              <Link className="text-brand hover:underline" to="approvals">
                Reserve approvals
              </Link>
              <Link className="text-brand hover:underline" to="adjusters">
                Adjusters
              </Link>
              <Link className="text-brand hover:underline" to="dashboard">
                Dashboard
              </Link>
            </>
          ) : null}
        </nav>
        {overdue.length > 0 ? (
          <Card title="Overdue diary">
            <DataTable
              caption="Your overdue diary entries"
              rows={overdue}
              rowKey={(t) => t.id}
              empty=""
              columns={[
                { header: "Due", cell: (t) => formatCalendarDate(t.dueOn) },
                {
                  header: "Claim",
                  cell: (t) => (
                    <Link className="font-mono text-brand hover:underline" to={t.claimId}>
                      {t.claimNumber}
                    </Link>
                  ),
                },
                { header: "Task", cell: (t) => t.title },
              ]}
            />
          </Card>
        ) : null}
        <Card>
          <PagedTable
            spec={claims.spec}
            page={claims}
            caption="Claims"
            empty="No claims to show."
            search="Search by claim, policy or insured"
            filters={[{ name: "status", label: "Status", options: statusOptions(claims.spec.filters?.status ?? []) }]}
            exportPath="/claims/export"
            rowKey={(c) => c.id}
            columns={[
              {
                id: "claim",
                header: "Claim",
                cell: (c) => (
                  <Link className="font-mono text-brand hover:underline" to={c.id}>
                    {c.claimNumber}
                  </Link>
                ),
              },
              { id: "policy", header: "Policy", cell: (c) => <span className="font-mono">{c.policyNumber}</span> },
              { id: "insured", header: "Insured", cell: (c) => c.insuredName },
              { id: "type", header: "Loss type", cell: (c) => c.lossType },
              { id: "loss", header: "Date of loss", cell: (c) => formatCalendarDate(c.dateOfLoss) },
              { id: "reported", header: "Reported", cell: (c) => formatCalendarDate(c.reportedOn) },
              { id: "reserve", header: "Case reserve", numeric: true, cell: (c) => formatCents(c.caseReserveCents) },
              { id: "paid", header: "Paid", numeric: true, cell: (c) => formatCents(c.paidCents) },
              { id: "status", header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
