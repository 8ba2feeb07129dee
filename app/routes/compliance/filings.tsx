import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/filings";
import { requirePermission } from "../../auth/session.server.ts";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Badge, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { filingTable } from "../../models/table-specs.ts";
import { filingCalendar, recordFiling } from "../../services/compliance/filings.server.ts";
import { filingRows, filingTaxCents } from "../../services/compliance/filing-table.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { todayInUtc } from "../../utils/today.ts";

const FilingSchema = z.object({
  intent: z.literal("file"),
  state: z.string().regex(/^[A-Z]{2}$/),
  periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  filedOn: z.string("Enter the day it was filed").regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the day it was filed"),
  confirmation: z
    .string("Enter the state's confirmation number")
    .trim()
    .min(3, "Enter the state's confirmation number")
    .max(60),
});

export const meta: Route.MetaFunction = () => [{ title: "Surplus-lines filings · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:licence");
  const today = todayInUtc();
  const state = parseTableState(new URL(args.request.url).searchParams, filingTable);
  const calendar = await filingCalendar(appServices(args.context).db, user.tenant, today);
  return { today, periods: { ...filingRows(calendar, state), state } };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:licence");
  const submission = parseWithZod(await args.request.formData(), { schema: FilingSchema });
  if (submission.status !== "success")
    return data(
      {
        error:
          Object.values(submission.error ?? {})
            .flat()
            .join("; ") || "Check the filing",
      },
      { status: 400 },
    );
  const outcome = await recordFiling(appServices(args.context).db, user.tenant, submission.value, todayInUtc());
  if (!outcome.ok) return data({ error: outcome.message }, { status: 409 });
  return { error: null };
}

const FILING_STATUS_OPTIONS = (["overdue", "due_soon", "upcoming", "open", "filed"] as const).map((v) => ({
  value: v,
  label: v.replace("_", " "),
}));

const STATUS_TONE = { filed: "good", overdue: "bad", due_soon: "warn", upcoming: "info", open: "neutral" } as const;

export default function Filings({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Surplus-lines filings"
        description="Each state's premium tax returns, with the tax booked on the period's policy transactions. Due dates come from the table in app/services/compliance/filing-calendar.ts, which names each state's statute and filing instructions; a row marked unverified has not been checked against them."
      />
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded-md bg-danger/10 p-3 text-sm text-danger">
          {actionData.error}
        </p>
      ) : null}
      <Card title="Calendar">
        <PagedTable
          spec={filingTable}
          page={loaderData.periods}
          caption="Filing calendar"
          empty="No filings."
          search="Search by state"
          filters={[{ name: "status", label: "Standing", options: FILING_STATUS_OPTIONS }]}
          exportPath="/compliance/filings/export"
          rowKey={(p) => `${p.state}-${p.periodStart}`}
          columns={[
            { id: "state", header: "State", cell: (p) => p.state },
            {
              id: "period",
              header: "Period",
              cell: (p) => `${formatCalendarDate(p.periodStart)} – ${formatCalendarDate(p.periodEnd)}`,
            },
            { id: "due", header: "Due", cell: (p) => formatCalendarDate(p.dueOn) },
            {
              id: "status",
              header: "Status",
              cell: (p) => <Badge tone={STATUS_TONE[p.status]}>{p.status.replace("_", " ")}</Badge>,
            },
            {
              id: "taxable",
              header: "Taxable premium",
              numeric: true,
              cell: (p) => formatCents(p.filing?.taxableCents ?? p.amounts.taxableCents),
            },
            { id: "tax", header: "Tax", numeric: true, cell: (p) => formatCents(filingTaxCents(p)) },
            {
              id: "source",
              header: "Source",
              cell: (p) => (
                <span className="text-xs">
                  {p.rule.source} {p.rule.verified ? null : <Badge tone="warn">unverified</Badge>}
                </span>
              ),
            },
            {
              id: "affidavits",
              header: "Affidavits",
              cell: (p) => (
                <a
                  className="text-brand hover:underline"
                  href={`/compliance/filings/affidavits?format=csv&state=${p.state}&from=${p.periodStart}&to=${p.periodEnd}`}
                >
                  CSV
                </a>
              ),
            },
            {
              id: "filing",
              header: "Filing",
              cell: (p) =>
                p.filing ? (
                  `Filed ${formatCalendarDate(p.filing.filedOn)} · ${p.filing.confirmation}`
                ) : p.status === "open" ? (
                  "—"
                ) : (
                  <Form method="post" className="flex flex-wrap gap-1">
                    <input type="hidden" name="state" value={p.state} />
                    <input type="hidden" name="periodStart" value={p.periodStart} />
                    <input
                      type="date"
                      name="filedOn"
                      required
                      defaultValue={loaderData.today}
                      aria-label={`Filed on, ${p.state} ${p.periodStart}`}
                      className="rounded-md border border-border bg-surface px-2 py-1 text-xs"
                    />
                    <input
                      name="confirmation"
                      required
                      placeholder="Confirmation"
                      aria-label={`Confirmation, ${p.state} ${p.periodStart}`}
                      className="w-28 rounded-md border border-border bg-surface px-2 py-1 text-xs"
                    />
                    <SubmitButton intent="file" match={{ state: p.state, periodStart: p.periodStart }} pendingLabel="…">
                      Record
                    </SubmitButton>
                  </Form>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
