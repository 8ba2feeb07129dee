import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/dead-letters";
import { requirePermission } from "../../auth/session.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { PagedTable } from "../../components/data-table.tsx";
import { Badge, Button, Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDeadLetterPage } from "../../models/outbox-events.server.ts";
import { deadLetterTable } from "../../models/table-specs.ts";
import { replayDeadLetter } from "../../services/events/event-delivery.server.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { LocalTime } from "../../components/local-time.tsx";
import { invariantResponse } from "../../utils/invariant.ts";

const ReplaySchema = z.object({ deadLetterId: z.string().min(1).max(36) });

export const meta: Route.MetaFunction = () => [{ title: "Dead letters · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:webhook");
  const state = parseTableState(new URL(args.request.url).searchParams, deadLetterTable);
  const page = await listDeadLetterPage(appServices(args.context).db, tenant.orgId, state);
  return { deadLetters: { ...page, state } };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:webhook");
  const { db, env } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: ReplaySchema });
  if (submission.status !== "success") return data({ error: "That request was not understood." }, { status: 400 });
  invariantResponse(
    await replayDeadLetter(db, user.tenant, submission.value.deadLetterId, env.DOMAIN_EVENTS),
    "Dead letter not found",
  );
  await auditAdminAction(db, user, args.request, {
    action: "dead_letter_replayed",
    targetType: "dead_letter",
    targetId: submission.value.deadLetterId,
  });
  return { error: null };
}

export default function DeadLetters({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title="Dead letters"
        description="Domain events whose delivery to notifications and webhooks kept failing. Replaying sends one through the queue again; delivery is idempotent."
      />
      <Card>
        <PagedTable
          spec={deadLetterTable}
          page={loaderData.deadLetters}
          caption="Dead-lettered events"
          empty="No dead letters."
          search="Search by event type or id"
          filters={[
            {
              name: "replay",
              label: "Replay",
              options: [
                { value: "waiting", label: "not replayed" },
                { value: "replayed", label: "replayed" },
              ],
            },
          ]}
          exportPath="/admin/dead-letters/export"
          rowKey={(d) => d.id}
          columns={[
            {
              id: "event",
              header: "Event",
              cell: (d) => (
                <span className="font-mono text-xs">
                  {d.eventType} · {d.eventId}
                </span>
              ),
            },
            { id: "attempts", header: "Attempts", numeric: true, cell: (d) => d.attempts },
            { id: "received", header: "Received", cell: (d) => <LocalTime value={d.receivedAt} /> },
            {
              id: "replay",
              header: "Replay",
              cell: (d) => (
                <Form method="post" className="flex items-center gap-2">
                  <input type="hidden" name="deadLetterId" value={d.id} />
                  <Button type="submit" variant="secondary">
                    Replay
                  </Button>
                  {d.replayedAt ? (
                    <Badge tone="info">
                      replayed <LocalTime value={d.replayedAt} />
                    </Badge>
                  ) : null}
                </Form>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
