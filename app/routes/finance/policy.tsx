import { Link } from "react-router";
import type { Route } from "./+types/policy";
import { requirePermission } from "../../auth/session.server.ts";
import { PolicySummary } from "../../components/policy-summary.tsx";
import { Card, DataTable, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listInvoices } from "../../models/invoices.server.ts";
import { getPolicy } from "../../models/policies.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.policy.policyNumber ?? "Policy"} · Finance · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:policy");
  const { db } = appServices(args.context);
  const policy = await getPolicy(db, user.tenant, args.params.policyId);
  invariantResponse(policy, "Policy not found");
  return { policy, invoices: await listInvoices(db, user.tenant, { policyId: policy.id }) };
}

export default function FinancePolicy({ loaderData: { policy, invoices } }: Route.ComponentProps) {
  return (
    <div className="grid gap-6">
      <PolicySummary policy={policy} policyId={policy.id} />
      <Card title="Invoices" actions={<Link className="text-sm text-brand hover:underline" to={`/finance/journal?policy=${policy.id}`}>Journal of this policy</Link>}>
        <DataTable
          caption="Invoices of this policy"
          rows={invoices}
          rowKey={(i) => i.id}
          empty="No invoices."
          columns={[
            { header: "Invoice", cell: (i) => <Link className="font-mono text-brand hover:underline" to={`/finance/invoices/${i.id}`}>{i.invoiceNumber}</Link> },
            { header: "Due", cell: (i) => formatCalendarDate(i.dueDate) },
            { header: "Amount", numeric: true, cell: (i) => formatCents(i.amountCents) },
            { header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
          ]}
        />
      </Card>
    </div>
  );
}
