import { Form, Link } from "react-router";
import { CLAIM_STATUSES } from "../../../db/schema/claims.ts";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { DaAgreementsCard } from "../../components/da-agreements-card.tsx";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDaAgreements } from "../../models/da-agreements.server.ts";
import { listPolicies } from "../../models/policies.server.ts";
import { lossRatioByProgram, listClaimsOnPaper, premiumWrittenByMonth } from "../../models/carrier-reporting.server.ts";
import { BarChart } from "../../components/charts/index.ts";
import { addMonths } from "../../utils/calendar-date.ts";
import { todayInUtc } from "../../utils/today.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Carrier · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:carrier");
  const { db } = appServices(args.context);
  const status = new URL(args.request.url).searchParams.get("claimStatus") || undefined;
  const from = `${addMonths(todayInUtc(), -11).slice(0, 7)}-01`;
  const [policies, agreements, byMonth, byProgram, claims] = await Promise.all([
    listPolicies(db, user.tenant),
    listDaAgreements(db, user.tenant),
    premiumWrittenByMonth(db, user.tenant, from),
    lossRatioByProgram(db, user.tenant),
    listClaimsOnPaper(db, user.tenant, { status }),
  ]);
  return { policies, agreements, byMonth, byProgram, claims, claimStatus: status ?? "" };
}

export default function CarrierHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="Carrier oversight" description="Business written on your paper under delegated authority." />
      <div className="grid gap-6">
        <DaAgreementsCard agreements={loaderData.agreements} />
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Premium written by month">
            <BarChart
              title="Premium written by month"
              description="Gross premium booked on your paper each month, net of returns."
              data={loaderData.byMonth.map((m) => ({ label: m.month, value: m.premiumCents / 100 }))}
              valueLabel="Premium (USD)"
              format={(v) => `$${Math.round(v).toLocaleString("en-US")}`}
            />
          </Card>
          <Card title="Loss ratio by program">
            <BarChart
              title="Loss ratio by program"
              description="Incurred losses (paid plus case reserves) as a share of written premium, per program."
              data={loaderData.byProgram.map((p) => ({
                label: p.name,
                value: p.writtenCents > 0 ? Math.round((p.incurredCents / p.writtenCents) * 1000) / 10 : 0,
              }))}
              valueLabel="Loss ratio (%)"
              format={(v) => `${v}%`}
            />
          </Card>
        </div>
        <Card
          title="Claims on your paper"
          actions={
            <Form method="get" className="flex items-center gap-2 text-sm">
              <label htmlFor="claimStatus">Status</label>
              <select
                id="claimStatus"
                name="claimStatus"
                defaultValue={loaderData.claimStatus}
                className="rounded-md border border-border bg-surface px-2 py-1"
              >
                <option value="">All</option>
                {CLAIM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s.replace("_", " ")}
                  </option>
                ))}
              </select>
              <button type="submit" className="text-brand hover:underline">
                Filter
              </button>
            </Form>
          }
        >
          <DataTable
            caption="Claims on your paper"
            rows={loaderData.claims}
            rowKey={(c) => c.id}
            empty="No claims."
            columns={[
              { header: "Claim", cell: (c) => <span className="font-mono">{c.claimNumber}</span> },
              { header: "Policy", cell: (c) => <span className="font-mono">{c.policyNumber}</span> },
              { header: "Insured", cell: (c) => c.insuredName },
              { header: "Date of loss", cell: (c) => formatCalendarDate(c.dateOfLoss) },
              { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
              { header: "Reserve", numeric: true, cell: (c) => formatCents(c.caseReserveCents) },
              { header: "Paid", numeric: true, cell: (c) => formatCents(c.paidCents) },
            ]}
          />
        </Card>
        <Card title="Policies on your paper">
          <DataTable
            caption="Policies on your paper"
            rows={loaderData.policies}
            rowKey={(p) => p.id}
            empty="No policies written on your paper yet."
            columns={[
              {
                header: "Policy",
                cell: (p) => (
                  <Link className="font-mono text-brand hover:underline" to={`policies/${p.id}`}>
                    {p.policyNumber}
                  </Link>
                ),
              },
              { header: "Insured", cell: (p) => p.insuredName },
              { header: "Agency", cell: (p) => p.agencyName },
              { header: "Effective", cell: (p) => formatCalendarDate(p.effectiveDate) },
              { header: "Premium", numeric: true, cell: (p) => formatCents(p.grossPremiumCents) },
              { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
