import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/statements";
import { requirePermission } from "../../auth/session.server.ts";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Badge, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listCarrierStatements, listCommissionStatements } from "../../models/statements.server.ts";
import { listAgencyStatements } from "../../models/agency-statements.server.ts";
import { receiveAgencyStatement } from "../../services/billing/agency-statements.server.ts";
import { amount } from "../../services/ledger/payment-forms.ts";
import { LedgerUnavailableError } from "../../services/ledger/client.server.ts";
import {
  approveCommissionStatement,
  buildStatements,
  payCommissionStatement,
  premiumTaxLiability,
  remitPremiumTax,
  settleCarrierStatement,
  type PayoutOutcome,
} from "../../services/ledger/statements.server.ts";
import { isPeriod, periodOf, previousPeriod } from "../../services/ledger/statements.ts";
import { formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { todayInUtc } from "../../utils/today.ts";

const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month such as 2026-11");
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("build"), period: Period }),
  z.object({ intent: z.literal("approve"), statementId: z.string().min(1) }),
  z.object({ intent: z.literal("pay"), statementId: z.string().min(1) }),
  z.object({ intent: z.literal("settle"), statementId: z.string().min(1) }),
  z.object({ intent: z.literal("remit"), state: z.string().length(2), period: Period }),
  z.object({
    intent: z.literal("receive"),
    statementId: z.string().min(1),
    amount,
    reference: z.string().max(60).optional(),
  }),
]);

export const meta: Route.MetaFunction = () => [{ title: "Statements · Finance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const { db } = appServices(args.context);
  const asked = new URL(args.request.url).searchParams.get("period");
  const period = asked && isPeriod(asked) ? asked : previousPeriod(periodOf(todayInUtc()));
  const [commission, carriers, taxes, agencyBill] = await Promise.all([
    listCommissionStatements(db, user.tenant.orgId, { period }),
    listCarrierStatements(db, user.tenant.orgId, period),
    premiumTaxLiability(db, user.tenant.orgId, [{ first: period, last: period }]),
    listAgencyStatements(db, user.tenant.orgId, { period }),
  ]);
  return { period, commission, carriers, taxes, agencyBill };
}

function said(outcome: PayoutOutcome | { ok: true } | { ok: false; reason: string; message: string }, done: string) {
  if (!outcome.ok) return data({ message: outcome.message, tone: "bad" as const }, { status: 422 });
  if ("posting" in outcome && outcome.posting.status !== "posted")
    return {
      message: `${done}: the posting is ${outcome.posting.status.replaceAll("_", " ")}.`,
      tone: "warn" as const,
    };
  return { message: `${done}.`, tone: "good" as const };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "pay:statement");
  const submission = parseWithZod(await args.request.formData(), { schema: ActionSchema });
  if (submission.status !== "success")
    return data(
      {
        message:
          Object.values(submission.error ?? {})
            .flat()
            .find(Boolean) ?? "That request is not complete: choose a month or a statement.",
        tone: "bad" as const,
      },
      { status: 400 },
    );
  const { db, ledger } = appServices(args.context);
  const value = submission.value;
  try {
    switch (value.intent) {
      case "build":
        await buildStatements(db, user.tenant, value.period);
        return {
          message: `Statements for ${value.period} built from the transactions booked in it.`,
          tone: "good" as const,
        };
      case "approve": {
        const outcome = await approveCommissionStatement(db, user.tenant, value.statementId);
        invariantResponse(outcome.ok || outcome.reason !== "not_found", "Statement not found");
        return said(outcome, "Statement approved");
      }
      case "pay": {
        const outcome = await payCommissionStatement(db, ledger, user.tenant, value.statementId);
        invariantResponse(outcome.ok || outcome.reason !== "not_found", "Statement not found");
        return said(outcome, outcome.ok ? `Commission of ${formatCents(outcome.amountCents)} paid` : "");
      }
      case "settle": {
        const settler = await requirePermission(args, "settle:carrier");
        const outcome = await settleCarrierStatement(db, ledger, settler.tenant, value.statementId);
        invariantResponse(outcome.ok || outcome.reason !== "not_found", "Statement not found");
        return said(outcome, outcome.ok ? `Carrier settled ${formatCents(outcome.amountCents)}` : "");
      }
      case "receive": {
        const received = await requirePermission(args, "record:payment");
        const outcome = await receiveAgencyStatement(db, ledger, received.tenant, {
          statementId: value.statementId,
          amountCents: value.amount,
          reference: value.reference?.trim() || null,
        });
        invariantResponse(outcome.ok || outcome.reason !== "not_found", "Statement not found");
        if (!outcome.ok) return data({ message: outcome.message, tone: "bad" as const }, { status: 422 });
        const waiting = outcome.postings.filter((p) => p.status !== "posted").length;
        return {
          message: `Agency remittance of ${formatCents(outcome.netCents)} received: ${outcome.invoicesPaid} invoice${outcome.invoicesPaid === 1 ? "" : "s"} paid${waiting ? `, ${waiting} posting${waiting === 1 ? "" : "s"} waiting for the ledger` : ""}.`,
          tone: waiting ? ("warn" as const) : ("good" as const),
        };
      }
      case "remit": {
        const outcome = await remitPremiumTax(db, ledger, user.tenant, value);
        return said(
          outcome,
          outcome.ok ? `Premium tax of ${formatCents(outcome.amountCents)} remitted to ${value.state}` : "",
        );
      }
    }
  } catch (error) {
    if (error instanceof LedgerUnavailableError)
      return data(
        {
          message: "The ledger cannot be reached: paying out needs the payable's balance. Try again later.",
          tone: "bad" as const,
        },
        { status: 503 },
      );
    throw error;
  }
}

export default function Statements({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const { period, commission, carriers, taxes, agencyBill } = loaderData;
  return (
    <>
      <PageHeader
        title={`Statements for ${period}`}
        description="Commission per agency, settlement per carrier and premium tax per state, from the policy transactions booked in the month; agency bill per agency, from its invoices due in the month."
      />
      <div className="grid gap-6">
        {actionData ? (
          <p role="status" className="rounded-md border border-border bg-surface p-3 text-sm">
            <Badge tone={actionData.tone}>
              {actionData.tone === "bad" ? "refused" : actionData.tone === "warn" ? "waiting" : "done"}
            </Badge>{" "}
            {actionData.message}
          </p>
        ) : null}
        <Card title="Month">
          <div className="flex flex-wrap items-end gap-3">
            <Form method="get" className="flex items-end gap-2">
              <label className="grid gap-1 text-sm">
                Month
                <input
                  type="month"
                  name="period"
                  defaultValue={period}
                  className="rounded-md border border-border px-2 py-1"
                />
              </label>
              <button type="submit" className="rounded-md border border-border px-3 py-1.5 text-sm">
                Show
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="period" value={period} />
              <SubmitButton intent="build" pendingLabel="Building…">
                Build or refresh {period}
              </SubmitButton>
            </Form>
          </div>
        </Card>
        <Card title="Producer commission">
          <DataTable
            caption={`Commission statements for ${period}`}
            rows={commission}
            rowKey={(r) => r.statement.id}
            empty="No statements for this month yet: build them."
            columns={[
              {
                header: "Agency",
                cell: (r) => (
                  <Link className="text-brand hover:underline" to={r.statement.id}>
                    {r.agencyName}
                  </Link>
                ),
              },
              { header: "Transactions", numeric: true, cell: (r) => r.statement.transactionCount },
              { header: "Premium", numeric: true, cell: (r) => formatCents(r.statement.premiumCents) },
              { header: "Commission", numeric: true, cell: (r) => formatCents(r.statement.commissionCents) },
              { header: "Status", cell: (r) => <StatusBadge status={r.statement.status} /> },
              {
                header: "",
                cell: (r) =>
                  r.statement.status === "paid" ? null : (
                    <Form method="post">
                      <input type="hidden" name="statementId" value={r.statement.id} />
                      {r.statement.status === "draft" ? (
                        <SubmitButton
                          intent="approve"
                          match={{ statementId: r.statement.id }}
                          pendingLabel="Approving…"
                        >
                          Approve
                        </SubmitButton>
                      ) : (
                        <SubmitButton intent="pay" match={{ statementId: r.statement.id }} pendingLabel="Paying…">
                          Pay
                        </SubmitButton>
                      )}
                    </Form>
                  ),
              },
            ]}
          />
        </Card>
        <Card title="Carrier settlement">
          <DataTable
            caption={`Carrier statements for ${period}`}
            rows={carriers}
            rowKey={(r) => r.statement.id}
            empty="No carrier statements for this month yet: build them."
            columns={[
              {
                header: "Carrier",
                cell: (r) => (
                  <a className="text-brand hover:underline" href={`/finance/carrier-statements/${r.statement.id}/pdf`}>
                    {r.carrierName ?? r.statement.carrierId} (PDF)
                  </a>
                ),
              },
              { header: "Gross", numeric: true, cell: (r) => formatCents(r.statement.grossCents) },
              { header: "Commission", numeric: true, cell: (r) => formatCents(r.statement.commissionCents) },
              { header: "Fees", numeric: true, cell: (r) => formatCents(r.statement.feesCents) },
              { header: "Taxes", numeric: true, cell: (r) => formatCents(r.statement.taxesCents) },
              { header: "Net", numeric: true, cell: (r) => formatCents(r.statement.netCents) },
              {
                header: "",
                cell: (r) =>
                  r.statement.settlementPostingId ? (
                    <StatusBadge status="settled" />
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="statementId" value={r.statement.id} />
                      <SubmitButton intent="settle" match={{ statementId: r.statement.id }} pendingLabel="Settling…">
                        Settle
                      </SubmitButton>
                    </Form>
                  ),
              },
            ]}
          />
        </Card>
        <Card title="Agency bill">
          <DataTable
            caption={`Agency-bill statements for ${period}`}
            rows={agencyBill}
            rowKey={(r) => r.statement.id}
            empty="No agency-billed invoices fell due this month."
            columns={[
              {
                header: "Agency",
                cell: (r) => (
                  <a className="text-brand hover:underline" href={`/finance/agency-statements/${r.statement.id}/pdf`}>
                    {r.agencyName} (PDF)
                  </a>
                ),
              },
              { header: "Invoices", numeric: true, cell: (r) => r.statement.invoiceCount },
              { header: "Gross", numeric: true, cell: (r) => formatCents(r.statement.grossCents) },
              { header: "Commission kept", numeric: true, cell: (r) => formatCents(r.statement.commissionCents) },
              { header: "Net due", numeric: true, cell: (r) => formatCents(r.statement.netCents) },
              {
                header: "",
                cell: (r) =>
                  r.statement.status === "received" ? (
                    <StatusBadge status="received" />
                  ) : (
                    <Form method="post" className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="statementId" value={r.statement.id} />
                      <label className="grid gap-1 text-xs">
                        Amount remitted (USD)
                        <input
                          name="amount"
                          inputMode="decimal"
                          required
                          defaultValue={(r.statement.netCents / 100).toFixed(2)}
                          className="w-28 rounded-md border border-border px-2 py-1 text-sm"
                        />
                      </label>
                      <label className="grid gap-1 text-xs">
                        Reference
                        <input
                          name="reference"
                          maxLength={60}
                          className="w-28 rounded-md border border-border px-2 py-1 text-sm"
                        />
                      </label>
                      <SubmitButton intent="receive" match={{ statementId: r.statement.id }} pendingLabel="Receiving…">
                        Receive
                      </SubmitButton>
                    </Form>
                  ),
              },
            ]}
          />
        </Card>
        <Card title="Premium tax and stamping fees">
          <DataTable
            caption={`Premium tax liability for ${period}`}
            rows={taxes}
            rowKey={(t) => t.state}
            empty="No premium tax written this month."
            columns={[
              { header: "State", cell: (t) => t.state },
              { header: "Written", numeric: true, cell: (t) => formatCents(t.taxesCents) },
              { header: "Remitted", numeric: true, cell: (t) => formatCents(t.remittedCents) },
              { header: "Owed", numeric: true, cell: (t) => formatCents(t.owedCents) },
              {
                header: "",
                cell: (t) =>
                  t.owedCents > 0 ? (
                    <Form method="post">
                      <input type="hidden" name="state" value={t.state} />
                      <input type="hidden" name="period" value={period} />
                      <SubmitButton intent="remit" match={{ state: t.state }} pendingLabel="Remitting…">
                        Remit
                      </SubmitButton>
                    </Form>
                  ) : null,
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
