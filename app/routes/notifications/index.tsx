import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/index";
import { requireTenant } from "../../auth/session.server.ts";
import { Badge, Button, Card, EmptyState, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { DOMAIN_EVENT_LABELS, DOMAIN_EVENT_TYPES } from "../../services/events/domain-event-types.ts";
import {
  listNotifications,
  loadNotificationPreferences,
  markAllNotificationsRead,
  markNotificationRead,
  saveNotificationPreferences,
} from "../../services/events/notifications.server.ts";
import { formatInstant } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), notificationId: z.string().min(1).max(36) }),
  z.object({ intent: z.literal("read-all") }),
  z.object({
    intent: z.literal("preferences"),
    inApp: z.array(z.enum(DOMAIN_EVENT_TYPES)).default([]),
    email: z.array(z.enum(DOMAIN_EVENT_TYPES)).default([]),
  }),
]);

export const meta: Route.MetaFunction = () => [{ title: "Notifications · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requireTenant(args);
  const { db } = appServices(args.context);
  const [notifications, preferences] = await Promise.all([
    listNotifications(db, tenant),
    loadNotificationPreferences(db, tenant),
  ]);
  return { notifications, preferences };
}

export async function action(args: Route.ActionArgs) {
  const { tenant } = await requireTenant(args);
  const { db } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: ActionSchema });
  if (submission.status !== "success")
    return data({ error: "That request was not understood. Reload the page and try again." }, { status: 400 });
  const input = submission.value;
  if (input.intent === "read")
    invariantResponse(await markNotificationRead(db, tenant, input.notificationId), "Notification not found");
  if (input.intent === "read-all") await markAllNotificationsRead(db, tenant);
  if (input.intent === "preferences") {
    await saveNotificationPreferences(
      db,
      tenant,
      DOMAIN_EVENT_TYPES.map((eventType) => ({
        eventType,
        inApp: input.inApp.includes(eventType),
        email: input.email.includes(eventType),
      })),
    );
  }
  return { error: null };
}

export default function Notifications({ loaderData, actionData }: Route.ComponentProps) {
  const unread = loaderData.notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`${unread} unread`}
        actions={
          unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <Button type="submit" variant="secondary">
                Mark all read
              </Button>
            </Form>
          ) : null
        }
      />
      {actionData?.error ? (
        <p role="alert" className="mb-4 text-sm text-danger">
          {actionData.error}
        </p>
      ) : null}
      <div className="grid gap-6">
        <Card title="Latest">
          {loaderData.notifications.length === 0 ? (
            <EmptyState>Nothing yet. Referrals, quotes, bindings and mentions that concern you appear here.</EmptyState>
          ) : (
            <ul className="divide-y divide-border" aria-label="Notifications">
              {loaderData.notifications.map((n) => (
                <li key={n.id} className="flex items-start justify-between gap-4 py-3">
                  <div>
                    <div className="flex items-center gap-2">
                      {n.readAt ? null : <Badge tone="info">new</Badge>}
                      {n.link ? (
                        <Link to={n.link} className="font-medium underline-offset-4 hover:underline">
                          {n.title}
                        </Link>
                      ) : (
                        <span className="font-medium">{n.title}</span>
                      )}
                    </div>
                    <p className="text-sm text-text-muted">{n.body}</p>
                    <p className="text-xs text-text-muted">{formatInstant(n.createdAt)}</p>
                  </div>
                  {n.readAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="read" />
                      <input type="hidden" name="notificationId" value={n.id} />
                      <Button type="submit" variant="secondary" aria-label={`Mark read: ${n.title}`}>
                        Mark read
                      </Button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Preferences">
          <Form method="post">
            <input type="hidden" name="intent" value="preferences" />
            <table className="w-full text-sm">
              <caption className="sr-only">Notification preferences</caption>
              <thead>
                <tr className="text-left text-text-muted">
                  <th className="py-2 font-medium">Event</th>
                  <th className="py-2 font-medium">In app</th>
                  <th className="py-2 font-medium">Email</th>
                </tr>
              </thead>
              <tbody>
                {loaderData.preferences.map((p) => (
                  <tr key={p.eventType} className="border-t border-border">
                    <td className="py-2">{DOMAIN_EVENT_LABELS[p.eventType]}</td>
                    <td className="py-2">
                      <input
                        type="checkbox"
                        name="inApp"
                        value={p.eventType}
                        defaultChecked={p.inApp}
                        aria-label={`In app: ${DOMAIN_EVENT_LABELS[p.eventType]}`}
                      />
                    </td>
                    <td className="py-2">
                      <input
                        type="checkbox"
                        name="email"
                        value={p.eventType}
                        defaultChecked={p.email}
                        aria-label={`Email: ${DOMAIN_EVENT_LABELS[p.eventType]}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Button type="submit" className="mt-4">
              Save preferences
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
