import type { Route } from "./+types/aging";
import { requirePermission } from "../../auth/session.server.ts";
import { BarChart } from "../../components/charts/bar-chart.tsx";
import { Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { sumReceivablesByAge } from "../../models/statements.server.ts";
import { AGING_BUCKETS, agingTable } from "../../services/ledger/statements.ts";
import { formatCents } from "../../utils/format.ts";
import { todayInUtc } from "../../utils/today.ts";

export const meta: Route.MetaFunction = () => [{ title: "Receivables aging · Finance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:invoice");
  const today = todayInUtc();
  const rows = await sumReceivablesByAge(appServices(args.context).db, user.tenant.orgId, today);
  return { today, ...agingTable(rows) };
}

export default function Aging({ loaderData }: Route.ComponentProps) {
  const { lines, totals, today } = loaderData;
  return (
    <>
      <PageHeader
        title="Receivables aging"
        description={`What open invoices still owe on ${today}, by days past due: ${formatCents(totals.total)} in all.`}
      />
      <div className="grid gap-6">
        <Card title="By age">
          <BarChart
            title="Open receivables by days past due"
            description="Unpaid balance of open and overdue invoices in each aging bucket"
            data={AGING_BUCKETS.map((bucket) => ({
              label: bucket === "current" ? "Current" : `${bucket} days`,
              value: totals[bucket] / 100,
            }))}
            format={(v) => `$${v.toLocaleString("en-US", { maximumFractionDigits: 0 })}`}
          />
        </Card>
        <Card title="By agency and program">
          <DataTable
            caption="Receivables by agency and program"
            rows={lines}
            rowKey={(l) => `${l.agencyName}:${l.programName}`}
            empty="No open receivables."
            columns={[
              { header: "Agency", cell: (l) => l.agencyName },
              { header: "Program", cell: (l) => l.programName },
              ...AGING_BUCKETS.map((bucket) => ({
                header: bucket === "current" ? "Current" : bucket,
                numeric: true,
                cell: (l: (typeof lines)[number]) => formatCents(l[bucket]),
              })),
              { header: "Total", numeric: true, cell: (l) => formatCents(l.total) },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
