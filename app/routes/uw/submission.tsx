import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/submission";
import { hasPermission, type Permission } from "../../auth/permissions.ts";
import { requirePermission, requireTenant } from "../../auth/session.server.ts";
import { SubmissionDocumentsPanel } from "../../components/submission-documents.tsx";
import { SubmissionTimeline } from "../../components/submission-timeline.tsx";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { UnderwritingIssues } from "../../components/underwriting-issues.tsx";
import { DecisionsCard } from "../../components/workbench/decisions-card.tsx";
import { NotesCard } from "../../components/workbench/notes-card.tsx";
import { RatingCard } from "../../components/workbench/rating-card.tsx";
import { ReferralCard } from "../../components/workbench/referral-card.tsx";
import { SubmissionFacts } from "../../components/workbench/submission-facts.tsx";
import { appServices } from "../../context.server.ts";
import { getSubmission, isSubmissionVisible, listSubmissionEvents } from "../../models/submissions.server.ts";
import { REFERRAL_REASON_CODES } from "../../services/policies/index.ts";
import { declineSubmission } from "../../services/underwriting/decline.server.ts";
import { requestInformation } from "../../services/underwriting/info-requests.server.ts";
import { listKnockoutAnswers } from "../../services/underwriting/knockouts.server.ts";
import { addNote, listNotes } from "../../services/underwriting/notes.server.ts";
import { listQuotesForSubmission } from "../../services/underwriting/quotes.server.ts";
import { quoteSubmission } from "../../services/underwriting/quoting.server.ts";
import { decideReferral, listReferralsForSubmission } from "../../services/underwriting/referrals.server.ts";
import {
  factorToPercent,
  SCHEDULE_ROWS,
  WORKBENCH_INTENTS,
  WorkbenchAction,
  type WorkbenchIntent,
} from "../../services/underwriting/workbench-forms.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { getBindForm } from "../../services/policies/binding.server.ts";
import { newFormToken } from "../../services/access/form-token.server.ts";
import { bindOptionFromForm } from "../bind-option.server.ts";
import { businessToday } from "../../utils/today.ts";
import { workbenchState } from "../../services/underwriting/workbench-state.ts";
import { findPolicyOfSubmission } from "../../models/policy-binding.server.ts";
import { isInstallmentPlan, PLAN_NAMES } from "../../services/billing/billing-schedule.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.file.reference ?? "Submission"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const { db } = appServices(args.context);
  const id = args.params.submissionId;
  const [file, quotes, referrals, knockouts, notes, timeline, bindForm, policy] = await Promise.all([
    getSubmission(db, user.tenant, id),
    listQuotesForSubmission(db, user.tenant, id),
    listReferralsForSubmission(db, user.tenant, id),
    listKnockoutAnswers(db, user.tenant, id),
    listNotes(db, user.tenant, id),
    listSubmissionEvents(db, user.tenant, id, { limit: 200 }),
    getBindForm(db, user.tenant, id),
    // The submission's id is checked against the user's scope by getSubmission.
    findPolicyOfSubmission(db, user.tenant.orgId, id),
  ]);
  invariantResponse(file && bindForm, "Submission not found");
  const boundOption = policy ? quotes.flatMap((q) => q.options).find((o) => o.id === policy.quoteOptionId) : undefined;
  const boundPolicy =
    file.status === "bound" && policy
      ? {
          id: policy.id,
          policyNumber: policy.policyNumber,
          optionNumber: boundOption ? boundOption.position + 1 : null,
          planName:
            policy.installmentPlan && isInstallmentPlan(policy.installmentPlan)
              ? PLAN_NAMES[policy.installmentPlan]
              : null,
        }
      : null;
  const live = referrals.filter((r) => r.status !== "withdrawn");
  const quote = quotes[0] ?? null;
  const pending = live.find((r) => r.status === "pending");
  const state = workbenchState({
    status: file.status,
    quote,
    pendingReferral: pending
      ? { assigneeName: pending.assigneeName, assignedToMe: pending.assignedToUserId === user.tenant.userId }
      : null,
    today: businessToday(user.tenant),
    boundPolicy,
  });
  const schedule = quote?.schedule ?? [];
  return {
    file,
    state,
    boundPolicyId: boundPolicy?.id ?? null,
    boundOptionId: boundPolicy ? (policy?.quoteOptionId ?? null) : null,
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
    reasonCodes: REFERRAL_REASON_CODES,
    scheduleRows: Array.from({ length: SCHEDULE_ROWS }, (_, i) => ({
      percent: schedule[i] ? factorToPercent(schedule[i]!.factor) : "",
      reason: schedule[i]?.reason ?? "",
    })),
    mayUnderwrite: hasPermission(user.tenant.roles, "underwrite:submission"),
    mayDecline: hasPermission(user.tenant.roles, "decline:submission"),
    // An underwriter binds for the producer, within their own authority (beyond it, the bind refers).
    bind:
      file.status === "quoted" && hasPermission(user.tenant.roles, "bind:submission")
        ? { context: bindForm, effectiveDate: file.effectiveDate, formToken: newFormToken() }
        : null,
  };
}

/** Who may send each form; deciding a referral is checked again by the service (assignee or decide:referral). */
const PERMISSION: Record<WorkbenchIntent, Permission> = {
  decide: "read:submission",
  schedule: "underwrite:submission",
  note: "underwrite:submission",
  request_info: "underwrite:submission",
  decline: "decline:submission",
  bind: "bind:submission",
};

const failed = (intent: WorkbenchIntent | null, error: string, status: number) => data({ intent, error }, { status });
const isIntent = (value: unknown): value is WorkbenchIntent => WORKBENCH_INTENTS.includes(value as WorkbenchIntent);

type Outcome = { ok: true } | { ok: false; reason: "not_found" | "forbidden" | "wrong_status"; status?: string };

/** A note, a request for information or a decline: the service's outcome as the page's answer. */
function answer(intent: WorkbenchIntent, id: string, outcome: Outcome) {
  invariantResponse(outcome.ok || outcome.reason !== "not_found", "Submission not found");
  if (outcome.ok) return redirect(`/uw/submissions/${id}`);
  if (outcome.reason === "forbidden") return failed(intent, "Your role does not allow this.", 403);
  return failed(intent, `This submission is ${outcome.status?.replaceAll("_", " ")}: that is no longer possible.`, 409);
}

export async function action(args: Route.ActionArgs) {
  const id = args.params.submissionId;
  // The path's id first: an id outside the user's scope answers 404 whatever the body says.
  const { tenant } = await requireTenant(args);
  invariantResponse(await isSubmissionVisible(appServices(args.context).db, tenant, id), "Submission not found");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: WorkbenchAction });
  const intent = submission.payload.intent;
  if (!isIntent(intent)) return failed(null, "Unknown action: send one of the workbench's forms.", 400);
  const user = await requirePermission(args, PERMISSION[intent]);
  if (submission.status !== "success") {
    const firstIssue = Object.values(submission.error ?? {})
      .flat()
      .find((message) => typeof message === "string");
    return failed(intent, firstIssue ?? "Check the form", 400);
  }
  const { db } = appServices(args.context);
  const form = submission.value;
  switch (form.intent) {
    case "note":
      return answer(form.intent, id, await addNote(db, user.tenant, id, form));
    case "request_info":
      return answer(form.intent, id, await requestInformation(db, user.tenant, id, form.question));
    case "decline":
      return answer(form.intent, id, await declineSubmission(db, user.tenant, id, form));
    case "schedule": {
      const outcome = await quoteSubmission(db, user.tenant, id, businessToday(user.tenant), {
        schedule: form.adjustments,
      });
      invariantResponse(outcome.ok || outcome.error.code !== "NOT_FOUND", "Submission not found");
      return outcome.ok ? redirect(`/uw/submissions/${id}`) : failed(form.intent, outcome.error.message, 422);
    }
    case "bind": {
      const bound = await bindOptionFromForm(args, user.tenant, id, form, formData);
      if (bound.ok) return redirect(`/uw/policies/${bound.policyId}`);
      return data({ intent: form.intent, error: bound.error, failures: bound.failures }, { status: bound.status });
    }
    case "decide": {
      const { referralId, decision, code, rationale } = form;
      const mayDecideAny = hasPermission(user.tenant.roles, "decide:referral");
      const outcome = await decideReferral(db, user.tenant, referralId, { decision, code, rationale }, mayDecideAny);
      invariantResponse(outcome.ok || outcome.reason !== "not_found", "Referral not found");
      if (outcome.ok) return redirect(`/uw/submissions/${id}`);
      const why =
        outcome.reason === "already_decided"
          ? "This referral has already been decided."
          : "This referral is routed to another underwriter.";
      return failed("decide", why, 409);
    }
  }
}

export default function Workbench({ loaderData, actionData }: Route.ComponentProps) {
  const {
    file: s,
    state,
    quote,
    referral,
    issues,
    notes,
    timeline,
    mayUnderwrite,
    mayDecline,
    reasonCodes,
  } = loaderData;
  const busy = useNavigation().state === "submitting";
  const working = ["submitted", "in_review", "quoted", "referred"].includes(s.status);
  const declinable = working || s.status === "pending_info";
  return (
    <>
      <PageHeader
        title={s.insuredName}
        description={`Submission ${s.reference} · ${s.agencyName}`}
        actions={<StatusBadge status={s.status} />}
      />
      {s.declineCode ? (
        <p role="status" className="mb-6 rounded-md border border-danger/40 bg-danger/10 p-3 text-sm">
          Declined: <span className="font-mono text-xs">{s.declineCode}</span> {s.declineRationale}
        </p>
      ) : null}
      <section aria-label="Where this stands" className="mb-6 rounded-md border border-brand/40 bg-brand/5 p-4 text-sm">
        <h2 className="font-medium">{state.headline}</h2>
        <p className="mt-1 text-text-muted">{state.next}</p>
        {loaderData.boundPolicyId ? (
          <p className="mt-2">
            <Link className="text-brand underline" to={`/uw/policies/${loaderData.boundPolicyId}`}>
              Open the policy
            </Link>
          </p>
        ) : null}
      </section>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="grid content-start gap-6 lg:col-span-2">
          <SubmissionFacts file={s} />
          <Card title="Underwriting issues">
            <UnderwritingIssues issues={issues} />
          </Card>
          {referral ? (
            <ReferralCard referral={referral} reasonCodes={reasonCodes} actionData={actionData} busy={busy} />
          ) : null}
          <RatingCard
            quote={quote}
            earlierQuotes={loaderData.earlierQuotes}
            scheduleRows={mayUnderwrite && working ? loaderData.scheduleRows : null}
            actionData={actionData}
            busy={busy}
            bind={loaderData.bind}
            boundOptionId={loaderData.boundOptionId}
          />
        </div>
        <div className="grid content-start gap-6">
          {declinable && (mayUnderwrite || mayDecline) ? (
            <DecisionsCard
              mayRequestInfo={mayUnderwrite && working}
              mayDecline={mayDecline}
              reasonCodes={reasonCodes}
              actionData={actionData}
              busy={busy}
            />
          ) : null}
          <NotesCard notes={notes} mayAdd={mayUnderwrite} actionData={actionData} busy={busy} />
          <SubmissionDocumentsPanel submissionId={s.id} />
          <Card title="Timeline">
            <SubmissionTimeline events={timeline} />
          </Card>
        </div>
      </div>
    </>
  );
}
