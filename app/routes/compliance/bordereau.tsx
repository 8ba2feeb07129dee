import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/bordereau";
import { requirePermission } from "../../auth/session.server.ts";
import { BordereauView, bordereauTitle } from "../../components/bordereau-view.tsx";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import {
  answerBordereauQuery,
  generateBordereauFor,
  submitBordereau,
} from "../../services/carrier/bordereaux.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { getBordereau } from "../../models/bordereaux.server.ts";
import { loadBordereauPage } from "../bordereau-page.server.ts";
import { claimLineTable, premiumLineTable } from "../../models/table-specs.ts";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("correct") }),
  z.object({
    intent: z.literal("answer"),
    queryStepId: z.string().min(1),
    comment: z.string("Write the answer").trim().min(2, "Write the answer").max(2000),
  }),
]);

export const meta: Route.MetaFunction = () => [{ title: "Bordereau · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:bordereau");
  const page = await loadBordereauPage(
    appServices(args.context).db,
    user.tenant,
    args.params.bordereauId,
    new URL(args.request.url).searchParams,
  );
  invariantResponse(page, "Bordereau not found", { status: 404 });
  return { ...page, formToken: newFormToken() };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:bordereau");
  const { db } = appServices(args.context);
  const id = args.params.bordereauId;
  // The id is checked before the body is read: an out-of-scope id answers 404 whatever is sent.
  const b = await getBordereau(db, user.tenant, id);
  invariantResponse(b, "Bordereau not found", { status: 404 });
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: ActionSchema });
  if (submission.status !== "success") return data({ error: "Write the answer to the query." }, { status: 400 });
  const value = submission.value;
  if (value.intent === "correct") {
    const outcome = await oncePerFormToken(
      db,
      user.tenant,
      formData.get(FORM_TOKEN_FIELD),
      `bordereau-correct:${id}`,
      () =>
        generateBordereauFor(db, user.tenant, {
          agreementId: b.agreementId,
          kind: b.kind,
          month: b.periodStart.slice(0, 7),
        }),
      (o) => o.ok,
    );
    invariantResponse(outcome.ok, "Bordereau not found", { status: 404 });
    return redirect(`/compliance/bordereaux/${outcome.bordereau.id}`);
  }
  const outcome =
    value.intent === "submit"
      ? await submitBordereau(db, user.tenant, id)
      : await answerBordereauQuery(db, user.tenant, id, { queryStepId: value.queryStepId, comment: value.comment });
  invariantResponse(outcome.ok || outcome.reason !== "not_found", "Bordereau not found", { status: 404 });
  if (!outcome.ok) return data({ error: outcome.reason === "refused" ? outcome.message : "" }, { status: 409 });
  return { error: null };
}

export default function ComplianceBordereau({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const { bordereau: b, steps } = loaderData;
  const openQueries = steps.filter(
    (s) => s.kind === "queried" && s.version === b.version && !steps.some((a) => a.answersStepId === s.id),
  );
  return (
    <>
      <PageHeader
        title={`${bordereauTitle(b)}, version ${b.version}`}
        description={`${b.carrierName} · ${b.agreementReference}`}
      />
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded-md bg-danger/10 p-3 text-sm text-danger">
          {actionData.error}
        </p>
      ) : null}
      <div className="mb-6 flex flex-wrap gap-3">
        {b.status === "draft" ? (
          <Form method="post">
            <SubmitButton intent="submit" pendingLabel="Submitting…" disabled={!b.checks.every((c) => c.passed)}>
              Submit to carrier
            </SubmitButton>
          </Form>
        ) : null}
        {b.status === "queried" || b.status === "draft" ? (
          <Form method="post">
            <FormTokenInput token={loaderData.formToken} />
            <SubmitButton intent="correct" variant="secondary" pendingLabel="Generating…">
              Generate corrected version
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      {openQueries.length ? (
        <Card title="Carrier queries to answer" className="mb-6">
          <ul className="grid gap-4">
            {openQueries.map((q) => (
              <li key={q.id} className="grid gap-2">
                <p className="text-sm">
                  Line {q.lineNumber}: {q.comment}
                </p>
                <Form method="post" className="flex flex-wrap gap-2">
                  <input type="hidden" name="queryStepId" value={q.id} />
                  <label className="sr-only" htmlFor={`answer-${q.id}`}>
                    Answer to the query on line {q.lineNumber}
                  </label>
                  <input
                    id={`answer-${q.id}`}
                    name="comment"
                    required
                    minLength={2}
                    className="min-w-0 flex-1 rounded-md border border-border bg-surface px-3 py-2 text-sm"
                  />
                  <SubmitButton intent="answer" match={{ queryStepId: q.id }} pendingLabel="Sending…">
                    Answer
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <BordereauView
        {...loaderData}
        exportHref={`/compliance/bordereaux/${b.id}/export`}
        lineTables={{ premium: premiumLineTable, claims: claimLineTable }}
      />
    </>
  );
}
