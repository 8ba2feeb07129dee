import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/ledger";
import { requirePermission } from "../../auth/session.server.ts";
import { Badge, Button, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { LedgerUnavailableError } from "../../services/ledger/client.server.ts";
import {
  listAwaitingPostings,
  postAwaitingPostings,
  postingErrorForDisplay,
} from "../../services/ledger/postings.server.ts";
import { getAccountBalances, getTrialBalance } from "../../services/ledger/reports.server.ts";
import { formatCents, formatInstant } from "../../utils/format.ts";

// Carriers are settled per statement on /finance/statements (ADR 018, 024), never the whole
// payable at once.
const ActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("retry") })]);

export const meta: Route.MetaFunction = () => [{ title: "Ledger · Finance · OpenInsure" }];

/** The ledger's side of the page; without the ledger the outbox below still shows. */
async function readBooks(services: ReturnType<typeof appServices>, orgId: string) {
  try {
    const [balances, trialBalance] = await Promise.all([
      getAccountBalances(services.db, services.ledger, orgId),
      getTrialBalance(services.db, services.ledger, orgId),
    ]);
    return { balances, trialBalance, ledgerError: null };
  } catch (error) {
    if (!(error instanceof LedgerUnavailableError)) throw error;
    return {
      balances: null,
      trialBalance: null,
      ledgerError:
        "The ledger cannot be reached right now. Payments are still recorded and wait below until it is back.",
    };
  }
}

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const services = appServices(args.context);
  const [books, waiting] = await Promise.all([
    readBooks(services, user.tenant.orgId),
    listAwaitingPostings(services.db, user.tenant.orgId),
  ]);
  return {
    ...books,
    waiting: waiting.map((p) => ({
      id: p.id,
      description: p.description,
      status: p.status,
      attempts: p.attempts,
      lastError: postingErrorForDisplay(p.status, p.lastError),
      createdAt: p.createdAt,
    })),
  };
}

export async function action(args: Route.ActionArgs) {
  const submission = parseWithZod(await args.request.formData(), { schema: ActionSchema });
  if (submission.status !== "success")
    return data({ message: "Unknown action.", tone: "bad" as const }, { status: 400 });
  const user = await requirePermission(args, "record:payment");
  const { db, ledger } = appServices(args.context);
  const report = await postAwaitingPostings(db, ledger, { orgId: user.tenant.orgId });
  return {
    message: `Posted ${report.posted} of ${report.attempted} waiting; ${report.stillWaiting} still waiting, ${report.rejected} refused.`,
    tone: report.stillWaiting ? ("warn" as const) : ("good" as const),
  };
}

export default function Ledger({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { balances, trialBalance, waiting, ledgerError } = loaderData;
  return (
    <>
      <PageHeader
        title="Ledger"
        description="Balances of the organization's accounts on the ledger, posted double-entry."
      />
      <div className="grid gap-6">
        {actionData ? (
          <p role="status" className="rounded-md border border-border bg-surface p-3 text-sm">
            <Badge tone={actionData.tone}>
              {actionData.tone === "good" ? "done" : actionData.tone === "warn" ? "waiting" : "refused"}
            </Badge>{" "}
            {actionData.message}
          </p>
        ) : null}
        {ledgerError ? (
          <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
            {ledgerError}
          </p>
        ) : null}
        {balances ? (
          <Card title="Account balances">
            <DataTable
              caption="Account balances"
              rows={balances}
              rowKey={(b) => String(b.code)}
              empty="No accounts."
              columns={[
                { header: "Code", cell: (b) => <span className="font-mono">{b.code}</span> },
                {
                  header: "Account",
                  cell: (b) => (
                    <span>
                      <span className="font-mono text-xs">{b.name}</span>
                      <br />
                      {b.label}
                    </span>
                  ),
                },
                { header: "Debits posted", numeric: true, cell: (b) => formatCents(b.debitsPostedCents) },
                { header: "Credits posted", numeric: true, cell: (b) => formatCents(b.creditsPostedCents) },
                {
                  header: "Balance (credit − debit)",
                  numeric: true,
                  cell: (b) => <span data-account={b.name}>{formatCents(b.balanceCents)}</span>,
                },
              ]}
            />
          </Card>
        ) : null}
        {trialBalance ? (
          <Card
            title="Trial balance"
            actions={
              trialBalance.balanced ? (
                <Badge tone="good">debits = credits</Badge>
              ) : (
                <Badge tone="bad">out of balance</Badge>
              )
            }
          >
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Trial balance</caption>
              <thead>
                <tr className="border-b border-border text-left text-text-muted">
                  <th scope="col" className="px-3 py-2 font-medium">
                    Account
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Debit
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Credit
                  </th>
                </tr>
              </thead>
              <tbody>
                {trialBalance.rows.map((row) => (
                  <tr key={row.code} className="border-b border-border/60">
                    <td className="px-3 py-2">{row.label}</td>
                    <td className="px-3 py-2 text-right font-mono tabular-nums">
                      {row.debitCents ? formatCents(row.debitCents) : ""}
                    </td>
                    <td className="px-3 py-2 text-right font-mono tabular-nums">
                      {row.creditCents ? formatCents(row.creditCents) : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="font-semibold">
                  <th scope="row" className="px-3 py-2 text-left">
                    Totals
                  </th>
                  <td className="px-3 py-2 text-right font-mono tabular-nums" data-testid="trial-debits">
                    {formatCents(trialBalance.totalDebitCents)}
                  </td>
                  <td className="px-3 py-2 text-right font-mono tabular-nums" data-testid="trial-credits">
                    {formatCents(trialBalance.totalCreditCents)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </Card>
        ) : null}
        <Card
          title="Awaiting posting"
          actions={
            waiting.length ? (
              <Form method="post">
                <input type="hidden" name="intent" value="retry" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  Post now
                </Button>
              </Form>
            ) : null
          }
        >
          <DataTable
            caption="Postings awaiting the ledger"
            rows={waiting}
            rowKey={(p) => p.id}
            empty="Nothing is waiting: every recorded payment is on the ledger."
            columns={[
              { header: "Recorded", cell: (p) => formatInstant(p.createdAt) },
              { header: "What", cell: (p) => p.description },
              { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
              { header: "Attempts", numeric: true, cell: (p) => p.attempts },
              {
                header: "Last error",
                cell: (p) => <span className="text-xs text-text-muted">{p.lastError ?? "—"}</span>,
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
