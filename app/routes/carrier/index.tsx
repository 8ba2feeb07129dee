import { Link } from "react-router";
import { CLAIM_STATUSES } from "../../../db/schema/claims.ts";
import { POLICY_STATUSES } from "../../../db/schema/index.ts";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { DaAgreementsCard } from "../../components/da-agreements-card.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDaAgreements } from "../../models/da-agreements.server.ts";
import { listPolicyBookPage } from "../../models/policy-book.server.ts";
import {
  listClaimsOnPaperPage,
  lossRatioByProgram,
  premiumWrittenByMonth,
} from "../../models/carrier-reporting.server.ts";
import { carrierClaimTable, policyBookTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { BarChart } from "../../components/charts/index.ts";
import { addMonths } from "../../utils/calendar-date.ts";
import { todayInUtc } from "../../utils/today.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

const SHORT_LIST = 5;

export const meta: Route.MetaFunction = () => [{ title: "Carrier · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:carrier");
  const { db } = appServices(args.context);
  const params = new URL(args.request.url).searchParams;
  const policyState = parseTableState(params, policyBookTable);
  const claimState = parseTableState(params, carrierClaimTable);
  const from = `${addMonths(todayInUtc(), -11).slice(0, 7)}-01`;
  const [policies, agreements, byMonth, byProgram, claims] = await Promise.all([
    listPolicyBookPage(db, user.tenant, policyState),
    listDaAgreements(db, user.tenant, { limit: SHORT_LIST }),
    premiumWrittenByMonth(db, user.tenant, from),
    lossRatioByProgram(db, user.tenant),
    listClaimsOnPaperPage(db, user.tenant, claimState),
  ]);
  return {
    policies: { ...policies, state: policyState },
    agreements,
    byMonth,
    byProgram,
    claims: { ...claims, state: claimState },
  };
}

const statusOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replaceAll("_", " ") }));

export default function CarrierHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="Carrier oversight" description="Business written on your paper under delegated authority." />
      <div className="grid gap-6">
        <DaAgreementsCard agreements={loaderData.agreements} allHref="/carrier/authority" />
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
        <Card title="Claims on your paper">
          <PagedTable
            spec={carrierClaimTable}
            page={loaderData.claims}
            caption="Claims on your paper"
            empty="No claims."
            search="Search by claim, policy or insured"
            filters={[{ name: "status", label: "Status", options: statusOptions(CLAIM_STATUSES) }]}
            exportPath="/carrier/claims/export"
            rowKey={(c) => c.id}
            columns={[
              { id: "claim", header: "Claim", cell: (c) => <span className="font-mono">{c.claimNumber}</span> },
              { id: "policy", header: "Policy", cell: (c) => <span className="font-mono">{c.policyNumber}</span> },
              { id: "insured", header: "Insured", cell: (c) => c.insuredName },
              { id: "loss", header: "Date of loss", cell: (c) => formatCalendarDate(c.dateOfLoss) },
              { id: "reported", header: "Reported", cell: (c) => formatCalendarDate(c.reportedOn) },
              { id: "status", header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
              { id: "reserve", header: "Reserve", numeric: true, cell: (c) => formatCents(c.caseReserveCents) },
              { id: "paid", header: "Paid", numeric: true, cell: (c) => formatCents(c.paidCents) },
            ]}
          />
        </Card>
        <Card title="Policies on your paper">
          <PagedTable
            spec={policyBookTable}
            page={loaderData.policies}
            caption="Policies on your paper"
            empty="No policies written on your paper yet."
            search="Search by insured or policy number"
            filters={[{ name: "status", label: "Status", options: statusOptions(POLICY_STATUSES) }]}
            exportPath="/carrier/policies/export"
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
              { id: "agency", header: "Agency", cell: (p) => p.agencyName },
              { id: "effective", header: "Effective", cell: (p) => formatCalendarDate(p.effectiveDate) },
              { id: "premium", header: "Premium", numeric: true, cell: (p) => formatCents(p.grossPremiumCents) },
              { id: "status", header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
