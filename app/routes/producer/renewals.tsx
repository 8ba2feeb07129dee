import { Link } from "react-router";
import type { Route } from "./+types/renewals";
import { requirePermission } from "../../auth/session.server.ts";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listRenewalQueuePage } from "../../models/renewals.server.ts";
import { renewalQueueTable } from "../../models/table-specs.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Renewals · OpenInsure" }];

/** The agency's renewal queue: every offer the daily job prepared 60 days before expiry. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:producer");
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, renewalQueueTable);
  const page = await listRenewalQueuePage(db, user.tenant, state);
  return { offers: { ...page, state, spec: renewalQueueTable } };
}

export default function Renewals({ loaderData }: Route.ComponentProps) {
  const { offers } = loaderData;
  return (
    <>
      <PageHeader
        title="Renewals"
        description="Offers for the next term, prepared 60 days before each policy expires and re-rated on the rates in force at renewal."
      />
      <Card title="Renewal queue">
        <PagedTable
          spec={offers.spec}
          page={offers}
          caption="Renewal offers"
          empty="No policy of your agency is coming up for renewal."
          search="Search by insured or policy number"
          filters={[
            {
              name: "status",
              label: "Status",
              options: (offers.spec.filters?.status ?? []).map((s) => ({ value: s, label: s.replaceAll("_", " ") })),
            },
          ]}
          exportPath="/producer/renewals/export"
          rowKey={(o) => o.id}
          columns={[
            {
              id: "policy",
              header: "Expiring policy",
              cell: (o) => (
                <Link className="font-mono text-brand hover:underline" to={`/producer/renewals/${o.id}`}>
                  {o.policyNumber}
                </Link>
              ),
            },
            { id: "insured", header: "Insured", cell: (o) => o.insuredName },
            { id: "renewal", header: "Renews on", cell: (o) => formatCalendarDate(o.renewalDate) },
            {
              id: "expiring",
              header: "Expiring premium",
              numeric: true,
              cell: (o) => formatCents(o.expiringPremiumCents),
            },
            {
              id: "premium",
              header: "Renewal premium",
              numeric: true,
              cell: (o) => formatCents(o.renewalPremiumCents),
            },
            { id: "status", header: "Status", cell: (o) => <StatusBadge status={o.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
