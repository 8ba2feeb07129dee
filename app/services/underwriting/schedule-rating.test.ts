import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { submissionEvents } from "../../../db/schema/index.ts";
import { listQuotesForSubmission } from "./quotes.server.ts";
import { quoteSubmission } from "./quoting.server.ts";
import { factorToPercent, percentToFactor, ScheduleForm } from "./workbench-forms.ts";
import { db, fileTestSubmission, producer, seniorUnderwriter, TODAY } from "../../../tests/support/test-submission.ts";

const scheduleStep = (quote: {
  options: {
    rating: { steps: readonly { key: string; factor: string | null; input: string; premiumAfter: number }[] };
  }[];
}) => {
  const steps = quote.options[0]!.rating.steps;
  const index = steps.findIndex((s) => s.key === "schedule");
  return { step: steps[index]!, before: steps[index - 1]!.premiumAfter };
};

describe("schedule rating", () => {
  test("the workbench form turns percentages into exact factors and insists on a reason", () => {
    expect(percentToFactor("-10")).toBe("-0.10");
    expect(percentToFactor("7.5")).toBe("0.075");
    expect(percentToFactor("+2")).toBe("0.02");
    expect(["-0.10", "0.075", "0.25"].map(factorToPercent)).toEqual(["-10", "7.5", "25"]);
    const parsed = ScheduleForm.safeParse({
      intent: "schedule",
      percent: ["-10", "", "5"],
      reason: ["Loss control visit", "", "Prior coverage gap"],
    });
    expect(parsed.data).toEqual([
      { factor: "-0.10", reason: "Loss control visit" },
      { factor: "0.05", reason: "Prior coverage gap" },
    ]);
    const noReason = ScheduleForm.safeParse({ intent: "schedule", percent: ["-10", "", ""], reason: ["", "", ""] });
    expect(noReason.error?.issues[0]?.message).toBe("Row 1: every credit or debit needs a reason");
    expect(
      ScheduleForm.safeParse({ intent: "schedule", percent: ["ten", "", ""], reason: ["x", "", ""] }).error?.issues[0]
        ?.message,
    ).toContain("as a percentage");
  });

  test("a credit re-rates into a new quote version whose schedule step records the factor and reasons", async () => {
    const id = await fileTestSubmission();
    const first = await quoteSubmission(db, producer, id, TODAY);
    if (!first.ok) throw new Error(first.error.message);
    const credited = await quoteSubmission(db, seniorUnderwriter, id, TODAY, {
      schedule: [{ factor: "-0.10", reason: "Loss control visit: good housekeeping" }],
    });
    if (!credited.ok) throw new Error(credited.error.message);

    const [current, previous] = await listQuotesForSubmission(db, seniorUnderwriter, id);
    expect(current!.id).toBe(credited.quoteId);
    expect(previous).toMatchObject({ id: first.quoteId, status: "superseded" });
    expect(current!.schedule).toEqual([{ factor: "-0.10", reason: "Loss control visit: good housekeeping" }]);
    const { step, before } = scheduleStep(current!);
    expect(step.factor).toBe("0.90");
    expect(step.input).toContain("Loss control visit: good housekeeping");
    expect(step.premiumAfter).toBe(Math.round(before * 0.9));
    expect(scheduleStep(previous!).step.factor).toBe("1");
    expect(current!.options[0]!.grossPremiumCents).toBeLessThan(previous!.options[0]!.grossPremiumCents);

    // The credit stays with the submission when the producer re-quotes.
    const requoted = await quoteSubmission(db, producer, id, TODAY);
    const [latest] = await listQuotesForSubmission(db, producer, id);
    expect(requoted.ok && latest!.id === requoted.quoteId && scheduleStep(latest!).step.factor).toBe("0.90");
  });

  test("a total outside the rate table's bounds is refused with a clear error and changes nothing", async () => {
    const id = await fileTestSubmission();
    await quoteSubmission(db, producer, id, TODAY);
    const outcome = await quoteSubmission(db, seniorUnderwriter, id, TODAY, {
      schedule: [
        { factor: "-0.20", reason: "Experienced management" },
        { factor: "-0.10", reason: "Safety program" },
      ],
    });
    expect(outcome).toEqual({
      ok: false,
      error: { code: "SCHEDULE_INVALID", message: "Schedule rating total -0.30 is outside -0.25..0.25" },
    });
    expect(await listQuotesForSubmission(db, producer, id)).toHaveLength(1);
    const failures = await db
      .select()
      .from(submissionEvents)
      .where(
        and(
          eq(submissionEvents.orgId, producer.orgId),
          eq(submissionEvents.submissionId, id),
          eq(submissionEvents.type, "quote_failed"),
        ),
      );
    expect(failures).toEqual([]);
  });

  test("the bound itself is allowed", async () => {
    const id = await fileTestSubmission();
    const outcome = await quoteSubmission(db, seniorUnderwriter, id, TODAY, {
      schedule: [{ factor: "0.25", reason: "Prior coverage gap and poor housekeeping" }],
    });
    expect(outcome.ok).toBe(true);
  });
});
