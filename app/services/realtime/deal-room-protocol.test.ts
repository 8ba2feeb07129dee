import { describe, expect, test } from "vitest";
import { MAX_MESSAGE_LENGTH, parseClientMessage } from "./deal-room-protocol.ts";

const frame = (value: unknown) => JSON.stringify(value);

describe("deal room message validation", () => {
  test("well-formed chat, annotation and resolve messages parse", () => {
    expect(parseClientMessage(frame({ type: "chat", body: "  Loss runs attached  " }))).toEqual({
      ok: true,
      message: { type: "chat", body: "Loss runs attached" },
    });
    expect(
      parseClientMessage(
        frame({ type: "annotate", target: { kind: "field", name: "annualRevenue" }, text: "Revenue looks low" }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      parseClientMessage(
        frame({ type: "annotate", target: { kind: "document", id: "acord-125" }, text: "Page 2 unsigned" }),
      ),
    ).toMatchObject({ ok: true });
    expect(parseClientMessage(frame({ type: "resolve_annotation", annotationId: "dra_1" }))).toMatchObject({
      ok: true,
    });
  });

  test.each([
    ["binary frame", new Uint8Array([1, 2, 3])],
    ["not JSON", "{type: chat"],
    ["unknown type", frame({ type: "delete_room" })],
    ["empty chat", frame({ type: "chat", body: "   " })],
    ["overlong chat", frame({ type: "chat", body: "x".repeat(MAX_MESSAGE_LENGTH + 1) })],
    ["extra keys (no smuggled author)", frame({ type: "chat", body: "hi", authorUserId: "usr_a_uw" })],
    [
      "field that is not a submission field",
      frame({ type: "annotate", target: { kind: "field", name: "password" }, text: "x" }),
    ],
    [
      "document id with a path in it",
      frame({ type: "annotate", target: { kind: "document", id: "../etc/passwd" }, text: "x" }),
    ],
    ["annotation without text", frame({ type: "annotate", target: { kind: "field", name: "state" } })],
    ["array", frame([{ type: "chat", body: "hi" }])],
  ])("%s is refused with an error", (_label, raw) => {
    const result = parseClientMessage(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
  });
});
