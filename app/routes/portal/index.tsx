import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listInvoices } from "../../models/invoices.server.ts";
import { listPolicies } from "../../models/policies.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "My policies · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:portal");
  const { db } = appServices(args.context);
  const [policies, invoices] = await Promise.all([listPolicies(db, user.tenant), listInvoices(db, user.tenant)]);
  return { policies, invoices };
}

export default function PolicyholderHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="My policies" description="Your coverage and what is due." />
      <div className="grid gap-6">
        <Card title="Policies">
          <DataTable
            caption="My policies"
            rows={loaderData.policies}
            rowKey={(p) => p.id}
            empty="You have no policies with us yet."
            columns={[
              {
                header: "Policy",
                cell: (p) => (
                  <Link className="font-mono text-brand hover:underline" to={`policies/${p.id}`}>
                    {p.policyNumber}
                  </Link>
                ),
              },
              { header: "Line", cell: (p) => p.lineOfBusiness },
              {
                header: "Period",
                cell: (p) => `${formatCalendarDate(p.effectiveDate)} – ${formatCalendarDate(p.expirationDate)}`,
              },
              { header: "Premium", numeric: true, cell: (p) => formatCents(p.grossPremiumCents) },
              { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
            ]}
          />
        </Card>
        <Card title="Invoices">
          <DataTable
            caption="My invoices"
            rows={loaderData.invoices}
            rowKey={(i) => i.id}
            empty="Nothing is due."
            columns={[
              {
                header: "Invoice",
                cell: (i) => (
                  <Link className="font-mono text-brand hover:underline" to={`invoices/${i.id}`}>
                    {i.invoiceNumber}
                  </Link>
                ),
              },
              { header: "Policy", cell: (i) => <span className="font-mono">{i.policyNumber}</span> },
              { header: "Due", cell: (i) => formatCalendarDate(i.dueDate) },
              { header: "Amount", numeric: true, cell: (i) => formatCents(i.amountCents) },
              { header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
              {
                header: "Action",
                cell: (i) =>
                  i.status === "invoiced" || i.status === "overdue" ? (
                    <Link
                      className="text-brand hover:underline"
                      to={`invoices/${i.id}`}
                      aria-label={`Pay ${i.invoiceNumber}`}
                    >
                      Pay
                    </Link>
                  ) : null,
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
