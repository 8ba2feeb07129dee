import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/program";
import { requirePermission } from "../../auth/session.server.ts";
import { FormErrors, TextField } from "../../components/config-fields.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { ProgramForm } from "../../components/program-form.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Badge, Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listKnockoutRules } from "../../models/knockouts.server.ts";
import { listCarriers, listRateTableVersions, listVersionsForLine } from "../../models/program-config.server.ts";
import { findProgram } from "../../models/programs.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { fractionToPercent, ProgramFormSchema } from "../../services/configuration/forms.ts";
import { saveProgram, setProgramRetirement } from "../../services/configuration/programs.server.ts";
import { startRateTableDraft } from "../../services/configuration/rate-tables.server.ts";
import { REFERRAL_REASON_CODES } from "../../services/policies/referral-triggers.ts";
import { formatCalendarDate } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { text } from "../../utils/text.ts";
import { businessToday } from "../../utils/today.ts";

const DraftSchema = z.object({
  intent: z.literal("start-draft"),
  fromVersionId: z.string("Choose the version to start from").min(1, "Choose the version to start from"),
  version: text("Version")
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, "A version is up to 30 letters, digits, dots or dashes, e.g. 2027.1"),
  effectiveDate: z.iso.date("Enter the effective date"),
});
const RetireSchema = z.object({ intent: z.enum(["retire", "reinstate"]) });

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.program.name ?? "Program"} · OpenInsure` },
];

const dollars = (cents: number) => (cents / 100).toFixed(2);

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const id = args.params.programId;
  const [program, carriers, rules, versions] = await Promise.all([
    findProgram(db, tenant, id),
    listCarriers(db, tenant),
    listKnockoutRules(db, tenant, id),
    listRateTableVersions(db, tenant, id),
  ]);
  invariantResponse(program, "Program not found");
  const sources = await listVersionsForLine(db, tenant, program.lineOfBusiness);
  return {
    sources,
    program: { id: program.id, name: program.name, retiredAt: program.retiredAt },
    values: {
      name: program.name,
      lineOfBusiness: program.lineOfBusiness,
      carrierId: program.carrierId,
      states: program.states,
      installmentPlans: program.installmentPlans,
      autoBindPremium: dollars(program.autoBindPremiumCents),
      defaultCommission: fractionToPercent(program.defaultCommissionRate),
      minimumPremium: dollars(program.minimumPremiumCents),
      quoteValidDays: program.quoteValidDays,
      questions: rules.map((r) => ({
        code: r.code,
        question: r.question,
        adverseAnswer: r.adverseAnswer,
        action: r.action,
        reasonCode: r.reasonCode,
      })),
    },
    carriers,
    versions,
    today: businessToday(tenant),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const programId = args.params.programId;
  invariantResponse(await findProgram(db, user.tenant, programId), "Program not found");
  const formData = await args.request.formData();
  const intent = formData.get("intent");

  if (intent === "retire" || intent === "reinstate") {
    const parsed = parseWithZod(formData, { schema: RetireSchema });
    if (parsed.status !== "success") return data({ form: "retire", result: parsed.reply() }, { status: 400 });
    await setProgramRetirement(db, user.tenant, programId, intent === "retire");
    await auditAdminAction(db, user, args.request, {
      action: intent === "retire" ? "program_retired" : "program_reinstated",
      targetType: "program",
      targetId: programId,
    });
    return { form: "retire", result: parsed.reply() };
  }

  if (intent === "start-draft") {
    const parsed = parseWithZod(formData, { schema: DraftSchema });
    if (parsed.status !== "success") return data({ form: "draft", result: parsed.reply() }, { status: 400 });
    const outcome = await startRateTableDraft(db, user.tenant, { programId, ...parsed.value });
    if (!outcome.ok)
      return data(
        { form: "draft", result: parsed.reply({ fieldErrors: { version: [outcome.message] } }) },
        { status: 400 },
      );
    await auditAdminAction(db, user, args.request, {
      action: "rate_table_draft_started",
      targetType: "rate_table",
      targetId: outcome.versionId,
      detail: { programId, fromVersionId: parsed.value.fromVersionId, version: parsed.value.version },
    });
    throw redirect(`/admin/rate-tables/${outcome.versionId}`);
  }

  const submission = parseWithZod(formData, { schema: ProgramFormSchema });
  if (submission.status !== "success") return data({ form: "program", result: submission.reply() }, { status: 400 });
  const outcome = await saveProgram(db, user.tenant, programId, submission.value);
  if (!outcome.ok)
    return data(
      {
        form: "program",
        result: submission.reply(
          outcome.field ? { fieldErrors: { [outcome.field]: [outcome.message] } } : { formErrors: [outcome.message] },
        ),
      },
      { status: 400 },
    );
  await auditAdminAction(db, user, args.request, {
    action: "program_changed",
    targetType: "program",
    targetId: programId,
    detail: { ...submission.value.terms, questions: submission.value.questions.map((q) => q.code) },
  });
  return { form: "program", result: submission.reply(), saved: true };
}

export default function Program({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errorsOf = (form: string) => (actionData?.form === form ? actionData.result.error : undefined);
  const { program, versions } = loaderData;
  const active = versions.find((v) => v.status === "active");
  return (
    <>
      <PageHeader
        title={program.name}
        description={program.retiredAt ? "Retired: no new submissions" : "Writing"}
        actions={
          <Form method="post">
            <SubmitButton
              variant="secondary"
              intent={program.retiredAt ? "reinstate" : "retire"}
              pendingLabel={program.retiredAt ? "Reinstating…" : "Retiring…"}
            >
              {program.retiredAt ? "Reinstate program" : "Retire program"}
            </SubmitButton>
          </Form>
        }
      />
      <div className="grid gap-6">
        <Card title="Rate table versions">
          <DataTable
            caption="Rate table versions"
            rows={versions}
            rowKey={(v) => v.id}
            empty="No rate table yet: start a draft from a version of another program of this line."
            columns={[
              {
                header: "Version",
                cell: (v) => (
                  <Link className="text-brand hover:underline" to={`/admin/rate-tables/${v.id}`}>
                    {v.version}
                  </Link>
                ),
              },
              {
                header: "Status",
                cell: (v) => (
                  <Badge tone={v.status === "active" ? "good" : v.status === "draft" ? "info" : "neutral"}>
                    {v.status}
                  </Badge>
                ),
              },
              { header: "Effective", cell: (v) => formatCalendarDate(v.effectiveDate) },
              { header: "Activated", cell: (v) => (v.activatedAt ? <LocalTime value={v.activatedAt} /> : "—") },
            ]}
          />
          {loaderData.sources.length ? (
            <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-4 sm:items-end">
              <div className="flex flex-col gap-1">
                <label htmlFor="field-fromVersionId" className="text-sm font-medium">
                  Start from
                </label>
                <select
                  id="field-fromVersionId"
                  name="fromVersionId"
                  defaultValue={active?.id ?? loaderData.sources[0]?.id}
                  className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
                >
                  {loaderData.sources.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.programName} {v.version} ({v.status})
                    </option>
                  ))}
                </select>
              </div>
              <TextField label="New version" name="version" errors={errorsOf("draft")} />
              <TextField
                label="Effective date"
                name="effectiveDate"
                type="date"
                defaultValue={loaderData.today}
                errors={errorsOf("draft")}
              />
              <SubmitButton intent="start-draft" pendingLabel="Starting…" variant="secondary">
                Start a draft
              </SubmitButton>
              <FormErrors errors={errorsOf("draft")} />
            </Form>
          ) : null}
        </Card>
        {actionData && "saved" in actionData ? (
          <p role="status" className="text-success">
            Program saved.
          </p>
        ) : null}
        <ProgramForm
          values={loaderData.values}
          carriers={loaderData.carriers}
          reasonCodes={REFERRAL_REASON_CODES}
          errors={errorsOf("program")}
          submitLabel="Save program"
          lineLocked
        />
      </div>
    </>
  );
}
