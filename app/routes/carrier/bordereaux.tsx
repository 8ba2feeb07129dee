import { Link } from "react-router";
import type { Route } from "./+types/bordereaux";
import { requirePermission } from "../../auth/session.server.ts";
import { BORDEREAU_FILTERS, bordereauTitle } from "../../components/bordereau-view.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { appServices } from "../../context.server.ts";
import { countBordereaux, listBordereauPage } from "../../models/bordereaux.server.ts";
import { bordereauTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Bordereaux inbox · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "review:bordereau");
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, bordereauTable);
  const [page, waiting] = await Promise.all([
    listBordereauPage(db, user.tenant, state),
    countBordereaux(db, user.tenant, ["submitted"]),
  ]);
  return { bordereaux: { ...page, state }, waiting };
}

export default function CarrierBordereaux({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title="Bordereaux"
        description={`${loaderData.waiting} waiting for your review. Accept a version, or query its lines and the MGA answers with a corrected version.`}
      />
      <Card>
        <PagedTable
          spec={bordereauTable}
          page={loaderData.bordereaux}
          caption="Bordereaux submitted to you"
          empty="No bordereau has been submitted to you yet."
          search="Search by reference or program"
          filters={BORDEREAU_FILTERS}
          exportPath="/carrier/bordereaux/export"
          rowKey={(b) => b.id}
          columns={[
            {
              id: "period",
              header: "Report",
              cell: (b) => (
                <Link className="text-brand hover:underline" to={b.id}>
                  {bordereauTitle(b)}
                </Link>
              ),
            },
            {
              id: "agreement",
              header: "Agreement",
              cell: (b) => <span className="font-mono">{b.agreementReference}</span>,
            },
            { id: "version", header: "Version", cell: (b) => String(b.version) },
            { id: "status", header: "Status", cell: (b) => <StatusBadge status={b.status} /> },
            { id: "lines", header: "Lines", numeric: true, cell: (b) => String(b.lineCount) },
            {
              id: "submitted",
              header: "Submitted",
              cell: (b) => (b.submittedAt ? <LocalTime value={b.submittedAt} /> : "—"),
            },
          ]}
        />
      </Card>
    </>
  );
}
