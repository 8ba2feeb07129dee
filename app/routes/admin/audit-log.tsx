import type { Route } from "./+types/audit-log";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listAuditLog } from "../../models/audit-log.server.ts";
import { formatInstant } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Audit log · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:audit-log");
  return { entries: await listAuditLog(appServices(args.context).db, user.tenant) };
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="Audit log" description="Sign-ins, invitations and role changes, newest first." />
      <Card>
        <DataTable
          caption="Audit log"
          rows={loaderData.entries}
          rowKey={(e) => e.id}
          empty="Nothing recorded yet."
          columns={[
            { header: "When", cell: (e) => formatInstant(e.createdAt) },
            { header: "Who", cell: (e) => e.actorEmail ?? e.actorUserId ?? "—" },
            { header: "What", cell: (e) => e.action.replaceAll("_", " ") },
            { header: "Target", cell: (e) => <span className="font-mono text-xs">{e.targetId ?? "—"}</span> },
            {
              header: "Detail",
              cell: (e) => (e.detail ? <span className="font-mono text-xs">{JSON.stringify(e.detail)}</span> : "—"),
            },
            { header: "From", cell: (e) => e.ipAddress ?? "—" },
          ]}
        />
      </Card>
    </>
  );
}
