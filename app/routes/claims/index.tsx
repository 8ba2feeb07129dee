import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listClaims } from "../../models/claims.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Claims · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:claim");
  const claims = await listClaims(appServices(args.context).db, user.tenant);
  return { claims, supervisor: user.tenant.roles.includes("claims_supervisor") };
}

export default function ClaimsHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title="Claims"
        description={loaderData.supervisor ? "Every claim of the organization." : "Claims assigned to you."}
      />
      <Card>
        <DataTable
          caption="Claims"
          rows={loaderData.claims}
          rowKey={(c) => c.id}
          empty="No claims to show."
          columns={[
            {
              header: "Claim",
              cell: (c) => (
                <Link className="font-mono text-brand hover:underline" to={c.id}>
                  {c.claimNumber}
                </Link>
              ),
            },
            { header: "Policy", cell: (c) => <span className="font-mono">{c.policyNumber}</span> },
            { header: "Insured", cell: (c) => c.insuredName },
            { header: "Loss type", cell: (c) => c.lossType },
            { header: "Date of loss", cell: (c) => formatCalendarDate(c.dateOfLoss) },
            { header: "Case reserve", numeric: true, cell: (c) => formatCents(c.caseReserveCents) },
            { header: "Paid", numeric: true, cell: (c) => formatCents(c.paidCents) },
            { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
