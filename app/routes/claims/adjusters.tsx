import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import type { Route } from "./+types/adjusters";
import { parseRoles } from "../../auth/permissions.ts";
import { requirePermission } from "../../auth/session.server.ts";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listAdjusterLoads, listClaimsStaff, upsertAdjusterProfile } from "../../models/claims.server.ts";
import { AdjusterProfileSchema } from "../../services/claims/claim-forms.ts";
import { formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Adjusters · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "approve:reserve");
  const { db } = appServices(args.context);
  const [staff, profiles] = await Promise.all([
    listClaimsStaff(db, user.tenant.orgId),
    listAdjusterLoads(db, user.tenant.orgId),
  ]);
  const adjusters = staff.filter((s) => parseRoles(s.role).includes("claims_adjuster"));
  return {
    adjusters: adjusters.map((a) => ({ ...a, profile: profiles.find((p) => p.userId === a.userId) ?? null })),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "approve:reserve");
  const { db } = appServices(args.context);
  const submission = parseWithZod(await args.request.formData(), { schema: AdjusterProfileSchema });
  if (submission.status !== "success") return data({ errors: submission.error }, { status: 400 });
  const staff = await listClaimsStaff(db, user.tenant.orgId);
  const member = staff.find((s) => s.userId === submission.value.userId);
  if (!member || !parseRoles(member.role).includes("claims_adjuster"))
    throw data("Adjuster not found", { status: 404 });
  await upsertAdjusterProfile(db, user.tenant.orgId, {
    userId: member.userId,
    licensedStates: submission.value.licensedStates,
    reserveAuthorityCents: submission.value.reserveAuthority,
    paymentAuthorityCents: submission.value.paymentAuthority,
  });
  return { errors: null };
}

const input = "rounded-md border border-border bg-surface px-3 py-2 text-sm";

export default function Adjusters({ loaderData: { adjusters } }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ? Object.values(actionData.errors).flat() : [];
  return (
    <>
      <PageHeader title="Adjusters" description="Where each adjuster is licensed and how far their authority goes." />
      {errors.length ? (
        <ul role="alert" className="mb-4 rounded-md border border-danger p-3 text-sm text-danger">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <div className="grid gap-4">
        {adjusters.map((a) => (
          <Card key={a.userId} title={`${a.name} · ${a.profile?.openClaims ?? 0} open claims`}>
            <p className="mb-3 text-sm text-text-muted">
              {a.profile
                ? `Licensed in ${a.profile.licensedStates.join(", ")}; reserve authority ${formatCents(a.profile.reserveAuthorityCents)}, payment authority ${formatCents(a.profile.paymentAuthorityCents)}.`
                : "No profile yet: new claims are not assigned to this adjuster."}
            </p>
            <Form method="post" className="grid gap-3 sm:grid-cols-4">
              <input type="hidden" name="userId" value={a.userId} />
              <label className="flex flex-col gap-1 text-sm font-medium">
                States licensed
                <input
                  name="licensedStates"
                  className={input}
                  defaultValue={a.profile?.licensedStates.join(", ") ?? ""}
                />
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium">
                Reserve authority (USD)
                <input
                  name="reserveAuthority"
                  inputMode="decimal"
                  className={input}
                  defaultValue={a.profile ? (a.profile.reserveAuthorityCents / 100).toFixed(2) : ""}
                />
              </label>
              <label className="flex flex-col gap-1 text-sm font-medium">
                Payment authority (USD)
                <input
                  name="paymentAuthority"
                  inputMode="decimal"
                  className={input}
                  defaultValue={a.profile ? (a.profile.paymentAuthorityCents / 100).toFixed(2) : ""}
                />
              </label>
              <div className="self-end">
                <SubmitButton pendingLabel="Saving…" match={{ userId: a.userId }}>
                  Save
                </SubmitButton>
              </div>
            </Form>
          </Card>
        ))}
      </div>
    </>
  );
}
