import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import {
  dealRoomMessages,
  dealRoomParticipants,
  dealRooms,
  outboxEvents,
  quoteOptions,
  submissionDeclinations,
  submissions,
} from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { findPlaceInRoom, getDealRoom, listDealRoomPage, listDealRoomRows } from "../../models/deal-rooms.server.ts";
import { dealRoomTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { createId } from "../../utils/ids.ts";
import { bindSubmission } from "../policies/binding.server.ts";
import {
  archiveDealRoom,
  closeDealRoomsForSubmission,
  listParticipants,
  openDealRoom,
  placeParticipant,
  recentMessages,
  recordAnnotation,
  recordMessage,
  resolveAnnotation,
  searchMessages,
} from "./deal-rooms.server.ts";
import { quoteSubmission } from "../underwriting/quoting.server.ts";
import { decideReferral, listReferralsForSubmission } from "../underwriting/referrals.server.ts";

const db = guardedTestDatabase();
const underwriter = tenantOf("underwriter@summit.demo");
const producer = tenantOf("producer@summit.demo");
const otherAgencyProducer = tenantOf("agency.admin@summit.demo");
const lakeshore = tenantOf("underwriter@lakeshore.demo");
const org = underwriter.orgId;
const allRights = { chat: true, annotate: true, edit: true };

async function submission({ state = "TX", declinations = 0 } = {}) {
  const id = createId("sub");
  await db.insert(submissions).values({
    id,
    orgId: org,
    reference: id.slice(-12),
    agencyId: "agy_harbor",
    producerUserId: producer.userId,
    insuredId: "ins_bayou",
    programId: "prg_summit_gl",
    lineOfBusiness: "GL",
    state,
    naicsCode: "722320",
    annualRevenueCents: 210_000_000,
    requestedLimitCents: 100_000_000,
    deductibleCents: 100_000,
    effectiveDate: "2026-12-15",
    termMonths: 12,
    status: "submitted",
  });
  for (let i = 0; i < declinations; i++) {
    await db.insert(submissionDeclinations).values({
      id: createId("dcl"),
      orgId: org,
      submissionId: id,
      carrierName: `Carrier ${i}`,
      declinedOn: "2026-11-01",
      reason: "Declined",
    });
  }
  return id;
}

async function roomWithProducer(submissionId?: string) {
  const id = submissionId ?? (await submission());
  const opened = await openDealRoom(db, underwriter, id);
  if (!opened.ok) throw new Error(opened.reason);
  expect(
    await placeParticipant(db, underwriter, opened.dealRoomId, {
      userId: producer.userId,
      role: "broker",
      rights: { chat: true, annotate: true, edit: false },
    }),
  ).toEqual({ ok: true });
  return {
    submissionId: id,
    dealRoomId: opened.dealRoomId,
    writing: { orgId: org, submissionId: id, dealRoomId: opened.dealRoomId },
  };
}

async function roomStatus(dealRoomId: string) {
  const [row] = await db
    .select({ status: dealRooms.status, endedReason: dealRooms.endedReason })
    .from(dealRooms)
    .where(and(eq(dealRooms.orgId, org), eq(dealRooms.id, dealRoomId)));
  return row;
}

describe("deal rooms", () => {
  test("the rooms list: search by reference, status filter, sort, pages and the export's windows", async () => {
    const first = await roomWithProducer();
    const second = await roomWithProducer();
    await archiveDealRoom(db, underwriter, second.dealRoomId);
    const refs = [first.submissionId.slice(-12), second.submissionId.slice(-12)];
    const rooms = (query: string) =>
      listDealRoomPage(db, underwriter, parseTableState(new URLSearchParams(query), dealRoomTable));
    const [a, b] = await Promise.all(refs.map((ref) => rooms(`q=${ref}`)));
    expect(a!.rows.map((r) => r.id)).toEqual([first.dealRoomId]);
    expect(b!.rows.map((r) => [r.id, r.status])).toEqual([[second.dealRoomId, "archived"]]);
    expect((await rooms(`q=${refs[1]}&status=active`)).total).toBe(0);
    // Newest first by default; a reference sort orders by the submissions' references.
    const newest = await rooms("size=100");
    expect(newest.rows.findIndex((r) => r.id === second.dealRoomId)).toBeLessThan(
      newest.rows.findIndex((r) => r.id === first.dealRoomId),
    );
    const byReference = await rooms("sort=reference&dir=asc&size=100");
    const ours = byReference.rows.map((r) => r.reference).filter((r) => refs.includes(r));
    expect(ours).toEqual([...refs].sort());
    expect(await rooms(`size=10&page=${Math.ceil(newest.total / 10) + 1}`)).toEqual({ rows: [], total: newest.total });
    const state = parseTableState(new URLSearchParams("sort=reference&dir=asc"), dealRoomTable);
    const windows = [
      ...(await listDealRoomRows(db, underwriter, state, 0, 1)),
      ...(await listDealRoomRows(db, underwriter, state, 1, 99)),
    ];
    expect(windows.map((r) => r.id)).toEqual(byReference.rows.map((r) => r.id));
    // Another organization's underwriter sees none of them.
    expect(
      (await listDealRoomPage(db, lakeshore, parseTableState(new URLSearchParams(`q=${refs[0]}`), dealRoomTable)))
        .total,
    ).toBe(0);
  });

  test("one room per submission, led by its opener; the submission's producer can be given a place", async () => {
    const { submissionId, dealRoomId } = await roomWithProducer();
    expect(await openDealRoom(db, underwriter, submissionId)).toEqual({ ok: true, dealRoomId });
    const participants = await listParticipants(db, org, dealRoomId);
    expect(participants.map((p) => [p.userId, p.role, p.rights])).toEqual([
      [underwriter.userId, "lead_underwriter", allRights],
      [producer.userId, "broker", { chat: true, annotate: true, edit: false }],
    ]);
    expect(await findPlaceInRoom(db, org, submissionId, producer.userId)).toMatchObject({
      dealRoomId,
      chat: true,
      edit: false,
    });
    const rooms = await listDealRoomPage(db, producer, parseTableState(new URLSearchParams("size=100"), dealRoomTable));
    expect(rooms.rows.map((r) => r.id)).toContain(dealRoomId);
  });

  test("a producer of another agency and a user of another organization get no place and see nothing", async () => {
    const { submissionId, dealRoomId } = await roomWithProducer();
    expect(
      await placeParticipant(db, underwriter, dealRoomId, {
        userId: otherAgencyProducer.userId,
        role: "broker",
        rights: allRights,
      }),
    ).toEqual({ ok: false, reason: "not_eligible" });
    expect(
      await placeParticipant(db, underwriter, dealRoomId, {
        userId: lakeshore.userId,
        role: "underwriter",
        rights: allRights,
      }),
    ).toEqual({ ok: false, reason: "not_eligible" });
    expect(
      await placeParticipant(db, lakeshore, dealRoomId, {
        userId: lakeshore.userId,
        role: "underwriter",
        rights: allRights,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await getDealRoom(db, lakeshore, dealRoomId)).toBeNull();
    expect(await getDealRoom(db, otherAgencyProducer, dealRoomId)).toBeNull();
    expect(await findPlaceInRoom(db, lakeshore.orgId, submissionId, lakeshore.userId)).toBeNull();
    expect(await openDealRoom(db, lakeshore, submissionId)).toEqual({ ok: false, reason: "not_found" });
  });

  test("a message naming a participant writes a mention event in the same transaction; search finds it", async () => {
    const { dealRoomId, writing } = await roomWithProducer();
    const word = `kitchen${Date.now()}`;
    const posted = await recordMessage(
      db,
      writing,
      underwriter.userId,
      `@producer please send the ${word} inspection`,
      [producer.userId],
    );
    if (!posted.ok) throw new Error("not posted");
    const events = await db
      .select()
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.orgId, org),
          eq(outboxEvents.type, "deal_room.mention"),
          sql`${outboxEvents.payload} like ${`%${posted.value.id}%`}`,
        ),
      );
    expect(events.map((e) => e.payload)).toEqual([
      {
        dealRoomId,
        submissionId: writing.submissionId,
        messageId: posted.value.id,
        mentionedUserId: producer.userId,
        authorUserId: underwriter.userId,
      },
    ]);
    expect((await searchMessages(db, org, dealRoomId, word.toUpperCase())).map((m) => m.id)).toEqual([posted.value.id]);
    expect(await searchMessages(db, org, dealRoomId, "100%")).toEqual([]);
    expect(await recentMessages(db, org, dealRoomId, 10)).toEqual([posted.value]);
  });

  test("a closed room refuses writes and nothing is written", async () => {
    const { submissionId, dealRoomId, writing } = await roomWithProducer();
    await recordMessage(db, writing, producer.userId, "before the close", []);
    await closeDealRoomsForSubmission(db, org, submissionId, "declined");
    expect(await roomStatus(dealRoomId)).toEqual({ status: "closed", endedReason: "declined" });
    expect(
      await recordMessage(db, writing, producer.userId, "after the close @underwriter", [underwriter.userId]),
    ).toEqual({ ok: false, status: "closed" });
    expect(await recordAnnotation(db, writing, producer.userId, { kind: "field", name: "state" }, "too late")).toEqual({
      ok: false,
      status: "closed",
    });
    const messages = await db
      .select()
      .from(dealRoomMessages)
      .where(and(eq(dealRoomMessages.orgId, org), eq(dealRoomMessages.dealRoomId, dealRoomId)));
    expect(messages.map((m) => m.body)).toEqual(["before the close"]);
    expect(
      await placeParticipant(db, underwriter, dealRoomId, {
        userId: producer.userId,
        role: "viewer",
        rights: allRights,
      }),
    ).toEqual({ ok: false, reason: "read_only" });
  });

  test("an archived room is read-only too and says so", async () => {
    const { dealRoomId, writing } = await roomWithProducer();
    expect(await archiveDealRoom(db, underwriter, dealRoomId)).toEqual({ ok: true });
    expect(await recordMessage(db, writing, producer.userId, "still here?", [])).toEqual({
      ok: false,
      status: "archived",
    });
    expect(await archiveDealRoom(db, lakeshore, dealRoomId)).toEqual({ ok: false, reason: "not_found" });
  });

  test("declining the submission's referral closes its room", async () => {
    const submissionId = await submission({ state: "LA", declinations: 3 });
    const quoted = await quoteSubmission(db, producer, submissionId, "2026-11-22");
    if (!quoted.ok) throw new Error(quoted.error.message);
    const { dealRoomId } = await roomWithProducer(submissionId);
    const [referral] = await listReferralsForSubmission(db, producer, submissionId);
    const decider = tenantOf("senior.underwriter@summit.demo");
    expect(
      (
        await decideReferral(
          db,
          decider,
          referral!.id,
          { decision: "declined", code: "risk_quality", rationale: "Kitchen fire history" },
          true,
        )
      ).ok,
    ).toBe(true);
    expect(await roomStatus(dealRoomId)).toEqual({ status: "closed", endedReason: "declined" });
  });

  test("binding the submission closes its room", async () => {
    const submissionId = await submission({ declinations: 3 });
    const { dealRoomId } = await roomWithProducer(submissionId);
    const quoted = await quoteSubmission(db, producer, submissionId, "2026-11-22");
    if (!quoted.ok) throw new Error(quoted.error.message);
    const [option] = await db
      .select()
      .from(quoteOptions)
      .where(and(eq(quoteOptions.orgId, org), eq(quoteOptions.quoteId, quoted.quoteId)))
      .orderBy(quoteOptions.position)
      .limit(1);
    const bound = await bindSubmission(db, producer, { quoteOptionId: option!.id, plan: "PIF" }, "2026-11-25");
    expect(bound).toMatchObject({ ok: true, submissionId });
    expect(await roomStatus(dealRoomId)).toEqual({ status: "closed", endedReason: "bound" });
    expect(await openDealRoom(db, underwriter, submissionId)).toEqual({ ok: true, dealRoomId });
  });

  test("issue 10 item 20: every write checks the author's place and right, not only the socket's admission", async () => {
    const { dealRoomId, writing } = await roomWithProducer();
    expect(await recordMessage(db, writing, producer.userId, "still here", [])).toMatchObject({ ok: true });
    // Downgraded while connected: chat refused, annotate (still granted) allowed, resolve (never granted) refused.
    await placeParticipant(db, underwriter, dealRoomId, {
      userId: producer.userId,
      role: "broker",
      rights: { chat: false, annotate: true, edit: false },
    });
    expect(await recordMessage(db, writing, producer.userId, "after the downgrade", [])).toEqual({
      ok: false,
      reason: "no_place",
    });
    const note = await recordAnnotation(
      db,
      writing,
      producer.userId,
      { kind: "field", name: "naicsCode" },
      "check this",
    );
    expect(note).toMatchObject({ ok: true });
    if (!note.ok) return;
    expect(await resolveAnnotation(db, writing, producer.userId, note.value.id)).toEqual({
      ok: false,
      reason: "no_place",
    });
    // No place at all.
    expect(await recordMessage(db, writing, otherAgencyProducer.userId, "let me in", [])).toEqual({
      ok: false,
      reason: "no_place",
    });
    // A place in the room but removed from the organization.
    const departed = createId("usr");
    await db.insert(dealRoomParticipants).values({
      id: createId("drp"),
      orgId: org,
      dealRoomId,
      userId: departed,
      role: "broker",
      canChat: true,
      canAnnotate: true,
      canEdit: true,
      addedByUserId: underwriter.userId,
    });
    expect(await recordMessage(db, writing, departed, "I left last week", [])).toEqual({
      ok: false,
      reason: "no_place",
    });
    const bodies = (await recentMessages(db, org, dealRoomId, 10)).map((m) => m.body);
    expect(bodies).toEqual(["still here"]);
  });
});
