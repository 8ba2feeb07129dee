import { data, Form, redirect, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/submission";
import type { Database } from "../../../db/client.ts";
import { hasPermission, type Permission } from "../../auth/permissions.ts";
import { requirePermission, type TenantContext } from "../../auth/session.server.ts";
import { SubmissionDocumentsPanel } from "../../components/submission-documents.tsx";
import { RatingSteps } from "../../components/rating-steps.tsx";
import { ReferralPanel } from "../../components/referral-panel.tsx";
import { SubmissionNotes } from "../../components/submission-notes.tsx";
import { SubmissionTimeline } from "../../components/submission-timeline.tsx";
import { Badge, Button, Card, FactList, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { UnderwritingIssues } from "../../components/underwriting-issues.tsx";
import { appServices } from "../../context.server.ts";
import { listQuotesForSubmission } from "../../models/quotes.server.ts";
import { getSubmission, listSubmissionEvents } from "../../models/submissions.server.ts";
import { REFERRAL_REASON_CODES } from "../../services/policies/index.ts";
import { quoteSubmission } from "../../services/quoting.server.ts";
import { decideReferral, listReferralsForSubmission } from "../../services/referrals.server.ts";
import { declineSubmission } from "../../services/underwriting/decline.server.ts";
import { requestInformation } from "../../services/underwriting/info-requests.server.ts";
import { listKnockoutAnswers } from "../../services/underwriting/knockouts.server.ts";
import { addNote, listNotes } from "../../services/underwriting/notes.server.ts";
import { DeclineForm, factorToPercent, NoteForm, RequestInfoForm, SCHEDULE_ROWS, ScheduleForm } from "../../services/underwriting/workbench-forms.ts";
import { formatCalendarDate, formatCents, formatInstant, formatRate } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { todayInUtc } from "../../utils/today.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.file.reference ?? "Submission"} · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const { db } = appServices(args.context);
  const id = args.params.submissionId;
  const [file, quotes, referrals, knockouts, notes, timeline] = await Promise.all([
    getSubmission(db, user.tenant, id),
    listQuotesForSubmission(db, user.tenant, id),
    listReferralsForSubmission(db, user.tenant, id),
    listKnockoutAnswers(db, user.tenant, id),
    listNotes(db, user.tenant, id),
    listSubmissionEvents(db, user.tenant, id, { limit: 200 }),
  ]);
  invariantResponse(file, "Submission not found");
  const live = referrals.filter((r) => r.status !== "withdrawn");
  const quote = quotes[0] ?? null;
  return {
    file,
    quote,
    earlierQuotes: quotes.length - 1,
    referral: live[0] ?? null,
    issues: {
      knockouts: knockouts.filter((k) => k.hit),
      daFlags: quote?.daFlags ?? [],
      referralReasons: live.flatMap((r) => r.reasons.map((reason) => ({ ...reason, status: r.status }))),
      infoRequested: file.status === "pending_info",
    },
    notes,
    timeline,
    mayUnderwrite: hasPermission(user.tenant.roles, "underwrite:submission"),
    mayDecline: hasPermission(user.tenant.roles, "decline:submission"),
  };
}

const DecisionForm = z.object({
  intent: z.literal("decide"),
  referralId: z.string().min(1),
  decision: z.enum(["approved", "declined"]),
  code: z.enum(REFERRAL_REASON_CODES, "Choose a reason code"),
  rationale: z.string("Write the rationale").trim().min(10, "Write the rationale (at least 10 characters)").max(2000),
});

type Intent = "decide" | "schedule" | "note" | "request_info" | "decline";
const failed = (intent: Intent, error: string, status: number) => data({ intent, error }, { status });
const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? "Check the form";

type Outcome = { ok: true } | { ok: false; reason: "not_found" | "forbidden" | "wrong_status"; status?: string };
const DECISIONS = {
  note: { permission: "underwrite:submission", schema: NoteForm, perform: addNote },
  request_info: { permission: "underwrite:submission", schema: RequestInfoForm, perform: (db: Database, tenant: TenantContext, id: string, form: z.output<typeof RequestInfoForm>) => requestInformation(db, tenant, id, form.question) },
  decline: { permission: "decline:submission", schema: DeclineForm, perform: declineSubmission },
} satisfies Record<string, { permission: Permission; schema: z.ZodType; perform: (db: Database, tenant: TenantContext, id: string, form: never) => Promise<Outcome> }>;

/** Notes, requests for information and declines: permission, form, service, answer. */
async function takeDecision(args: Route.ActionArgs, intent: keyof typeof DECISIONS, form: FormData) {
  const { permission, schema, perform } = DECISIONS[intent];
  const user = await requirePermission(args, permission);
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return failed(intent, firstIssue(parsed.error), 400);
  // TypeScript cannot tie this entry's schema to this entry's service; the table above does.
  const outcome: Outcome = await perform(appServices(args.context).db, user.tenant, args.params.submissionId, parsed.data as never);
  invariantResponse(outcome.ok || outcome.reason !== "not_found", "Submission not found");
  if (outcome.ok) return redirect(`/uw/submissions/${args.params.submissionId}`);
  if (outcome.reason === "forbidden") return failed(intent, "Your role does not allow this.", 403);
  return failed(intent, `This submission is ${outcome.status?.replaceAll("_", " ")}: that is no longer possible.`, 409);
}

export async function action(args: Route.ActionArgs) {
  const id = args.params.submissionId;
  const form = await args.request.formData();
  const { db } = appServices(args.context);
  const intent = form.get("intent");

  if (intent === "note" || intent === "request_info" || intent === "decline") return takeDecision(args, intent, form);
  if (intent === "schedule") {
    const user = await requirePermission(args, "underwrite:submission");
    const parsed = ScheduleForm.safeParse({ intent, percent: form.getAll("percent"), reason: form.getAll("reason") });
    if (!parsed.success) return failed(intent, firstIssue(parsed.error), 400);
    const outcome = await quoteSubmission(db, user.tenant, id, todayInUtc(), { schedule: parsed.data });
    invariantResponse(outcome.ok || outcome.error.code !== "NOT_FOUND", "Submission not found");
    return outcome.ok ? redirect(`/uw/submissions/${id}`) : failed(intent, outcome.error.message, 422);
  }
  const user = await requirePermission(args, "read:submission");
  const parsed = DecisionForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return failed("decide", firstIssue(parsed.error), 400);
  const { referralId, decision, code, rationale } = parsed.data;
  const outcome = await decideReferral(db, user.tenant, referralId, { decision, code, rationale }, hasPermission(user.tenant.roles, "decide:referral"));
  invariantResponse(outcome.ok || outcome.reason !== "not_found", "Referral not found");
  if (!outcome.ok) return failed("decide", outcome.reason === "already_decided" ? "This referral has already been decided." : "This referral is routed to another underwriter.", 409);
  return redirect(`/uw/submissions/${id}`);
}

const field = "rounded-md border border-border bg-surface px-3 py-2 text-sm";

function FormError({ actionData, intent }: { actionData: { intent: Intent; error: string } | undefined; intent: Intent }) {
  return actionData?.intent === intent ? <p role="alert" className="text-sm text-danger">{actionData.error}</p> : null;
}

export default function Workbench({ loaderData, actionData }: Route.ComponentProps) {
  const { file: s, quote, referral, issues, notes, timeline, mayUnderwrite, mayDecline } = loaderData;
  const busy = useNavigation().state === "submitting";
  const working = ["submitted", "in_review", "quoted", "referred"].includes(s.status);
  const declinable = working || s.status === "pending_info";
  const exposure = s.lineOfBusiness === "WC" ? s.payrollCents : s.annualRevenueCents;
  const schedule = quote?.schedule ?? [];
  return (
    <>
      <PageHeader title={s.insuredName} description={`Submission ${s.reference} · ${s.agencyName}`} actions={<StatusBadge status={s.status} />} />
      {s.declineCode ? (
        <p role="status" className="mb-6 rounded-md border border-danger/40 bg-danger/10 p-3 text-sm">
          Declined: <span className="font-mono text-xs">{s.declineCode}</span> {s.declineRationale}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid content-start gap-6 lg:col-span-2">
          <Card title="Insured">
            <FactList
              facts={[
                ["Name", s.insuredName],
                ["Address", `${s.insuredAddress}, ${s.insuredCity}, ${s.insuredState} ${s.insuredPostalCode}`],
                ["NAICS class", <span key="n" className="font-mono">{s.naicsCode}</span>],
                ["Years in business", s.yearsInBusiness ?? "—"],
                ["Agency", s.agencyName],
                ["Received", formatInstant(s.submittedAt)],
              ]}
            />
          </Card>
          <Card title="Exposures">
            <FactList
              facts={[
                ["Line of business", s.lineOfBusiness],
                ["Home state", s.state],
                [s.lineOfBusiness === "WC" ? "Payroll" : "Annual revenue", formatCents(exposure)],
                ["Each-occurrence limit", formatCents(s.requestedLimitCents)],
                ["Deductible", formatCents(s.deductibleCents)],
                ["Effective date", formatCalendarDate(s.effectiveDate)],
                ["Term", `${s.termMonths} months`],
                ["Prior losses (5 years)", `${s.priorLossCount} claim${s.priorLossCount === 1 ? "" : "s"}, ${formatCents(s.priorLossIncurredCents)} incurred`],
              ]}
            />
          </Card>
          <Card title="Underwriting issues">
            <UnderwritingIssues issues={issues} />
          </Card>
          {referral ? (
            <Card title="Referral">
              <ReferralPanel referral={referral} />
              {referral.status === "pending" ? (
                <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-2">
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="referralId" value={referral.id} />
                  <label className="flex flex-col gap-1 text-sm">
                    Reason code
                    <select name="code" className={field} defaultValue={referral.reasons[0]?.code}>
                      {REFERRAL_REASON_CODES.map((c) => <option key={c} value={c}>{c.replaceAll("_", " ")}</option>)}
                    </select>
                  </label>
                  <label className="flex flex-col gap-1 text-sm sm:col-span-2">
                    Rationale
                    <textarea name="rationale" rows={3} required minLength={10} className={field} />
                  </label>
                  <div className="sm:col-span-2"><FormError actionData={actionData} intent="decide" /></div>
                  <div className="flex gap-3">
                    <Button type="submit" name="decision" value="approved" disabled={busy}>Approve</Button>
                    <Button type="submit" name="decision" value="declined" variant="danger" disabled={busy}>Decline</Button>
                  </div>
                </Form>
              ) : null}
            </Card>
          ) : null}
          <Card
            title="Rating"
            actions={quote ? <span className="text-sm text-text-muted">rate table {quote.rateTableVersion} · valid until {formatCalendarDate(quote.expiresOn)}{loaderData.earlierQuotes ? ` · ${loaderData.earlierQuotes} earlier version${loaderData.earlierQuotes === 1 ? "" : "s"}` : ""}</span> : null}
          >
            {quote ? (
              <div className="grid gap-3">
                {quote.options.map((option) => (
                  <details key={option.id} open={option.position === 0} aria-label={`Option ${option.position + 1}`}>
                    <summary className="cursor-pointer">
                      {formatCents(option.occurrenceLimitCents)} / {formatCents(option.aggregateLimitCents)}: premium{" "}
                      <span className="font-mono" data-testid={`premium-${option.position + 1}`}>{formatCents(option.grossPremiumCents)}</span> · total due <span className="font-mono">{formatCents(option.totalDueCents)}</span>
                    </summary>
                    <div className="mt-3">
                      <RatingSteps rating={option.rating} />
                    </div>
                  </details>
                ))}
              </div>
            ) : (
              <p className="text-sm text-text-muted">Not priced yet.</p>
            )}
            {mayUnderwrite && working ? (
              <Form method="post" className="mt-6 border-t border-border pt-4" aria-label="Schedule rating">
                <input type="hidden" name="intent" value="schedule" />
                <h3 className="font-medium">Schedule rating</h3>
                <p className="mb-3 text-sm text-text-muted">Credits (negative) and debits (positive) in percent, each with its reason; the total must stay within the rate table's bounds. Applying re-rates the submission as a new quote version.</p>
                <div className="grid gap-2">
                  {Array.from({ length: SCHEDULE_ROWS }, (_, i) => (
                    <div key={i} className="grid grid-cols-[8rem_1fr] gap-2">
                      <input name="percent" aria-label={`Credit or debit ${i + 1} (%)`} inputMode="decimal" placeholder={i === 0 ? "-5" : undefined} defaultValue={schedule[i] ? factorToPercent(schedule[i]!.factor) : ""} className={field} />
                      <input name="reason" aria-label={`Reason ${i + 1}`} maxLength={200} defaultValue={schedule[i]?.reason ?? ""} className={field} />
                    </div>
                  ))}
                </div>
                <div className="mt-3 flex items-center gap-3">
                  <Button type="submit" variant="secondary" disabled={busy}>Apply and re-rate</Button>
                  {schedule.length ? <Badge tone="info">current schedule {schedule.map((a) => formatRate(a.factor)).join(", ")}</Badge> : null}
                </div>
                <FormError actionData={actionData} intent="schedule" />
              </Form>
            ) : null}
          </Card>
        </div>
        <div className="grid content-start gap-6">
          {declinable && (mayUnderwrite || mayDecline) ? (
            <Card title="Decisions">
              {mayUnderwrite && working ? (
                <Form method="post" className="grid gap-2" aria-label="Request more information">
                  <input type="hidden" name="intent" value="request_info" />
                  <label className="flex flex-col gap-1 text-sm font-medium">
                    Request more information from the producer
                    <textarea name="question" rows={3} required minLength={10} className={field} />
                  </label>
                  <FormError actionData={actionData} intent="request_info" />
                  <Button type="submit" variant="secondary" disabled={busy} className="self-start">Send request</Button>
                </Form>
              ) : null}
              {mayDecline ? (
                <Form method="post" className={working ? "mt-6 grid gap-2 border-t border-border pt-4" : "grid gap-2"} aria-label="Decline the submission">
                  <input type="hidden" name="intent" value="decline" />
                  <label className="flex flex-col gap-1 text-sm font-medium">
                    Decline code
                    <select name="code" className={field} defaultValue="">
                      <option value="" disabled>Choose a reason code</option>
                      {REFERRAL_REASON_CODES.map((c) => <option key={c} value={c}>{c.replaceAll("_", " ")}</option>)}
                    </select>
                  </label>
                  <label className="flex flex-col gap-1 text-sm font-medium">
                    Explanation for the producer
                    <textarea name="rationale" rows={3} required minLength={10} className={field} />
                  </label>
                  <FormError actionData={actionData} intent="decline" />
                  <Button type="submit" variant="danger" disabled={busy} className="self-start">Decline submission</Button>
                </Form>
              ) : null}
            </Card>
          ) : null}
          <Card title="Notes">
            <SubmissionNotes notes={notes} empty="No notes yet." />
            {mayUnderwrite ? (
              // Keyed by the note count, so the form starts empty again once its note is saved.
              <Form key={notes.length} method="post" className="mt-4 grid gap-2" aria-label="Add a note">
                <input type="hidden" name="intent" value="note" />
                <label className="flex flex-col gap-1 text-sm font-medium">
                  New note
                  <textarea name="body" rows={3} required className={field} />
                </label>
                <label className="flex flex-col gap-1 text-sm font-medium">
                  Visible to
                  <select name="visibility" className={field} defaultValue="internal">
                    <option value="internal">Underwriting only (internal)</option>
                    <option value="external">Producer too (external)</option>
                  </select>
                </label>
                <FormError actionData={actionData} intent="note" />
                <Button type="submit" variant="secondary" disabled={busy} className="self-start">Add note</Button>
              </Form>
            ) : null}
          </Card>
          <SubmissionDocumentsPanel submissionId={s.id} />
          <Card title="Timeline">
            <SubmissionTimeline events={timeline} />
          </Card>
        </div>
      </div>
    </>
  );
}
