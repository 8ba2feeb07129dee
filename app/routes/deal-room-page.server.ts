import type { RouterContextProvider } from "react-router";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { getDealRoom } from "../models/deal-rooms.server.ts";
import { listParticipants, searchMessages } from "../services/realtime/deal-rooms.server.ts";
import { getSubmission } from "../models/submissions.server.ts";
import { formatCalendarDate, formatCents } from "../utils/format.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { ANNOTATABLE_FIELDS, type AnnotatableField } from "../services/realtime/deal-room-protocol.ts";
import { dealRoomName } from "../services/realtime/room-pass.ts";

type Args = { request: Request; context: Readonly<RouterContextProvider>; params: { dealRoomId?: string } };

/** What every deal room page shows, for the underwriter's and the producer's area alike. */
export async function loadDealRoomPage(args: Args) {
  const user = await requirePermission(args, "read:deal-room");
  const { db } = appServices(args.context);
  const room = await getDealRoom(db, user.tenant, args.params.dealRoomId ?? "");
  invariantResponse(room, "Deal room not found");
  const query = new URL(args.request.url).searchParams.get("q")?.trim().slice(0, 200) ?? "";
  const [submission, participants, results] = await Promise.all([
    getSubmission(db, user.tenant, room.submissionId),
    listParticipants(db, user.tenant.orgId, room.id),
    query ? searchMessages(db, user.tenant.orgId, room.id, query) : null,
  ]);
  invariantResponse(submission, "Submission not found");
  const values: Record<AnnotatableField, string> = {
    insuredName: submission.insuredName,
    lineOfBusiness: submission.lineOfBusiness,
    state: submission.state,
    naicsCode: submission.naicsCode,
    annualRevenue: formatCents(submission.annualRevenueCents),
    payroll: formatCents(submission.payrollCents),
    requestedLimit: formatCents(submission.requestedLimitCents),
    deductible: formatCents(submission.deductibleCents),
    effectiveDate: formatCalendarDate(submission.effectiveDate),
    indicatedPremium: formatCents(submission.indicatedPremiumCents),
  };
  return {
    room,
    roomName: dealRoomName(user.tenant.orgId, room.submissionId),
    fields: (Object.keys(ANNOTATABLE_FIELDS) as AnnotatableField[]).map((name) => ({
      name,
      label: ANNOTATABLE_FIELDS[name],
      value: values[name],
    })),
    participants,
    me: { userId: user.id, hasPlace: participants.some((p) => p.userId === user.id) },
    search: { query, results },
  };
}
