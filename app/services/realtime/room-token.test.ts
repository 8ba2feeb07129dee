import { describe, expect, test } from "vitest";
import { issueRoomToken, ROOM_TOKEN_TTL_SECONDS, verifyRoomToken } from "./room-token.server.ts";

const secret = "room-secret";
const now = new Date("2026-11-22T05:00:00.000Z");

describe("room tokens", () => {
  test("a token opens only the room it was issued for, only until it expires, only under the app's secret", async () => {
    const token = await issueRoomToken(secret, "user-notifications", "org_a.usr_a_uw", now);
    expect(await verifyRoomToken(secret, "user-notifications", "org_a.usr_a_uw", token, now)).toBe(true);
    expect(await verifyRoomToken(secret, "user-notifications", "org_a.usr_a_multi", token, now)).toBe(false);
    expect(await verifyRoomToken(secret, "deal-room", "org_a.usr_a_uw", token, now)).toBe(false);
    expect(await verifyRoomToken("another-secret", "user-notifications", "org_a.usr_a_uw", token, now)).toBe(false);
    const later = new Date(now.getTime() + (ROOM_TOKEN_TTL_SECONDS + 1) * 1000);
    expect(await verifyRoomToken(secret, "user-notifications", "org_a.usr_a_uw", token, later)).toBe(false);
    expect(await verifyRoomToken(secret, "user-notifications", "org_a.usr_a_uw", null, now)).toBe(false);
    expect(await verifyRoomToken(secret, "user-notifications", "org_a.usr_a_uw", "9999999999.nothex", now)).toBe(false);
  });
});
