import { describe, expect, test } from "vitest";
import { mentionedUserIds, mentionHandle, refusalFor } from "./deal-room-rules.ts";

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
    expect(refusalFor("active", { chat: false, annotate: true, edit: false }, "chat")).toMatchObject({ code: "not_allowed" });
    expect(refusalFor("active", { chat: true, annotate: false, edit: true }, "annotate")).toMatchObject({ code: "not_allowed" });
    expect(refusalFor("active", { chat: true, annotate: true, edit: false }, "resolve_annotation")).toMatchObject({ code: "not_allowed" });
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
