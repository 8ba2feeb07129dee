import { Form, Link, useSearchParams } from "react-router";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { Button, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { NEEDS_UNDERWRITING, QUEUE_SORTS } from "../../models/submission-queue.ts";
import { claimSubmission, listSubmissionQueue } from "../../models/submissions.server.ts";
import { listPendingReferrals } from "../../services/underwriting/referrals.server.ts";
import { reasonSummary } from "../../services/underwriting/referral-reasons.ts";
import { formatCalendarDate, formatCents, formatInstant } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = () => [{ title: "Underwriting queue · OpenInsure" }];

const PAGE_SIZE = 25;
const QueueParams = z.object({
  status: z.enum(NEEDS_UNDERWRITING).optional().catch(undefined),
  line: z.enum(["GL", "WC"]).optional().catch(undefined),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(QUEUE_SORTS).catch("newest"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:submission");
  const params = QueueParams.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const { db } = appServices(args.context);
  const referrals = await listPendingReferrals(db, user.tenant);
  const queue = await listSubmissionQueue(db, user.tenant, {
    statuses: params.status ? [params.status] : NEEDS_UNDERWRITING,
    line: params.line,
    state: params.state,
    sort: params.sort,
    page: params.page,
    pageSize: PAGE_SIZE,
  });
  return {
    ...queue,
    referrals,
    page: params.page,
    pages: Math.max(1, Math.ceil(queue.total / PAGE_SIZE)),
    userId: user.id,
  };
}

/** The page's one form: an underwriter takes a submission from the queue. */
const ClaimForm = z.object({ submissionId: z.string().min(1) });

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "quote:submission");
  const submission = parseWithZod(await args.request.formData(), { schema: ClaimForm });
  invariantResponse(submission.status === "success", "Submission not found");
  const { submissionId } = submission.value;
  const outcome = await claimSubmission(appServices(args.context).db, user.tenant, submissionId);
  invariantResponse(outcome, "Submission not found", { status: 404 });
  return { claimed: outcome === "claimed", submissionId };
}

export default function UnderwritingQueue({ loaderData, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <>
      <PageHeader
        title="Underwriting queue"
        description={`${loaderData.total} submission${loaderData.total === 1 ? "" : "s"} waiting on underwriting.`}
        actions={
          <Link to="/uw/deal-rooms" className="text-sm text-brand underline">
            Deal rooms
          </Link>
        }
      />
      {loaderData.referrals.length ? (
        <Card title="Referrals waiting on a decision" className="mb-6">
          <ul className="divide-y divide-border text-sm">
            {loaderData.referrals.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link className="font-mono text-brand hover:underline" to={`submissions/${r.submissionId}`}>
                  {r.reference}
                </Link>
                <span>{r.insuredName}</span>
                <span className="text-text-muted">{reasonSummary(r.reasons.map((x) => x.code))}</span>
                <span>{r.assignedToUserId === loaderData.userId ? "Routed to you" : "Routed to a colleague"}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the queue">
        <label className="flex flex-col gap-1">
          Status
          <select
            name="status"
            defaultValue={params.get("status") ?? ""}
            className="rounded-md border border-border bg-surface px-2 py-1.5"
          >
            <option value="">All needing attention</option>
            {NEEDS_UNDERWRITING.map((s) => (
              <option key={s} value={s}>
                {s.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Line
          <select
            name="line"
            defaultValue={params.get("line") ?? ""}
            className="rounded-md border border-border bg-surface px-2 py-1.5"
          >
            <option value="">All</option>
            <option value="GL">GL</option>
            <option value="WC">WC</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          State
          <input
            name="state"
            defaultValue={params.get("state") ?? ""}
            maxLength={2}
            className="w-16 rounded-md border border-border bg-surface px-2 py-1.5 uppercase"
          />
        </label>
        <label className="flex flex-col gap-1">
          Sort
          <select
            name="sort"
            defaultValue={params.get("sort") ?? "newest"}
            className="rounded-md border border-border bg-surface px-2 py-1.5"
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="premium">Premium, highest first</option>
            <option value="state">State</option>
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </Form>
      {actionData && !actionData.claimed ? (
        <p role="alert" className="mb-4 text-danger">
          Someone else is already working that submission.
        </p>
      ) : null}
      <Card>
        <DataTable
          caption="Submissions needing attention"
          rows={loaderData.rows}
          rowKey={(s) => s.id}
          empty="Nothing is waiting on underwriting."
          columns={[
            {
              header: "Reference",
              cell: (s) => (
                <Link className="font-mono text-brand underline-offset-4 hover:underline" to={`submissions/${s.id}`}>
                  {s.reference}
                </Link>
              ),
            },
            { header: "Insured", cell: (s) => s.insuredName },
            { header: "Line", cell: (s) => s.lineOfBusiness },
            { header: "State", cell: (s) => s.state },
            { header: "Agency", cell: (s) => s.agencyName },
            { header: "Effective", cell: (s) => formatCalendarDate(s.effectiveDate) },
            { header: "Received", cell: (s) => formatInstant(s.createdAt) },
            { header: "Indicated premium", numeric: true, cell: (s) => formatCents(s.indicatedPremiumCents) },
            { header: "Status", cell: (s) => <StatusBadge status={s.status} /> },
            {
              header: "Owner",
              cell: (s) =>
                s.assignedUnderwriterId ? (
                  s.assignedUnderwriterId === loaderData.userId ? (
                    "You"
                  ) : (
                    "Taken"
                  )
                ) : (
                  <Form method="post">
                    <input type="hidden" name="submissionId" value={s.id} />
                    <Button type="submit" variant="secondary" aria-label={`Claim ${s.reference}`}>
                      Claim
                    </Button>
                  </Form>
                ),
            },
          ]}
        />
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          <span>
            Page {loaderData.page} of {loaderData.pages}
          </span>
          <span className="flex gap-3">
            {loaderData.page > 1 ? (
              <Link to={pageLink(loaderData.page - 1)} className="text-brand">
                Previous
              </Link>
            ) : null}
            {loaderData.page < loaderData.pages ? (
              <Link to={pageLink(loaderData.page + 1)} className="text-brand">
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      </Card>
    </>
  );
}
