import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/deal-rooms";
import { requirePermission } from "../../auth/session.server.ts";
import { SelectField } from "../../components/forms.tsx";
import { Button, Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDealRooms, listSubmissionsWithoutRoom } from "../../models/deal-rooms.server.ts";
import { openDealRoom } from "../../services/realtime/deal-rooms.server.ts";
import { formatInstant } from "../../utils/format.ts";

const OpenRoomSchema = z.object({ submissionId: z.string("Choose a submission").min(1, "Choose a submission") });

export const meta: Route.MetaFunction = () => [{ title: "Deal rooms · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:deal-room");
  const { db } = appServices(args.context);
  const [rooms, candidates] = await Promise.all([
    listDealRooms(db, user.tenant),
    listSubmissionsWithoutRoom(db, user.tenant),
  ]);
  return { rooms, candidates };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:deal-room");
  const submission = parseWithZod(await args.request.formData(), { schema: OpenRoomSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const outcome = await openDealRoom(appServices(args.context).db, user.tenant, submission.value.submissionId);
  if (!outcome.ok) {
    const message =
      outcome.reason === "settled" ? "That submission is already bound or declined." : "Submission not found.";
    return data(submission.reply({ fieldErrors: { submissionId: [message] } }), {
      status: outcome.reason === "settled" ? 409 : 404,
    });
  }
  throw redirect(`/uw/deal-rooms/${outcome.dealRoomId}`);
}

export default function DealRooms({ loaderData: { rooms, candidates }, actionData }: Route.ComponentProps) {
  const [form, fields] = useForm({
    lastResult: actionData,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OpenRoomSchema }),
  });
  return (
    <>
      <PageHeader
        title="Deal rooms"
        description="Negotiate a risk with brokers, actuaries and managers, one room per submission."
      />
      <Card title="Open a room" className="mb-6">
        <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
          <div className="min-w-72 flex-1">
            <SelectField
              label="Submission"
              selectProps={{ id: fields.submissionId.id, name: fields.submissionId.name }}
              errors={fields.submissionId.errors}
              placeholder="Choose a submission"
              options={candidates.map((c) => ({
                value: c.id,
                label: `${c.reference} · ${c.insuredName} (${c.status.replace("_", " ")})`,
              }))}
            />
          </div>
          <Button type="submit">Open room</Button>
        </Form>
      </Card>
      <DataTable
        caption="Deal rooms"
        rows={rooms}
        rowKey={(r) => r.id}
        empty="No deal rooms yet."
        columns={[
          {
            header: "Submission",
            cell: (r) => (
              <Link className="text-brand underline" to={`/uw/deal-rooms/${r.id}`}>
                {r.reference}
              </Link>
            ),
          },
          { header: "Insured", cell: (r) => r.insuredName },
          { header: "Room", cell: (r) => <StatusBadge status={r.status} /> },
          { header: "Submission status", cell: (r) => <StatusBadge status={r.submissionStatus} /> },
          { header: "Opened", cell: (r) => formatInstant(r.createdAt) },
        ]}
      />
    </>
  );
}
