import type { Route } from "./+types/balances";
import { Form } from "react-router";
import { requirePermission } from "../../auth/session.server.ts";
import { LineChart } from "../../components/charts/line-chart.tsx";
import { Badge, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { sumPostedMovementsByMonth } from "../../models/ledger-history.server.ts";
import { balancesByMonth, cashPosition, trialBalanceOf } from "../../services/ledger/balance-history.ts";
import { formatCents } from "../../utils/format.ts";
import { DEFAULT_TIME_ZONE } from "../../utils/today.ts";

export const meta: Route.MetaFunction = () => [{ title: "Cash position and trial balance · Finance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const months = balancesByMonth(
    await sumPostedMovementsByMonth(
      appServices(args.context).db,
      user.tenant.orgId,
      user.tenant.timeZone ?? DEFAULT_TIME_ZONE,
    ),
  );
  const asked = new URL(args.request.url).searchParams.get("month");
  const chosen = months.find((m) => m.month === asked) ?? months.at(-1) ?? null;
  return {
    cash: months.map((m) => ({ month: m.month, ...cashPosition(m.balances) })),
    trial: months.map((m) => ({ month: m.month, ...trialBalanceOf(m.balances) })),
    chosen: chosen ? { month: chosen.month, ...trialBalanceOf(chosen.balances) } : null,
  };
}

const dollars = (cents: number) => formatCents(cents);

export default function Balances({ loaderData }: Route.ComponentProps) {
  const { cash, trial, chosen } = loaderData;
  const labels = cash.map((c) => c.month);
  return (
    <>
      <PageHeader
        title="Cash position and trial balance"
        description="Month-end balances from the postings on the ledger (calendar months of the organization's time zone)."
      />
      <div className="grid gap-6">
        <Card title="Cash position">
          <LineChart
            title="Premium trust cash against the payables"
            description="At each month's end: cash held in the premium trust account, what of it is owed to the carrier, producers and tax authorities, and the MGA's own share still in trust."
            labels={labels}
            format={dollars}
            series={[
              { name: "Trust cash", points: cash.map((c) => ({ label: c.month, value: c.trustCashCents })) },
              { name: "Payables", points: cash.map((c) => ({ label: c.month, value: c.payablesCents })) },
              { name: "MGA share", points: cash.map((c) => ({ label: c.month, value: c.mgaShareCents })) },
            ]}
          />
        </Card>
        <Card title="Trial balance over time">
          <LineChart
            title="Total debits and credits at each month's end"
            description="The trial balance's two totals month by month: they are equal when the books balance."
            labels={labels}
            format={dollars}
            series={[
              { name: "Debits", points: trial.map((t) => ({ label: t.month, value: t.totalDebitCents })) },
              { name: "Credits", points: trial.map((t) => ({ label: t.month, value: t.totalCreditCents })) },
            ]}
          />
        </Card>
        {chosen ? (
          <Card
            title={`Trial balance at the end of ${chosen.month}`}
            actions={
              chosen.balanced ? <Badge tone="good">debits = credits</Badge> : <Badge tone="bad">out of balance</Badge>
            }
          >
            <Form method="get" className="mb-4 flex items-end gap-2 text-sm">
              <label className="grid gap-1">
                Month
                <select name="month" defaultValue={chosen.month} className="rounded-md border border-border px-2 py-1">
                  {labels.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded-md border border-border px-3 py-1.5">
                Show
              </button>
            </Form>
            <DataTable
              caption={`Trial balance at the end of ${chosen.month}`}
              rows={chosen.rows}
              rowKey={(r) => r.name}
              empty="No accounts."
              columns={[
                { header: "Account", cell: (r) => r.label },
                { header: "Debit", numeric: true, cell: (r) => (r.debitCents ? formatCents(r.debitCents) : "") },
                { header: "Credit", numeric: true, cell: (r) => (r.creditCents ? formatCents(r.creditCents) : "") },
              ]}
            />
          </Card>
        ) : (
          <Card title="Trial balance">
            <p className="text-sm text-text-muted">Nothing is posted on the ledger yet.</p>
          </Card>
        )}
      </div>
    </>
  );
}
