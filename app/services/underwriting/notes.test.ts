import { describe, expect, test } from "vitest";
import { tenantOf } from "../../../db/test/tenants.ts";
import { addNote, listNotes } from "./notes.server.ts";
import { db, fileTestSubmission, producer, underwriter } from "../../../tests/support/test-submission.ts";
import { listSubmissionEvents } from "../../models/submissions.server.ts";

describe("submission notes", () => {
  test("the producer reads external notes only; underwriters read both", async () => {
    const id = await fileTestSubmission();
    expect(
      await addNote(db, underwriter, id, {
        visibility: "internal",
        body: "Loss runs look thin; ask for the 2023 claim detail.",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await addNote(db, underwriter, id, { visibility: "external", body: "Thanks, we are reviewing the submission." }),
    ).toMatchObject({ ok: true });

    expect((await listNotes(db, underwriter, id)).map((n) => [n.visibility, n.body])).toEqual([
      ["internal", "Loss runs look thin; ask for the 2023 claim detail."],
      ["external", "Thanks, we are reviewing the submission."],
    ]);
    const producerView = await listNotes(db, producer, id);
    expect(producerView.map((n) => n.body)).toEqual(["Thanks, we are reviewing the submission."]);
    expect(producerView[0]!.authorName).toBe("Uma Underwood");
  });

  test("the timeline records a note by visibility, never its text", async () => {
    const id = await fileTestSubmission();
    await addNote(db, underwriter, id, { visibility: "internal", body: "Confidential pricing view" });
    const [event] = await listSubmissionEvents(db, underwriter, id);
    expect(event).toMatchObject({ type: "note_added", actorName: "Uma Underwood", detail: { visibility: "internal" } });
    expect(JSON.stringify(event!.detail)).not.toContain("Confidential");
  });

  test("a producer cannot write notes, and another organization cannot reach the submission", async () => {
    const id = await fileTestSubmission();
    expect(await addNote(db, producer, id, { visibility: "external", body: "hello" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const other = tenantOf("underwriter@lakeshore.demo");
    expect(await addNote(db, other, id, { visibility: "internal", body: "hello" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await listNotes(db, other, id)).toEqual([]);
  });
});
