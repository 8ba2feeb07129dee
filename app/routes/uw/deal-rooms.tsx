import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/deal-rooms";
import { requirePermission } from "../../auth/session.server.ts";
import { SelectField } from "../../components/forms.tsx";
import { PagedTable } from "../../components/data-table.tsx";
import { LocalTime } from "../../components/local-time.tsx";
import { Button, Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDealRoomPage, listSubmissionsWithoutRoom } from "../../models/deal-rooms.server.ts";
import { dealRoomTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { openDealRoom } from "../../services/realtime/deal-rooms.server.ts";

const OpenRoomSchema = z.object({ submissionId: z.string("Choose a submission").min(1, "Choose a submission") });

export const meta: Route.MetaFunction = () => [{ title: "Deal rooms · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:deal-room");
  const { db } = appServices(args.context);
  const state = parseTableState(new URL(args.request.url).searchParams, dealRoomTable);
  const [rooms, candidates] = await Promise.all([
    listDealRoomPage(db, user.tenant, state),
    listSubmissionsWithoutRoom(db, user.tenant),
  ]);
  return { rooms: { ...rooms, state }, candidates };
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
      <PagedTable
        spec={dealRoomTable}
        page={rooms}
        caption="Deal rooms"
        empty="No deal rooms yet."
        search="Search by reference or insured"
        filters={[
          {
            name: "status",
            label: "Room status",
            options: ["active", "archived", "closed"].map((s) => ({ value: s, label: s })),
          },
        ]}
        exportPath="/uw/deal-rooms/export"
        rowKey={(r) => r.id}
        columns={[
          {
            id: "reference",
            header: "Submission",
            cell: (r) => (
              <Link className="text-brand underline" to={`/uw/deal-rooms/${r.id}`}>
                {r.reference}
              </Link>
            ),
          },
          { id: "insured", header: "Insured", cell: (r) => r.insuredName },
          { id: "status", header: "Room", cell: (r) => <StatusBadge status={r.status} /> },
          {
            id: "submissionStatus",
            header: "Submission status",
            cell: (r) => <StatusBadge status={r.submissionStatus} />,
          },
          { id: "opened", header: "Opened", cell: (r) => <LocalTime value={r.createdAt} /> },
        ]}
      />
    </>
  );
}
