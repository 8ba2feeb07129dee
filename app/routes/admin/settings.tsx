import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/settings";
import { requirePermission } from "../../auth/session.server.ts";
import { FormErrors, SelectInput, TextField } from "../../components/config-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { findOrgSettings, saveOrgSettings } from "../../models/org-settings.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { text } from "../../utils/text.ts";
import { businessToday, DEFAULT_TIME_ZONE, isTimeZone } from "../../utils/today.ts";

const SettingsSchema = z.object({
  timeZone: z.string("Choose the time zone").refine(isTimeZone, "Choose a time zone from the list"),
  documentName: text("Name on documents").trim().max(200).optional(),
});

export const meta: Route.MetaFunction = () => [{ title: "Organization settings · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const settings = await findOrgSettings(appServices(args.context).db, tenant);
  return {
    timeZone: settings?.timeZone ?? DEFAULT_TIME_ZONE,
    documentName: settings?.documentName ?? "",
    orgName: tenant.orgName,
    today: businessToday(tenant),
    zones: Intl.supportedValuesOf("timeZone"),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: SettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const settings = { timeZone: submission.value.timeZone, documentName: submission.value.documentName || null };
  await saveOrgSettings(db, user.tenant, settings);
  await auditAdminAction(db, user, args.request, {
    action: "org_settings_changed",
    targetType: "organization",
    targetId: user.tenant.orgId,
    detail: settings,
  });
  return { result: submission.reply(), saved: true };
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result.error;
  const zones = loaderData.zones.includes(loaderData.timeZone)
    ? loaderData.zones
    : [loaderData.timeZone, ...loaderData.zones];
  return (
    <>
      <PageHeader title="Organization settings" description={loaderData.orgName} />
      <Card title="Business calendar and documents">
        <Form method="post" className="flex flex-col gap-4">
          <SelectInput
            label="Time zone"
            name="timeZone"
            defaultValue={loaderData.timeZone}
            errors={errors}
            options={zones.map((z) => ({ value: z, label: z }))}
          />
          <p className="text-sm text-text-muted">
            Today is {loaderData.today} in this zone. Quote expiry, effective dates, due dates and cut-offs use it.
          </p>
          <TextField
            label="Name on documents"
            name="documentName"
            defaultValue={loaderData.documentName}
            errors={errors}
            hint={`Printed on declarations; empty prints "${loaderData.orgName}".`}
          />
          <FormErrors errors={errors} />
          {actionData?.saved ? (
            <p role="status" className="text-success">
              Settings saved.
            </p>
          ) : null}
          <SubmitButton pendingLabel="Saving…" className="self-start">
            Save settings
          </SubmitButton>
        </Form>
      </Card>
    </>
  );
}
