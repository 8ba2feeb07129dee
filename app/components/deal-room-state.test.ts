import { describe, expect, test } from "vitest";
import { applyServerMessage, initialRoomView } from "./deal-room-state.ts";

const message = (id: string, body: string) => ({ id, authorUserId: "u1", body, createdAt: "2026-11-22T05:00:00.000Z" });

describe("a browser's view of a room", () => {
  test("live messages append once; a reconnect's snapshot replaces the history", () => {
    let view = applyServerMessage(initialRoomView([]), {
      type: "snapshot",
      status: "active",
      participants: [],
      present: ["u1"],
      messages: [message("m1", "a")],
      annotations: [],
    });
    view = applyServerMessage(view, { type: "message", message: message("m2", "b") });
    view = applyServerMessage(view, { type: "message", message: message("m2", "b") });
    expect(view.messages.map((m) => m.id)).toEqual(["m1", "m2"]);
    view = applyServerMessage(view, {
      type: "snapshot",
      status: "active",
      participants: [],
      present: [],
      messages: [message("m1", "a"), message("m2", "b"), message("m3", "c")],
      annotations: [],
    });
    expect(view.messages.map((m) => m.id)).toEqual(["m1", "m2", "m3"]);
  });

  test("a resolved annotation replaces its earlier version; status and errors are kept", () => {
    const annotation = {
      id: "a1",
      authorUserId: "u1",
      target: { kind: "field" as const, name: "state" as const },
      text: "check",
      resolvedByUserId: null,
      createdAt: "2026-11-22T05:00:00.000Z",
    };
    let view = applyServerMessage(initialRoomView([]), { type: "annotation", annotation });
    view = applyServerMessage(view, { type: "annotation", annotation: { ...annotation, resolvedByUserId: "u2" } });
    expect(view.annotations).toEqual([{ ...annotation, resolvedByUserId: "u2" }]);
    view = applyServerMessage(view, { type: "status", status: "closed" });
    view = applyServerMessage(view, { type: "error", code: "room_read_only", error: "read-only" });
    expect(view).toMatchObject({ status: "closed", lastError: "read-only" });
  });
});
