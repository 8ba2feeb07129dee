import type { SubmissionResult } from "@conform-to/react";
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
import { removeOrgLogo, uploadOrgLogo } from "../../services/configuration/org-logo.server.ts";
import { LOGO_MAX_BYTES } from "../../services/documents/letterhead.ts";
import { text } from "../../utils/text.ts";
import { businessToday, DEFAULT_TIME_ZONE, isTimeZone } from "../../utils/today.ts";

const SettingsSchema = z.object({
  intent: z.literal("settings"),
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
    logo: settings?.logoContentType ?? null,
    orgName: tenant.orgName,
    today: businessToday(tenant),
    zones: Intl.supportedValuesOf("timeZone"),
  };
}

type ActionResult = {
  result?: SubmissionResult<string[]>;
  saved?: boolean;
  logo?: { ok: boolean; message: string };
};

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db, env } = appServices(args.context);
  const tooLarge = { logo: { ok: false, message: `The logo is larger than ${LOGO_MAX_BYTES / 1024} KB` } };
  // Refused before the body is read: a large upload never reaches memory.
  if (Number(args.request.headers.get("content-length") ?? 0) > LOGO_MAX_BYTES + 10_000)
    return data<ActionResult>(tooLarge, { status: 413 });
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  if (intent === "logo") {
    const file = formData.get("logo");
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const outcome = await uploadOrgLogo(db, env.DOCUMENTS, user, args.request, bytes);
    return outcome.ok
      ? data<ActionResult>({ logo: { ok: true, message: "Logo saved. New documents print it." } })
      : data<ActionResult>({ logo: { ok: false, message: outcome.message } }, { status: 400 });
  }
  if (intent === "remove-logo") {
    await removeOrgLogo(db, env.DOCUMENTS, user, args.request);
    return data<ActionResult>({ logo: { ok: true, message: "Logo removed." } });
  }
  const submission = parseWithZod(formData, { schema: SettingsSchema });
  if (submission.status !== "success")
    return data<ActionResult>({ result: submission.reply(), saved: false }, { status: 400 });
  const settings = { timeZone: submission.value.timeZone, documentName: submission.value.documentName || null };
  await saveOrgSettings(db, user.tenant, settings);
  await auditAdminAction(db, user, args.request, {
    action: "org_settings_changed",
    targetType: "organization",
    targetId: user.tenant.orgId,
    detail: settings,
  });
  return data<ActionResult>({ result: submission.reply(), saved: true });
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result?.error;
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
          <SubmitButton intent="settings" pendingLabel="Saving…" className="self-start">
            Save settings
          </SubmitButton>
        </Form>
      </Card>
      <Card title="Logo on documents">
        <div className="flex flex-col gap-4">
          {loaderData.logo ? (
            <img
              src="/admin/settings/logo"
              alt={`Logo of ${loaderData.orgName}`}
              className="max-h-16 max-w-60 self-start rounded border border-border bg-white p-2"
            />
          ) : (
            <p className="text-sm text-text-muted">No logo yet: documents print the name only.</p>
          )}
          <Form method="post" encType="multipart/form-data" className="flex flex-col gap-3">
            <label htmlFor="logo-file" className="text-sm font-medium">
              PNG or JPEG file, at most {LOGO_MAX_BYTES / 1024} KB
            </label>
            <input id="logo-file" name="logo" type="file" accept="image/png,image/jpeg" className="text-sm" />
            <p className="text-sm text-text-muted">
              Printed above the name on declarations, endorsements, notices and letters issued from now on.
            </p>
            <SubmitButton intent="logo" variant="secondary" pendingLabel="Uploading…" className="self-start">
              Upload logo
            </SubmitButton>
          </Form>
          {loaderData.logo ? (
            <Form method="post">
              <SubmitButton intent="remove-logo" variant="secondary" pendingLabel="Removing…">
                Remove logo
              </SubmitButton>
            </Form>
          ) : null}
          {actionData?.logo ? (
            <p
              role={actionData.logo.ok ? "status" : "alert"}
              className={actionData.logo.ok ? "text-success" : "text-danger"}
            >
              {actionData.logo.message}
            </p>
          ) : null}
        </div>
      </Card>
    </>
  );
}
