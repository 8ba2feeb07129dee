import { Link } from "react-router";
import type { Route } from "./+types/bordereaux";
import { requirePermission } from "../../auth/session.server.ts";
import { bordereauTitle } from "../../components/bordereau-view.tsx";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { appServices } from "../../context.server.ts";
import { listBordereaux } from "../../models/bordereaux.server.ts";

export const meta: Route.MetaFunction = () => [{ title: "Bordereaux inbox · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "review:bordereau");
  return { bordereaux: await listBordereaux(appServices(args.context).db, user.tenant) };
}

export default function CarrierBordereaux({ loaderData }: Route.ComponentProps) {
  const waiting = loaderData.bordereaux.filter((b) => b.status === "submitted");
  return (
    <>
      <PageHeader
        title="Bordereaux"
        description={`${waiting.length} waiting for your review. Accept a version, or query its lines and the MGA answers with a corrected version.`}
      />
      <Card>
        <DataTable
          caption="Bordereaux submitted to you"
          rows={loaderData.bordereaux}
          rowKey={(b) => b.id}
          empty="No bordereau has been submitted to you yet."
          columns={[
            {
              header: "Report",
              cell: (b) => (
                <Link className="text-brand hover:underline" to={b.id}>
                  {bordereauTitle(b)}
                </Link>
              ),
            },
            { header: "Agreement", cell: (b) => <span className="font-mono">{b.agreementReference}</span> },
            { header: "Version", cell: (b) => String(b.version) },
            { header: "Status", cell: (b) => <StatusBadge status={b.status} /> },
            { header: "Lines", numeric: true, cell: (b) => String(b.lineCount) },
            { header: "Submitted", cell: (b) => (b.submittedAt ? <LocalTime value={b.submittedAt} /> : "—") },
          ]}
        />
      </Card>
    </>
  );
}
