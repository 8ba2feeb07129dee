import { Link } from "react-router";
import type { Route } from "./+types/journal";
import { requirePermission } from "../../auth/session.server.ts";
import { PagedTable } from "../../components/data-table.tsx";
import { ErrorList } from "../../components/forms.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listJournalPage } from "../../models/journal.server.ts";
import { journalTable } from "../../models/table-specs.ts";
import { ACCOUNT_TYPES, accountType, transferCodeName } from "../../services/ledger/chart.ts";
import { JournalFilterSchema } from "../../services/ledger/payment-forms.ts";
import { formatCents } from "../../utils/format.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Journal · Finance · OpenInsure" }];

const FILTER_FIELDS = ["account", "from", "to", "policy", "invoice"];

/** The journal's own filters from the URL; blank fields count as absent. */
function journalFilterParams(search: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...search].filter(([name, value]) => FILTER_FIELDS.includes(name) && value.trim() !== ""));
}

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const search = new URL(args.request.url).searchParams;
  const params = journalFilterParams(search);
  const state = parseTableState(search, journalTable);
  const parsed = JournalFilterSchema.safeParse(params);
  if (!parsed.success) {
    return {
      params,
      journal: { rows: [], total: 0, state, spec: journalTable },
      errors: parsed.error.issues.map((i) => i.message),
    };
  }
  const page = await listJournalPage(appServices(args.context).db, user.tenant.orgId, parsed.data, state);
  const rows = page.rows.map((e) => ({
    ...e,
    postedAt: e.postedAt?.toISOString() ?? null,
    debitAccount: accountType(e.debitAccount)?.name ?? String(e.debitAccount),
    creditAccount: accountType(e.creditAccount)?.name ?? String(e.creditAccount),
    codeName: transferCodeName(e.code) ?? String(e.code),
  }));
  return { params, journal: { rows, total: page.total, state, spec: journalTable }, errors: [] as string[] };
}

const inputClass = "rounded-md border border-border bg-surface px-3 py-2 text-sm";

export default function Journal({ loaderData }: Route.ComponentProps) {
  const { params, journal, errors } = loaderData;
  return (
    <>
      <PageHeader
        title="Journal"
        description="Every transfer the ledger has acknowledged, newest first. Each links to the policy and invoice it belongs to; reconciliation compares them with the ledger itself."
      />
      <Card title="Entries">
        <PagedTable
          spec={journal.spec}
          page={journal}
          caption="Journal entries"
          empty="No transfers match."
          exportPath="/finance/journal/export"
          childFields={FILTER_FIELDS}
          rowKey={(e) => e.transferId}
          columns={[
            { id: "posted", header: "Posted", cell: (e) => <LocalTime value={e.postedAt} /> },
            { id: "debit", header: "Debit", cell: (e) => <span className="font-mono text-xs">{e.debitAccount}</span> },
            {
              id: "credit",
              header: "Credit",
              cell: (e) => <span className="font-mono text-xs">{e.creditAccount}</span>,
            },
            { id: "amount", header: "Amount", numeric: true, cell: (e) => formatCents(e.amountCents) },
            {
              id: "code",
              header: "Code",
              cell: (e) => (
                <span className="font-mono text-xs">
                  {e.code} {e.codeName}
                </span>
              ),
            },
            { id: "leg", header: "Leg", cell: (e) => e.leg?.replaceAll("_", " ") ?? "—" },
            {
              id: "policy",
              header: "Policy",
              cell: (e) =>
                e.policyId ? (
                  <Link className="font-mono text-brand hover:underline" to={`/finance/policies/${e.policyId}`}>
                    {e.policyNumber ?? e.policyId}
                  </Link>
                ) : (
                  "—"
                ),
            },
            {
              id: "invoice",
              header: "Invoice",
              cell: (e) =>
                e.invoiceId ? (
                  <Link className="font-mono text-brand hover:underline" to={`/finance/invoices/${e.invoiceId}`}>
                    {e.invoiceNumber ?? e.invoiceId}
                  </Link>
                ) : (
                  "—"
                ),
            },
            {
              id: "transfer",
              header: "Transfer id",
              cell: (e) => (
                <span className="font-mono text-xs" title={e.transferId}>
                  {e.transferId.slice(0, 10)}…
                </span>
              ),
            },
          ]}
        >
          <label className="flex flex-col gap-1 text-sm font-medium">
            Account
            <select name="account" defaultValue={params.account ?? ""} className={inputClass}>
              <option value="">All accounts</option>
              {ACCOUNT_TYPES.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.code} {a.name}
                </option>
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
            Policy number
            <input
              type="text"
              name="policy"
              defaultValue={params.policy ?? ""}
              placeholder="SRU-GL-2026-000001"
              className={inputClass}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Invoice number
            <input
              type="text"
              name="invoice"
              defaultValue={params.invoice ?? ""}
              placeholder="INV-2026-00001"
              className={inputClass}
            />
          </label>
        </PagedTable>
        <ErrorList errors={errors} />
      </Card>
    </>
  );
}
