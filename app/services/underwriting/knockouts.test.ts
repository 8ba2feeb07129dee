import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { quoteOptions, submissionKnockoutAnswers } from "../../../db/schema/index.ts";
import { bindSubmission } from "../policies/binding.server.ts";
import { fileSubmission } from "../submissions/intake.server.ts";
import { quoteSubmission } from "./quoting.server.ts";
import { decideReferral, listReferralsForSubmission } from "./referrals.server.ts";
import { evaluateKnockouts, type KnockoutRule } from "./knockouts.ts";
import { listKnockoutAnswers, openKnockoutHits } from "./knockouts.server.ts";
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

const rules: KnockoutRule[] = [
  {
    id: "r1",
    code: "PRIOR_CANCELLATION",
    question: "Cancelled in the past 3 years?",
    adverseAnswer: true,
    action: "refer",
    reasonCode: "risk_quality",
  },
  {
    id: "r2",
    code: "SAFETY_PROGRAM",
    question: "Written safety program?",
    adverseAnswer: false,
    action: "refer",
    reasonCode: "risk_quality",
  },
  {
    id: "r3",
    code: "FIREWORKS",
    question: "Sells fireworks?",
    adverseAnswer: true,
    action: "decline",
    reasonCode: "appetite_check",
  },
];

describe("knockout evaluation", () => {
  test("an answer hits when it is the rule's adverse answer, whichever way round that is", () => {
    const result = evaluateKnockouts(
      rules,
      { PRIOR_CANCELLATION: true, SAFETY_PROGRAM: false, FIREWORKS: false },
      { requireAll: true },
    );
    expect(result.ok && result.answers.map((a) => [a.code, a.hit])).toEqual([
      ["PRIOR_CANCELLATION", true],
      ["SAFETY_PROGRAM", true],
      ["FIREWORKS", false],
    ]);
  });

  test("the form must answer every question; the API may leave some out, but never send an unknown code", () => {
    expect(evaluateKnockouts(rules, { FIREWORKS: false }, { requireAll: true })).toEqual({
      ok: false,
      message: "Answer every underwriting question (2 unanswered)",
    });
    const partial = evaluateKnockouts(rules, { FIREWORKS: false }, { requireAll: false });
    expect(partial.ok && partial.answers).toHaveLength(1);
    expect(evaluateKnockouts(rules, { NOT_A_RULE: true }, { requireAll: false })).toEqual({
      ok: false,
      message: "Unknown knockout question NOT_A_RULE; this program asks: PRIOR_CANCELLATION, SAFETY_PROGRAM, FIREWORKS",
    });
  });
});

describe("knockouts at intake, quote and bind", () => {
  test("answers are stored with the submission; a refused answer set stores nothing", async () => {
    const id = await fileTestSubmission({
      knockouts: { GL_PRIOR_CANCELLATION: false, GL_WRITTEN_SAFETY_PROGRAM: true },
    });
    const answers = await listKnockoutAnswers(db, producer, id);
    expect(answers.map((a) => [a.code, a.answer, a.hit])).toEqual([
      ["GL_PRIOR_CANCELLATION", false, false],
      ["GL_WRITTEN_SAFETY_PROGRAM", true, false],
    ]);
    const refused = await fileSubmission(
      db,
      producer,
      {
        insuredId: "ins_redriver",
        programId: "prg_summit_gl",
        naicsCode: "561730",
        exposure: toCents(180_000_000),
        requestedLimit: toCents(100_000_000),
        deductible: toCents(0),
        effectiveDate: "2026-12-20",
        termMonths: 12,
        priorLossCount: 0,
        priorLossIncurred: toCents(0),
        knockouts: { GL_PRIOR_CANCELLATION: false },
      },
      TODAY,
      undefined,
      { everyKnockoutAsked: true },
    );
    expect(refused).toEqual({
      ok: false,
      field: "knockouts",
      message: "Answer every underwriting question (4 unanswered)",
    });
  });

  test("a hit on a decline rule declines the submission at intake under the rule's reason code, and it cannot be quoted", async () => {
    const id = await fileTestSubmission({ knockouts: { GL_PROHIBITED_PRODUCTS: true } });
    expect(await submissionRow(id)).toMatchObject({ status: "declined", declineCode: "appetite_check" });
    expect((await submissionRow(id)).declineRationale).toContain("GL_PROHIBITED_PRODUCTS");
    expect(await quoteSubmission(db, producer, id, TODAY)).toMatchObject({
      ok: false,
      error: { code: "NOT_QUOTABLE" },
    });
  });

  test("a hit on a refer rule refers the producer's quote by name and blocks bind until an underwriter approves", async () => {
    const id = await fileTestSubmission({
      programId: "prg_summit_wc",
      naicsCode: "561730",
      exposure: toCents(96_000_000),
      knockouts: { WC_OPEN_OSHA_CITATIONS: true, WC_PRIOR_CANCELLATION: false },
    });
    const quoted = await quoteSubmission(db, producer, id, TODAY);
    if (!quoted.ok) throw new Error(quoted.error.message);
    const [referral] = await listReferralsForSubmission(db, producer, id);
    expect(referral!.reasons).toEqual([
      { code: "regulatory", rationale: expect.stringContaining("WC_OPEN_OSHA_CITATIONS") },
    ]);
    expect((await submissionRow(id)).status).toBe("referred");

    const [option] = await db
      .select()
      .from(quoteOptions)
      .where(and(eq(quoteOptions.orgId, producer.orgId), eq(quoteOptions.quoteId, quoted.quoteId)))
      .limit(1);
    const blocked = await bindSubmission(db, producer, { quoteOptionId: option!.id, plan: "PIF" }, TODAY);
    expect(blocked.ok).toBe(false);
    expect(
      !blocked.ok &&
        blocked.reason === "checks_failed" &&
        blocked.failures.find((f) => f.check === "no_open_uw_issues")?.detail,
    ).toContain("knockout question WC_OPEN_OSHA_CITATIONS");

    const assignee = referral!.assignedToUserId === underwriter.userId ? underwriter : seniorUnderwriter;
    expect(
      (
        await decideReferral(
          db,
          assignee,
          referral!.id,
          { decision: "approved", code: "regulatory", rationale: "Citation abated, photos on file" },
          true,
        )
      ).ok,
    ).toBe(true);
    expect(await openKnockoutHits(db, producer, id)).toEqual([]);
    const [cleared] = await db
      .select()
      .from(submissionKnockoutAnswers)
      .where(
        and(
          eq(submissionKnockoutAnswers.orgId, producer.orgId),
          eq(submissionKnockoutAnswers.submissionId, id),
          eq(submissionKnockoutAnswers.hit, true),
        ),
      );
    expect(cleared!.clearedByUserId).toBe(assignee.userId);
    expect((await bindSubmission(db, producer, { quoteOptionId: option!.id, plan: "PIF" }, TODAY)).ok).toBe(true);
  });

  test("an underwriter who prices a risk with a knockout hit accepts it: no referral, and the hit no longer blocks", async () => {
    const id = await fileTestSubmission({ knockouts: { GL_HAZARDOUS_OPERATIONS: true } });
    expect(await openKnockoutHits(db, producer, id)).toHaveLength(1);
    expect((await quoteSubmission(db, seniorUnderwriter, id, TODAY)).ok).toBe(true);
    expect(await listReferralsForSubmission(db, producer, id)).toEqual([]);
    expect(await openKnockoutHits(db, producer, id)).toEqual([]);
  });
});
