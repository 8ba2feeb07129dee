import { describe, expect, test } from "vitest";
import { bindSubmission } from "../policies/binding.server.ts";
import { quoteSubmission } from "./quoting.server.ts";
import { listQuotesForSubmission } from "./quotes.server.ts";
import { answerInformationRequest, requestInformation } from "./info-requests.server.ts";
import { listNotes } from "./notes.server.ts";
import {
  db,
  fileTestSubmission,
  producer,
  submissionRow,
  TODAY,
  underwriter,
} from "../../../tests/support/test-submission.ts";
import { listSubmissionEvents } from "../../models/submissions.server.ts";

describe("requests for more information", () => {
  test("the producer sees the request, answers it, and the submission returns to where it was in the queue", async () => {
    const id = await fileTestSubmission();
    expect(await requestInformation(db, underwriter, id, "Please send three years of loss runs.")).toEqual({
      ok: true,
    });
    expect((await submissionRow(id)).status).toBe("pending_info");
    expect((await listNotes(db, producer, id)).map((n) => [n.kind, n.visibility, n.body])).toEqual([
      ["info_request", "external", "Please send three years of loss runs."],
    ]);

    expect(await answerInformationRequest(db, producer, id, "Loss runs attached: no claims since 2021.")).toEqual({
      ok: true,
    });
    expect((await submissionRow(id)).status).toBe("submitted");
    expect((await listNotes(db, underwriter, id)).map((n) => n.kind)).toEqual(["info_request", "info_response"]);
    expect((await listSubmissionEvents(db, underwriter, id)).slice(0, 2).map((e) => e.type)).toEqual([
      "info_provided",
      "info_requested",
    ]);
  });

  test("a quoted submission waiting on information cannot be bound or re-quoted, and goes back to quoted when answered", async () => {
    const id = await fileTestSubmission();
    const quoted = await quoteSubmission(db, producer, id, TODAY);
    if (!quoted.ok) throw new Error(quoted.error.message);
    await requestInformation(db, underwriter, id, "Confirm no work above three stories.");
    const [quote] = await listQuotesForSubmission(db, producer, id);
    const refused = await bindSubmission(db, producer, { quoteOptionId: quote!.options[0]!.id, plan: "PIF" }, TODAY);
    expect(refused).toMatchObject({
      ok: false,
      failures: [{ code: "UW_ISSUES_OPEN", detail: "an underwriter's request for more information is unanswered" }],
    });
    expect(await quoteSubmission(db, producer, id, TODAY)).toMatchObject({
      ok: false,
      error: { code: "NOT_QUOTABLE" },
    });

    await answerInformationRequest(db, producer, id, "Confirmed: single-story work only.");
    expect((await submissionRow(id)).status).toBe("quoted");
  });

  test("only an open request can be answered, only a worked submission can be asked, and only by underwriting", async () => {
    const id = await fileTestSubmission();
    expect(await answerInformationRequest(db, producer, id, "Unprompted answer")).toEqual({
      ok: false,
      reason: "wrong_status",
      status: "submitted",
    });
    expect(await requestInformation(db, producer, id, "Producers cannot ask themselves")).toEqual({
      ok: false,
      reason: "forbidden",
    });
    await requestInformation(db, underwriter, id, "First question for the producer");
    expect(await requestInformation(db, underwriter, id, "Second question, asked too soon")).toEqual({
      ok: false,
      reason: "wrong_status",
      status: "pending_info",
    });
  });
});
