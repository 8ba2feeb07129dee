import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/da-agreement";
import { requirePermission } from "../../auth/session.server.ts";
import { FormErrors, TextField } from "../../components/config-fields.tsx";
import { DaTermsFields, type DaTermsValues } from "../../components/da-terms-fields.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Card, DataTable, FactList, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { findDaAgreement, listDaAmendments } from "../../models/da-agreement-admin.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { amendDaAgreement, setDaAgreementSuspension } from "../../services/configuration/da-agreements.server.ts";
import { DaAgreementTermsSchema } from "../../services/configuration/forms.ts";
import { formatCalendarDate } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { text } from "../../utils/text.ts";
import { businessToday } from "../../utils/today.ts";

const ReasonSchema = z.object({
  intent: z.enum(["suspend", "reinstate"]),
  reason: text("Reason").trim().min(3, "Say why").max(500),
});
const AmendExtras = z.object({
  effectiveOn: z.iso.date("Enter the date the amendment takes effect"),
  reason: text("Reason").trim().min(3, "Say why the agreement is amended").max(500),
});

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.agreement.reference ?? "DA agreement"} · OpenInsure` },
];

const dollars = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const found = await findDaAgreement(db, tenant, args.params.agreementId);
  invariantResponse(found, "Agreement not found");
  const a = found.agreement;
  const values: DaTermsValues = {
    reference: a.reference,
    effectiveDate: a.effectiveDate,
    expirationDate: a.expirationDate,
    maxOccurrenceLimit: dollars(a.maxOccurrenceLimitCents),
    maxAggregateLimit: dollars(a.maxAggregateLimitCents),
    maxPremiumPerPolicy: dollars(a.maxPremiumPerPolicyCents),
    authorizedStates: a.authorizedStates.join(", "),
    excludedStates: a.excludedStates.join(", "),
    authorizedNaicsCodes: a.authorizedNaicsCodes.join(", "),
    excludedNaicsCodes: a.excludedNaicsCodes.join(", "),
    naicsVintage: a.naicsVintage,
    annualGwpLimit: dollars(a.annualGwpLimitCents),
    quarterlyGwpLimit: dollars(a.quarterlyGwpLimitCents),
    maxPoliciesPerInsured: a.maxPoliciesPerInsured,
    maxInsuredRevenue: dollars(a.maxInsuredRevenueCents),
    allowedTermsMonths: a.allowedTermsMonths,
    minYearsInBusiness: a.minYearsInBusiness === null ? "" : String(a.minYearsInBusiness),
    referRevenueOver: dollars(a.referralTriggers.revenueOverCents ?? null),
    referPriorLossesOver:
      a.referralTriggers.priorLossesOver === undefined ? "" : String(a.referralTriggers.priorLossesOver),
    referClassCodes: (a.referralTriggers.classCodes ?? []).join(", "),
    referStates: (a.referralTriggers.states ?? []).join(", "),
  };
  return {
    agreement: {
      reference: a.reference,
      status: a.status,
      programName: found.programName,
      boundGwpCents: a.boundGwpCents,
      annualGwpLimitCents: a.annualGwpLimitCents,
    },
    values,
    history: await listDaAmendments(db, tenant, a.id),
    today: businessToday(tenant),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const agreementId = args.params.agreementId;
  invariantResponse(await findDaAgreement(db, user.tenant, agreementId), "Agreement not found");
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  const today = businessToday(user.tenant);

  if (intent === "suspend" || intent === "reinstate") {
    const parsed = parseWithZod(formData, { schema: ReasonSchema });
    if (parsed.status !== "success") return data({ form: "status", result: parsed.reply() }, { status: 400 });
    const outcome = await setDaAgreementSuspension(
      db,
      user.tenant,
      agreementId,
      intent === "suspend",
      parsed.value.reason,
      today,
    );
    if (!outcome.ok)
      return data({ form: "status", result: parsed.reply({ formErrors: [outcome.message] }) }, { status: 400 });
    await auditAdminAction(db, user, args.request, {
      action: intent === "suspend" ? "da_agreement_suspended" : "da_agreement_reinstated",
      targetType: "da_agreement",
      targetId: agreementId,
      detail: { reason: parsed.value.reason },
    });
    return { form: "status", result: parsed.reply({ resetForm: true }) };
  }

  const extras = parseWithZod(formData, { schema: AmendExtras });
  const terms = parseWithZod(formData, { schema: DaAgreementTermsSchema });
  if (extras.status !== "success" || terms.status !== "success") {
    const error = { ...(terms.reply().error ?? {}), ...(extras.reply().error ?? {}) };
    return data({ form: "amend", result: { ...terms.reply(), error } }, { status: 400 });
  }
  const outcome = await amendDaAgreement(
    db,
    user.tenant,
    agreementId,
    { terms: terms.value, effectiveOn: extras.value.effectiveOn, reason: extras.value.reason },
    today,
  );
  if (!outcome.ok)
    return data({ form: "amend", result: terms.reply({ formErrors: [outcome.message] }) }, { status: 400 });
  await auditAdminAction(db, user, args.request, {
    action: "da_agreement_amended",
    targetType: "da_agreement",
    targetId: agreementId,
    detail: { effectiveOn: extras.value.effectiveOn, reason: extras.value.reason, changed: outcome.changed },
  });
  return { form: "amend", result: terms.reply(), amended: outcome.changed };
}

export default function DaAgreement({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const { agreement } = loaderData;
  const errorsOf = (form: string) => (actionData?.form === form ? actionData.result.error : undefined);
  const suspended = agreement.status === "suspended";
  return (
    <>
      <PageHeader
        title={agreement.reference}
        description={agreement.programName}
        actions={<StatusBadge status={agreement.status} />}
      />
      <div className="grid gap-6">
        <Card title="Standing">
          <FactList
            facts={[
              ["Status", agreement.status],
              ["Bound GWP", formatMoney(toCents(agreement.boundGwpCents))],
              ["Annual GWP limit", formatMoney(toCents(agreement.annualGwpLimitCents))],
            ]}
          />
          {agreement.status !== "expired" ? (
            <Form method="post" className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end">
              <TextField
                label={suspended ? "Why reinstate" : "Why suspend"}
                name="reason"
                errors={errorsOf("status")}
              />
              <SubmitButton
                intent={suspended ? "reinstate" : "suspend"}
                variant={suspended ? "secondary" : "danger"}
                pendingLabel={suspended ? "Reinstating…" : "Suspending…"}
              >
                {suspended ? "Reinstate agreement" : "Suspend agreement"}
              </SubmitButton>
            </Form>
          ) : null}
          <FormErrors errors={errorsOf("status")} />
          <p className="mt-2 text-sm text-text-muted">
            While suspended, no policy binds under this agreement: the pre-bind check refuses it at once.
          </p>
        </Card>
        <Card title="Amend">
          <Form method="post" className="flex flex-col gap-4">
            <input type="hidden" name="intent" value="amend" />
            <DaTermsFields values={loaderData.values} errors={errorsOf("amend")} />
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Takes effect on"
                name="effectiveOn"
                type="date"
                defaultValue={loaderData.today}
                errors={errorsOf("amend")}
              />
              <TextField label="Reason" name="reason" errors={errorsOf("amend")} />
            </div>
            <FormErrors errors={errorsOf("amend")} />
            {actionData && "amended" in actionData ? (
              <p role="status" className="text-success">
                Amended: {actionData.amended?.join(", ")}.
              </p>
            ) : null}
            <SubmitButton pendingLabel="Amending…" className="self-start">
              Amend agreement
            </SubmitButton>
          </Form>
        </Card>
        <Card title="History">
          <DataTable
            caption="Amendment history"
            rows={loaderData.history}
            rowKey={(h) => h.id}
            empty="No history."
            columns={[
              { header: "Recorded", cell: (h) => <LocalTime value={h.createdAt} /> },
              { header: "Kind", cell: (h) => h.kind },
              { header: "Effective", cell: (h) => formatCalendarDate(h.effectiveOn) },
              { header: "Reason", cell: (h) => h.reason },
              {
                header: "Changes",
                cell: (h) => (
                  <ul className="text-xs">
                    {Object.entries(h.changes).map(([field, c]) => (
                      <li key={field}>
                        {field}: {JSON.stringify(c.from)} → {JSON.stringify(c.to)}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
