import { Link } from "react-router";
import type { Route } from "./+types/statements";
import { requirePermission } from "../../auth/session.server.ts";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listAgencyStatementPage, listCommissionStatementPage } from "../../models/statement-lists.server.ts";
import { agencyStatementTable, commissionStatementTable } from "../../models/table-specs.ts";
import { formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Commission statements · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:commission-statement");
  invariantResponse(user.tenant.agencyId, "Your account is not linked to a producer agency.", { status: 403 });
  const { db } = appServices(args.context);
  const params = new URL(args.request.url).searchParams;
  const scope = { orgId: user.tenant.orgId, agencyId: user.tenant.agencyId };
  const states = {
    commission: parseTableState(params, commissionStatementTable),
    agencyBill: parseTableState(params, agencyStatementTable),
  };
  const [commission, agencyBill] = await Promise.all([
    listCommissionStatementPage(db, scope, states.commission),
    listAgencyStatementPage(db, scope, states.agencyBill),
  ]);
  return {
    commission: { ...commission, state: states.commission, spec: commissionStatementTable },
    agencyBill: { ...agencyBill, state: states.agencyBill, spec: agencyStatementTable },
  };
}

const statusOptions = (statuses: readonly string[] | undefined) =>
  (statuses ?? []).map((value) => ({ value, label: value }));

export default function ProducerStatements({ loaderData }: Route.ComponentProps) {
  const { commission, agencyBill } = loaderData;
  return (
    <>
      <PageHeader
        title="Commission statements"
        description="Your agency's commission month by month, and what it remits for the invoices it collects."
      />
      <div className="grid gap-6">
        <Card title="Commission">
          <PagedTable
            spec={commission.spec}
            page={commission}
            caption="Commission statements"
            rowKey={(s) => s.id}
            empty="No statements yet."
            search="Search by month"
            filters={[{ name: "status", label: "Status", options: statusOptions(commission.spec.filters?.status) }]}
            exportPath="/producer/commission-statements/export"
            columns={[
              {
                id: "period",
                header: "Month",
                cell: (s) => (
                  <Link className="text-brand hover:underline" to={s.id}>
                    {s.period}
                  </Link>
                ),
              },
              { id: "transactions", header: "Transactions", numeric: true, cell: (s) => s.transactionCount },
              { id: "commission", header: "Commission", numeric: true, cell: (s) => formatCents(s.commissionCents) },
              { id: "status", header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            ]}
          />
        </Card>
        <Card title="Agency bill">
          <PagedTable
            spec={agencyBill.spec}
            page={agencyBill}
            caption="Agency-bill statements"
            rowKey={(s) => s.id}
            empty="No agency-billed invoices have fallen due."
            search="Search by month or reference"
            filters={[{ name: "status", label: "Status", options: statusOptions(agencyBill.spec.filters?.status) }]}
            exportPath="/producer/agency-statements/export"
            columns={[
              { id: "period", header: "Month", cell: (s) => s.period },
              { id: "invoices", header: "Invoices", numeric: true, cell: (s) => s.invoiceCount },
              { id: "gross", header: "Collected", numeric: true, cell: (s) => formatCents(s.grossCents) },
              { id: "kept", header: "Commission kept", numeric: true, cell: (s) => formatCents(s.commissionCents) },
              { id: "net", header: "Net to remit", numeric: true, cell: (s) => formatCents(s.netCents) },
              { id: "status", header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
