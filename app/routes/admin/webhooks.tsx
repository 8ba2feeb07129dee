import { getCollectionProps, getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/webhooks";
import { refuseWhileImpersonating, requirePermission } from "../../auth/session.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { ErrorList, Field } from "../../components/forms.tsx";
import { Badge, Button, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { DOMAIN_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "../../services/events/domain-event-types.ts";
import { dnsOverHttpsResolver } from "../../services/events/webhook-dns.server.ts";
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  WebhookEndpointLimit,
  WebhookUrlRefused,
} from "../../services/events/webhooks.server.ts";
import { formatInstant } from "../../utils/format.ts";

const EndpointSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "Enter the endpoint's full URL (https://…)" })
    .max(500, "The URL is too long"),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES), "Choose at least one event").min(1, "Choose at least one event"),
});

export const meta: Route.MetaFunction = () => [{ title: "Webhooks · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:webhook");
  return { endpoints: await listWebhookEndpoints(appServices(args.context).db, tenant) };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:webhook");
  refuseWhileImpersonating(user);
  const { db, env, isDevelopment } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: EndpointSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), secret: null }, { status: 400 });
  let created: Awaited<ReturnType<typeof createWebhookEndpoint>>;
  try {
    // https on 443 to a host resolving to public addresses only; development may call this machine.
    created = await createWebhookEndpoint(db, user.tenant, submission.value, env.BETTER_AUTH_SECRET, {
      allowLocal: isDevelopment,
      resolveHost: dnsOverHttpsResolver(),
    });
  } catch (error) {
    if (error instanceof WebhookUrlRefused)
      return data(
        { result: submission.reply({ fieldErrors: { url: [error.message] } }), secret: null },
        { status: 400 },
      );
    if (!(error instanceof WebhookEndpointLimit)) throw error;
    return data({ result: submission.reply({ formErrors: [error.message] }), secret: null }, { status: 409 });
  }
  await auditAdminAction(db, user, args.request, {
    action: "webhook_endpoint_created",
    targetType: "webhook_endpoint",
    targetId: created.id,
    detail: { url: submission.value.url, eventTypes: submission.value.eventTypes },
  });
  return { result: submission.reply({ resetForm: true }), secret: created.secret };
}

export default function Webhooks({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EndpointSchema }),
  });
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Endpoints receive signed domain events. See the README for verifying the X-OpenInsure-Signature header."
        actions={
          <Link to="/admin/dead-letters" className="text-brand underline underline-offset-4">
            Dead letters
          </Link>
        }
      />
      <div className="grid gap-6">
        {actionData?.secret ? (
          <Card title="Signing secret">
            <p className="mb-2 text-sm">
              Copy it now: it is shown once. Your receiver uses it to verify every delivery.
            </p>
            <output
              className="block break-all rounded-md bg-surface-muted p-3 font-mono text-sm"
              aria-label="Signing secret"
            >
              {actionData.secret}
            </output>
          </Card>
        ) : null}
        <Card title="Endpoints">
          <DataTable
            caption="Webhook endpoints"
            rows={loaderData.endpoints}
            rowKey={(e) => e.id}
            empty="No endpoints yet."
            columns={[
              {
                header: "URL",
                cell: (e) => (
                  <Link to={e.id} className="font-mono text-brand underline underline-offset-4">
                    {e.url}
                  </Link>
                ),
              },
              { header: "Events", cell: (e) => e.eventTypes.join(", ") },
              {
                header: "Status",
                cell: (e) => <Badge tone={e.status === "active" ? "good" : "bad"}>{e.status}</Badge>,
              },
              { header: "Failures in a row", cell: (e) => e.consecutiveFailures },
              { header: "Created", cell: (e) => formatInstant(e.createdAt) },
            ]}
          />
        </Card>
        <Card title="Add an endpoint">
          <Form method="post" {...getFormProps(form)} className="grid gap-4">
            <Field label="URL" inputProps={getInputProps(fields.url, { type: "url" })} errors={fields.url.errors} />
            <fieldset>
              <legend className="text-sm font-medium">Events</legend>
              <div className="mt-2 grid gap-1 sm:grid-cols-2">
                {getCollectionProps(fields.eventTypes, { type: "checkbox", options: [...WEBHOOK_EVENT_TYPES] }).map(
                  ({ key, ...props }) => (
                    <label key={key} className="flex items-center gap-2 text-sm">
                      <input {...props} />
                      <span className="font-mono">{props.value}</span>
                      <span className="text-text-muted">
                        {DOMAIN_EVENT_LABELS[props.value as (typeof WEBHOOK_EVENT_TYPES)[number]]}
                      </span>
                    </label>
                  ),
                )}
              </div>
              <ErrorList errors={fields.eventTypes.errors} />
            </fieldset>
            <ErrorList errors={form.errors} />
            <Button type="submit" className="self-start">
              Add endpoint
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
