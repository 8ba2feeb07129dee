import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/organizations";
import { requireUser } from "../auth/session.server.ts";
import { SubmitButton } from "../components/submit-button.tsx";
import { Badge, Card, PageHeader } from "../components/ui.tsx";
import { appServices } from "../context.server.ts";
import { listUserOrganizations } from "../models/member-admin.server.ts";
import { forwardCookies } from "../utils/http.server.ts";

// Users who belong to several organizations switch here; the session's active organization is
// what every page and query is scoped by (ADR 002). Suspended memberships are not offered.

export const meta: Route.MetaFunction = () => [{ title: "Your organizations · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requireUser(args);
  const organizations = await listUserOrganizations(appServices(args.context).db, user.id);
  return { organizations, current: user.tenant?.orgId ?? null };
}

export async function action(args: Route.ActionArgs) {
  const user = await requireUser(args);
  const { db, auth } = appServices(args.context);
  const organizationId = (await args.request.formData()).get("organizationId");
  const organizations = await listUserOrganizations(db, user.id);
  if (typeof organizationId !== "string" || !organizations.some((o) => o.orgId === organizationId))
    throw data("You are not a member of that organization.", { status: 404 });
  const response = await auth.api.setActiveOrganization({
    body: { organizationId },
    headers: args.request.headers,
    asResponse: true,
  });
  if (!response.ok) throw data("The organization could not be switched.", { status: 400 });
  throw redirect("/", { headers: forwardCookies(response) });
}

export default function Organizations({ loaderData }: Route.ComponentProps) {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <PageHeader title="Your organizations" description="Choose the organization to work in." />
      <Card>
        <ul className="flex flex-col gap-3">
          {loaderData.organizations.map((o) => (
            <li key={o.orgId} className="flex items-center justify-between gap-4">
              <span>{o.orgName}</span>
              {o.orgId === loaderData.current ? (
                <Badge tone="good">current</Badge>
              ) : (
                <Form method="post">
                  <input type="hidden" name="organizationId" value={o.orgId} />
                  <SubmitButton variant="secondary" pendingLabel="Switching…" match={{ organizationId: o.orgId }}>
                    Switch to {o.orgName}
                  </SubmitButton>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </main>
  );
}
