import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/dead-letters";
import { requirePermission } from "../../auth/session.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { Badge, Button, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDeadLetters, replayDeadLetter } from "../../services/events/event-delivery.server.ts";
import { formatInstant } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

const ReplaySchema = z.object({ deadLetterId: z.string().min(1).max(36) });

export const meta: Route.MetaFunction = () => [{ title: "Dead letters · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:webhook");
  return { deadLetters: await listDeadLetters(appServices(args.context).db, tenant) };
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
        <DataTable
          caption="Dead-lettered events"
          rows={loaderData.deadLetters}
          rowKey={(d) => d.id}
          empty="No dead letters."
          columns={[
            {
              header: "Event",
              cell: (d) => (
                <span className="font-mono text-xs">
                  {d.eventType} · {d.eventId}
                </span>
              ),
            },
            { header: "Attempts", cell: (d) => d.attempts },
            { header: "Received", cell: (d) => formatInstant(d.receivedAt) },
            {
              header: "Replay",
              cell: (d) => (
                <Form method="post" className="flex items-center gap-2">
                  <input type="hidden" name="deadLetterId" value={d.id} />
                  <Button type="submit" variant="secondary">
                    Replay
                  </Button>
                  {d.replayedAt ? <Badge tone="info">replayed {formatInstant(d.replayedAt)}</Badge> : null}
                </Form>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
