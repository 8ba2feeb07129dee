import { describe, expect, test } from "vitest";
import { listQuotesForSubmission } from "./quotes.server.ts";
import { quoteSubmission } from "./quoting.server.ts";
import { bindSubmission } from "../policies/binding.server.ts";
import { decideReferral, listReferralsForSubmission } from "./referrals.server.ts";
import {
  db,
  fileTestSubmission,
  producer,
  seniorUnderwriter,
  submissionRow,
  TODAY,
  underwriter,
} from "../../../tests/support/test-submission.ts";
import { toCents } from "../../utils/money.ts";

// Uma (underwriter) may write GL up to $50,000 premium and a $1,000,000 limit; Sam (senior) up
// to $250,000 and $2,000,000.

describe("underwriters' own authority", () => {
  test("an underwriter's quote within their authority is not referred", async () => {
    const id = await fileTestSubmission();
    expect((await quoteSubmission(db, underwriter, id, TODAY)).ok).toBe(true);
    expect(await listReferralsForSubmission(db, underwriter, id)).toEqual([]);
    expect((await submissionRow(id)).status).toBe("quoted");
  });

  test("an underwriter's quote above their limit authority is referred to an underwriter whose authority covers it", async () => {
    const id = await fileTestSubmission({ requestedLimit: toCents(200_000_000) });
    expect((await quoteSubmission(db, underwriter, id, TODAY)).ok).toBe(true);
    const [referral] = await listReferralsForSubmission(db, underwriter, id);
    expect(referral).toMatchObject({
      status: "pending",
      assignedToUserId: seniorUnderwriter.userId,
      reasons: [{ code: "authority_exceeded" }],
    });
    expect(referral!.reasons[0]!.rationale).toContain("above the Underwriter GL limit authority of $1,000,000.00");
    expect(referral!.activity.map((a) => a.action)).toEqual(["raised", "routed"]);
    expect((await submissionRow(id)).status).toBe("referred");
  });

  test("an underwriter's premium debit beyond their premium authority is referred", async () => {
    const id = await fileTestSubmission({ exposure: toCents(2_400_000_000) });
    const outcome = await quoteSubmission(db, underwriter, id, TODAY, {
      schedule: [{ factor: "0.25", reason: "Heavy equipment exposure" }],
    });
    expect(outcome.ok).toBe(true);
    const [quote] = await listQuotesForSubmission(db, underwriter, id);
    const [referral] = await listReferralsForSubmission(db, underwriter, id);
    expect(quote!.options[0]!.grossPremiumCents).toBeGreaterThan(5_000_000);
    expect(referral).toMatchObject({
      assignedToUserId: seniorUnderwriter.userId,
      reasons: [{ code: "authority_exceeded" }],
    });
    expect(referral!.reasons[0]!.rationale).toContain("premium authority of $50,000.00");
  });

  test("a bind above the user's own authority refers the quote; once approved, it binds under the approver's authority", async () => {
    // The producer's quote of a $2,000,000 limit is within the auto tier (premium under the
    // auto-bind threshold), but above what Uma may bind.
    const id = await fileTestSubmission({ requestedLimit: toCents(200_000_000) });
    const quoted = await quoteSubmission(db, producer, id, TODAY);
    if (!quoted.ok) throw new Error(quoted.error.message);
    expect(await listReferralsForSubmission(db, producer, id)).toEqual([]);
    const [quote] = await listQuotesForSubmission(db, underwriter, id);
    const request = { quoteOptionId: quote!.options[0]!.id, plan: "PIF" as const };

    const refused = await bindSubmission(db, underwriter, request, TODAY);
    expect(refused).toMatchObject({
      ok: false,
      reason: "checks_failed",
      failures: [{ check: "user_authority", code: "AUTHORITY_EXCEEDED" }],
    });
    const referralId = !refused.ok && refused.reason === "checks_failed" ? refused.referralId : undefined;
    const [referral] = await listReferralsForSubmission(db, underwriter, id);
    expect(referral).toMatchObject({
      id: referralId,
      status: "pending",
      quoteId: quoted.quoteId,
      assignedToUserId: seniorUnderwriter.userId,
      reasons: [{ code: "authority_exceeded" }],
    });
    expect((await submissionRow(id)).status).toBe("referred");

    // Asking again does not pile up referrals.
    expect(await bindSubmission(db, underwriter, request, TODAY)).toMatchObject({
      ok: false,
      failures: expect.arrayContaining([expect.objectContaining({ code: "UW_ISSUES_OPEN" })]),
    });
    expect(await listReferralsForSubmission(db, underwriter, id)).toHaveLength(1);

    expect(
      (
        await decideReferral(
          db,
          seniorUnderwriter,
          referral!.id,
          { decision: "approved", code: "authority_exceeded", rationale: "Within my authority; good risk" },
          true,
        )
      ).ok,
    ).toBe(true);
    expect((await bindSubmission(db, underwriter, request, TODAY)).ok).toBe(true);
  });
});
