import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/approvals";
import { requirePermission } from "../../auth/session.server.ts";
import { LocalTime } from "../../components/local-time.tsx";
import { FormTokenInput, SubmitButton } from "../../components/submit-button.tsx";
import { Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listReserveChangesAwaitingApproval } from "../../models/claims.server.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../../services/access/form-token.server.ts";
import { ReserveDecisionSchema } from "../../services/claims/claim-forms.ts";
import { decideReserveApproval } from "../../services/claims/claims.server.ts";
import { formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { claimActor } from "../claim-access.server.ts";

export const meta: Route.MetaFunction = () => [{ title: "Reserve approvals · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "approve:reserve");
  const queue = await listReserveChangesAwaitingApproval(appServices(args.context).db, user.tenant.orgId);
  return { queue, formToken: newFormToken() };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "approve:reserve");
  const { db, ledger } = appServices(args.context);
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: ReserveDecisionSchema });
  if (submission.status !== "success") return data({ error: "Choose a reserve change to decide." }, { status: 400 });
  const { intent, changeId } = submission.value;
  const outcome = await oncePerFormToken(
    db,
    user.tenant,
    formData.get(FORM_TOKEN_FIELD),
    `reserve-decision:${changeId}`,
    () =>
      decideReserveApproval(
        db,
        ledger,
        claimActor(args, user, "page:/claims/approvals"),
        changeId,
        intent === "approve",
      ),
    (o) => o.ok,
  );
  if (!outcome.ok) {
    invariantResponse(outcome.reason !== "not_found", outcome.message);
    return data({ error: outcome.message }, { status: 422 });
  }
  return { error: null };
}

export default function Approvals({ loaderData: { queue, formToken } }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Reserve approvals" description="Reserve changes above their adjuster's authority." />
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded-md border border-danger p-3 text-sm text-danger">
          {actionData.error}
        </p>
      ) : null}
      <Card>
        <DataTable
          caption="Reserve changes awaiting approval"
          rows={queue}
          rowKey={(r) => r.id}
          empty="Nothing waits for approval."
          columns={[
            { header: "Requested", cell: (r) => <LocalTime value={r.createdAt} /> },
            {
              header: "Claim",
              cell: (r) => (
                <Link className="font-mono text-brand hover:underline" to={`/claims/${r.claimId}`}>
                  {r.claimNumber}
                </Link>
              ),
            },
            { header: "By", cell: (r) => r.requestedBy },
            { header: "Reserve", cell: (r) => r.reserveType },
            { header: "From", numeric: true, cell: (r) => formatCents(r.previousCents) },
            { header: "To", numeric: true, cell: (r) => formatCents(r.newCents) },
            { header: "Rationale", cell: (r) => r.rationale },
            {
              header: "Decision",
              cell: (r) => (
                <Form method="post" className="flex gap-2">
                  <FormTokenInput token={formToken} />
                  <input type="hidden" name="changeId" value={r.id} />
                  <SubmitButton intent="approve" match={{ changeId: r.id }} pendingLabel="Approving…">
                    Approve
                  </SubmitButton>
                  <SubmitButton
                    intent="decline"
                    match={{ changeId: r.id }}
                    variant="secondary"
                    pendingLabel="Declining…"
                  >
                    Decline
                  </SubmitButton>
                </Form>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
