import { Form, useActionData } from "react-router";
import type { Route } from "./+types/phi-access";
import { requirePermission } from "../../auth/session.server.ts";
import { LocalTime } from "../../components/local-time.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Badge, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listPhiAccessPage } from "../../models/phi-access-log.server.ts";
import { phiAccessTable } from "../../models/table-specs.ts";
import { verifyPhiAccessChain } from "../../services/claims/phi-store.server.ts";
import { PHI_FIELDS } from "../../services/claims/phi.ts";
import { parseTableState } from "../../utils/table-state.ts";

export const meta: Route.MetaFunction = () => [{ title: "PHI access log · Compliance · OpenInsure" }];

const LABELS = new Map<string, string>(PHI_FIELDS.map((f) => [f.key, f.label]));

/** Who touched which PHI fields of which claim, when and from where; never the values. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:audit-log");
  const state = parseTableState(new URL(args.request.url).searchParams, phiAccessTable);
  const page = await listPhiAccessPage(appServices(args.context).db, user.tenant.orgId, state);
  return { accesses: { ...page, state } };
}

/** Walks the whole chain on request (it reads every row, so not on every page view). */
export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "read:audit-log");
  return { verdict: await verifyPhiAccessChain(appServices(args.context).db, user.tenant.orgId) };
}

export default function PhiAccessLog({ loaderData: { accesses } }: Route.ComponentProps) {
  const verdict = useActionData<typeof action>()?.verdict;
  return (
    <>
      <PageHeader
        title="PHI access log"
        description="Every read and write of protected health information, hash-chained so no row can be altered unseen."
      />
      <div className="grid gap-6">
        <Card
          title="Chain check"
          actions={
            verdict ? (
              verdict.intact ? (
                <Badge tone="good">intact ({verdict.rows} rows)</Badge>
              ) : (
                <Badge tone="bad">altered at row {verdict.brokenAtSequence}</Badge>
              )
            ) : null
          }
        >
          {verdict && !verdict.intact ? (
            <p role="alert" className="mb-3 text-sm text-danger">
              Row {verdict.brokenAtSequence}: {verdict.reason}. Every row from there on is unproven.
            </p>
          ) : null}
          <Form method="post">
            <SubmitButton pendingLabel="Checking…" variant="secondary">
              Check the whole chain
            </SubmitButton>
          </Form>
        </Card>
        <Card title="Accesses">
          <PagedTable
            spec={phiAccessTable}
            page={accesses}
            caption="PHI accesses"
            empty="No PHI has been read or written yet."
            search="Search by claim, person, API key or surface"
            filters={[
              {
                name: "action",
                label: "Action",
                options: [
                  { value: "read", label: "read" },
                  { value: "write", label: "write" },
                ],
              },
            ]}
            exportPath="/compliance/phi-access/export"
            rowKey={(r) => r.id}
            columns={[
              { id: "sequence", header: "#", numeric: true, cell: (r) => r.sequence },
              { id: "when", header: "When", cell: (r) => <LocalTime value={r.occurredAt} /> },
              {
                id: "actor",
                header: "Who",
                cell: (r) => r.actorName ?? (r.actorApiKeyId ? `API key ${r.actorApiKeyId}` : "—"),
              },
              { id: "action", header: "Action", cell: (r) => r.action },
              { id: "claim", header: "Claim", cell: (r) => <span className="font-mono">{r.claimId}</span> },
              { id: "fields", header: "Fields", cell: (r) => r.fields.map((f) => LABELS.get(f) ?? f).join(", ") },
              { id: "where", header: "Where", cell: (r) => `${r.surface}${r.ipAddress ? ` · ${r.ipAddress}` : ""}` },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
