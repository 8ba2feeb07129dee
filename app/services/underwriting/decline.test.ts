import { describe, expect, test } from "vitest";
import { tenantOf } from "../../../db/test/tenants.ts";
import { getSubmission } from "../../models/submissions.server.ts";
import { quoteSubmission } from "./quoting.server.ts";
import { listReferralsForSubmission } from "./referrals.server.ts";
import { declineSubmission } from "./decline.server.ts";
import {
  db,
  fileTestSubmission,
  producer,
  submissionRow,
  TODAY,
  underwriter,
} from "../../../tests/support/test-submission.ts";
import { toCents } from "../../utils/money.ts";

describe("declining a submission", () => {
  test("the producer sees the reason code and rationale", async () => {
    const id = await fileTestSubmission();
    expect(
      await declineSubmission(db, underwriter, id, {
        code: "prior_losses",
        rationale: "Three liability claims in two years.",
      }),
    ).toEqual({ ok: true });
    expect(await getSubmission(db, producer, id)).toMatchObject({
      status: "declined",
      declineCode: "prior_losses",
      declineRationale: "Three liability claims in two years.",
    });
    expect(
      await declineSubmission(db, underwriter, id, { code: "other", rationale: "Declining twice is refused." }),
    ).toEqual({ ok: false, reason: "wrong_status", status: "declined" });
  });

  test("a pending referral is withdrawn with the decline", async () => {
    const id = await fileTestSubmission({ knockouts: { GL_PRIOR_CANCELLATION: true }, exposure: toCents(180_000_000) });
    const quoted = await quoteSubmission(db, producer, id, TODAY);
    expect(quoted.ok).toBe(true);
    expect((await submissionRow(id)).status).toBe("referred");
    await declineSubmission(db, underwriter, id, {
      code: "risk_quality",
      rationale: "Prior carrier cancelled for non-compliance.",
    });
    const [referral] = await listReferralsForSubmission(db, underwriter, id);
    expect(referral).toMatchObject({ status: "withdrawn" });
    expect(referral!.activity.at(-1)).toMatchObject({ action: "withdrawn", note: "The submission was declined" });
  });

  test("producers and other organizations cannot decline", async () => {
    const id = await fileTestSubmission();
    expect(await declineSubmission(db, producer, id, { code: "other", rationale: "Not allowed here" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(
      await declineSubmission(db, tenantOf("underwriter@lakeshore.demo"), id, {
        code: "other",
        rationale: "Not my organization",
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect((await submissionRow(id)).status).toBe("submitted");
  });
});
