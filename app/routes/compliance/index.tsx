import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { DaAgreementsCard } from "../../components/da-agreements-card.tsx";
import { bordereauTitle } from "../../components/bordereau-view.tsx";
import { Badge, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listBordereaux } from "../../models/bordereaux.server.ts";
import { listDaAgreements } from "../../models/da-agreements.server.ts";
import { listBreachAttempts } from "../../models/da-monitoring.server.ts";
import { listProducerLicences } from "../../models/producer-licences.server.ts";
import { licenceStanding } from "../../services/compliance/licences.ts";
import { filingCalendar } from "../../services/compliance/filings.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { todayInUtc } from "../../utils/today.ts";

export const meta: Route.MetaFunction = () => [{ title: "Compliance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:licence");
  const { db } = appServices(args.context);
  const today = todayInUtc();
  const [agreements, licences, filings, bordereaux, breaches] = await Promise.all([
    listDaAgreements(db, user.tenant),
    listProducerLicences(db, user.tenant),
    filingCalendar(db, user.tenant, today),
    listBordereaux(db, user.tenant, { statuses: ["draft", "queried"] }),
    listBreachAttempts(db, user.tenant, { limit: 10 }),
  ]);
  return {
    agreements,
    licences: licences
      .map((l) => ({ ...l, standing: licenceStanding(l.expiresOn, today) }))
      .filter((l) => l.standing.kind !== "valid"),
    filings: filings.filter((f) => f.status === "overdue" || f.status === "due_soon"),
    bordereaux,
    breaches,
  };
}

export default function ComplianceHome({ loaderData }: Route.ComponentProps) {
  const { licences, filings, bordereaux, breaches } = loaderData;
  return (
    <>
      <PageHeader title="Compliance" description="What is due, overdue and expiring." />
      <div className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-4">
          {(
            [
              ["Filings overdue", filings.filter((f) => f.status === "overdue").length, "/compliance/filings"],
              ["Filings due in 30 days", filings.filter((f) => f.status === "due_soon").length, "/compliance/filings"],
              ["Licences expired or expiring", licences.length, "/compliance/licences"],
              ["Bordereaux to act on", bordereaux.length, "/compliance/bordereaux"],
            ] as const
          ).map(([label, count, to]) => (
            <Link key={label} to={to} className="rounded-lg border border-border bg-surface p-4 hover:bg-surface-muted">
              <p className="text-sm text-text-muted">{label}</p>
              <p className="text-2xl font-semibold">{count}</p>
            </Link>
          ))}
        </div>
        <Card title="Filings due and overdue">
          <DataTable
            caption="Filings due and overdue"
            rows={filings}
            rowKey={(f) => `${f.state}-${f.periodStart}`}
            empty="Nothing due in the next 30 days."
            columns={[
              { header: "State", cell: (f) => f.state },
              {
                header: "Period",
                cell: (f) => `${formatCalendarDate(f.periodStart)} – ${formatCalendarDate(f.periodEnd)}`,
              },
              { header: "Due", cell: (f) => formatCalendarDate(f.dueOn) },
              { header: "Tax", numeric: true, cell: (f) => formatCents(f.amounts.taxCents) },
              {
                header: "Status",
                cell: (f) => <Badge tone={f.status === "overdue" ? "bad" : "warn"}>{f.status.replace("_", " ")}</Badge>,
              },
            ]}
          />
        </Card>
        <Card title="Licences expired or expiring within 60 days">
          <DataTable
            caption="Licences expired or expiring"
            rows={licences}
            rowKey={(l) => l.id}
            empty="Every licence is good for more than 60 days."
            columns={[
              { header: "Holder", cell: (l) => l.producerName ?? `${l.agencyName} (agency)` },
              { header: "State", cell: (l) => l.state },
              { header: "Number", cell: (l) => <span className="font-mono">{l.licenceNumber}</span> },
              { header: "Expires", cell: (l) => formatCalendarDate(l.expiresOn) },
              {
                header: "Standing",
                cell: (l) =>
                  l.standing.kind === "expired" ? (
                    <Badge tone="bad">expired</Badge>
                  ) : (
                    <Badge tone="warn">in {l.standing.days} days</Badge>
                  ),
              },
            ]}
          />
        </Card>
        <Card title="Bordereaux to act on">
          <DataTable
            caption="Bordereaux in draft or queried"
            rows={bordereaux}
            rowKey={(b) => b.id}
            empty="Nothing waiting."
            columns={[
              {
                header: "Report",
                cell: (b) => (
                  <Link className="text-brand hover:underline" to={`bordereaux/${b.id}`}>
                    {bordereauTitle(b)}
                  </Link>
                ),
              },
              { header: "Agreement", cell: (b) => <span className="font-mono">{b.agreementReference}</span> },
              { header: "Version", cell: (b) => String(b.version) },
              { header: "Status", cell: (b) => <StatusBadge status={b.status} /> },
            ]}
          />
        </Card>
        <Card
          title="Recent breach attempts"
          actions={
            <Link className="text-sm text-brand hover:underline" to="authority">
              All
            </Link>
          }
        >
          <DataTable
            caption="Recent breach attempts"
            rows={breaches}
            rowKey={(b) => b.id}
            empty="No bind has been refused by a delegated-authority check."
            columns={[
              { header: "Day", cell: (b) => formatCalendarDate(b.attemptedOn) },
              { header: "Agreement", cell: (b) => <span className="font-mono">{b.agreementReference}</span> },
              { header: "Submission", cell: (b) => <span className="font-mono">{b.submissionReference}</span> },
              { header: "Why", cell: (b) => b.checks.map((c) => c.detail).join("; ") },
            ]}
          />
        </Card>
        <DaAgreementsCard agreements={loaderData.agreements} />
      </div>
    </>
  );
}
