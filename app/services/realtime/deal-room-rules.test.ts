import { describe, expect, test } from "vitest";
import {
  connectionExpired,
  MAX_CONNECTION_AGE_MS,
  MESSAGE_RATE,
  mentionedUserIds,
  mentionHandle,
  refusalFor,
  takeMessageToken,
} from "./deal-room-rules.ts";

const all = { chat: true, annotate: true, edit: true };

describe("the closed-room rule", () => {
  test("a closed or archived room refuses every write, whatever the rights", () => {
    for (const status of ["closed", "archived"] as const) {
      for (const action of ["chat", "annotate", "resolve_annotation"] as const) {
        expect(refusalFor(status, all, action)).toMatchObject({ code: "room_read_only" });
      }
    }
  });

  test("an active room checks the participant's right for the action", () => {
    expect(refusalFor("active", all, "chat")).toBeNull();
    expect(refusalFor("active", { chat: false, annotate: true, edit: false }, "chat")).toMatchObject({
      code: "not_allowed",
    });
    expect(refusalFor("active", { chat: true, annotate: false, edit: true }, "annotate")).toMatchObject({
      code: "not_allowed",
    });
    expect(refusalFor("active", { chat: true, annotate: true, edit: false }, "resolve_annotation")).toMatchObject({
      code: "not_allowed",
    });
    expect(refusalFor("active", { chat: false, annotate: true, edit: false }, "annotate")).toBeNull();
  });
});

describe("mentions", () => {
  const participants = [
    { userId: "u1", handle: mentionHandle("underwriter@summit.demo") },
    { userId: "u2", handle: mentionHandle("Producer@summit.demo") },
    { userId: "u3", handle: mentionHandle("senior.underwriter@summit.demo") },
  ];

  test("@handle names a participant once; the author and strangers are not notified", () => {
    expect(mentionedUserIds("@producer can you send loss runs? @producer thanks", participants, "u1")).toEqual(["u2"]);
    expect(mentionedUserIds("@senior.underwriter, please look. @underwriter", participants, "u1")).toEqual(["u3"]);
    expect(mentionedUserIds("@nobody here", participants, "u1")).toEqual([]);
  });

  test("an email address is not a mention", () => {
    expect(mentionedUserIds("write to producer@summit.demo", participants, "u1")).toEqual([]);
  });
});

test("issue 10 item 20: a connection has a message rate (a burst, then a steady refill) and a maximum age", () => {
  let bucket: ReturnType<typeof takeMessageToken>["bucket"] | undefined;
  const allowed: boolean[] = [];
  for (let i = 0; i < MESSAGE_RATE.burst + 2; i++) {
    const taken = takeMessageToken(bucket, 1_000);
    allowed.push(taken.allowed);
    bucket = taken.bucket;
  }
  expect(allowed.filter(Boolean)).toHaveLength(MESSAGE_RATE.burst);
  expect(allowed.slice(-2)).toEqual([false, false]);
  expect(takeMessageToken(bucket, 1_000 + 1000 / MESSAGE_RATE.refillPerSecond).allowed).toBe(true);
  expect(connectionExpired(0, MAX_CONNECTION_AGE_MS - 1)).toBe(false);
  expect(connectionExpired(0, MAX_CONNECTION_AGE_MS)).toBe(true);
});
