import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listSubmissions, NEEDS_UNDERWRITING } from "../../models/submissions.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Underwriting queue · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const submissions = await listSubmissions(appServices(args.context).db, user.tenant, { statuses: NEEDS_UNDERWRITING });
  return { submissions };
}

export default function UnderwritingQueue({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="Underwriting queue" description="Submissions waiting on an underwriter, newest first." />
      <Card>
        <DataTable
          caption="Submissions needing attention"
          rows={loaderData.submissions}
          rowKey={(s) => s.id}
          empty="Nothing is waiting on underwriting."
          columns={[
            { header: "Reference", cell: (s) => <Link className="font-mono text-brand underline-offset-4 hover:underline" to={`submissions/${s.id}`}>{s.reference}</Link> },
            { header: "Insured", cell: (s) => s.insuredName },
            { header: "Line", cell: (s) => s.lineOfBusiness },
            { header: "State", cell: (s) => s.state },
            { header: "Agency", cell: (s) => s.agencyName },
            { header: "Effective", cell: (s) => formatCalendarDate(s.effectiveDate) },
            { header: "Indicated premium", numeric: true, cell: (s) => formatCents(s.indicatedPremiumCents) },
            { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
