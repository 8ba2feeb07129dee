import { describe, expect, test } from "vitest";
import { notificationRoomName } from "../events/live-notifications.ts";
import { dealRoomName, issueRoomPass, ROOM_PASS_TTL_MS, verifyRoomPass } from "./room-pass.ts";

const SECRET = "a-test-secret-of-reasonable-length-000001";
const room = dealRoomName("org_summit", "sub_123");
const grant = { userId: "usr_a_uw", orgId: "org_summit", roomName: room };
const now = 1_800_000_000_000;

describe("room passes", () => {
  test("a fresh pass for the room admits its holder", async () => {
    const token = await issueRoomPass(SECRET, "deal-room", grant, now);
    expect(await verifyRoomPass(SECRET, "deal-room", token, room, now + 1000)).toEqual({
      ok: true,
      grant: { purpose: "deal-room", ...grant, expiresAt: now + ROOM_PASS_TTL_MS },
    });
  });

  test("an expired pass is refused, for every kind of room", async () => {
    const token = await issueRoomPass(SECRET, "deal-room", grant, now);
    expect(await verifyRoomPass(SECRET, "deal-room", token, room, now + ROOM_PASS_TTL_MS)).toEqual({
      ok: false,
      reason: "expired",
    });
    const inbox = notificationRoomName("org_summit", "usr_a_uw");
    const pass = await issueRoomPass(SECRET, "notifications", { ...grant, roomName: inbox }, now);
    expect(await verifyRoomPass(SECRET, "notifications", pass, inbox, now + ROOM_PASS_TTL_MS - 1)).toMatchObject({
      ok: true,
    });
    expect(await verifyRoomPass(SECRET, "notifications", pass, inbox, now + ROOM_PASS_TTL_MS)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  test("a pass for one room does not open another, not even the same submission id in another org", async () => {
    const token = await issueRoomPass(SECRET, "deal-room", grant, now);
    const otherSubmission = dealRoomName("org_summit", "sub_456");
    expect(await verifyRoomPass(SECRET, "deal-room", token, otherSubmission, now)).toEqual({
      ok: false,
      reason: "wrong_room",
    });
    const otherOrg = dealRoomName("org_lakeshore", "sub_123");
    expect(await verifyRoomPass(SECRET, "deal-room", token, otherOrg, now)).toEqual({
      ok: false,
      reason: "wrong_room",
    });
  });

  test("a pass to one user's notification room does not open another user's", async () => {
    const mine = notificationRoomName("org_summit", "usr_a_uw");
    const theirs = notificationRoomName("org_summit", "usr_a_producer");
    const token = await issueRoomPass(SECRET, "notifications", { ...grant, roomName: mine }, now);
    expect(await verifyRoomPass(SECRET, "notifications", token, mine, now)).toMatchObject({ ok: true });
    expect(await verifyRoomPass(SECRET, "notifications", token, theirs, now)).toEqual({
      ok: false,
      reason: "wrong_room",
    });
  });

  test("a pass issued for one purpose fails the other's key, even for a room of the same name", async () => {
    const token = await issueRoomPass(SECRET, "notifications", grant, now);
    expect(await verifyRoomPass(SECRET, "deal-room", token, room, now)).toEqual({ ok: false, reason: "bad_signature" });
  });

  test("a grant naming another org's room is refused even when signed", async () => {
    const token = await issueRoomPass(SECRET, "deal-room", { ...grant, orgId: "org_lakeshore" }, now);
    expect(await verifyRoomPass(SECRET, "deal-room", token, room, now)).toEqual({ ok: false, reason: "wrong_room" });
  });

  test("a tampered payload or a pass signed with another secret fails the signature", async () => {
    const token = await issueRoomPass(SECRET, "deal-room", grant, now);
    const [, signature] = token.split(".");
    const forged = { purpose: "deal-room", ...grant, userId: "usr_a_producer", expiresAt: now + 60_000 };
    const forgedBody = Buffer.from(JSON.stringify(forged)).toString("base64url");
    expect(await verifyRoomPass(SECRET, "deal-room", `${forgedBody}.${signature}`, room, now)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    const otherKey = await issueRoomPass("another-secret-entirely-000000000000002", "deal-room", grant, now);
    expect(await verifyRoomPass(SECRET, "deal-room", otherKey, room, now)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  test("garbage or no pass is malformed, not a crash", async () => {
    for (const token of ["", "abc", "a.b.c", "a.!!!", "9999999999.nothex", null]) {
      expect(await verifyRoomPass(SECRET, "deal-room", token, room, now)).toMatchObject({ ok: false });
    }
    expect(await verifyRoomPass(SECRET, "deal-room", "abc", room, now)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifyRoomPass(SECRET, "deal-room", null, room, now)).toEqual({ ok: false, reason: "malformed" });
  });
});
