import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/claim";
import { hasPermission } from "../../auth/permissions.ts";
import { requirePermission } from "../../auth/session.server.ts";
import { ClaimantList, ClaimFiguresList, CoverageFlag } from "../../components/claim-parts.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import {
  getClaim,
  listAdjusterLoads,
  listClaimAttachments,
  listReserveChanges,
  listTasksOfClaim,
  listTimeline,
} from "../../models/claims.server.ts";
import { listSubrogations } from "../../models/claim-parties.server.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { ClaimActionSchema } from "../../services/claims/claim-forms.ts";
import { CLAIM_STATUS_LABELS, nextClaimStatuses } from "../../services/claims/claim-status.ts";
import { loadClaimForViewer } from "../../services/claims/claim-view.server.ts";
import {
  addDiaryTask,
  addNote,
  assignClaim,
  changeReserve,
  completeDiaryTask,
  moveClaim,
  recordClaimMoney,
} from "../../services/claims/claims.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { claimActor, claimViewContext, phiMasterKey } from "../claim-access.server.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.claim.claimNumber ?? "Claim"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:claim");
  const { db } = appServices(args.context);
  const claim = await loadClaimForViewer(
    db,
    await phiMasterKey(args),
    claimViewContext(args, user, "page:/claims"),
    args.params.claimId,
  );
  invariantResponse(claim, "Claim not found");
  const supervisor = user.tenant.roles.includes("claims_supervisor");
  const [reserveChanges, timeline, tasks, adjusters, attachments, subrogations] = await Promise.all([
    listReserveChanges(db, user.tenant.orgId, claim.id),
    listTimeline(db, user.tenant.orgId, claim.id),
    listTasksOfClaim(db, user.tenant.orgId, claim.id),
    supervisor ? listAdjusterLoads(db, user.tenant.orgId) : Promise.resolve([]),
    // Photos may show injuries or records: listed only where the PHI is shown.
    claim.phiVisible ? listClaimAttachments(db, user.tenant.orgId, claim.id) : Promise.resolve([]),
    listSubrogations(db, user.tenant.orgId, claim.id),
  ]);
  return {
    claim,
    reserveChanges,
    timeline,
    tasks,
    adjusters: adjusters.map((a) => ({
      userId: a.userId,
      name: a.name,
      openClaims: a.openClaims,
      states: a.licensedStates,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      sizeBytes: a.sizeBytes,
      contentType: a.contentType,
    })),
    subrogations: subrogations.map((s) => ({ id: s.id, targetName: s.targetName })),
    canManage: hasPermission(user.tenant.roles, "manage:claim"),
    supervisor,
    formToken: newFormToken(),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:claim");
  const { db, ledger } = appServices(args.context);
  const claimId = args.params.claimId;
  // The path's id first: an id outside the user's scope answers 404 whatever the body says.
  invariantResponse(await getClaim(db, user.tenant, claimId), "Claim not found");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: ClaimActionSchema });
  if (submission.status !== "success") return data({ error: null, result: submission.reply() }, { status: 400 });
  const actor = claimActor(args, user, "page:/claims");
  const value = submission.value;
  const outcome = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    `claim:${claimId}:${value.intent}`,
    async () => {
      switch (value.intent) {
        case "move":
          return moveClaim(db, actor, claimId, value.to, value.reason ?? null);
        case "reserve":
          return changeReserve(db, ledger, actor, claimId, {
            reserveType: value.reserveType,
            newCents: value.amount,
            rationale: value.rationale,
          });
        case "money":
          return recordClaimMoney(db, ledger, actor, claimId, {
            category: value.category,
            amountCents: value.amount,
            counterparty: value.counterparty,
            method: value.method,
            reference: value.reference ?? null,
            subrogationId: value.subrogationId || null,
          });
        case "note":
          return addNote(db, actor, claimId, value.text);
        case "task":
          return addDiaryTask(db, actor, claimId, { title: value.title, dueOn: value.dueOn });
        case "task-done":
          return completeDiaryTask(db, actor, claimId, value.taskId);
        case "assign":
          return assignClaim(db, actor, claimId, value.adjusterUserId);
      }
    },
    (o) => o.ok,
  );
  if (!outcome.ok) {
    invariantResponse(outcome.reason !== "not_found", outcome.message);
    return data({ error: outcome.message, result: submission.reply() }, { status: 422 });
  }
  const notice =
    "status" in outcome && outcome.status === "awaiting_approval"
      ? "Above your reserve authority: the change waits for a claims supervisor's approval."
      : null;
  return { error: null, notice, result: submission.reply({ resetForm: true }) };
}

const input = "rounded-md border border-border bg-surface px-3 py-2 text-sm";
const label = "flex flex-col gap-1 text-sm font-medium";

export default function Claim({ loaderData }: Route.ComponentProps) {
  const {
    claim,
    reserveChanges,
    timeline,
    tasks,
    adjusters,
    attachments,
    subrogations,
    canManage,
    supervisor,
    formToken,
  } = loaderData;
  const actionData = useActionData<typeof action>();
  const next = nextClaimStatuses(claim.status);
  return (
    <>
      <PageHeader
        title={`Claim ${claim.claimNumber}`}
        description={`${claim.insuredName} · policy ${claim.policyNumber}`}
      />
      <div className="grid gap-6">
        {actionData?.error ? (
          <p role="alert" className="rounded-md border border-danger bg-surface p-3 text-sm text-danger">
            {actionData.error}
          </p>
        ) : null}
        {actionData && "notice" in actionData && actionData.notice ? (
          <p role="status" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
            {actionData.notice}
          </p>
        ) : null}
        <Card>
          <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-3">
            <div>
              <dt className="text-xs uppercase text-text-muted">Status</dt>
              <dd className="flex flex-wrap gap-2" data-testid="claim-status">
                <StatusBadge status={claim.status} />
                <CoverageFlag flag={claim.coverageFlag} />
              </dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Loss</dt>
              <dd>
                {claim.lossType}
                {claim.lossCause ? ` (${claim.lossCause})` : ""}
              </dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Date of loss</dt>
              <dd>
                {formatCalendarDate(claim.dateOfLoss)}
                {claim.timeOfLoss ? ` ${claim.timeOfLoss}` : ""}
                {claim.lossState ? ` · ${claim.lossState}` : ""}
              </dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Reported</dt>
              <dd>
                {formatCalendarDate(claim.reportedOn)}
                {claim.reporterName ? ` by ${claim.reporterName}` : ""}
                {claim.channel ? ` (${claim.channel})` : ""}
              </dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Location</dt>
              <dd>{claim.lossLocation ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Injuries · report</dt>
              <dd>
                {claim.injuries ? "Injuries reported" : "No injuries reported"}
                {claim.authorityReport ? ` · report ${claim.authorityReport}` : ""}
              </dd>
            </div>
            {claim.description ? (
              <div className="sm:col-span-3">
                <dt className="text-xs uppercase text-text-muted">Description</dt>
                <dd className="whitespace-pre-wrap text-sm">{claim.description}</dd>
              </div>
            ) : null}
            {claim.denialReason ? (
              <div className="sm:col-span-3">
                <dt className="text-xs uppercase text-text-muted">Denial reason</dt>
                <dd>
                  {claim.denialReason} ·{" "}
                  <a className="text-brand underline" href={`/claims/${claim.id}/denial-letter.pdf`}>
                    Denial letter (PDF)
                  </a>
                </dd>
              </div>
            ) : null}
            {claim.closingReason ? (
              <div className="sm:col-span-3">
                <dt className="text-xs uppercase text-text-muted">Closing reason</dt>
                <dd>{claim.closingReason}</dd>
              </div>
            ) : null}
          </dl>
        </Card>
        <Card title="Reserves and payments">
          <ClaimFiguresList figures={claim} />
        </Card>
        <Card title="Claimants">
          <ClaimantList claimants={claim.claimants} />
          {!claim.phiVisible && claim.claimants.length > 0 ? (
            <p className="mt-3 text-xs text-text-muted">Protected health information is masked for your role.</p>
          ) : null}
          <p className="mt-3 text-sm">
            <Link className="text-brand hover:underline" to="parties">
              Claimants, contacts, litigation and subrogation
            </Link>
          </p>
        </Card>
        {attachments.length > 0 ? (
          <Card title="Photos and documents">
            <ul className="grid gap-1 text-sm">
              {attachments.map((a) => (
                <li key={a.id}>
                  <a className="text-brand underline" href={`/claims/${claim.id}/attachments/${a.id}`}>
                    {a.filename}
                  </a>{" "}
                  <span className="text-text-muted">
                    ({a.contentType}, {Math.ceil(a.sizeBytes / 1024)} KB)
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {canManage && claim.status !== "closed" ? (
          <>
            {next.length > 0 ? (
              <Card title="Move the claim">
                <Form method="post" className="grid gap-3 sm:grid-cols-3">
                  <FormTokenInput token={formToken} />
                  <label className={label}>
                    New status
                    <select name="to" className={input} required>
                      {next.map((s) => (
                        <option key={s} value={s}>
                          {CLAIM_STATUS_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className={label}>
                    Reason (denial, closing)
                    <input name="reason" className={input} maxLength={1000} />
                  </label>
                  <div className="self-end">
                    <SubmitButton intent="move" pendingLabel="Moving…">
                      Move
                    </SubmitButton>
                  </div>
                </Form>
              </Card>
            ) : null}
            <Card title="Set a reserve">
              <Form method="post" className="grid gap-3 sm:grid-cols-4">
                <FormTokenInput token={formToken} />
                <label className={label}>
                  Reserve type
                  <select name="reserveType" className={input}>
                    <option value="indemnity">Indemnity</option>
                    <option value="expense">Expense</option>
                  </select>
                </label>
                <label className={label}>
                  New reserve (USD)
                  <input name="amount" inputMode="decimal" className={input} required />
                </label>
                <label className={label}>
                  Rationale
                  <input name="rationale" className={input} required minLength={5} />
                </label>
                <div className="self-end">
                  <SubmitButton intent="reserve" pendingLabel="Saving…">
                    Set reserve
                  </SubmitButton>
                </div>
              </Form>
            </Card>
            <Card title="Pay or recover">
              <Form method="post" className="grid gap-3 sm:grid-cols-3">
                <FormTokenInput token={formToken} />
                <label className={label}>
                  Payment or recovery
                  <select name="category" className={input}>
                    <option value="indemnity">Indemnity payment</option>
                    <option value="expense">Expense payment</option>
                    <option value="salvage">Salvage recovery</option>
                    <option value="subrogation">Subrogation recovery</option>
                    <option value="deductible">Deductible reimbursement</option>
                  </select>
                </label>
                <label className={label}>
                  Amount (USD)
                  <input name="amount" inputMode="decimal" className={input} required />
                </label>
                <label className={label}>
                  Payee or payer
                  <input name="counterparty" className={input} required />
                </label>
                <label className={label}>
                  Method
                  <select name="method" className={input}>
                    <option value="check">Check</option>
                    <option value="ach">ACH</option>
                    <option value="wire">Wire</option>
                  </select>
                </label>
                <label className={label}>
                  Reference
                  <input name="reference" className={input} maxLength={60} />
                </label>
                {subrogations.length > 0 ? (
                  <label className={label}>
                    Subrogation pursuit (subrogation recoveries)
                    <select name="subrogationId" className={input}>
                      <option value="">None</option>
                      {subrogations.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.targetName}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : null}
                <div className="self-end">
                  <SubmitButton intent="money" pendingLabel="Recording…">
                    Record
                  </SubmitButton>
                </div>
              </Form>
            </Card>
          </>
        ) : null}
        {supervisor && claim.status !== "closed" ? (
          <Card title="Assignment">
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <FormTokenInput token={formToken} />
              <label className={label}>
                Adjuster
                <select name="adjusterUserId" className={input} defaultValue={claim.assignedAdjusterId ?? ""}>
                  <option value="">Choose…</option>
                  {adjusters.map((a) => (
                    <option key={a.userId} value={a.userId}>
                      {a.name} ({a.openClaims} open; {a.states.join(", ")})
                    </option>
                  ))}
                </select>
              </label>
              <SubmitButton intent="assign" pendingLabel="Assigning…">
                Assign
              </SubmitButton>
            </Form>
          </Card>
        ) : null}
        <Card title="Payments and recoveries">
          <DataTable
            caption="Payments and recoveries"
            rows={claim.transactions}
            rowKey={(t) => t.id}
            empty="Nothing paid or recovered yet."
            columns={[
              { header: "When", cell: (t) => <LocalTime value={t.createdAt} /> },
              { header: "What", cell: (t) => `${t.category} ${t.kind}` },
              { header: "Payee / payer", cell: (t) => t.counterparty },
              { header: "Method", cell: (t) => t.method },
              { header: "Amount", numeric: true, cell: (t) => formatCents(t.amountCents) },
            ]}
          />
        </Card>
        <Card title="Reserve history">
          <DataTable
            caption="Reserve history"
            rows={reserveChanges}
            rowKey={(r) => r.id}
            empty="No reserve set yet."
            columns={[
              { header: "When", cell: (r) => <LocalTime value={r.createdAt} /> },
              { header: "Reserve", cell: (r) => r.reserveType },
              { header: "From", numeric: true, cell: (r) => formatCents(r.previousCents) },
              { header: "To", numeric: true, cell: (r) => formatCents(r.newCents) },
              { header: "Rationale", cell: (r) => r.rationale },
              { header: "Status", cell: (r) => <StatusBadge status={r.status} /> },
            ]}
          />
        </Card>
        <Card title="Diary">
          <DataTable
            caption="Diary"
            rows={tasks}
            rowKey={(t) => t.id}
            empty="No diary entries."
            columns={[
              { header: "Due", cell: (t) => formatCalendarDate(t.dueOn) },
              { header: "Task", cell: (t) => t.title },
              {
                header: "Done",
                cell: (t) =>
                  t.doneAt ? (
                    <LocalTime value={t.doneAt} />
                  ) : canManage ? (
                    <Form method="post">
                      <FormTokenInput token={formToken} />
                      <input type="hidden" name="taskId" value={t.id} />
                      <SubmitButton intent="task-done" match={{ taskId: t.id }} variant="secondary" pendingLabel="…">
                        Done
                      </SubmitButton>
                    </Form>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
          {canManage ? (
            <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-3">
              <FormTokenInput token={formToken} />
              <label className={label}>
                Task
                <input name="title" className={input} required minLength={3} />
              </label>
              <label className={label}>
                Due
                <input name="dueOn" type="date" className={input} required />
              </label>
              <div className="self-end">
                <SubmitButton intent="task" pendingLabel="Adding…" variant="secondary">
                  Add to diary
                </SubmitButton>
              </div>
            </Form>
          ) : null}
        </Card>
        <Card title="Timeline">
          {canManage ? (
            <Form method="post" className="mb-4 flex flex-col gap-2">
              <FormTokenInput token={formToken} />
              <label className={label}>
                Note
                <textarea name="text" className={input} rows={2} required />
              </label>
              <div>
                <SubmitButton intent="note" pendingLabel="Adding…" variant="secondary">
                  Add note
                </SubmitButton>
              </div>
            </Form>
          ) : null}
          <ol className="grid gap-3" data-testid="timeline">
            {timeline.map((t) => (
              <li key={t.id} className="border-l-2 border-border pl-3 text-sm">
                <div className="text-xs text-text-muted">
                  <LocalTime value={t.createdAt} /> · {t.actorName ?? "System"} · {t.kind}
                </div>
                <div>{t.summary}</div>
                {t.body ? <p className="whitespace-pre-wrap text-text-muted">{t.body}</p> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
