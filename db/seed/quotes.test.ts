import { describe, expect, test } from "vitest";
import { buildInstallments } from "../../app/services/billing/billing-schedule.ts";
import { toCents } from "../../app/utils/money.ts";
import { installments, invoices, policies, programs, submissions, world } from "./demo-data.ts";
import { seededSubmissionRow } from "./index.ts";
import { seededBoundQuotes, seededQuotes, seededReferralReasons, seededSubmittedQuotes } from "./quotes.ts";

// A real book: a submission the queue shows as submitted, quoted or referred has a quote, with
// options that carry their rating trail, so no such page says "No quote yet".
const { quotes, options } = [seededQuotes(), seededSubmittedQuotes()].reduce(
  (all, part) => ({ quotes: [...all.quotes, ...part.quotes], options: [...all.options, ...part.options] }),
  {
    quotes: [] as ReturnType<typeof seededQuotes>["quotes"],
    options: [] as ReturnType<typeof seededQuotes>["options"],
  },
);

test.each(submissions.filter((s) => s.status === "submitted" || s.status === "quoted" || s.status === "referred"))(
  "seeded $reference ($status, $orgId) has a current or past quote with a rating trail",
  (submission) => {
    const quote = quotes.filter((q) => q.submissionId === submission.id);
    expect(quote).toHaveLength(1);
    const quoteOptions = options.filter((o) => o.quoteId === quote[0]!.id);
    expect(quoteOptions.length).toBeGreaterThan(0);
    for (const option of quoteOptions) {
      expect(option.grossPremiumCents).toBeGreaterThan(0);
      expect((option.rating as { steps?: unknown[] }).steps?.length).toBeGreaterThan(0);
    }
    // The queue's indicated premium is the quote's first option, as the app records it.
    expect(submission.indicatedPremiumCents).toBe(quoteOptions[0]!.grossPremiumCents);
  },
);

test("a submitted submission's quote is current and made after it was filed", () => {
  for (const quote of seededSubmittedQuotes().quotes) {
    expect(quote.status).toBe("active");
    expect(quote.expiresOn > quote.createdAt!.toISOString().slice(0, 10)).toBe(true);
  }
});

// ADR 028: a bound submission shows the quote it was bound from, and its policy, new-business
// transaction, billing schedule and invoices carry that quote's figures, so no page contradicts
// another and the ledger (which allocates the paid invoices from the policy's figures) agrees.
describe.each(submissions.filter((s) => s.status === "bound"))("seeded bound $reference ($orgId)", (submission) => {
  const bound = seededBoundQuotes();
  const quote = bound.quotes.filter((q) => q.submissionId === submission.id);
  const policy = policies.find((p) => p.submissionId === submission.id)!;
  const option = bound.options.find((o) => o.id === policy.quoteOptionId);

  test("has one bound quote with a rating trail, and its policy is the option it was bound from", () => {
    expect(quote).toHaveLength(1);
    expect(quote[0]!.status).toBe("bound");
    expect(option?.quoteId).toBe(quote[0]!.id);
    expect((option!.rating as { steps?: unknown[] }).steps?.length).toBeGreaterThan(0);
    expect(policy).toMatchObject({
      grossPremiumCents: option!.grossPremiumCents,
      feesCents: option!.feesCents,
      taxesCents: option!.taxesCents,
      occurrenceLimitCents: option!.occurrenceLimitCents,
      aggregateLimitCents: option!.aggregateLimitCents,
      deductibleCents: option!.deductibleCents,
    });
    const firstOption = bound.options.find((o) => o.quoteId === quote[0]!.id && o.position === 0)!;
    expect(submission.indicatedPremiumCents).toBe(firstOption.grossPremiumCents);
  });

  test("was quoted after it was submitted and bound on its effective date while the quote was current", () => {
    const row = seededSubmissionRow(submission);
    expect(row.submittedAt!.getTime()).toBeLessThan(quote[0]!.createdAt!.getTime());
    const newBusiness = world.policyTransactions.find((t) => t.policyId === policy.id)!;
    expect(newBusiness.bookedOn).toBe(policy.effectiveDate);
    expect(quote[0]!.createdAt!.toISOString().slice(0, 10) < newBusiness.bookedOn).toBe(true);
    expect(quote[0]!.expiresOn >= newBusiness.bookedOn).toBe(true);
    expect(newBusiness).toMatchObject({
      premiumCents: option!.grossPremiumCents,
      feesCents: option!.feesCents,
      taxesCents: option!.taxesCents,
    });
  });

  test("bills its plan: the installments and invoices are the plan's schedule of the quote's total", () => {
    const program = programs.find((p) => p.id === policy.programId)!;
    expect(program.installmentPlans).toContain(policy.installmentPlan);
    const schedule = buildInstallments(policy.installmentPlan!, {
      totalCents: toCents(option!.totalDueCents),
      effectiveDate: policy.effectiveDate,
    });
    const billed = installments.filter((i) => i.policyId === policy.id);
    expect(billed.map((i) => [i.number, i.dueDate, i.shareCents, i.feeCents, i.amountCents])).toEqual(
      schedule.map((i) => [i.number, i.dueDate, i.shareCents, i.feeCents, i.amountCents]),
    );
    const policyInvoices = invoices.filter((i) => i.policyId === policy.id);
    expect(policyInvoices.map((i) => [i.id, i.dueDate, i.amountCents, i.status])).toEqual(
      billed.map((i) => [i.invoiceId, i.dueDate, i.amountCents, i.status]),
    );
  });

  test("a referral its quote raised was approved before the bind", () => {
    const referral = bound.referrals.find((r) => r.submissionId === submission.id);
    expect(Boolean(referral)).toBe(seededReferralReasons(submission).length > 0);
    if (!referral) return;
    expect(referral).toMatchObject({ status: "approved", quoteId: quote[0]!.id, decidedByUserId: "usr_a_uw" });
    expect(referral.decidedAt!.toISOString().slice(0, 10) <= policy.effectiveDate).toBe(true);
    expect(bound.activity.filter((a) => a.referralId === referral.id).map((a) => a.action)).toEqual([
      "raised",
      "routed",
      "approved",
    ]);
  });
});

// The worked example (ADR 028), by hand from the seeded rate tables: Lone Star Roofing, TX GL,
// revenue $4,800,000, $1M/$2M, $2,500 deductible: 4,800 × $4.45 = $21,360.00; × ILF 1.00; × 0.95
// deductible credit = $20,292.00; × 1.05 TX = $21,306.60; × 1.15 class = $24,502.59; × 1.05
// revenue band = $25,727.72; × 0.90 loss history = $23,154.95 (23,154.948). Policy fee $150.00; SL
// tax on $23,304.95: 4.85% = $1,130.29 and stamping 0.04% = $9.32, $1,139.61; total $24,444.56.
// Quarterly: $24,444.56 / 4 = $6,111.14 exactly, plus the $5.00 installment fee: 4 × $6,116.14.
test("the Lone Star policy is the worked example's figures", () => {
  const policy = policies.find((p) => p.id === "pol_a_1")!;
  expect([policy.grossPremiumCents, policy.feesCents, policy.taxesCents]).toEqual([2_315_495, 15_000, 113_961]);
  expect(invoices.filter((i) => i.policyId === "pol_a_1").map((i) => i.amountCents)).toEqual([
    611_614, 611_614, 611_614, 611_614,
  ]);
});
