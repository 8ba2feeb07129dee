import { Form, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/audit-log";
import { requirePermission } from "../../auth/session.server.ts";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Badge, Card, PageHeader } from "../../components/ui.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { appServices } from "../../context.server.ts";
import { listAuditLogPage } from "../../models/audit-log.server.ts";
import { auditLogTable } from "../../models/table-specs.ts";
import { verifyAuditChain } from "../../services/access/audit.server.ts";
import { parseAuditFilter } from "../../services/access/audit-filter.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "Audit log · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:audit-log");
  const url = new URL(args.request.url);
  const { filter, errors } = parseAuditFilter(url.searchParams);
  const state = parseTableState(url.searchParams, auditLogTable);
  const page = await listAuditLogPage(appServices(args.context).db, user.tenant, state, filter);
  // The same page serves /admin and /compliance; each has its own export route beside it.
  return { entries: { ...page, state }, errors, exportPath: `${url.pathname.replace(/\/$/, "")}/export` };
}

/** Recomputes the organization's chain and names the first row that no longer holds. */
export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "read:audit-log");
  return { verdict: await verifyAuditChain(appServices(args.context).db, user.tenant.orgId) };
}

const FILTER_FIELDS = [
  ["actor", "Actor (email)", "text"],
  ["entity", "Entity (type or id)", "text"],
  ["action", "Action", "text"],
  ["from", "From", "date"],
  ["to", "To", "date"],
] as const;

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const verdict = actionData?.verdict;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every business and administrative action, newest first. The log is hash-chained: each row's hash covers the row before it."
      />
      <div className="grid gap-6">
        <Card title="Integrity">
          <Form method="post" className="flex flex-wrap items-center gap-3">
            <SubmitButton pendingLabel="Verifying…">Verify the chain</SubmitButton>
            {verdict ? (
              verdict.intact ? (
                <output className="text-sm">
                  <Badge tone="good">intact</Badge> {verdict.rows} rows verified.
                </output>
              ) : (
                <output className="text-sm" role="alert">
                  <Badge tone="bad">broken</Badge> Row {verdict.brokenRow.chainSequence} ({verdict.brokenRow.id},{" "}
                  {verdict.brokenRow.action.replaceAll("_", " ")}): {verdict.reason}. {verdict.rows} rows before it
                  hold.
                </output>
              )
            ) : null}
          </Form>
        </Card>
        <Card title="Entries">
          <PagedTable
            spec={auditLogTable}
            page={loaderData.entries}
            caption="Audit log"
            empty="Nothing recorded matches."
            search="Search by actor, action or entity"
            exportPath={loaderData.exportPath}
            childFields={FILTER_FIELDS.map(([name]) => name)}
            rowKey={(e) => e.id}
            columns={[
              { id: "when", header: "When", cell: (e) => <LocalTime value={e.createdAt} /> },
              { id: "actor", header: "Who", cell: (e) => e.actorEmail ?? e.actorUserId ?? "—" },
              { id: "action", header: "What", cell: (e) => e.action.replaceAll("_", " ") },
              {
                id: "entity",
                header: "Entity",
                cell: (e) => (
                  <span className="font-mono text-xs">
                    {e.targetType ?? ""} {e.targetId ?? "—"}
                  </span>
                ),
              },
              {
                id: "detail",
                header: "Detail",
                cell: (e) => (e.detail ? <span className="font-mono text-xs">{JSON.stringify(e.detail)}</span> : "—"),
              },
              { id: "from", header: "From", cell: (e) => e.ipAddress ?? "—" },
              { id: "chain", header: "Chain", cell: (e) => (e.chainSequence ? `#${e.chainSequence}` : "sealing") },
            ]}
          >
            {FILTER_FIELDS.map(([name, label, type]) => (
              <label key={name} className="flex flex-col gap-1 text-sm font-medium">
                {label}
                <input
                  name={name}
                  type={type}
                  defaultValue={search.get(name) ?? ""}
                  className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
                />
                {loaderData.errors[name] ? <span className="text-danger">{loaderData.errors[name]}</span> : null}
              </label>
            ))}
          </PagedTable>
        </Card>
      </div>
    </>
  );
}
