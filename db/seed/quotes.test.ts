import { expect, test } from "vitest";
import { submissions } from "./demo-data.ts";
import { seededQuotes, seededSubmittedQuotes } from "./quotes.ts";

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
