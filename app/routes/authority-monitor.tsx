import type { Route } from "./+types/authority-monitor";
import { requirePermission } from "../auth/session.server.ts";
import { LineChart } from "../components/charts/index.ts";
import { PagedTable } from "../components/data-table.tsx";
import { Badge, Card, PageHeader, StatusBadge } from "../components/ui.tsx";
import { LocalTime } from "../components/local-time.tsx";
import { appServices } from "../context.server.ts";
import { agreementPremiumByMonth } from "../models/carrier-reporting.server.ts";
import { listBreachAttemptPage } from "../models/da-monitoring.server.ts";
import { breachAttemptTable, utilizationTable } from "../models/table-specs.ts";
import { parseTableState } from "../utils/table-state.ts";
import { utilizationOf, utilizationRows } from "../services/carrier/utilization-table.ts";
import { formatCalendarDate, formatCents } from "../utils/format.ts";
import { todayInUtc } from "../utils/today.ts";

export const meta: Route.MetaFunction = () => [{ title: "Delegated authority · OpenInsure" }];

/** Both the carrier's and the compliance officer's view; a carrier user sees only its own paper. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:da-agreement");
  const { db } = appServices(args.context);
  const today = todayInUtc();
  const params = new URL(args.request.url).searchParams;
  const state = parseTableState(params, breachAttemptTable);
  const utilizationState = parseTableState(params, utilizationTable);
  const area = new URL(args.request.url).pathname.startsWith("/carrier/") ? "carrier" : "compliance";
  const [agreements, breaches] = await Promise.all([
    agreementPremiumByMonth(db, user.tenant),
    listBreachAttemptPage(db, user.tenant, state),
  ]);
  return {
    agreements: { ...utilizationRows(utilizationOf(agreements, today), utilizationState), state: utilizationState },
    breaches: { ...breaches, state },
    exportPath: `/${area}/authority/breaches/export`,
    utilizationExportPath: `/${area}/authority/utilization/export`,
  };
}

const percent = (basisPoints: number | null) => (basisPoints === null ? "—" : `${(basisPoints / 100).toFixed(1)}%`);
const tone = (basisPoints: number | null) =>
  basisPoints === null ? "neutral" : basisPoints >= 10_000 ? "bad" : basisPoints >= 7_500 ? "warn" : "good";

export default function AuthorityMonitor({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title="Delegated authority"
        description="Each agreement's use of its annual and quarterly premium limits, every bind its checks refused and every quote they referred."
      />
      <div className="grid gap-6">
        <Card title="Utilization">
          <PagedTable
            spec={utilizationTable}
            page={loaderData.agreements}
            caption="Utilization per agreement"
            empty="No agreements."
            search="Search by agreement or program"
            filters={[
              {
                name: "status",
                label: "Agreement status",
                options: ["active", "suspended", "expired"].map((s) => ({ value: s, label: s })),
              },
            ]}
            exportPath={loaderData.utilizationExportPath}
            rowKey={(a) => a.id}
            columns={[
              { id: "agreement", header: "Agreement", cell: (a) => <span className="font-mono">{a.reference}</span> },
              { id: "program", header: "Program", cell: (a) => a.programName },
              { id: "status", header: "Status", cell: (a) => <StatusBadge status={a.status} /> },
              {
                id: "annual",
                header: "Annual",
                cell: (a) => (
                  <span>
                    {formatCents(a.boundGwpCents)} / {formatCents(a.annualGwpLimitCents)}{" "}
                    <Badge tone={tone(a.annualBasisPoints)}>{percent(a.annualBasisPoints)}</Badge>
                  </span>
                ),
              },
              {
                id: "quarter",
                header: "Quarter",
                cell: (a) =>
                  a.quarterlyGwpLimitCents === null ? (
                    <span>
                      {formatCents(a.quarterCents)} (Q{a.quarter.quarter}, no quarterly limit)
                    </span>
                  ) : (
                    <span>
                      {formatCents(a.quarterCents)} / {formatCents(a.quarterlyGwpLimitCents)}{" "}
                      <Badge tone={tone(a.quarterBasisPoints)}>{percent(a.quarterBasisPoints)}</Badge>
                    </span>
                  ),
              },
              {
                id: "expires",
                header: "Term",
                cell: (a) => `${formatCalendarDate(a.effectiveDate)} – ${formatCalendarDate(a.expirationDate)}`,
              },
            ]}
          />
        </Card>
        {loaderData.agreements.rows
          .filter((a) => a.trend.length > 0)
          .map((a) => (
            <Card key={a.id} title={`${a.reference}: premium written against the annual limit`}>
              <LineChart
                title={`${a.reference} cumulative written premium`}
                description={`Cumulative premium booked under ${a.reference} by month, with its annual limit.`}
                labels={a.trend.map((t) => t.month)}
                series={[
                  {
                    name: "Written premium",
                    points: a.trend.map((t) => ({ label: t.month, value: t.cumulativeCents / 100 })),
                  },
                  {
                    name: "Annual limit",
                    points: a.trend.map((t) => ({ label: t.month, value: a.annualGwpLimitCents / 100 })),
                  },
                ]}
                format={(v) => `$${Math.round(v).toLocaleString("en-US")}`}
              />
            </Card>
          ))}
        <Card title="Breach attempts">
          <PagedTable
            spec={breachAttemptTable}
            page={loaderData.breaches}
            caption="Binds refused and quotes referred by a delegated-authority check"
            empty="No bind or quote has failed a delegated-authority check."
            search="Search by agreement or submission"
            filters={[
              {
                name: "outcome",
                label: "Outcome",
                options: [
                  { value: "refused", label: "bind refused" },
                  { value: "referred", label: "quote referred" },
                ],
              },
            ]}
            exportPath={loaderData.exportPath}
            rowKey={(b) => b.id}
            columns={[
              { id: "when", header: "When", cell: (b) => <LocalTime value={b.createdAt} /> },
              {
                id: "agreement",
                header: "Agreement",
                cell: (b) => <span className="font-mono">{b.agreementReference}</span>,
              },
              {
                id: "submission",
                header: "Submission",
                cell: (b) => <span className="font-mono">{b.submissionReference}</span>,
              },
              { id: "premium", header: "Premium", numeric: true, cell: (b) => formatCents(b.grossPremiumCents) },
              {
                id: "outcome",
                header: "Outcome",
                cell: (b) => <Badge tone={b.outcome === "refused" ? "bad" : "warn"}>{b.outcome}</Badge>,
              },
              { id: "why", header: "Why", cell: (b) => b.checks.map((c) => c.detail).join("; ") },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
