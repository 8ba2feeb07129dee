import { describe, expect, test } from "vitest";
import { DEAL_ROOM_TOKEN_TTL_MS, dealRoomName, signDealRoomToken, verifyDealRoomToken } from "./deal-room-token.ts";

const SECRET = "a-test-secret-of-reasonable-length-000001";
const room = dealRoomName("org_summit", "sub_123");
const grant = { userId: "usr_a_uw", orgId: "org_summit", roomName: room };
const now = 1_800_000_000_000;

describe("deal room tokens", () => {
  test("a fresh token for the room admits its holder", async () => {
    const token = await signDealRoomToken(SECRET, grant, now);
    expect(await verifyDealRoomToken(SECRET, token, room, now + 1000)).toEqual({ ok: true, grant: { ...grant, expiresAt: now + DEAL_ROOM_TOKEN_TTL_MS } });
  });

  test("an expired token is refused", async () => {
    const token = await signDealRoomToken(SECRET, grant, now);
    expect(await verifyDealRoomToken(SECRET, token, room, now + DEAL_ROOM_TOKEN_TTL_MS)).toEqual({ ok: false, reason: "expired" });
  });

  test("a token for one room does not open another, not even the same submission id in another org", async () => {
    const token = await signDealRoomToken(SECRET, grant, now);
    expect(await verifyDealRoomToken(SECRET, token, dealRoomName("org_summit", "sub_456"), now)).toEqual({ ok: false, reason: "wrong_room" });
    expect(await verifyDealRoomToken(SECRET, token, dealRoomName("org_lakeshore", "sub_123"), now)).toEqual({ ok: false, reason: "wrong_room" });
  });

  test("a grant naming another org's room is refused even when signed", async () => {
    const token = await signDealRoomToken(SECRET, { ...grant, orgId: "org_lakeshore" }, now);
    expect(await verifyDealRoomToken(SECRET, token, room, now)).toEqual({ ok: false, reason: "wrong_room" });
  });

  test("a tampered payload or a token signed with another secret fails the signature", async () => {
    const token = await signDealRoomToken(SECRET, grant, now);
    const [, signature] = token.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ ...grant, userId: "usr_a_producer", expiresAt: now + 60_000 })).toString("base64url");
    expect(await verifyDealRoomToken(SECRET, `${forgedBody}.${signature}`, room, now)).toEqual({ ok: false, reason: "bad_signature" });
    const otherKey = await signDealRoomToken("another-secret-entirely-000000000000002", grant, now);
    expect(await verifyDealRoomToken(SECRET, otherKey, room, now)).toEqual({ ok: false, reason: "bad_signature" });
  });

  test("garbage is malformed, not a crash", async () => {
    for (const token of ["", "abc", "a.b.c", "a.!!!"]) {
      expect(await verifyDealRoomToken(SECRET, token, room, now)).toMatchObject({ ok: false });
    }
    expect(await verifyDealRoomToken(SECRET, "abc", room, now)).toEqual({ ok: false, reason: "malformed" });
  });
});
