import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import { z } from "zod";
import type { SubmissionResult } from "@conform-to/react";
import type { Route } from "./+types/rate-table";
import type { ConfigurationAuditAction } from "../../models/configuration-audit-actions.ts";
import { requirePermission } from "../../auth/session.server.ts";
import { BarChart } from "../../components/charts/index.ts";
import { FormErrors, SelectInput, TextField, FormFields } from "../../components/config-fields.tsx";
import { ErrorList } from "../../components/forms.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Badge, Card, DataTable, FactList, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { findRateTableVersion, listRateTableVersions } from "../../models/program-config.server.ts";
import { findProgram } from "../../models/programs.server.ts";
import { auditAdminAction } from "../../services/access/audit.server.ts";
import { dollars } from "../../services/configuration/forms.ts";
import { IMPACT_BUCKETS } from "../../services/configuration/rate-impact.ts";
import { factorTableRows } from "../../services/configuration/rate-table-import.ts";
import {
  activateRateTable,
  importIntoDraft,
  measureRateImpact,
  setDraftEffectiveDate,
  testRate,
} from "../../services/configuration/rate-tables.server.ts";
import { diffDefinitions } from "../../services/configuration/rate-table-versions.ts";
import { parseCsv, readSheet, SheetError, sheetKindOf } from "../../services/configuration/sheet-reader.ts";
import type { RateTableJson } from "../../services/rating/schema.ts";
import { formatCalendarDate } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { businessToday } from "../../utils/today.ts";

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const TestRateSchema = z.object({
  intent: z.literal("test-rate"),
  homeState: z.string().regex(/^[A-Z]{2}$/, "Enter a two-letter state code"),
  naicsCode: z.string().regex(/^\d{6}$/, "A NAICS code has 6 digits"),
  exposure: dollars("revenue or payroll", { allowZero: false }),
  limits: z.string().regex(/^\d+\/\d+$/, "Choose the limits"),
  deductible: dollars("deductible"),
  termMonths: z.coerce
    .number()
    .int()
    .refine((n) => n === 6 || n === 12, "The term is 6 or 12 months"),
  yearsInBusiness: z.coerce.number("Enter the years in business").int().min(0).max(200),
  priorLossCount: z.coerce.number("Enter the number of prior claims").int().min(0).max(99),
  priorLossIncurred: dollars("prior incurred losses"),
});

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Rate table ${loaderData?.version.version ?? ""} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const row = await findRateTableVersion(db, tenant, args.params.versionId);
  invariantResponse(row, "Rate table version not found");
  const [program, siblings] = await Promise.all([
    findProgram(db, tenant, row.programId),
    listRateTableVersions(db, tenant, row.programId),
  ]);
  invariantResponse(program, "Rate table version not found");
  const definition = row.definition as RateTableJson;
  const compareId = new URL(args.request.url).searchParams.get("compare");
  const compare = compareId ? siblings.find((s) => s.id === compareId && s.id !== row.id) : undefined;
  const compareRow = compare ? await findRateTableVersion(db, tenant, compare.id) : null;
  return {
    version: {
      id: row.id,
      version: row.version,
      status: row.status,
      effectiveDate: row.effectiveDate,
      lineOfBusiness: definition.lineOfBusiness,
      exposureBasis: definition.exposureBasis,
      fees: definition.fees,
    },
    program: { id: program.id, name: program.name },
    factorCsv: factorTableRows(definition)
      .map((r) => r.join(","))
      .join("\n"),
    limits: definition.increasedLimitFactors.map((f) => ({
      occurrence: f.occurrenceLimit,
      aggregate: f.aggregateLimit,
    })),
    siblings: siblings.filter((s) => s.id !== row.id).map((s) => ({ id: s.id, label: `${s.version} (${s.status})` })),
    diff: compareRow
      ? { against: compare!.version, changes: diffDefinitions(compareRow.definition as RateTableJson, definition) }
      : null,
    today: businessToday(tenant),
  };
}

type ActionResult = {
  form: string;
  result?: SubmissionResult<string[]>;
  rowErrors?: { row: number | null; message: string }[];
  message?: string;
  problems?: string[];
  quote?: Extract<Awaited<ReturnType<typeof testRate>>, { ok: true }>["quote"];
  impact?: Extract<Awaited<ReturnType<typeof measureRateImpact>>, { ok: true }>;
  saved?: boolean;
};

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:configuration");
  const { db } = appServices(args.context);
  const versionId = args.params.versionId;
  const row = await findRateTableVersion(db, user.tenant, versionId);
  invariantResponse(row, "Rate table version not found");
  const length = Number(args.request.headers.get("content-length") ?? 0);
  if (length > MAX_UPLOAD_BYTES + 10_000)
    return data<ActionResult>({ form: "import", message: "The file is larger than 2 MB" }, { status: 413 });
  const formData = await args.request.formData();
  const intent = formData.get("intent");
  const audit = (action: ConfigurationAuditAction, detail: Record<string, unknown>) =>
    auditAdminAction(db, user, args.request, { action, targetType: "rate_table", targetId: versionId, detail });

  if (intent === "import" || intent === "edit") {
    let sheet: string[][];
    try {
      if (intent === "import") {
        const file = formData.get("file");
        if (!(file instanceof File) || file.size === 0)
          return data<ActionResult>({ form: "import", message: "Choose a CSV or XLSX file" }, { status: 400 });
        if (file.size > MAX_UPLOAD_BYTES)
          return data<ActionResult>({ form: "import", message: "The file is larger than 2 MB" }, { status: 413 });
        const bytes = new Uint8Array(await file.arrayBuffer());
        const kind = sheetKindOf(file.name, bytes);
        if (!kind)
          return data<ActionResult>({ form: "import", message: "Upload a .csv or .xlsx file" }, { status: 400 });
        sheet = await readSheet(kind, bytes);
      } else {
        sheet = parseCsv(String(formData.get("factors") ?? ""));
      }
    } catch (error) {
      if (!(error instanceof SheetError)) throw error;
      return data<ActionResult>(
        { form: intent, message: `The file could not be read: ${error.message}` },
        { status: 400 },
      );
    }
    const outcome = await importIntoDraft(db, user.tenant, versionId, sheet);
    if (!outcome.ok)
      return data<ActionResult>(
        "errors" in outcome ? { form: intent, rowErrors: outcome.errors } : { form: intent, message: outcome.message },
        { status: 400 },
      );
    await audit(intent === "import" ? "rate_table_imported" : "rate_table_edited", { tables: outcome.tables });
    return {
      form: intent,
      message: `Imported: ${Object.entries(outcome.tables)
        .map(([t, n]) => `${n} ${t}`)
        .join(", ")}`,
    };
  }

  if (intent === "effective-date") {
    const date = String(formData.get("effectiveDate") ?? "");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      return data<ActionResult>({ form: "effective-date", message: "Enter the effective date" }, { status: 400 });
    const outcome = await setDraftEffectiveDate(db, user.tenant, versionId, date);
    if (!outcome.ok) return data<ActionResult>({ form: "effective-date", message: outcome.message }, { status: 400 });
    await audit("rate_table_effective_date_set", { effectiveDate: date });
    return { form: "effective-date", message: "Effective date saved.", saved: true };
  }

  if (intent === "activate") {
    const outcome = await activateRateTable(db, user.tenant, versionId, businessToday(user.tenant));
    if (!outcome.ok) return data<ActionResult>({ form: "activate", problems: outcome.problems }, { status: 400 });
    await audit("rate_table_activated", { version: row.version, effectiveDate: row.effectiveDate });
    return {
      form: "activate",
      message: `Version ${row.version} is active from ${formatCalendarDate(row.effectiveDate)}.`,
    };
  }

  if (intent === "impact") {
    const outcome = await measureRateImpact(db, user.tenant, versionId);
    if (!outcome.ok) return data<ActionResult>({ form: "impact", message: outcome.message }, { status: 400 });
    return { form: "impact", impact: outcome };
  }

  const parsed = parseWithZod(formData, { schema: TestRateSchema });
  if (parsed.status !== "success")
    return data<ActionResult>({ form: "test-rate", result: parsed.reply() }, { status: 400 });
  const v = parsed.value;
  const [occurrence, aggregate] = v.limits.split("/").map(Number) as [number, number];
  const outcome = await testRate(db, user.tenant, versionId, {
    homeState: v.homeState,
    naicsCode: v.naicsCode,
    annualRevenue: toCents(v.exposure as number),
    payroll: toCents(v.exposure as number),
    occurrenceLimit: toCents(occurrence),
    aggregateLimit: toCents(aggregate),
    deductible: toCents(v.deductible as number),
    termMonths: v.termMonths,
    priorLosses: { count: v.priorLossCount, incurred: toCents(v.priorLossIncurred as number) },
    yearsInBusiness: v.yearsInBusiness,
  });
  if (!outcome.ok)
    return data<ActionResult>(
      { form: "test-rate", result: parsed.reply({ formErrors: [outcome.message] }) },
      { status: 400 },
    );
  return { form: "test-rate", result: parsed.reply(), quote: outcome.quote };
}

const money = (cents: number) => formatMoney(toCents(cents));

export default function RateTableVersion({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const { version, program } = loaderData;
  const isDraft = version.status === "draft";
  const of = (form: string) => (actionData?.form === form ? actionData : undefined);
  const exposureLabel = version.exposureBasis.kind === "revenue" ? "Annual revenue ($)" : "Annual payroll ($)";
  return (
    <>
      <PageHeader
        title={`${program.name} · ${version.version}`}
        description={`Rate table version, effective ${formatCalendarDate(version.effectiveDate)}`}
        actions={
          <span className="flex items-center gap-3">
            <Badge tone={version.status === "active" ? "good" : version.status === "draft" ? "info" : "neutral"}>
              {version.status}
            </Badge>
            <Link className="text-brand underline underline-offset-4" to={`/admin/programs/${program.id}`}>
              Program
            </Link>
          </span>
        }
      />
      <div className="grid gap-6">
        {isDraft ? (
          <Card title="Draft">
            <div className="grid gap-6 lg:grid-cols-2">
              <Form method="post" className="flex flex-col gap-3">
                <TextField
                  label="Effective date"
                  name="effectiveDate"
                  type="date"
                  defaultValue={version.effectiveDate}
                  errors={undefined}
                />
                {of("effective-date")?.message ? (
                  <p role={of("effective-date")!.saved ? "status" : "alert"} className="text-sm">
                    {of("effective-date")!.message}
                  </p>
                ) : null}
                <SubmitButton intent="effective-date" variant="secondary" pendingLabel="Saving…" className="self-start">
                  Save date
                </SubmitButton>
              </Form>
              <Form method="post" encType="multipart/form-data" className="flex flex-col gap-3">
                <label htmlFor="factor-file" className="text-sm font-medium">
                  Import factor tables (CSV or XLSX)
                </label>
                <input id="factor-file" name="file" type="file" accept=".csv,.xlsx" className="text-sm" />
                <p className="text-xs text-text-muted">
                  Columns table, key, value. Tables in the file replace the draft's; the others stay. Any error imports
                  nothing.
                </p>
                <SubmitButton intent="import" variant="secondary" pendingLabel="Importing…" className="self-start">
                  Import
                </SubmitButton>
              </Form>
            </div>
            <ImportMessages result={of("import") ?? of("edit")} />
            <Form method="post" className="mt-6 flex flex-col gap-3 border-t border-border pt-4">
              <p className="text-sm text-text-muted">
                Activating fixes this version: from {formatCalendarDate(version.effectiveDate)} new quotes rate on it,
                and it never changes again.
              </p>
              {of("activate")?.problems ? <ErrorList errors={of("activate")!.problems} /> : null}
              <SubmitButton intent="activate" pendingLabel="Activating…" className="self-start">
                Activate version
              </SubmitButton>
            </Form>
          </Card>
        ) : null}
        {of("activate")?.message ? (
          <p role="status" className="text-success">
            {of("activate")!.message}
          </p>
        ) : null}

        <Card title={isDraft ? "Factor tables (edit)" : "Factor tables"}>
          <Form method="post" className="flex flex-col gap-3">
            <label htmlFor="factors" className="text-sm font-medium">
              One factor per line: table, key, value
            </label>
            {/* Keyed by content: an import or save remounts it with the stored rows. */}
            <textarea
              key={loaderData.factorCsv}
              id="factors"
              name="factors"
              rows={16}
              readOnly={!isDraft}
              defaultValue={loaderData.factorCsv}
              className="rounded-md border border-border bg-surface px-3 py-2 font-mono text-xs"
            />
            {isDraft ? (
              <SubmitButton intent="edit" variant="secondary" pendingLabel="Saving…" className="self-start">
                Save factor tables
              </SubmitButton>
            ) : null}
          </Form>
          <FactList
            facts={[
              ["Line of business", version.lineOfBusiness],
              [
                "Exposure",
                `per $${version.exposureBasis.perDollars.toLocaleString("en-US")} of ${version.exposureBasis.kind}`,
              ],
              ["Fees", version.fees.map((f) => `${f.name} ${money(f.amount)}`).join(", ") || "none"],
            ]}
          />
        </Card>

        <Card title="Compare with another version">
          <Form method="get" className="flex flex-wrap items-end gap-3">
            <SelectInput
              label="Version"
              name="compare"
              errors={undefined}
              options={loaderData.siblings.map((s) => ({ value: s.id, label: s.label }))}
              placeholder="Choose a version"
            />
            <button type="submit" className="rounded-md border border-border px-4 py-2 text-sm">
              Show differences
            </button>
          </Form>
          {loaderData.diff ? (
            <div className="mt-4">
              <DataTable
                caption={`Changes from ${loaderData.diff.against} to ${version.version}`}
                rows={loaderData.diff.changes}
                rowKey={(c) => c.path}
                empty="No differences."
                columns={[
                  { header: "Entry", cell: (c) => <code className="text-xs">{c.path}</code> },
                  { header: loaderData.diff.against, cell: (c) => c.from ?? "—" },
                  { header: version.version, cell: (c) => c.to ?? "—" },
                ]}
              />
            </div>
          ) : null}
        </Card>

        <Card title="Test rate a sample risk">
          <Form method="post" className="flex flex-col gap-4">
            <FormFields errors={of("test-rate")?.result?.error}>
              <div className="grid gap-4 sm:grid-cols-3">
                <TextField label="Home state" name="homeState" defaultValue="TX" />
                <TextField label="NAICS code" name="naicsCode" defaultValue="238220" />
                <TextField label={exposureLabel} name="exposure" defaultValue="1,500,000" />
                <SelectInput
                  label="Limits (occurrence / aggregate)"
                  name="limits"
                  options={loaderData.limits.map((l) => ({
                    value: `${l.occurrence}/${l.aggregate}`,
                    label: `${money(l.occurrence)} / ${money(l.aggregate)}`,
                  }))}
                />
                <TextField label="Deductible ($)" name="deductible" defaultValue="2,500" />
                <SelectInput
                  label="Term"
                  name="termMonths"
                  defaultValue="12"
                  options={[
                    { value: "12", label: "12 months" },
                    { value: "6", label: "6 months" },
                  ]}
                />
                <TextField label="Years in business" name="yearsInBusiness" type="number" defaultValue="5" />
                <TextField label="Prior claims" name="priorLossCount" type="number" defaultValue="0" />
                <TextField label="Prior incurred ($)" name="priorLossIncurred" defaultValue="0" />
              </div>
              <FormErrors />
              <SubmitButton intent="test-rate" variant="secondary" pendingLabel="Rating…" className="self-start">
                Test rate
              </SubmitButton>
            </FormFields>
          </Form>
          {of("test-rate")?.quote ? <RatingTrail quote={of("test-rate")!.quote!} /> : null}
        </Card>

        <Card title="Rate impact on the in-force book">
          <Form method="post" className="flex flex-col gap-3">
            <p className="text-sm text-text-muted">
              Re-rates every in-force policy of the program on this version (as a renewal from{" "}
              {formatCalendarDate(version.effectiveDate)}) and shows how premiums would move.
            </p>
            <SubmitButton intent="impact" variant="secondary" pendingLabel="Re-rating the book…" className="self-start">
              Measure rate impact
            </SubmitButton>
          </Form>
          {of("impact")?.message ? <ErrorList errors={[of("impact")!.message!]} /> : null}
          {of("impact")?.impact ? <ImpactSummary outcome={of("impact")!.impact!} /> : null}
        </Card>
      </div>
    </>
  );
}

function ImportMessages({ result }: { result: ActionResult | undefined }) {
  if (!result) return null;
  if (result.rowErrors)
    return (
      <div role="alert" className="mt-4 rounded-md border-2 border-danger p-3 text-sm">
        <p className="font-medium text-danger">Nothing was imported. Fix these rows and import the file again:</p>
        <ul className="mt-2 list-disc pl-5">
          {result.rowErrors.map((e) => (
            <li key={`${e.row} ${e.message}`}>{e.row === null ? e.message : `Row ${e.row}: ${e.message}`}</li>
          ))}
        </ul>
      </div>
    );
  return result.message ? (
    <p role="status" className="mt-4 text-sm">
      {result.message}
    </p>
  ) : null;
}

function RatingTrail({ quote }: { quote: NonNullable<ActionResult["quote"]> }) {
  return (
    <div className="mt-4 flex flex-col gap-3">
      <DataTable
        caption="Rating steps"
        rows={[...quote.steps]}
        rowKey={(s) => String(s.step)}
        empty="No steps."
        columns={[
          { header: "Step", cell: (s) => `${s.step}. ${s.name}` },
          { header: "Input", cell: (s) => s.input },
          { header: "Source", cell: (s) => <code className="text-xs">{s.source}</code> },
          { header: "Factor", cell: (s) => s.factor ?? "—", numeric: true },
          { header: "Premium after", cell: (s) => money(s.premiumAfter), numeric: true },
        ]}
      />
      <FactList
        facts={[
          ["Premium", money(quote.grossPremium)],
          ["Fees", money(quote.feesTotal)],
          ["Taxes", money(quote.taxesTotal)],
          ["Total due", money(quote.totalDue)],
        ]}
      />
    </div>
  );
}

function ImpactSummary({ outcome }: { outcome: NonNullable<ActionResult["impact"]> }) {
  const { impact } = outcome;
  const change = impact.currentPremiumCents
    ? ((impact.newPremiumCents - impact.currentPremiumCents) / impact.currentPremiumCents) * 100
    : 0;
  const notRated = Object.entries(impact.notRated);
  return (
    <div className="mt-4 flex flex-col gap-4">
      <FactList
        facts={[
          ["In-force policies", impact.policies.toLocaleString("en-US")],
          ["Re-rated", impact.rerated.toLocaleString("en-US")],
          ["Written premium now", money(impact.currentPremiumCents)],
          ["On this version", `${money(impact.newPremiumCents)} (${change >= 0 ? "+" : ""}${change.toFixed(1)}%)`],
          ["Increases / decreases", `${impact.increases} / ${impact.decreases}`],
          ["Not rated", notRated.length ? notRated.map(([code, n]) => `${n} ${code}`).join(", ") : "none"],
        ]}
      />
      <BarChart
        title="Premium change per policy"
        description="Number of in-force policies by how much their premium would change on this version"
        valueLabel="Policies"
        data={IMPACT_BUCKETS.map((b, i) => ({ label: b.label, value: impact.buckets[i] ?? 0 }))}
      />
    </div>
  );
}
