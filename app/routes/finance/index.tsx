import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listInvoices } from "../../models/invoices.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Finance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:invoice");
  const invoices = await listInvoices(appServices(args.context).db, user.tenant);
  const outstandingCents = invoices.filter((i) => i.status !== "paid" && i.status !== "waived").reduce((sum, i) => sum + i.amountCents, 0);
  return { invoices, outstandingCents };
}

export default function FinanceHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="Finance" description={`Outstanding receivables: ${formatCents(loaderData.outstandingCents)}`} />
      <Card title="Invoices by due date">
        <DataTable
          caption="Invoices"
          rows={loaderData.invoices}
          rowKey={(i) => i.id}
          empty="No invoices yet."
          columns={[
            { header: "Invoice", cell: (i) => <Link className="font-mono text-brand hover:underline" to={`invoices/${i.id}`}>{i.invoiceNumber}</Link> },
            { header: "Policy", cell: (i) => <span className="font-mono">{i.policyNumber}</span> },
            { header: "Insured", cell: (i) => i.insuredName },
            { header: "Due", cell: (i) => formatCalendarDate(i.dueDate) },
            { header: "Amount", numeric: true, cell: (i) => formatCents(i.amountCents) },
            { header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
