import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listInvoicePage, outstandingReceivablesCents } from "../../models/invoice-list.server.ts";
import { invoiceTable } from "../../models/table-specs.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Finance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:invoice");
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, invoiceTable);
  const [invoices, outstandingCents] = await Promise.all([
    listInvoicePage(db, user.tenant, state),
    outstandingReceivablesCents(db, user.tenant),
  ]);
  return { invoices: { ...invoices, state, spec: invoiceTable }, outstandingCents };
}

export default function FinanceHome({ loaderData }: Route.ComponentProps) {
  const { invoices } = loaderData;
  return (
    <>
      <PageHeader
        title="Finance"
        description={`Outstanding receivables: ${formatCents(loaderData.outstandingCents)}`}
      />
      <Card title="Invoices by due date">
        <PagedTable
          spec={invoices.spec}
          page={invoices}
          caption="Invoices"
          empty="No invoices yet."
          search="Search by invoice, policy or insured"
          filters={[
            {
              name: "status",
              label: "Status",
              options: (invoices.spec.filters?.status ?? []).map((s) => ({ value: s, label: s })),
            },
          ]}
          exportPath="/finance/invoices/export"
          rowKey={(i) => i.id}
          columns={[
            {
              id: "invoice",
              header: "Invoice",
              cell: (i) => (
                <Link className="font-mono text-brand hover:underline" to={`invoices/${i.id}`}>
                  {i.invoiceNumber}
                </Link>
              ),
            },
            { id: "policy", header: "Policy", cell: (i) => <span className="font-mono">{i.policyNumber}</span> },
            { id: "insured", header: "Insured", cell: (i) => i.insuredName },
            { id: "due", header: "Due", cell: (i) => formatCalendarDate(i.dueDate) },
            { id: "amount", header: "Amount", numeric: true, cell: (i) => formatCents(i.amountCents) },
            { id: "status", header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
