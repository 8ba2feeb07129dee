import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/webhook";
import { requirePermission } from "../../auth/session.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { Badge, Button, Card, DataTable, FactList, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import {
  findWebhookEndpointLog,
  liveWebhookSender,
  replayWebhookDelivery,
  setWebhookEndpointStatus,
  WebhookEndpointLimit,
} from "../../services/events/webhooks.server.ts";
import { formatInstant } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("replay"), deliveryId: z.string().min(1).max(36) }),
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("disable") }),
]);

export const meta: Route.MetaFunction = () => [{ title: "Webhook endpoint · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:webhook");
  const { tenant } = user;
  const log = await findWebhookEndpointLog(appServices(args.context).db, tenant, args.params.endpointId);
  invariantResponse(log, "Webhook endpoint not found");
  return log;
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:webhook");
  const { tenant } = user;
  const { db, env, isDevelopment } = appServices(args.context);
  // The path's id first: an id outside the user's scope answers 404 whatever the body says.
  const log = await findWebhookEndpointLog(db, tenant, args.params.endpointId);
  invariantResponse(log, "Webhook endpoint not found");
  const submission = parseWithZod(await args.request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") return data({ error: "That request was not understood." }, { status: 400 });
  const input = submission.value;
  if (input.intent === "replay") {
    invariantResponse(
      log.deliveries.some((d) => d.id === input.deliveryId),
      "Delivery not found",
    );
    if (log.endpoint.status !== "active")
      return data({ error: "Enable the endpoint before replaying to it." }, { status: 409 });
    await replayWebhookDelivery(
      db,
      tenant,
      input.deliveryId,
      liveWebhookSender(env.BETTER_AUTH_SECRET, { allowLocal: isDevelopment }),
    );
    await auditAdminAction(db, user, args.request, {
      action: "webhook_delivery_replayed",
      targetType: "webhook_delivery",
      targetId: input.deliveryId,
      detail: { endpointId: args.params.endpointId },
    });
  } else {
    let updated: boolean;
    try {
      const status = input.intent === "enable" ? "active" : "disabled";
      updated = Boolean(await setWebhookEndpointStatus(db, tenant, args.params.endpointId, status));
    } catch (error) {
      if (!(error instanceof WebhookEndpointLimit)) throw error;
      return data({ error: error.message }, { status: 409 });
    }
    invariantResponse(updated, "Webhook endpoint not found");
    const action = input.intent === "enable" ? "webhook_endpoint_enabled" : "webhook_endpoint_disabled";
    await auditAdminAction(db, user, args.request, {
      action,
      targetType: "webhook_endpoint",
      targetId: args.params.endpointId,
    });
  }
  return { error: null };
}

export default function WebhookEndpoint({ loaderData, actionData }: Route.ComponentProps) {
  const { endpoint, deliveries } = loaderData;
  return (
    <>
      <PageHeader
        title="Webhook endpoint"
        description={endpoint.url}
        actions={
          <Link to="/admin/webhooks" className="text-brand underline underline-offset-4">
            All endpoints
          </Link>
        }
      />
      {actionData?.error ? (
        <p role="alert" className="mb-4 text-sm text-danger">
          {actionData.error}
        </p>
      ) : null}
      <div className="grid gap-6">
        <Card
          title="Endpoint"
          actions={
            <Form method="post">
              <input type="hidden" name="intent" value={endpoint.status === "active" ? "disable" : "enable"} />
              <Button type="submit" variant="secondary">
                {endpoint.status === "active" ? "Disable" : "Enable"}
              </Button>
            </Form>
          }
        >
          <FactList
            facts={[
              [
                "Status",
                <Badge key="s" tone={endpoint.status === "active" ? "good" : "bad"}>
                  {endpoint.status}
                </Badge>,
              ],
              ["Events", endpoint.eventTypes.join(", ")],
              ["Failed attempts in a row", endpoint.consecutiveFailures],
              ["Disabled", formatInstant(endpoint.disabledAt)],
            ]}
          />
        </Card>
        <Card title="Delivery log">
          <DataTable
            caption="Deliveries"
            rows={deliveries}
            rowKey={(d) => d.id}
            empty="Nothing delivered yet."
            columns={[
              {
                header: "Event",
                cell: (d) => (
                  <span className="font-mono text-xs">
                    {d.eventType} · {d.eventId}
                  </span>
                ),
              },
              {
                header: "Status",
                cell: (d) => (
                  <Badge tone={d.status === "succeeded" ? "good" : d.status === "failed" ? "bad" : "warn"}>
                    {d.status}
                  </Badge>
                ),
              },
              {
                header: "Attempts",
                cell: (d) => (
                  <ol className="text-xs">
                    {d.attemptLog.map((a) => (
                      <li key={a.id}>
                        #{a.attempt} {formatInstant(a.attemptedAt)}: {a.message}
                      </li>
                    ))}
                  </ol>
                ),
              },
              { header: "Next retry", cell: (d) => (d.status === "pending" ? formatInstant(d.nextAttemptAt) : "") },
              {
                header: "Replay",
                cell: (d) => (
                  <Form method="post">
                    <input type="hidden" name="intent" value="replay" />
                    <input type="hidden" name="deliveryId" value={d.id} />
                    <Button type="submit" variant="secondary" aria-label={`Replay ${d.eventType} ${d.eventId}`}>
                      Replay
                    </Button>
                  </Form>
                ),
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
