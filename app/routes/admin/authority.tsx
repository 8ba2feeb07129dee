import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/authority";
import { requirePermission } from "../../auth/session.server.ts";
import { FormErrors, FormFields, SelectInput, TextField } from "../../components/config-fields.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listAuthorityProfilePage } from "../../models/authority.server.ts";
import { authorityProfileTable } from "../../models/table-specs.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { saveProfile } from "../../services/configuration/authority.server.ts";
import { dollars } from "../../services/configuration/forms.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { text } from "../../utils/text.ts";

const TIERS = [
  { value: "underwriter", label: "Underwriter" },
  { value: "senior_underwriter", label: "Senior underwriter" },
  { value: "chief_underwriter", label: "Chief underwriter" },
] as const;

const ProfileSchema = z.object({
  profileId: z.string().optional(),
  name: text("Profile name").trim().min(2, "Name the profile").max(100),
  tier: z.enum(["underwriter", "senior_underwriter", "chief_underwriter"], "Choose the tier"),
  glMaxPremium: dollars("GL maximum premium", { optional: true }),
  glMaxLimit: dollars("GL maximum limit", { optional: true }),
  wcMaxPremium: dollars("WC maximum premium", { optional: true }),
  wcMaxLimit: dollars("WC maximum limit", { optional: true }),
});

export const meta: Route.MetaFunction = () => [{ title: "Authority profiles · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const state = parseTableState(new URL(args.request.url).searchParams, authorityProfileTable);
  const page = await listAuthorityProfilePage(appServices(args.context).db, tenant, state);
  return { profiles: { ...page, state } };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: ProfileSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const grants = [
    ["GL", v.glMaxPremium, v.glMaxLimit],
    ["WC", v.wcMaxPremium, v.wcMaxLimit],
  ] as const;
  const half = grants.find(([, premium, limit]) => (premium === null) !== (limit === null));
  if (half)
    return data(
      {
        result: submission.reply({
          formErrors: [`Give both the maximum premium and limit for ${half[0]}, or neither`],
        }),
      },
      { status: 400 },
    );
  const profile = {
    name: v.name,
    tier: v.tier,
    grants: grants
      .filter(([, premium]) => premium !== null)
      .map(([lineOfBusiness, premium, limit]) => ({
        lineOfBusiness,
        maxPremiumCents: premium as number,
        maxLimitCents: limit as number,
      })),
  };
  const id = await saveProfile(db, user.tenant, v.profileId || null, profile);
  if (!id) return data({ result: submission.reply({ formErrors: ["Profile not found"] }) }, { status: 404 });
  await auditAdminAction(db, user, args.request, {
    action: "authority_profile_saved",
    targetType: "authority_profile",
    targetId: id,
    detail: profile,
  });
  return { result: submission.reply({ resetForm: true }) };
}

const dollarsOf = (cents: number | undefined) => (cents === undefined ? "" : (cents / 100).toFixed(2));

export default function AuthorityProfiles({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result.error;
  // The profiles on this page of the table can be edited below it; another page brings others.
  const rows = [...loaderData.profiles.rows.map((p) => ({ key: p.id, profile: p })), { key: "new", profile: null }];
  return (
    <>
      <PageHeader
        title="Authority profiles"
        description="Per line of business, the largest premium and limit an underwriter may bind. Assign them on each member's page."
      />
      <div className="grid gap-6">
        <Card title="Profiles">
          <PagedTable
            spec={authorityProfileTable}
            page={loaderData.profiles}
            caption="Authority profiles"
            empty="No profiles yet."
            search="Search by profile name"
            filters={[{ name: "tier", label: "Profile tier", options: [...TIERS] }]}
            exportPath="/admin/authority/export"
            rowKey={(p) => p.id}
            columns={[
              { id: "name", header: "Profile", cell: (p) => p.name },
              { id: "tier", header: "Tier", cell: (p) => TIERS.find((t) => t.value === p.tier)?.label ?? p.tier },
              {
                id: "grants",
                header: "Grants",
                cell: (p) =>
                  p.grants
                    .map(
                      (g) =>
                        `${g.lineOfBusiness}: premium ${formatMoney(toCents(g.maxPremiumCents))}, limit ${formatMoney(toCents(g.maxLimitCents))}`,
                    )
                    .join("; "),
              },
            ]}
          />
        </Card>
        {rows.map(({ key, profile }) => {
          const gl = profile?.grants.find((g) => g.lineOfBusiness === "GL");
          const wc = profile?.grants.find((g) => g.lineOfBusiness === "WC");
          return (
            <Card key={key} title={profile ? `Edit ${profile.name}` : "New profile"}>
              <Form method="post" className="flex flex-col gap-4">
                {profile ? <input type="hidden" name="profileId" value={profile.id} /> : null}
                {/* The action's errors belong to the form that was sent: the new profile's. */}
                <FormFields errors={profile ? undefined : errors} id={key}>
                  <div className="grid gap-4 sm:grid-cols-2">
                    <TextField label="Name" name="name" defaultValue={profile?.name} />
                    <SelectInput
                      label="Tier"
                      name="tier"
                      defaultValue={profile?.tier ?? "underwriter"}
                      options={TIERS}
                    />
                    <TextField
                      label="GL max premium ($)"
                      name="glMaxPremium"
                      defaultValue={dollarsOf(gl?.maxPremiumCents)}
                    />
                    <TextField label="GL max limit ($)" name="glMaxLimit" defaultValue={dollarsOf(gl?.maxLimitCents)} />
                    <TextField
                      label="WC max premium ($)"
                      name="wcMaxPremium"
                      defaultValue={dollarsOf(wc?.maxPremiumCents)}
                    />
                    <TextField label="WC max limit ($)" name="wcMaxLimit" defaultValue={dollarsOf(wc?.maxLimitCents)} />
                  </div>
                  <FormErrors />
                </FormFields>
                <SubmitButton pendingLabel="Saving…" match={{ profileId: profile?.id ?? "" }} className="self-start">
                  {profile ? "Save profile" : "Create profile"}
                </SubmitButton>
              </Form>
            </Card>
          );
        })}
      </div>
    </>
  );
}
