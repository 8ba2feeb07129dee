import type { Route } from "./+types/dashboard";
import { requirePermission } from "../../auth/session.server.ts";
import { BarChart } from "../../components/charts/bar-chart.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { loadClaimsDashboard } from "../../services/claims/claims-dashboard.server.ts";
import { formatCents } from "../../utils/format.ts";
import { todayInUtc } from "../../utils/today.ts";

export const meta: Route.MetaFunction = () => [{ title: "Claims dashboard · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "approve:reserve");
  return loadClaimsDashboard(appServices(args.context).db, user.tenant.orgId, todayInUtc());
}

export default function ClaimsDashboard({ loaderData }: Route.ComponentProps) {
  const { byStatus, reserves, workload, aging, lossRatios } = loaderData;
  return (
    <>
      <PageHeader title="Claims dashboard" description={`Outstanding case reserves: ${formatCents(reserves)}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Open claims by status">
          <BarChart
            title="Open claims by status"
            description="How many claims are in each open status."
            data={byStatus.map((s) => ({ label: s.status.replaceAll("_", " "), value: s.count }))}
            valueLabel="Claims"
          />
        </Card>
        <Card title="Reserves by status">
          <BarChart
            title="Case reserves by status"
            description="Outstanding reserves of open claims per status."
            data={byStatus.map((s) => ({ label: s.status.replaceAll("_", " "), value: s.reserveCents }))}
            format={(v) => formatCents(v)}
            valueLabel="Case reserve"
          />
        </Card>
        <Card title="Aging">
          <BarChart title="Open claims by age" description="Days since reported." data={aging} valueLabel="Claims" />
        </Card>
        <Card title="Adjuster workload">
          <BarChart
            title="Open claims per adjuster"
            description="Open claims per adjuster."
            data={workload}
            valueLabel="Claims"
          />
        </Card>
        <Card title="Loss ratio by program" className="lg:col-span-2">
          <BarChart
            title="Loss ratio by program"
            description="Incurred (paid + case reserve) / earned premium, in percent."
            data={lossRatios.map((p) => ({
              label: p.programName,
              value: p.ratio === null ? 0 : Number(p.ratio) * 100,
            }))}
            format={(v) => `${v.toFixed(1)}%`}
            valueLabel="Loss ratio"
          />
        </Card>
      </div>
    </>
  );
}
