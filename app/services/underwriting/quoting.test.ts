import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { submissionEvents, submissions } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { listQuotesForSubmission } from "./quotes.server.ts";
import { listReferralsForSubmission } from "./referrals.server.ts";
import { quoteSubmission } from "./quoting.server.ts";

const db = guardedTestDatabase();
const producer = tenantOf("agency.admin@summit.demo");

async function newSubmission(overrides: Partial<typeof submissions.$inferInsert> = {}) {
  const id = `sub_test_${crypto.randomUUID().slice(0, 8)}`;
  await db.insert(submissions).values({
    id,
    orgId: producer.orgId,
    reference: id.slice(-12).toUpperCase(),
    agencyId: "agy_bluemesa",
    producerUserId: producer.userId,
    insuredId: "ins_highdesert",
    programId: "prg_summit_gl",
    lineOfBusiness: "GL",
    state: "NM",
    naicsCode: "312120",
    annualRevenueCents: 365_000_000,
    payrollCents: null,
    requestedLimitCents: 100_000_000,
    deductibleCents: 250_000,
    effectiveDate: "2026-12-20",
    termMonths: 12,
    status: "submitted",
    ...overrides,
  });
  return id;
}

describe("quoting a submission", () => {
  test("prices every aggregate tier of the requested limit, records the trail, and pins the rate table version", async () => {
    const id = await newSubmission();
    const outcome = await quoteSubmission(db, producer, id, "2026-11-22");
    expect(outcome.ok).toBe(true);
    const [quote] = await listQuotesForSubmission(db, producer, id);
    expect(quote).toMatchObject({ status: "active", rateTableVersion: "2026.1", expiresOn: "2026-12-22", daFlags: [] });
    expect(quote!.options.map((o) => [o.occurrenceLimitCents, o.aggregateLimitCents])).toEqual([
      [100_000_000, 100_000_000],
      [100_000_000, 200_000_000],
      [100_000_000, 300_000_000],
    ]);
    for (const option of quote!.options) {
      expect(option.rating.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(option.totalDueCents).toBe(option.grossPremiumCents + option.feesCents + option.taxesCents);
      expect(option.rating.taxes.map((t) => t.code)).toContain("surplus_lines_tax");
    }
    const premiums = quote!.options.map((o) => o.grossPremiumCents);
    expect([...premiums].sort((a, b) => a - b)).toEqual(premiums);

    const [row] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.orgId, producer.orgId), eq(submissions.id, id)));
    expect(row).toMatchObject({ status: "quoted", indicatedPremiumCents: quote!.options[0]!.grossPremiumCents });
    const events = await db
      .select()
      .from(submissionEvents)
      .where(and(eq(submissionEvents.orgId, producer.orgId), eq(submissionEvents.submissionId, id)));
    expect(events.map((e) => e.type)).toEqual(["quoted"]);
  });

  test("re-quoting supersedes the earlier quote and keeps it as history; same input gives the same price", async () => {
    const id = await newSubmission();
    await quoteSubmission(db, producer, id, "2026-11-22");
    await quoteSubmission(db, producer, id, "2026-11-23");
    const [latest, earlier] = await listQuotesForSubmission(db, producer, id);
    expect([latest!.status, earlier!.status]).toEqual(["active", "superseded"]);
    expect(latest!.options.map((o) => o.totalDueCents)).toEqual(earlier!.options.map((o) => o.totalDueCents));
  });

  test("a risk outside the delegated authority is still priced, with the failed checks as flags", async () => {
    const id = await newSubmission({ annualRevenueCents: 6_000_000_000, state: "CO" });
    expect((await quoteSubmission(db, producer, id, "2026-11-22")).ok).toBe(true);
    const [quote] = await listQuotesForSubmission(db, producer, id);
    expect(quote!.daFlags.map((f) => f.code)).toContain("DA_LIMIT_EXCEEDED");
    expect(quote!.options.every((o) => !o.withinAuthority && o.grossPremiumCents > 0)).toBe(true);
  });

  test("a limit the program does not offer, and a submission already bound, are refused with a reason", async () => {
    const odd = await newSubmission({ requestedLimitCents: 123_400_000 });
    expect(await quoteSubmission(db, producer, odd, "2026-11-22")).toEqual({
      ok: false,
      error: { code: "RATING_FAILED", message: "The program does not offer the requested limit." },
    });
    expect(await quoteSubmission(db, producer, "sub_a_4", "2026-11-22")).toEqual({
      ok: false,
      error: { code: "NOT_QUOTABLE", message: "A bound submission cannot be quoted." },
    });
    const events = await db
      .select()
      .from(submissionEvents)
      .where(and(eq(submissionEvents.orgId, producer.orgId), eq(submissionEvents.submissionId, odd)));
    expect(events).toMatchObject([
      { type: "quote_failed", detail: { message: "The program does not offer the requested limit." } },
    ]);
  });

  test("a producer's quote above the program's auto-bind threshold is referred, naming the threshold", async () => {
    // $20M revenue: under the DA's revenue trigger ($25M), over the $25,000 auto-bind premium.
    const id = await newSubmission({ annualRevenueCents: 2_000_000_000 });
    expect((await quoteSubmission(db, producer, id, "2026-11-22")).ok).toBe(true);
    const [quote] = await listQuotesForSubmission(db, producer, id);
    expect(quote!.daFlags).toEqual([]);
    expect(quote!.options[0]!.grossPremiumCents).toBeGreaterThan(2_500_000);
    const [referral] = await listReferralsForSubmission(db, producer, id);
    expect(referral).toMatchObject({
      status: "pending",
      quoteId: quote!.id,
      reasons: [{ code: "authority_exceeded" }],
    });
    expect(referral!.reasons[0]!.rationale).toContain("auto-bind authority of $25,000.00");
    const [row] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.orgId, producer.orgId), eq(submissions.id, id)));
    expect(row!.status).toBe("referred");
  });

  test("an insured with a part year in business is rated on its completed years", async () => {
    const id = await newSubmission({ insuredId: "ins_redriver", state: "OK", naicsCode: "561730" });
    expect((await quoteSubmission(db, producer, id, "2026-11-22")).ok).toBe(true);
    const [quote] = await listQuotesForSubmission(db, producer, id);
    expect(quote!.options[0]!.rating.steps.find((s) => s.key === "loss_history")?.input).toContain("4");
  });

  test("another organization's submission is not found", async () => {
    expect(await quoteSubmission(db, tenantOf("producer@lakeshore.demo"), "sub_a_6", "2026-11-22")).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await quoteSubmission(db, tenantOf("producer@summit.demo"), "sub_a_6", "2026-11-22")).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});
