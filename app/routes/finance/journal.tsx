import { Form, Link } from "react-router";
import type { Route } from "./+types/journal";
import { requirePermission } from "../../auth/session.server.ts";
import { ErrorList } from "../../components/forms.tsx";
import { Button, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { ACCOUNT_TYPES, type AccountCode } from "../../services/ledger/chart.ts";
import { LedgerUnavailableError } from "../../services/ledger/client.server.ts";
import { JournalFilterSchema } from "../../services/ledger/payment-forms.ts";
import { getJournalEntries } from "../../services/ledger/reports.server.ts";
import { formatCents, formatInstant } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Journal · Finance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const params = Object.fromEntries([...new URL(args.request.url).searchParams].filter(([, value]) => value !== ""));
  const parsed = JournalFilterSchema.safeParse(params);
  if (!parsed.success) return { params, entries: [], errors: parsed.error.issues.map((i) => i.message) };
  const { db, ledger } = appServices(args.context);
  const filter = parsed.data;
  try {
    const entries = await getJournalEntries(db, ledger, user.tenant.orgId, {
      account: filter.account as AccountCode | undefined,
      from: filter.from,
      to: filter.to,
      policyId: filter.policy,
      invoiceId: filter.invoice,
    });
    return { params, entries, errors: [] };
  } catch (error) {
    if (!(error instanceof LedgerUnavailableError)) throw error;
    return { params, entries: [], errors: ["The ledger cannot be reached right now; try again shortly."] };
  }
}

const inputClass = "rounded-md border border-border bg-surface px-3 py-2 text-sm";

export default function Journal({ loaderData }: Route.ComponentProps) {
  const { params, entries, errors } = loaderData;
  return (
    <>
      <PageHeader title="Journal" description="Transfers as the ledger holds them, newest first. Each links to the policy and invoice it belongs to." />
      <div className="grid gap-6">
        <Card title="Filters">
          <Form method="get" className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Journal filters">
            <label className="flex flex-col gap-1 text-sm font-medium">
              Account
              <select name="account" defaultValue={params.account ?? ""} className={inputClass}>
                <option value="">All accounts</option>
                {ACCOUNT_TYPES.map((a) => (
                  <option key={a.code} value={a.code}>{a.code} {a.name}</option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              From
              <input type="date" name="from" defaultValue={params.from ?? ""} className={inputClass} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              To
              <input type="date" name="to" defaultValue={params.to ?? ""} className={inputClass} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              Policy id
              <input type="text" name="policy" defaultValue={params.policy ?? ""} className={inputClass} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              Invoice id
              <input type="text" name="invoice" defaultValue={params.invoice ?? ""} className={inputClass} />
            </label>
            <Button type="submit" className="self-end">Filter</Button>
          </Form>
          <ErrorList errors={errors} />
        </Card>
        <Card title="Entries">
          <DataTable
            caption="Journal entries"
            rows={entries}
            rowKey={(e) => e.transferId}
            empty="No transfers match."
            columns={[
              { header: "Posted", cell: (e) => formatInstant(e.postedAt) },
              { header: "Debit", cell: (e) => <span className="font-mono text-xs">{e.debitAccount}</span> },
              { header: "Credit", cell: (e) => <span className="font-mono text-xs">{e.creditAccount}</span> },
              { header: "Amount", numeric: true, cell: (e) => formatCents(e.amountCents) },
              { header: "Code", cell: (e) => <span className="font-mono text-xs">{e.code} {e.codeName}</span> },
              { header: "Leg", cell: (e) => e.leg?.replaceAll("_", " ") ?? "—" },
              { header: "Policy", cell: (e) => (e.policyId ? <Link className="font-mono text-brand hover:underline" to={`/finance/policies/${e.policyId}`}>{e.policyNumber ?? e.policyId}</Link> : "—") },
              { header: "Invoice", cell: (e) => (e.invoiceId ? <Link className="font-mono text-brand hover:underline" to={`/finance/invoices/${e.invoiceId}`}>{e.invoiceNumber ?? e.invoiceId}</Link> : "—") },
              { header: "Transfer id", cell: (e) => <span className="font-mono text-xs" title={e.transferId}>{e.transferId.slice(0, 10)}…</span> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
