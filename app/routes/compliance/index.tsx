import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { DaAgreementsCard } from "../../components/da-agreements-card.tsx";
import { bordereauTitle } from "../../components/bordereau-view.tsx";
import { Badge, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { countBordereaux, listBordereaux } from "../../models/bordereaux.server.ts";
import { listDaAgreements } from "../../models/da-agreements.server.ts";
import { listBreachAttempts } from "../../models/da-monitoring.server.ts";
import { listLicencePage } from "../../models/producer-licences.server.ts";
import { licenceStanding } from "../../services/compliance/licences.ts";
import { filingCalendar } from "../../services/compliance/filings.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { todayInUtc } from "../../utils/today.ts";

export const meta: Route.MetaFunction = () => [{ title: "Compliance · OpenInsure" }];

/** The dashboard shows the first few of each list; each card links to its full data table. */
const SHORT_LIST = 5;

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:licence");
  const { db } = appServices(args.context);
  const today = todayInUtc();
  const licencesWith = (standing: "expired" | "expiring") =>
    listLicencePage(
      db,
      user.tenant,
      { sort: "expires", dir: "asc", page: 1, pageSize: SHORT_LIST, q: "", filters: { standing } },
      today,
    );
  const [agreements, expired, expiring, filings, bordereaux, bordereauCount, breaches] = await Promise.all([
    listDaAgreements(db, user.tenant, { limit: SHORT_LIST }),
    licencesWith("expired"),
    licencesWith("expiring"),
    filingCalendar(db, user.tenant, today),
    listBordereaux(db, user.tenant, { statuses: TO_ACT_ON, limit: SHORT_LIST }),
    countBordereaux(db, user.tenant, TO_ACT_ON),
    listBreachAttempts(db, user.tenant, { limit: SHORT_LIST }),
  ]);
  const due = filings
    .filter((f) => f.status === "overdue" || f.status === "due_soon")
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return {
    agreements,
    licences: [...expired.rows, ...expiring.rows]
      .slice(0, SHORT_LIST)
      .map((l) => ({ ...l, standing: licenceStanding(l.expiresOn, today) })),
    counts: {
      overdue: due.filter((f) => f.status === "overdue").length,
      dueSoon: due.filter((f) => f.status === "due_soon").length,
      licences: expired.total + expiring.total,
      bordereaux: bordereauCount,
    },
    filings: due.slice(0, SHORT_LIST),
    bordereaux,
    breaches,
  };
}

const TO_ACT_ON = ["draft", "queried"] as const;

/** A card's link to the whole list behind its first few rows. */
function AllLink({ to, label }: { to: string; label: string }) {
  return (
    <Link className="text-sm text-brand hover:underline" to={to}>
      {label}
    </Link>
  );
}

export default function ComplianceHome({ loaderData }: Route.ComponentProps) {
  const { licences, filings, bordereaux, breaches, counts } = loaderData;
  return (
    <>
      <PageHeader title="Compliance" description="What is due, overdue and expiring." />
      <div className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-4">
          {(
            [
              ["Filings overdue", counts.overdue, "/compliance/filings?status=overdue"],
              ["Filings due in 30 days", counts.dueSoon, "/compliance/filings?status=due_soon"],
              ["Licences expired or expiring", counts.licences, "/compliance/licences"],
              ["Bordereaux to act on", counts.bordereaux, "/compliance/bordereaux"],
            ] as const
          ).map(([label, count, to]) => (
            <Link key={label} to={to} className="rounded-lg border border-border bg-surface p-4 hover:bg-surface-muted">
              <p className="text-sm text-text-muted">{label}</p>
              <p className="text-2xl font-semibold">{count}</p>
            </Link>
          ))}
        </div>
        <Card
          title="Filings due and overdue, soonest first"
          actions={<AllLink to="/compliance/filings" label="All filings" />}
        >
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
        <Card
          title="Licences expired or expiring within 60 days"
          actions={<AllLink to="/compliance/licences" label="All licences" />}
        >
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
        <Card title="Bordereaux to act on" actions={<AllLink to="/compliance/bordereaux" label="All bordereaux" />}>
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
          actions={<AllLink to="/compliance/authority" label="All breach attempts" />}
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
        <DaAgreementsCard agreements={loaderData.agreements} allHref="/compliance/authority" />
      </div>
    </>
  );
}
