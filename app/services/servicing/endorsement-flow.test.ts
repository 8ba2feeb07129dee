import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import {
  invoices,
  outboxEvents,
  policies,
  policyNotices,
  policyTransactions,
  referrals,
} from "../../../db/schema/index.ts";
import { tenantOf } from "../../../db/test/tenants.ts";
import * as bindFixtures from "../../../tests/support/bind-fixtures.ts";
import { toCents } from "../../utils/money.ts";
import { bindSubmission } from "../policies/binding.server.ts";
import { endorsementPremium } from "../policies/earned-premium.ts";
import { endorsePolicy, quoteEndorsement } from "./endorsement.server.ts";
import { applyRequest } from "./requests.server.ts";

const { db, producer, org, isolatedProgram, newInsured, quotedSubmission } = bindFixtures;
const underwriter = tenantOf("senior.underwriter@summit.demo");

async function activePolicy() {
  const { programId } = await isolatedProgram();
  const { option } = await quotedSubmission(programId, { insuredId: await newInsured() });
  const bound = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25");
  if (!bound.ok) throw new Error("bind failed");
  // Issued and in force (the lifecycle job's work, tested on its own).
  await db
    .update(policies)
    .set({ status: "active" })
    .where(and(eq(policies.orgId, org), eq(policies.id, bound.policyId)));
  return { policyId: bound.policyId, option };
}

const term = { effectiveDate: "2026-12-20", expirationDate: "2027-12-20" };

describe("endorsements", () => {
  test("a change beyond the applier's authority is referred, not applied; an underwriter whose authority covers it applies it", async () => {
    const { policyId } = await activePolicy();
    const juniorUnderwriter = tenantOf("underwriter@summit.demo");
    const request = {
      effectiveDate: "2027-06-20",
      changes: { occurrenceLimitCents: 200_000_000, aggregateLimitCents: 400_000_000 },
    };
    // The underwriter's grant stops at a $1,000,000 occurrence limit.
    const referred = await endorsePolicy(db, null, juniorUnderwriter, policyId, request, "2027-06-01");
    expect(referred).toMatchObject({ ok: true, status: "referred" });
    if (!referred.ok || referred.status !== "referred") return;
    const [policy] = await db
      .select({ occurrenceLimitCents: policies.occurrenceLimitCents, submissionId: policies.submissionId })
      .from(policies)
      .where(and(eq(policies.orgId, org), eq(policies.id, policyId)));
    expect(policy!.occurrenceLimitCents).not.toBe(200_000_000);
    const raised = await db
      .select({ reasons: referrals.reasons, status: referrals.status })
      .from(referrals)
      .where(and(eq(referrals.orgId, org), eq(referrals.submissionId, policy!.submissionId!)));
    expect(raised).toEqual([{ status: "pending", reasons: [expect.objectContaining({ code: "authority_exceeded" })] }]);
    expect(raised[0]!.reasons[0]!.rationale).toContain(
      "occurrence limit 200000000 cents exceeds the authority of 100000000",
    );

    const applied = await applyRequest(db, null, underwriter, policyId, referred.requestId, "2027-06-02");
    expect(applied).toMatchObject({ ok: true, status: "applied" });
    const [after] = await db
      .select({ occurrenceLimitCents: policies.occurrenceLimitCents })
      .from(policies)
      .where(and(eq(policies.orgId, org), eq(policies.id, policyId)));
    expect(after!.occurrenceLimitCents).toBe(200_000_000);
  });

  test("a limit raised mid-term is re-rated on the pinned table, priced pro-rata and invoiced", async () => {
    const { policyId, option } = await activePolicy();
    const request = {
      effectiveDate: "2027-06-20",
      changes: { occurrenceLimitCents: 200_000_000, aggregateLimitCents: 400_000_000 },
    };
    const quote = await quoteEndorsement(db, underwriter, policyId, request, "2027-06-01");
    expect(quote.ok).toBe(true);
    if (!quote.ok) return;
    const after = quote.pricing!.termPremiumAfterCents;
    expect(after).toBeGreaterThan(option.grossPremiumCents);
    const expected = endorsementPremium({
      oldPremiumCents: toCents(option.grossPremiumCents),
      newPremiumCents: toCents(after),
      term,
      endorsementDate: "2027-06-20",
    });
    expect(quote.premiumCents).toBe(expected.premiumChangeCents);
    expect(quote.steps.find((s) => s.key === "increased_limits")?.factor).toBeTruthy();

    const applied = await endorsePolicy(db, null, underwriter, policyId, request, "2027-06-01");
    expect(applied).toMatchObject({ ok: true, status: "applied", premiumCents: expected.premiumChangeCents });
    if (!applied.ok || applied.status !== "applied") return;
    const [invoice] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.orgId, org), eq(invoices.id, applied.invoiceId!)));
    expect(invoice).toMatchObject({
      amountCents: applied.premiumCents + applied.taxesCents,
      dueDate: "2027-06-21",
      status: "invoiced",
    });
    const [policy] = await db
      .select()
      .from(policies)
      .where(and(eq(policies.orgId, org), eq(policies.id, policyId)));
    expect(policy).toMatchObject({
      occurrenceLimitCents: 200_000_000,
      grossPremiumCents: option.grossPremiumCents + applied.premiumCents,
    });
    const events = await db
      .select({ type: outboxEvents.type, payload: outboxEvents.payload })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "policy.endorsed")));
    expect(events.some((e) => (e.payload as { policyId?: string }).policyId === policyId)).toBe(true);
  });

  test("an out-of-sequence change re-prices the later one and books the difference with itself", async () => {
    const { policyId } = await activePolicy();
    const later = await endorsePolicy(
      db,
      null,
      underwriter,
      policyId,
      { effectiveDate: "2027-09-20", changes: { deductibleCents: 500_000 } },
      "2027-06-01",
    );
    expect(later).toMatchObject({ ok: true, status: "applied" });
    const earlier = {
      effectiveDate: "2027-03-20",
      changes: { occurrenceLimitCents: 200_000_000, aggregateLimitCents: 400_000_000 },
    };
    const quote = await quoteEndorsement(db, underwriter, policyId, earlier, "2027-06-01");
    if (!quote.ok) throw new Error("quote failed");
    const [first, second] = quote.pricing!.segments;
    expect(first).toMatchObject({ effectiveDate: "2027-03-20", adjustmentCents: 0 });
    // The deductible credit now applies to a larger premium: the later change returns more.
    expect(second!.effectiveDate).toBe("2027-09-20");
    expect(second!.adjustmentCents).toBeLessThan(0);
    expect(quote.premiumCents).toBe(first!.effectCents + second!.adjustmentCents);
    await endorsePolicy(db, null, underwriter, policyId, earlier, "2027-06-01");
    const rows = await db
      .select()
      .from(policyTransactions)
      .where(and(eq(policyTransactions.orgId, org), eq(policyTransactions.policyId, policyId)))
      .orderBy(policyTransactions.sequence);
    expect(rows.map((r) => r.type)).toEqual(["new_business", "endorsement", "endorsement"]);
    // Re-quoting the same change again prices the recorded changes as booked: no more adjustment.
    const again = await quoteEndorsement(
      db,
      underwriter,
      policyId,
      { effectiveDate: "2027-10-01", changes: { namedInsured: "High Desert Brewing Co." } },
      "2027-06-01",
    );
    expect(again).toMatchObject({ ok: true, premiumCents: 0, pricing: null });
  });

  test("a policyholder asks for a change without premium, is refused one with premium; dates outside the term are refused", async () => {
    const { policyId } = await activePolicy();
    const [policy] = await db
      .select()
      .from(policies)
      .where(and(eq(policies.orgId, org), eq(policies.id, policyId)));
    const policyholder = {
      ...producer,
      userId: "usr_test_ph",
      roles: ["policyholder" as const],
      agencyId: null,
      insuredId: policy!.insuredId,
    };
    const rename = { effectiveDate: "2027-02-01", changes: { namedInsured: "Renamed Brewing LLC" } };
    expect(await endorsePolicy(db, null, policyholder, policyId, rename, "2027-01-15")).toMatchObject({
      ok: true,
      status: "requested",
    });
    expect(
      await endorsePolicy(
        db,
        null,
        policyholder,
        policyId,
        { effectiveDate: "2027-02-01", changes: { deductibleCents: 500_000 } },
        "2027-01-15",
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining("without premium") });
    const requests = await db
      .select()
      .from(policyNotices)
      .where(and(eq(policyNotices.orgId, org), eq(policyNotices.policyId, policyId)));
    expect(requests).toMatchObject([{ kind: "request", status: "pending" }]);
    const cancelled = await endorsePolicy(
      db,
      null,
      underwriter,
      policyId,
      { effectiveDate: "2028-01-01", changes: { namedInsured: "x" } },
      "2027-01-15",
    );
    expect(cancelled).toMatchObject({
      ok: false,
      message: expect.stringContaining("must fall within the policy term"),
    });
  });
});
