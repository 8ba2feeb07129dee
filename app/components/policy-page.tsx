import { Link } from "react-router";
import { formatCalendarDate, formatCents } from "../utils/format.ts";
import { PolicySummary, type PolicySummaryData } from "./policy-summary.tsx";
import { Card, DataTable, StatusBadge } from "./ui.tsx";

export type PolicyInvoiceRow = {
  id: string;
  invoiceNumber: string;
  dueDate: string;
  amountCents: number;
  status: string;
};

/**
 * The policy page of every area: the summary, and where the area works with money (finance) its
 * invoices with links to each invoice and to the policy's journal.
 */
export function PolicyPage({
  policy,
  invoices,
  area,
}: {
  policy: PolicySummaryData & { id: string };
  invoices?: PolicyInvoiceRow[];
  /** The area's path, for the invoice and journal links ("/finance"). */
  area?: string;
}) {
  if (!invoices) return <PolicySummary policy={policy} policyId={policy.id} />;
  return (
    <div className="grid gap-6">
      <PolicySummary policy={policy} policyId={policy.id} />
      <Card
        title="Invoices"
        actions={
          <Link
            className="text-sm text-brand hover:underline"
            to={`${area}/journal?policy=${encodeURIComponent(policy.policyNumber)}`}
          >
            Journal of this policy
          </Link>
        }
      >
        <DataTable
          caption="Invoices of this policy"
          rows={invoices}
          rowKey={(i) => i.id}
          empty="No invoices."
          columns={[
            {
              header: "Invoice",
              cell: (i) => (
                <Link className="font-mono text-brand hover:underline" to={`${area}/invoices/${i.id}`}>
                  {i.invoiceNumber}
                </Link>
              ),
            },
            { header: "Due", cell: (i) => formatCalendarDate(i.dueDate) },
            { header: "Amount", numeric: true, cell: (i) => formatCents(i.amountCents) },
            { header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
          ]}
        />
      </Card>
    </div>
  );
}
