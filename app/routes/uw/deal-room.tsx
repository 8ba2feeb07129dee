import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/deal-room";
import { DEAL_ROOM_ROLES } from "../../../db/schema/deal-room-roles.ts";
import { hasPermission } from "../../auth/permissions.ts";
import { requirePermission } from "../../auth/session.server.ts";
import { DealRoomLive } from "../../components/deal-room-live.tsx";
import { DealRoomSearch } from "../../components/deal-room-search.tsx";
import { ErrorList, SelectField } from "../../components/forms.tsx";
import { Button, Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getDealRoom, listRoomCandidates } from "../../models/deal-rooms.server.ts";
import { archiveDealRoom, placeParticipant } from "../../services/realtime/deal-rooms.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { loadDealRoomPage } from "../deal-room-page.server.ts";

const PlaceSchema = z.object({
  intent: z.literal("place"),
  userId: z.string("Choose a person").min(1, "Choose a person"),
  role: z.enum(DEAL_ROOM_ROLES, "Choose a role"),
  chat: z.boolean().optional(),
  annotate: z.boolean().optional(),
  edit: z.boolean().optional(),
});

const ActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("archive") }), PlaceSchema]);

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Deal room ${loaderData?.room.reference ?? ""} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const page = await loadDealRoomPage(args);
  const user = await requirePermission(args, "read:deal-room");
  const { db } = appServices(args.context);
  const mayManage = hasPermission(user.tenant.roles, "manage:deal-room") && page.room.status === "active";
  const candidates = mayManage ? await listRoomCandidates(db, user.tenant, page.room.agencyId) : [];
  return {
    ...page,
    mayManage,
    candidates: candidates.map((c) => ({ userId: c.userId, label: `${c.name} (${c.email})` })),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await requirePermission(args, "manage:deal-room");
  const { db } = appServices(args.context);
  const dealRoomId = args.params.dealRoomId;
  invariantResponse(await getDealRoom(db, user.tenant, dealRoomId), "Deal room not found");
  const submission = parseWithZod(await args.request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value.intent === "archive") {
    await archiveDealRoom(db, user.tenant, dealRoomId);
    throw redirect(`/uw/deal-rooms/${dealRoomId}`);
  }
  const { userId, role, chat, annotate, edit } = submission.value;
  const outcome = await placeParticipant(db, user.tenant, dealRoomId, {
    userId,
    role,
    rights: { chat: chat ?? false, annotate: annotate ?? false, edit: edit ?? false },
  });
  if (!outcome.ok) {
    const message = {
      not_found: "Deal room not found.",
      read_only: "This room is read-only.",
      not_eligible: "That person cannot be given a place in this room.",
    }[outcome.reason];
    return data(submission.reply({ formErrors: [message] }), { status: outcome.reason === "not_found" ? 404 : 409 });
  }
  throw redirect(`/uw/deal-rooms/${dealRoomId}`);
}

export default function DealRoomPage({ loaderData, actionData }: Route.ComponentProps) {
  const { room, roomName, fields, participants, me, search, mayManage, candidates } = loaderData;
  const [form, formFields] = useForm({
    lastResult: actionData,
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PlaceSchema }),
  });
  return (
    <>
      <PageHeader
        title={room.insuredName}
        description={`Deal room · submission ${room.reference}`}
        actions={
          <div className="flex items-center gap-3">
            <StatusBadge status={room.status} />
            {mayManage ? (
              <Form method="post">
                <Button type="submit" name="intent" value="archive" variant="secondary">
                  Archive room
                </Button>
              </Form>
            ) : null}
          </div>
        }
      />
      <DealRoomSearch query={search.query} results={search.results} participants={participants} />
      {mayManage ? (
        <Card title="Add a participant" className="mb-6">
          <Form
            method="post"
            {...getFormProps(form)}
            className="grid gap-3 sm:grid-cols-[2fr_1fr_auto_auto] sm:items-end"
          >
            <input type="hidden" name="intent" value="place" />
            <SelectField
              label="Person"
              selectProps={{ id: formFields.userId.id, name: formFields.userId.name }}
              errors={formFields.userId.errors}
              placeholder="Choose a person"
              options={candidates.map((c) => ({ value: c.userId, label: c.label }))}
            />
            <SelectField
              label="Role"
              selectProps={{ id: formFields.role.id, name: formFields.role.name, defaultValue: "broker" }}
              errors={formFields.role.errors}
              options={DEAL_ROOM_ROLES.map((r) => ({ value: r, label: r.replace("_", " ") }))}
            />
            <fieldset className="flex gap-3 text-sm">
              <legend className="sr-only">Rights</legend>
              {(["chat", "annotate", "edit"] as const).map((right) => (
                <label key={right} className="flex items-center gap-1">
                  <input type="checkbox" name={right} defaultChecked={right !== "edit"} /> {right}
                </label>
              ))}
            </fieldset>
            <Button type="submit">Add</Button>
          </Form>
          <ErrorList id={form.errorId} errors={form.errors} />
        </Card>
      ) : null}
      <DealRoomLive dealRoomId={room.id} roomName={roomName} me={me} participants={participants} fields={fields} />
    </>
  );
}
