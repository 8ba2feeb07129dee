import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/api-keys";
import { refuseWhileImpersonating, requirePermission } from "../../auth/session.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { Field, SelectField } from "../../components/forms.tsx";
import { Badge, Button, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listAgencies } from "../../models/agencies.server.ts";
import { apiKeyAgencyLimit, issueApiKey, listApiKeys, revokeApiKey } from "../../services/access/api-keys.server.ts";
import { formatInstant } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

const IssueKeySchema = z.object({
  intent: z.literal("issue"),
  name: z.string("Name the key").trim().min(2, "Name the key").max(100),
  agencyId: z.string("Choose the agency the key acts for").min(1, "Choose the agency the key acts for"),
});
const RevokeSchema = z.object({ intent: z.literal("revoke"), keyId: z.string().min(1) });
const ApiKeyActionSchema = z.discriminatedUnion("intent", [IssueKeySchema, RevokeSchema]);

export const meta: Route.MetaFunction = () => [{ title: "API keys · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:api-key");
  const { db } = appServices(args.context);
  const [keys, agencies] = await Promise.all([listApiKeys(db, user.tenant), manageableAgencies(db, user.tenant)]);
  return { keys, agencies: agencies.map((a) => ({ value: a.id, label: a.name })) };
}

/** The agencies the user may issue keys for: every one for an org admin, their own for an agency admin. */
async function manageableAgencies(db: Parameters<typeof listAgencies>[0], tenant: Parameters<typeof listAgencies>[1]) {
  const limit = apiKeyAgencyLimit(tenant);
  const agencies = await listAgencies(db, tenant);
  return limit === undefined ? agencies : agencies.filter((a) => a.id === limit);
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:api-key");
  const { db } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: ApiKeyActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), secret: null }, { status: 400 });
  const value = submission.value;
  if (value.intent === "revoke") {
    invariantResponse(await revokeApiKey(db, user.tenant, value.keyId), "API key not found");
    await auditAdminAction(db, user, args.request, {
      action: "api_key_revoked",
      targetType: "api_key",
      targetId: value.keyId,
    });
    return { result: null, secret: null };
  }
  refuseWhileImpersonating(user);
  const agencies = await manageableAgencies(db, user.tenant);
  if (!agencies.some((a) => a.id === value.agencyId)) {
    return data(
      { result: submission.reply({ fieldErrors: { agencyId: ["Choose one of your agencies"] } }), secret: null },
      { status: 400 },
    );
  }
  const issued = await issueApiKey(db, user.tenant, {
    name: value.name,
    roles: ["producer"],
    agencyId: value.agencyId,
  });
  await auditAdminAction(db, user, args.request, {
    action: "api_key_issued",
    targetType: "api_key",
    targetId: issued.id,
    detail: { name: value.name, agencyId: value.agencyId },
  });
  return { result: submission.reply({ resetForm: true }), secret: issued.secret };
}

export default function ApiKeys({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IssueKeySchema }),
  });
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let API clients file, quote and bind for one of your agencies. See /v1/openapi.json."
      />
      <div className="grid gap-6">
        {actionData?.secret ? (
          <Card title="Your new key">
            <p className="mb-2 text-sm">Copy it now: it is shown once and stored only as a hash.</p>
            <output
              className="block break-all rounded-md bg-surface-muted p-3 font-mono text-sm"
              aria-label="New API key"
            >
              {actionData.secret}
            </output>
          </Card>
        ) : null}
        <Card title="Keys">
          <DataTable
            caption="API keys"
            rows={loaderData.keys}
            rowKey={(k) => k.id}
            empty="No API keys yet."
            columns={[
              { header: "Name", cell: (k) => k.name },
              { header: "Prefix", cell: (k) => <span className="font-mono">{k.prefix}…</span> },
              { header: "Created", cell: (k) => formatInstant(k.createdAt) },
              { header: "Last used", cell: (k) => formatInstant(k.lastUsedAt) },
              {
                header: "Status",
                cell: (k) =>
                  k.revokedAt ? (
                    <Badge tone="bad">revoked</Badge>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="keyId" value={k.id} />
                      <Button variant="secondary" type="submit">
                        Revoke
                      </Button>
                    </Form>
                  ),
              },
            ]}
          />
        </Card>
        <Card title="Issue a key">
          <Form method="post" {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="intent" value="issue" />
            <Field label="Name" inputProps={getInputProps(fields.name, { type: "text" })} errors={fields.name.errors} />
            <SelectField
              label="Acts for agency"
              selectProps={getSelectProps(fields.agencyId)}
              errors={fields.agencyId.errors}
              placeholder="Choose an agency"
              options={loaderData.agencies}
            />
            <Button type="submit" className="self-start">
              Issue key
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
