import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/parties";
import { hasPermission } from "../../auth/permissions.ts";
import { requirePermission } from "../../auth/session.server.ts";
import { ClaimantList } from "../../components/claim-parts.tsx";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getClaim } from "../../models/claims.server.ts";
import { CLAIM_CONTACT_ROLES, SUBROGATION_STATUSES, SUIT_STATUSES } from "../../../db/schema/claim-parties.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { CLAIMANT_ROLES, ClaimPartiesActionSchema, claimantPhiOf } from "../../services/claims/claim-forms.ts";
import {
  loadClaimParties,
  saveClaimant,
  saveContact,
  saveSubrogation,
  saveSuit,
} from "../../services/claims/claim-parties.server.ts";
import { phiViewerOf } from "../../services/claims/claim-view.server.ts";
import { PHI_FIELDS, type PhiField } from "../../services/claims/phi.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { todayInUtc } from "../../utils/today.ts";
import { claimActor, claimViewContext, phiMasterKey } from "../claim-access.server.ts";

const SURFACE = "page:/claims/parties";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Parties of ${loaderData?.claim.claimNumber ?? "claim"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:claim");
  const { db } = appServices(args.context);
  const parties = await loadClaimParties(
    db,
    await phiMasterKey(args),
    claimViewContext(args, user, SURFACE),
    args.params.claimId,
  );
  invariantResponse(parties, "Claim not found");
  return {
    ...parties,
    canManage: hasPermission(user.tenant.roles, "manage:claim"),
    formToken: newFormToken(),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:claim");
  const { db } = appServices(args.context);
  const claimId = args.params.claimId;
  // The path's id first: an id outside the user's scope answers 404 whatever the body says.
  invariantResponse(await getClaim(db, user.tenant, claimId), "Claim not found");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: ClaimPartiesActionSchema });
  if (submission.status !== "success") return data({ error: null, result: submission.reply() }, { status: 400 });
  const actor = claimActor(args, user, SURFACE);
  const value = submission.value;
  const today = todayInUtc();
  const outcome = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    `claim-parties:${claimId}:${value.intent}`,
    async () => {
      switch (value.intent) {
        case "claimant":
          return saveClaimant(
            db,
            await phiMasterKey(args),
            actor,
            phiViewerOf(claimViewContext(args, user, SURFACE)),
            claimId,
            value.claimantId,
            { role: value.role, ...claimantPhiOf(value) },
          );
        case "contact": {
          const { intent: _intent, contactId, ...values } = value;
          return saveContact(db, actor, claimId, contactId, values);
        }
        case "suit": {
          const { intent: _intent, suitId, ...values } = value;
          return saveSuit(db, actor, claimId, suitId, values, today);
        }
        case "subrogation": {
          const { intent: _intent, subrogationId, demand, ...values } = value;
          return saveSubrogation(db, actor, claimId, subrogationId, { ...values, demandCents: demand }, today);
        }
      }
    },
    (o) => o.ok,
  );
  if (!outcome.ok) {
    invariantResponse(outcome.reason !== "not_found", outcome.message);
    return data({ error: outcome.message, result: submission.reply() }, { status: 422 });
  }
  return { error: null, result: submission.reply({ resetForm: true }) };
}

const input = "rounded-md border border-border bg-surface px-3 py-2 text-sm";
const label = "flex flex-col gap-1 text-sm font-medium";

type Field = {
  name: string;
  label: string;
  type?: "text" | "date" | "email" | "tel";
  options?: readonly { value: string; label: string }[];
  required?: boolean;
  value?: string | null;
};

const humanize = (value: string) => value.replaceAll("_", " ");
const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: humanize(v) }));

/** One add or edit form: labelled fields, the record's id when editing, a pending button. */
function RecordForm({
  intent,
  idName,
  id,
  fields,
  formToken,
  submitLabel,
}: {
  intent: string;
  idName?: string;
  id?: string;
  fields: Field[];
  formToken: string;
  submitLabel: string;
}) {
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-3">
      <FormTokenInput token={formToken} />
      {idName && id ? <input type="hidden" name={idName} value={id} /> : null}
      {fields.map((f) => {
        // Unique per form: the same field appears in the add form and in every edit form.
        const controlId = `${intent}-${id ?? "new"}-${f.name}`;
        return (
          <div key={f.name} className={label}>
            <label htmlFor={controlId}>{f.label}</label>
            {f.options ? (
              <select
                id={controlId}
                name={f.name}
                className={input}
                defaultValue={f.value ?? undefined}
                required={f.required}
              >
                {f.required ? null : <option value="">None</option>}
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={controlId}
                name={f.name}
                type={f.type ?? "text"}
                className={input}
                defaultValue={f.value ?? ""}
                required={f.required}
              />
            )}
          </div>
        );
      })}
      <div className="self-end">
        <SubmitButton
          intent={intent}
          match={idName && id ? { [idName]: id } : {}}
          pendingLabel="Saving…"
          variant={id ? "secondary" : undefined}
        >
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** An edit form per record, each folded away under its own summary, and a form to add one. */
function RecordEditors<Row extends { id: string }>({
  rows,
  intent,
  idName,
  formToken,
  fields,
  editSummary,
  submitLabel,
  addSummary,
  addLabel,
}: {
  rows: readonly Row[];
  intent: string;
  idName: string;
  formToken: string;
  fields: (row?: Row) => Field[];
  editSummary: (row: Row, index: number) => string;
  submitLabel: string;
  addSummary: string;
  addLabel: string;
}) {
  return (
    <>
      {rows.map((row, i) => (
        <details key={row.id} className="mt-4">
          <summary className="cursor-pointer text-sm text-brand">{editSummary(row, i)}</summary>
          <div className="mt-3">
            <RecordForm
              intent={intent}
              idName={idName}
              id={row.id}
              formToken={formToken}
              submitLabel={submitLabel}
              fields={fields(row)}
            />
          </div>
        </details>
      ))}
      <details className="mt-4">
        <summary className="cursor-pointer text-sm text-brand">{addSummary}</summary>
        <div className="mt-3">
          <RecordForm intent={intent} formToken={formToken} submitLabel={addLabel} fields={fields()} />
        </div>
      </details>
    </>
  );
}

type ClaimantRow = Route.ComponentProps["loaderData"]["claim"]["claimants"][number];

function claimantFields(c?: ClaimantRow): Field[] {
  return [
    { name: "role", label: "Role", options: choices(CLAIMANT_ROLES), required: true, value: c?.role },
    ...PHI_FIELDS.map((f) => ({ name: `claimant_${f.key}`, label: f.label, value: c?.phi[f.key as PhiField] })),
  ];
}

function contactFields(c?: {
  role: string;
  name: string;
  company: string | null;
  phone: string | null;
  email: string | null;
}): Field[] {
  return [
    { name: "role", label: "Role", options: choices(CLAIM_CONTACT_ROLES), required: true, value: c?.role },
    { name: "name", label: "Name", required: true, value: c?.name },
    { name: "company", label: "Company or firm", value: c?.company },
    { name: "phone", label: "Phone", type: "tel", value: c?.phone },
    { name: "email", label: "Email", type: "email", value: c?.email },
  ];
}

type SuitRow = Route.ComponentProps["loaderData"]["suits"][number];

function suitFields(plaintiffs: { value: string; label: string }[], s?: SuitRow): Field[] {
  return [
    { name: "court", label: "Court", required: true, value: s?.court },
    { name: "docketNumber", label: "Docket number", required: true, value: s?.docketNumber },
    { name: "venueState", label: "Venue state", required: true, value: s?.venueState },
    { name: "plaintiffClaimantId", label: "Plaintiff (claimant)", options: plaintiffs, value: s?.plaintiffClaimantId },
    { name: "filedOn", label: "Filed on", type: "date", required: true, value: s?.filedOn },
    { name: "servedOn", label: "Served on", type: "date", value: s?.servedOn },
    { name: "plaintiffCounsel", label: "Plaintiff's counsel", value: s?.plaintiffCounsel },
    { name: "defenseFirm", label: "Defense firm", value: s?.defenseFirm },
    { name: "defenseAttorney", label: "Defense attorney", value: s?.defenseAttorney },
    { name: "defenseEmail", label: "Defense email", type: "email", value: s?.defenseEmail },
    { name: "defensePhone", label: "Defense phone", type: "tel", value: s?.defensePhone },
    { name: "counselAppointedOn", label: "Counsel appointed on", type: "date", value: s?.counselAppointedOn },
    { name: "trialOn", label: "Trial date", type: "date", value: s?.trialOn },
    { name: "status", label: "Suit status", options: choices(SUIT_STATUSES), required: true, value: s?.status },
    { name: "resolvedOn", label: "Resolved on", type: "date", value: s?.resolvedOn },
  ];
}

type SubrogationRow = Route.ComponentProps["loaderData"]["subrogations"][number];

function subrogationFields(s?: SubrogationRow): Field[] {
  return [
    { name: "targetName", label: "Responsible party", required: true, value: s?.targetName },
    { name: "targetCarrier", label: "Their carrier", value: s?.targetCarrier },
    { name: "targetClaimNumber", label: "Their claim number", value: s?.targetClaimNumber },
    { name: "basis", label: "Basis of liability", required: true, value: s?.basis },
    { name: "demand", label: "Demand (USD)", required: true, value: s ? (s.demandCents / 100).toFixed(2) : "" },
    {
      name: "status",
      label: "Pursuit status",
      options: choices(SUBROGATION_STATUSES),
      required: true,
      value: s?.status,
    },
    { name: "openedOn", label: "Opened on", type: "date", required: true, value: s?.openedOn },
    { name: "demandSentOn", label: "Demand sent on", type: "date", value: s?.demandSentOn },
    { name: "closedOn", label: "Closed on", type: "date", value: s?.closedOn },
  ];
}

const date = (value: string | null) => (value ? formatCalendarDate(value) : "—");

export default function ClaimParties({ loaderData }: Route.ComponentProps) {
  const { claim, contacts, suits, subrogations, canManage, formToken } = loaderData;
  const actionData = useActionData<typeof action>();
  const fieldErrors = Object.values(actionData?.result?.error ?? {})
    .flat()
    .filter((m): m is string => typeof m === "string");
  const claimantRole = (id: string | null) => {
    const c = claim.claimants.find((x) => x.id === id);
    return c ? (claim.phiVisible ? c.phi.name || humanize(c.role) : humanize(c.role)) : "—";
  };
  // Plaintiffs are chosen by reference; a masked viewer sees roles, never names.
  const plaintiffs = claim.claimants.map((c, i) => ({
    value: c.id,
    label: `${claim.phiVisible && c.phi.name ? c.phi.name : humanize(c.role)} (${i + 1})`,
  }));
  return (
    <>
      <PageHeader
        title={`Claimants, contacts, litigation and subrogation of ${claim.claimNumber}`}
        description={`${claim.insuredName} · policy ${claim.policyNumber}`}
      />
      <div className="grid gap-6">
        <p className="text-sm">
          <Link className="text-brand hover:underline" to={`/claims/${claim.id}`}>
            Back to the claim
          </Link>
        </p>
        {actionData?.error || fieldErrors.length > 0 ? (
          <div role="alert" className="rounded-md border border-danger bg-surface p-3 text-sm text-danger">
            {actionData?.error ? <p>{actionData.error}</p> : null}
            {fieldErrors.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}
        <Card title="Claimants">
          <ClaimantList claimants={claim.claimants} />
          {!claim.phiVisible && claim.claimants.length > 0 ? (
            <p className="mt-3 text-xs text-text-muted">Protected health information is masked for your role.</p>
          ) : null}
          {canManage && claim.phiVisible ? (
            <RecordEditors
              rows={claim.claimants}
              intent="claimant"
              idName="claimantId"
              formToken={formToken}
              fields={claimantFields}
              editSummary={(c, i) => `Edit ${humanize(c.role)} ${i + 1}`}
              submitLabel="Save claimant"
              addSummary="Add a claimant"
              addLabel="Add claimant"
            />
          ) : null}
        </Card>
        <Card title="Contacts">
          {contacts.length === 0 ? (
            <p className="text-sm text-text-muted">No contacts recorded.</p>
          ) : (
            <ul className="grid gap-3">
              {contacts.map((c) => (
                <li key={c.id} className="text-sm" data-testid="contact">
                  <span className="font-medium">{c.name}</span> · {humanize(c.role)}
                  {c.company ? ` · ${c.company}` : ""}
                  {c.phone ? ` · ${c.phone}` : ""}
                  {c.email ? ` · ${c.email}` : ""}
                </li>
              ))}
            </ul>
          )}
          {canManage ? (
            <RecordEditors
              rows={contacts}
              intent="contact"
              idName="contactId"
              formToken={formToken}
              fields={contactFields}
              editSummary={(c) => `Edit ${c.name}`}
              submitLabel="Save contact"
              addSummary="Add a contact"
              addLabel="Add contact"
            />
          ) : null}
        </Card>
        <Card title="Litigation">
          <DataTable
            caption="Suits and defense counsel"
            rows={suits}
            rowKey={(s) => s.id}
            empty="No suit filed."
            columns={[
              { header: "Docket", cell: (s) => <span className="font-mono">{s.docketNumber}</span> },
              { header: "Court", cell: (s) => `${s.court} (${s.venueState})` },
              { header: "Plaintiff", cell: (s) => claimantRole(s.plaintiffClaimantId) },
              { header: "Filed · served", cell: (s) => `${date(s.filedOn)} · ${date(s.servedOn)}` },
              {
                header: "Defense counsel",
                cell: (s) =>
                  s.defenseFirm
                    ? `${s.defenseFirm}${s.defenseAttorney ? ` (${s.defenseAttorney})` : ""}, appointed ${date(s.counselAppointedOn)}`
                    : "Not appointed",
              },
              { header: "Trial", cell: (s) => date(s.trialOn) },
              { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            ]}
          />
          {canManage ? (
            <RecordEditors
              rows={suits}
              intent="suit"
              idName="suitId"
              formToken={formToken}
              fields={(s) => suitFields(plaintiffs, s)}
              editSummary={(s) => `Update suit ${s.docketNumber}`}
              submitLabel="Save suit"
              addSummary="Record a suit"
              addLabel="Record suit"
            />
          ) : null}
        </Card>
        <Card title="Subrogation">
          <DataTable
            caption="Subrogation pursuits"
            rows={subrogations}
            rowKey={(s) => s.id}
            empty="No subrogation pursued."
            columns={[
              { header: "Responsible party", cell: (s) => s.targetName },
              {
                header: "Carrier · their claim",
                cell: (s) => `${s.targetCarrier ?? "—"} · ${s.targetClaimNumber ?? "—"}`,
              },
              { header: "Opened", cell: (s) => date(s.openedOn) },
              { header: "Demand", numeric: true, cell: (s) => formatCents(s.demandCents) },
              { header: "Recovered", numeric: true, cell: (s) => formatCents(s.recoveredCents) },
              { header: "Outstanding", numeric: true, cell: (s) => formatCents(s.outstandingCents) },
              { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            ]}
          />
          <p className="mt-2 text-xs text-text-muted">
            Recovered: subrogation recoveries recorded on the claim that name the pursuit.
          </p>
          {canManage ? (
            <RecordEditors
              rows={subrogations}
              intent="subrogation"
              idName="subrogationId"
              formToken={formToken}
              fields={subrogationFields}
              editSummary={(s) => `Update pursuit of ${s.targetName}`}
              submitLabel="Save pursuit"
              addSummary="Open a subrogation pursuit"
              addLabel="Open pursuit"
            />
          ) : null}
        </Card>
      </div>
    </>
  );
}
