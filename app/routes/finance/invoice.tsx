import type { Route } from "./+types/invoice";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getInvoice } from "../../models/invoices.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.invoice.invoiceNumber ?? "Invoice"} · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:invoice");
  const invoice = await getInvoice(appServices(args.context).db, user.tenant, args.params.invoiceId);
  invariantResponse(invoice, "Invoice not found");
  return { invoice };
}

export default function Invoice({ loaderData: { invoice } }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title={`Invoice ${invoice.invoiceNumber}`} description={`${invoice.insuredName} · policy ${invoice.policyNumber}`} />
      <Card>
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-3">
          <div><dt className="text-xs uppercase text-text-muted">Amount</dt><dd className="font-mono text-xl">{formatCents(invoice.amountCents)}</dd></div>
          <div><dt className="text-xs uppercase text-text-muted">Due</dt><dd>{formatCalendarDate(invoice.dueDate)}</dd></div>
          <div><dt className="text-xs uppercase text-text-muted">Status</dt><dd><StatusBadge status={invoice.status} /></dd></div>
        </dl>
      </Card>
    </>
  );
}
