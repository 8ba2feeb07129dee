import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import {
  agencies,
  daAgreements,
  installments,
  invoices,
  outboxEvents,
  policies,
  policyTransactions,
  quotes,
  submissions,
} from "../../../db/schema/index.ts";
import { daAgreements as seededAgreements } from "../../../db/seed/demo-data.ts";
import { tenantOf } from "../../../db/test/tenants.ts";
import * as bindFixtures from "../../../tests/support/bind-fixtures.ts";
import { addDays, addMonths } from "../../utils/calendar-date.ts";
import { createId } from "../../utils/ids.ts";
import { todayInUtc } from "../../utils/today.ts";
import { bindSubmission, policyNumberPrefix } from "./binding.server.ts";
import { quoteSubmission } from "../underwriting/quoting.server.ts";

const { db, producer, org, isolatedProgram, newInsured, agreementRow, quotedSubmission } = bindFixtures;

describe("binding a quote option", () => {
  test("creates the policy, its billing schedule and the policy.bound event, and counts the premium against the DA", async () => {
    const { programId, agreementId } = await isolatedProgram();
    const { submissionId, quoteId, option } = await quotedSubmission(programId, { insuredId: await newInsured() });
    const before = await agreementRow(agreementId);
    const outcome = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "QUARTERLY" }, "2026-11-25");
    expect(outcome).toMatchObject({
      ok: true,
      alreadyBound: false,
      policyNumber: expect.stringMatching(/^SRU-GL-2026-\d{6}$/),
    });
    if (!outcome.ok) return;

    const [policy] = await db
      .select()
      .from(policies)
      .where(and(eq(policies.orgId, org), eq(policies.id, outcome.policyId)));
    expect(policy).toMatchObject({
      status: "bound",
      effectiveDate: "2026-12-20",
      expirationDate: "2027-12-20",
      grossPremiumCents: option.grossPremiumCents,
      installmentPlan: "QUARTERLY",
    });
    const schedule = await db
      .select()
      .from(installments)
      .where(and(eq(installments.orgId, org), eq(installments.policyId, outcome.policyId)))
      .orderBy(installments.number);
    expect(schedule.map((i) => i.dueDate)).toEqual(["2026-12-20", "2027-03-20", "2027-06-20", "2027-09-20"]);
    expect(schedule.reduce((sum, i) => sum + i.shareCents, 0)).toBe(option.totalDueCents);
    expect(schedule.map((i) => i.status)).toEqual(["invoiced", "pending", "pending", "pending"]);

    // The policy's first version: new business, effective on the policy's date, booked on the
    // bind date, commission at the agency's rate and the MGA's default rate.
    const [agency] = await db
      .select({ commissionRate: agencies.commissionRate })
      .from(agencies)
      .where(and(eq(agencies.orgId, org), eq(agencies.id, policy!.agencyId)));
    const transactions = await db
      .select()
      .from(policyTransactions)
      .where(and(eq(policyTransactions.orgId, org), eq(policyTransactions.policyId, outcome.policyId)));
    expect(transactions).toHaveLength(1);
    expect(transactions[0]).toMatchObject({
      sequence: 1,
      type: "new_business",
      effectiveDate: "2026-12-20",
      bookedOn: "2026-11-25",
      premiumCents: option.grossPremiumCents,
      feesCents: option.feesCents,
      taxesCents: option.taxesCents,
      producerCommissionRate: agency!.commissionRate,
      mgaCommissionRate: "0.0500",
    });
    const exactCommission = option.grossPremiumCents * Number(agency!.commissionRate);
    expect(Math.abs(transactions[0]!.producerCommissionCents - exactCommission)).toBeLessThanOrEqual(0.5);

    const after = await agreementRow(agreementId);
    expect(after.boundGwpCents - before.boundGwpCents).toBe(option.grossPremiumCents);
    const [quote] = await db
      .select()
      .from(quotes)
      .where(and(eq(quotes.orgId, org), eq(quotes.id, quoteId)));
    const [submission] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.orgId, org), eq(submissions.id, submissionId)));
    expect([quote!.status, submission!.status]).toEqual(["bound", "bound"]);
    const events = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "policy.bound")));
    expect(events.some((e) => e.payload.policyId === outcome.policyId)).toBe(true);
  });

  test("reports every failed pre-bind check by name, and writes nothing", async () => {
    const { submissionId, option } = await quotedSubmission("prg_summit_gl", { declinations: 1 });
    // Five days after the seeded agreement ends (the seed dates it from its today): quote expired too.
    const afterAgreement = addDays(seededAgreements.find((a) => a.id === "da_summit_gl")!.expirationDate, 5);
    const outcome = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, afterAgreement);
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.reason !== "checks_failed") throw new Error("expected failed checks");
    expect(outcome.failures.map((f) => f.code)).toEqual([
      "QUOTE_EXPIRED",
      "DA_NOT_IN_FORCE",
      "DILIGENT_SEARCH_MISSING",
    ]);
    expect(outcome.failures.find((f) => f.check === "surplus_lines_diligent_search")?.detail).toContain("1 recorded");
    expect(
      await db
        .select()
        .from(policies)
        .where(and(eq(policies.orgId, org), eq(policies.submissionId, submissionId))),
    ).toEqual([]);
  });

  test("twenty concurrent binds of one option give exactly one policy, and every caller gets it", async () => {
    const { submissionId, option } = await quotedSubmission();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25"),
      ),
    );
    const policyIds = new Set(outcomes.map((o) => (o.ok ? o.policyId : "refused")));
    expect([...policyIds]).toHaveLength(1);
    expect(policyIds.has("refused")).toBe(false);
    expect(outcomes.filter((o) => o.ok && !o.alreadyBound)).toHaveLength(1);
    expect(
      await db
        .select()
        .from(policies)
        .where(and(eq(policies.orgId, org), eq(policies.submissionId, submissionId))),
    ).toHaveLength(1);
  });

  test("two concurrent binds that would jointly exceed the DA aggregate: one is bound, one is refused", async () => {
    const probe = await quotedSubmission();
    const { programId } = await isolatedProgram({ headroomCents: Math.floor(probe.option.grossPremiumCents * 1.5) });
    const [a, b] = [
      await quotedSubmission(programId, { insuredId: await newInsured() }),
      await quotedSubmission(programId, { insuredId: await newInsured() }),
    ];
    const outcomes = await Promise.all(
      [a, b].map((s) => bindSubmission(db, producer, { quoteOptionId: s.option.id, plan: "PIF" }, "2026-11-25")),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const refused = outcomes.find((o) => !o.ok);
    expect(refused).toMatchObject({
      ok: false,
      reason: "checks_failed",
      failures: [{ code: "DA_AGGREGATE_EXCEEDED" }],
    });
    const bound = await db
      .select()
      .from(policies)
      .where(and(eq(policies.orgId, org), inArray(policies.submissionId, [a.submissionId, b.submissionId])));
    expect(bound).toHaveLength(1);
  });

  test("another organization's quote option is not found", async () => {
    const { option } = await quotedSubmission();
    expect(
      await bindSubmission(
        db,
        tenantOf("producer@lakeshore.demo"),
        { quoteOptionId: option.id, plan: "PIF" },
        "2026-11-25",
      ),
    ).toEqual({ ok: false, reason: "not_found" });
  });

  test("concurrent binds of different submissions get distinct policy numbers", async () => {
    const { programId } = await isolatedProgram();
    const quoted = [];
    for (let i = 0; i < 6; i++) quoted.push(await quotedSubmission(programId, { insuredId: await newInsured() }));
    const outcomes = await Promise.all(
      quoted.map((q) => bindSubmission(db, producer, { quoteOptionId: q.option.id, plan: "PIF" }, "2026-11-25")),
    );
    const numbers = outcomes.map((o) => (o.ok ? o.policyNumber : `refused: ${JSON.stringify(o)}`));
    expect(numbers.every((n) => /^SRU-GL-2026-\d{6}$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(quoted.length);
  });

  test("the insured's policies under the agreement count against its maximum, at quote time and at bind", async () => {
    const { programId } = await isolatedProgram({ agreement: { maxPoliciesPerInsured: 1 } });
    const insuredId = await newInsured();
    const first = await quotedSubmission(programId, { insuredId });
    expect((await bindSubmission(db, producer, { quoteOptionId: first.option.id, plan: "PIF" }, "2026-11-25")).ok).toBe(
      true,
    );

    const second = await quotedSubmission(programId, { insuredId });
    const [quote] = await db
      .select()
      .from(quotes)
      .where(and(eq(quotes.orgId, org), eq(quotes.id, second.quoteId)));
    expect(quote!.daFlags).toEqual([
      expect.objectContaining({ code: "DA_LIMIT_EXCEEDED", detail: expect.stringContaining("(maximum 1)") }),
    ]);
    const refused = await bindSubmission(db, producer, { quoteOptionId: second.option.id, plan: "PIF" }, "2026-11-25");
    expect(refused).toMatchObject({
      ok: false,
      reason: "checks_failed",
      failures: [
        { code: "DA_LIMIT_EXCEEDED", detail: "the insured already holds 1 policy under this agreement (maximum 1)" },
      ],
    });
    expect(
      await db
        .select()
        .from(policies)
        .where(and(eq(policies.orgId, org), eq(policies.submissionId, second.submissionId))),
    ).toEqual([]);

    // Two quotes of another insured, bound at once: the agreement lock lets only one through.
    const other = await newInsured();
    const pair = [
      await quotedSubmission(programId, { insuredId: other }),
      await quotedSubmission(programId, { insuredId: other }),
    ];
    const outcomes = await Promise.all(
      pair.map((q) => bindSubmission(db, producer, { quoteOptionId: q.option.id, plan: "PIF" }, "2026-11-25")),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ failures: [{ code: "DA_LIMIT_EXCEEDED" }] });
  });

  test("a refused bind keeps no policy or invoice number: the next bind gets the one after the last issued", async () => {
    // A term year no other test binds in, so its number sequences are this test's alone.
    const { programId } = await isolatedProgram({
      agreement: { effectiveDate: "2026-01-01", expirationDate: "2039-12-31", maxPoliciesPerInsured: 1 },
    });
    const insuredId = await newInsured();
    const bindOf = async (insured: string) => {
      const { option } = await quotedSubmission(programId, { insuredId: insured, effectiveDate: "2039-06-01" });
      return bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25");
    };
    const first = await bindOf(insuredId);
    const refused = await bindOf(insuredId);
    const next = await bindOf(await newInsured());
    expect(refused).toMatchObject({ ok: false, failures: [{ code: "DA_LIMIT_EXCEEDED" }] });
    if (!first.ok || !next.ok) throw new Error("the first and the last bind should pass");
    const sequenceOf = (policyNumber: string) => Number(policyNumber.slice(-6));
    expect(sequenceOf(next.policyNumber)).toBe(sequenceOf(first.policyNumber) + 1);
    const invoiceNumbers = await db
      .select({ number: invoices.invoiceNumber })
      .from(invoices)
      .where(and(eq(invoices.orgId, org), inArray(invoices.policyId, [first.policyId, next.policyId])))
      .orderBy(invoices.invoiceNumber);
    const [a, b] = invoiceNumbers.map((i) => Number(i.number.slice(-5)));
    expect(b).toBe(a! + 1);
  });

  test("an agreement with a quarterly GWP limit quotes and binds against the quarter's bound premium", async () => {
    const today = todayInUtc();
    const effectiveDate = addDays(today, 10);
    const probe = await quotedSubmission("prg_summit_gl", { effectiveDate, quoteDate: today });
    const { programId, agreementId } = await isolatedProgram({
      agreement: {
        effectiveDate: today,
        expirationDate: addDays(addMonths(today, 12), -1),
        quarterlyGwpLimitCents: Math.floor(probe.option.grossPremiumCents * 1.5),
      },
    });
    const a = await quotedSubmission(programId, { insuredId: await newInsured(), effectiveDate, quoteDate: today });
    const b = await quotedSubmission(programId, { insuredId: await newInsured(), effectiveDate, quoteDate: today });
    // Both at once: the agreement lock makes the second see the first's premium in the quarter.
    const outcomes = await Promise.all(
      [a, b].map((s) => bindSubmission(db, producer, { quoteOptionId: s.option.id, plan: "PIF" }, today)),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({
      ok: false,
      reason: "checks_failed",
      failures: [
        {
          code: "DA_AGGREGATE_EXCEEDED",
          detail: expect.stringMatching(/^quarterly GWP would reach .* over the quarterly limit /),
        },
      ],
    });
    expect((await agreementRow(agreementId)).boundGwpCents - (1_000_000_000_000 - 1_000_000_000)).toBe(
      a.option.grossPremiumCents,
    );
  });

  test("an option of a superseded quote is refused as QUOTE_SUPERSEDED, naming the current quote", async () => {
    const { programId } = await isolatedProgram();
    const stale = await quotedSubmission(programId, { insuredId: await newInsured() });
    const requoted = await quoteSubmission(db, producer, stale.submissionId, "2026-11-23");
    if (!requoted.ok) throw new Error(requoted.error.message);
    const outcome = await bindSubmission(db, producer, { quoteOptionId: stale.option.id, plan: "PIF" }, "2026-11-25");
    expect(outcome).toEqual({
      ok: false,
      reason: "quote_superseded",
      code: "QUOTE_SUPERSEDED",
      currentQuoteId: requoted.quoteId,
    });
    expect(
      await db
        .select()
        .from(policies)
        .where(and(eq(policies.orgId, org), eq(policies.submissionId, stale.submissionId))),
    ).toEqual([]);
  });

  test("the agreement is the one in force on the policy's effective date, not the program's first", async () => {
    // Ids sort the lapsed agreement first, where an unordered first row would find it.
    const lapsedId = `da_${createId("x").slice(-10)}_a`;
    const { programId } = await isolatedProgram({
      agreement: { id: lapsedId, reference: "LAPSED-2025", effectiveDate: "2025-01-01", expirationDate: "2025-12-31" },
    });
    const currentId = `${lapsedId.slice(0, -2)}_b`;
    const seeded = seededAgreements.find((a) => a.id === "da_summit_gl")!;
    await db.insert(daAgreements).values({
      ...seeded,
      id: currentId,
      programId,
      reference: "CURRENT-2026",
      effectiveDate: "2026-01-01",
      expirationDate: "2026-12-31",
      boundGwpCents: 0,
    });
    const { option } = await quotedSubmission(programId, { insuredId: await newInsured() });
    const outcome = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25");
    expect(outcome).toMatchObject({ ok: true });
    expect((await agreementRow(currentId)).boundGwpCents).toBe(option.grossPremiumCents);
  });

  test("policy numbers lead with the organization's initials", () => {
    expect(policyNumberPrefix("Summit Ridge Underwriters")).toBe("SRU");
    expect(policyNumberPrefix("Lakeshore Specialty MGA")).toBe("LSM");
  });
});
