import { Link } from "react-router";
import type { Route } from "./+types/reconciliation";
import { requirePermission } from "../../auth/session.server.ts";
import { Badge, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { LedgerUnavailableError } from "../../services/ledger/client.server.ts";
import { reconcile } from "../../services/ledger/reconciliation.server.ts";
import { reconcileClaims } from "../../services/claims/claims-reconciliation.server.ts";
import { formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Reconciliation · Finance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const { db, ledger } = appServices(args.context);
  const claims = await reconcileClaims(db, user.tenant.orgId);
  try {
    return { report: await reconcile(db, ledger, user.tenant.orgId), ledgerError: null, claims };
  } catch (error) {
    if (!(error instanceof LedgerUnavailableError)) throw error;
    return { report: null, ledgerError: "The ledger cannot be reached, so nothing can be compared right now.", claims };
  }
}

export default function Reconciliation({ loaderData: { report, ledgerError, claims } }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Billing and payments in the database against the ledger's transfers and balances."
      />
      {ledgerError ? (
        <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
          {ledgerError}
        </p>
      ) : null}
      {report ? (
        <Card
          title={`Breaks (${report.breaks.length})`}
          actions={
            report.breaks.length === 0 ? (
              <Badge tone="good">in agreement</Badge>
            ) : (
              <Badge tone="bad">{report.breaks.length} to resolve</Badge>
            )
          }
        >
          <p className="mb-3 text-sm text-text-muted">
            Checked {report.invoicesChecked} invoices, {report.paymentsChecked} payments and {report.transfersChecked}{" "}
            posted transfers.
          </p>
          <DataTable
            caption="Reconciliation breaks"
            rows={report.breaks.map((b, i) => ({ ...b, key: `${i}` }))}
            rowKey={(b) => b.key}
            empty="No breaks: the database and the ledger agree."
            columns={[
              {
                header: "Kind",
                cell: (b) => (
                  <Badge tone={b.kind === "posting_awaiting" ? "warn" : "bad"}>{b.kind.replaceAll("_", " ")}</Badge>
                ),
              },
              {
                header: "Subject",
                cell: (b) =>
                  b.invoiceId ? (
                    <Link className="text-brand hover:underline" to={`/finance/invoices/${b.invoiceId}`}>
                      {b.subject}
                    </Link>
                  ) : (
                    b.subject
                  ),
              },
              { header: "Detail", cell: (b) => b.detail },
            ]}
          />
        </Card>
      ) : null}
      <Card
        title={`Claims (${claims.claimsChecked} checked)`}
        className="mt-6"
        actions={
          claims.breaks.length === 0 ? (
            <Badge tone="good">in agreement</Badge>
          ) : (
            <Badge tone="bad">{claims.breaks.length} to look at</Badge>
          )
        }
      >
        <dl className="mb-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
          {(
            [
              ["Claims paid", claims.totals.paidCents],
              ["Case reserves", claims.totals.reserveCents],
              ["Incurred", claims.totals.incurredCents],
              ["Recovered", claims.totals.recoveredCents],
            ] as const
          ).map(([label, cents]) => (
            <div key={label}>
              <dt className="text-xs uppercase text-text-muted">{label}</dt>
              <dd className="font-mono" data-testid={`claims-${label.toLowerCase().replaceAll(" ", "-")}`}>
                {formatCents(cents)}
              </dd>
            </div>
          ))}
        </dl>
        {claims.breaks.length > 0 ? (
          <DataTable
            caption="Claims whose figures differ from their postings"
            rows={claims.breaks}
            rowKey={(b) => b.claimId}
            empty=""
            columns={[
              { header: "Claim", cell: (b) => b.claimNumber },
              { header: "Detail", cell: (b) => b.detail },
            ]}
          />
        ) : null}
      </Card>
    </>
  );
}
