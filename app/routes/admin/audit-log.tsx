import { Form, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/audit-log";
import { requirePermission } from "../../auth/session.server.ts";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Badge, Button, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { appServices } from "../../context.server.ts";
import { countAuditLog, listAuditLog } from "../../models/audit-log.server.ts";
import { verifyAuditChain } from "../../services/access/audit.server.ts";
import { parseAuditFilter } from "../../services/access/audit-filter.ts";

export const meta: Route.MetaFunction = () => [{ title: "Audit log · OpenInsure" }];

const PAGE_SIZE = 100;

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:audit-log");
  const search = new URL(args.request.url).searchParams;
  const { filter, errors } = parseAuditFilter(search);
  const page = Math.max(1, Number.parseInt(search.get("page") ?? "1", 10) || 1);
  const { db } = appServices(args.context);
  const [entries, total] = await Promise.all([
    listAuditLog(db, user.tenant, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, filter }),
    countAuditLog(db, user.tenant, filter),
  ]);
  return { entries, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), errors };
}

/** Recomputes the organization's chain and names the first row that no longer holds. */
export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "read:audit-log");
  return { verdict: await verifyAuditChain(appServices(args.context).db, user.tenant.orgId) };
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const query = new URLSearchParams(search);
  query.delete("page");
  const pageLink = (page: number) => `?${new URLSearchParams({ ...Object.fromEntries(query), page: String(page) })}`;
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
        <Card title="Filter">
          <Form method="get" className="grid gap-3 sm:grid-cols-6">
            {(
              [
                ["actor", "Actor (email)", "text"],
                ["entity", "Entity (type or id)", "text"],
                ["action", "Action", "text"],
                ["from", "From", "date"],
                ["to", "To", "date"],
              ] as const
            ).map(([name, label, type]) => (
              <label key={name} className="grid gap-1 text-sm">
                {label}
                <input
                  name={name}
                  type={type}
                  defaultValue={search.get(name) ?? ""}
                  className="rounded-md border border-border bg-surface px-3 py-2"
                />
                {loaderData.errors[name] ? <span className="text-danger">{loaderData.errors[name]}</span> : null}
              </label>
            ))}
            <div className="flex items-end gap-2">
              <Button type="submit">Filter</Button>
              <a className="text-sm text-brand hover:underline" href={`audit-log/export?format=csv&${query}`}>
                CSV
              </a>
              <a className="text-sm text-brand hover:underline" href={`audit-log/export?format=xlsx&${query}`}>
                XLSX
              </a>
            </div>
          </Form>
        </Card>
        <Card title={`${loaderData.total} entries`}>
          <DataTable
            caption="Audit log"
            rows={loaderData.entries}
            rowKey={(e) => e.id}
            empty="Nothing recorded matches."
            columns={[
              { header: "When", cell: (e) => <LocalTime value={e.createdAt} /> },
              { header: "Who", cell: (e) => e.actorEmail ?? e.actorUserId ?? "—" },
              { header: "What", cell: (e) => e.action.replaceAll("_", " ") },
              {
                header: "Entity",
                cell: (e) => (
                  <span className="font-mono text-xs">
                    {e.targetType ?? ""} {e.targetId ?? "—"}
                  </span>
                ),
              },
              {
                header: "Detail",
                cell: (e) => (e.detail ? <span className="font-mono text-xs">{JSON.stringify(e.detail)}</span> : "—"),
              },
              { header: "From", cell: (e) => e.ipAddress ?? "—" },
              { header: "Chain", cell: (e) => (e.chainSequence ? `#${e.chainSequence}` : "sealing") },
            ]}
          />
          <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
            {loaderData.page > 1 ? <a href={pageLink(loaderData.page - 1)}>Newer</a> : null}
            <span>
              Page {loaderData.page} of {loaderData.pages}
            </span>
            {loaderData.page < loaderData.pages ? <a href={pageLink(loaderData.page + 1)}>Older</a> : null}
          </nav>
        </Card>
      </div>
    </>
  );
}
