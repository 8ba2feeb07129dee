import { Link } from "react-router";
import type { Route } from "./+types/statements";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listCommissionStatements } from "../../models/statements.server.ts";
import { formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = () => [{ title: "Commission statements · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:commission-statement");
  invariantResponse(user.tenant.agencyId, "Your account is not linked to a producer agency.", { status: 403 });
  const rows = await listCommissionStatements(appServices(args.context).db, user.tenant.orgId, {
    agencyId: user.tenant.agencyId,
  });
  return { statements: rows.map((r) => r.statement) };
}

export default function ProducerStatements({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="Commission statements" description="Your agency's commission, month by month." />
      <Card>
        <DataTable
          caption="Commission statements"
          rows={loaderData.statements}
          rowKey={(s) => s.id}
          empty="No statements yet."
          columns={[
            {
              header: "Month",
              cell: (s) => (
                <Link className="text-brand hover:underline" to={s.id}>
                  {s.period}
                </Link>
              ),
            },
            { header: "Transactions", numeric: true, cell: (s) => s.transactionCount },
            { header: "Commission", numeric: true, cell: (s) => formatCents(s.commissionCents) },
            { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
