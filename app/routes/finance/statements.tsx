import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/statements";
import { requirePermission } from "../../auth/session.server.ts";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PagedTable, type TableFilter } from "../../components/data-table.tsx";
import { Badge, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import {
  listAgencyStatementPage,
  listCarrierStatementPage,
  listCommissionStatementPage,
} from "../../models/statement-lists.server.ts";
import { agencyStatementTable, carrierStatementTable, commissionStatementTable } from "../../models/table-specs.ts";
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
import { parseTableState } from "../../utils/table-state.ts";
import { businessToday } from "../../utils/today.ts";

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
  const period = asked && isPeriod(asked) ? asked : previousPeriod(periodOf(businessToday(user.tenant)));
  const params = new URL(args.request.url).searchParams;
  const scope = { orgId: user.tenant.orgId, period };
  const states = {
    commission: parseTableState(params, commissionStatementTable),
    carriers: parseTableState(params, carrierStatementTable),
    agencyBill: parseTableState(params, agencyStatementTable),
  };
  const [commission, carriers, taxes, agencyBill] = await Promise.all([
    listCommissionStatementPage(db, scope, states.commission),
    listCarrierStatementPage(db, scope, states.carriers),
    premiumTaxLiability(db, user.tenant.orgId, [{ first: period, last: period }]),
    listAgencyStatementPage(db, scope, states.agencyBill),
  ]);
  return {
    period,
    commission: { ...commission, state: states.commission, spec: commissionStatementTable },
    carriers: { ...carriers, state: states.carriers, spec: carrierStatementTable },
    taxes,
    agencyBill: { ...agencyBill, state: states.agencyBill, spec: agencyStatementTable },
  };
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

function statusFilter(statuses: readonly string[] | undefined): TableFilter {
  return { name: "status", label: "Status", options: (statuses ?? []).map((value) => ({ value, label: value })) };
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
          <PagedTable
            spec={commission.spec}
            page={commission}
            caption={`Commission statements for ${period}`}
            rowKey={(r) => r.id}
            empty="No statements for this month yet: build them."
            search="Search by agency"
            filters={[statusFilter(commission.spec.filters?.status)]}
            exportPath="/finance/commission-statements/export"
            columns={[
              {
                id: "agency",
                header: "Agency",
                cell: (r) => (
                  <Link className="text-brand hover:underline" to={r.id}>
                    {r.agencyName}
                  </Link>
                ),
              },
              { id: "transactions", header: "Transactions", numeric: true, cell: (r) => r.transactionCount },
              { id: "premium", header: "Premium", numeric: true, cell: (r) => formatCents(r.premiumCents) },
              { id: "commission", header: "Commission", numeric: true, cell: (r) => formatCents(r.commissionCents) },
              { id: "status", header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
              {
                id: "action",
                header: "Action",
                cell: (r) =>
                  r.status === "paid" ? null : (
                    <Form method="post">
                      <input type="hidden" name="statementId" value={r.id} />
                      {r.status === "draft" ? (
                        <SubmitButton intent="approve" match={{ statementId: r.id }} pendingLabel="Approving…">
                          Approve
                        </SubmitButton>
                      ) : (
                        <SubmitButton intent="pay" match={{ statementId: r.id }} pendingLabel="Paying…">
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
          <PagedTable
            spec={carriers.spec}
            page={carriers}
            caption={`Carrier statements for ${period}`}
            rowKey={(r) => r.id}
            empty="No carrier statements for this month yet: build them."
            search="Search by carrier"
            filters={[statusFilter(carriers.spec.filters?.status)]}
            exportPath="/finance/carrier-statements/export"
            columns={[
              {
                id: "carrier",
                header: "Carrier",
                cell: (r) => (
                  <a className="text-brand hover:underline" href={`/finance/carrier-statements/${r.id}/pdf`}>
                    {r.carrierName ?? "Carrier"} (PDF)
                  </a>
                ),
              },
              { id: "gross", header: "Gross", numeric: true, cell: (r) => formatCents(r.grossCents) },
              { id: "commission", header: "Commission", numeric: true, cell: (r) => formatCents(r.commissionCents) },
              { id: "fees", header: "Fees", numeric: true, cell: (r) => formatCents(r.feesCents) },
              { id: "taxes", header: "Taxes", numeric: true, cell: (r) => formatCents(r.taxesCents) },
              { id: "net", header: "Net", numeric: true, cell: (r) => formatCents(r.netCents) },
              {
                id: "action",
                header: "Action",
                cell: (r) =>
                  r.settlementPostingId ? (
                    <StatusBadge status="settled" />
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="statementId" value={r.id} />
                      <SubmitButton intent="settle" match={{ statementId: r.id }} pendingLabel="Settling…">
                        Settle
                      </SubmitButton>
                    </Form>
                  ),
              },
            ]}
          />
        </Card>
        <Card title="Agency bill">
          <PagedTable
            spec={agencyBill.spec}
            page={agencyBill}
            caption={`Agency-bill statements for ${period}`}
            rowKey={(r) => r.id}
            empty="No agency-billed invoices fell due this month."
            search="Search by agency or reference"
            filters={[statusFilter(agencyBill.spec.filters?.status)]}
            exportPath="/finance/agency-statements/export"
            columns={[
              {
                id: "agency",
                header: "Agency",
                cell: (r) => (
                  <a className="text-brand hover:underline" href={`/finance/agency-statements/${r.id}/pdf`}>
                    {r.agencyName} (PDF)
                  </a>
                ),
              },
              { id: "invoices", header: "Invoices", numeric: true, cell: (r) => r.invoiceCount },
              { id: "gross", header: "Gross", numeric: true, cell: (r) => formatCents(r.grossCents) },
              {
                id: "kept",
                header: "Commission kept",
                numeric: true,
                cell: (r) => formatCents(r.commissionCents),
              },
              { id: "net", header: "Net due", numeric: true, cell: (r) => formatCents(r.netCents) },
              {
                id: "action",
                header: "Action",
                cell: (r) =>
                  r.status === "received" ? (
                    <StatusBadge status="received" />
                  ) : (
                    <Form method="post" className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="statementId" value={r.id} />
                      <label className="grid gap-1 text-xs">
                        Amount remitted (USD)
                        <input
                          name="amount"
                          inputMode="decimal"
                          required
                          defaultValue={(r.netCents / 100).toFixed(2)}
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
                      <SubmitButton intent="receive" match={{ statementId: r.id }} pendingLabel="Receiving…">
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
