import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { daAgreements, installments, outboxEvents, policies, programs, quoteOptions, quotes, rateTables, submissionDeclinations, submissions } from "../../db/schema/index.ts";
import { rateTables as seededRateTables } from "../../db/seed/rate-tables.ts";
import { daAgreements as seededAgreements, programs as seededPrograms } from "../../db/seed/demo-data.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { createId } from "../utils/ids.ts";
import { addDays } from "./bind/calendar-date.ts";
import { bindQuoteOption, policyNumberPrefix } from "./binding.server.ts";
import { quoteSubmission } from "./quoting.server.ts";

const db = guardedTestDatabase();
const producer = tenantOf("agency.admin@summit.demo");
const org = producer.orgId;

/** A program of its own with a DA agreement whose aggregate headroom the test controls. */
async function isolatedProgram({ headroomCents }: { headroomCents: number }) {
  const programId = createId("prg");
  const base = seededPrograms.find((p) => p.id === "prg_summit_gl")!;
  const agreement = seededAgreements.find((a) => a.id === "da_summit_gl")!;
  const rateTable = seededRateTables.find((t) => t.id === "rt_summit_gl_2026_1")!;
  await db.insert(programs).values({ ...base, id: programId });
  await db.insert(daAgreements).values({ ...agreement, id: createId("da"), programId, boundGwpCents: agreement.annualGwpLimitCents - headroomCents });
  await db.insert(rateTables).values({ ...rateTable, id: createId("rt"), programId, definition: { ...rateTable.definition, program: programId } });
  return programId;
}

async function quotedSubmission(programId = "prg_summit_gl", { declinations = 3 } = {}) {
  const id = createId("sub");
  await db.insert(submissions).values({
    id, orgId: org, reference: id.slice(-12).toUpperCase(), agencyId: "agy_bluemesa", producerUserId: producer.userId, insuredId: "ins_highdesert",
    programId, lineOfBusiness: "GL", state: "NM", naicsCode: "312120", annualRevenueCents: 365_000_000, payrollCents: null,
    requestedLimitCents: 100_000_000, deductibleCents: 250_000, effectiveDate: "2026-12-20", termMonths: 12, status: "submitted",
  });
  for (let i = 0; i < declinations; i++) {
    await db.insert(submissionDeclinations).values({ id: createId("dcl"), orgId: org, submissionId: id, carrierName: `Admitted Carrier ${i + 1}`, declinedOn: "2026-11-10", reason: "Class outside appetite" });
  }
  const quoted = await quoteSubmission(db, producer, id, "2026-11-22");
  if (!quoted.ok) throw new Error(quoted.error.message);
  const [option] = await db.select().from(quoteOptions).where(and(eq(quoteOptions.orgId, org), eq(quoteOptions.quoteId, quoted.quoteId))).orderBy(quoteOptions.position).limit(1);
  return { submissionId: id, quoteId: quoted.quoteId, option: option! };
}

describe("binding a quote option", () => {
  test("creates the policy, its billing schedule and the policy.bound event, and counts the premium against the DA", async () => {
    const { submissionId, quoteId, option } = await quotedSubmission();
    const [before] = await db.select().from(daAgreements).where(and(eq(daAgreements.orgId, org), eq(daAgreements.id, "da_summit_gl")));
    const outcome = await bindQuoteOption(db, producer, { quoteOptionId: option.id, plan: "QUARTERLY" }, "2026-11-25");
    expect(outcome).toMatchObject({ ok: true, alreadyBound: false, policyNumber: expect.stringMatching(/^SRU-GL-2026-\d{6}$/) });
    if (!outcome.ok) return;

    const [policy] = await db.select().from(policies).where(and(eq(policies.orgId, org), eq(policies.id, outcome.policyId)));
    expect(policy).toMatchObject({ status: "bound", effectiveDate: "2026-12-20", expirationDate: "2027-12-20", grossPremiumCents: option.grossPremiumCents, installmentPlan: "QUARTERLY" });
    const schedule = await db.select().from(installments).where(and(eq(installments.orgId, org), eq(installments.policyId, outcome.policyId))).orderBy(installments.number);
    expect(schedule.map((i) => i.dueDate)).toEqual(["2026-12-20", "2027-03-20", "2027-06-20", "2027-09-20"]);
    expect(schedule.reduce((sum, i) => sum + i.shareCents, 0)).toBe(option.totalDueCents);
    expect(schedule.map((i) => i.status)).toEqual(["invoiced", "pending", "pending", "pending"]);

    const [after] = await db.select().from(daAgreements).where(and(eq(daAgreements.orgId, org), eq(daAgreements.id, "da_summit_gl")));
    expect(after!.boundGwpCents - before!.boundGwpCents).toBeGreaterThanOrEqual(option.grossPremiumCents);
    const [quote] = await db.select().from(quotes).where(and(eq(quotes.orgId, org), eq(quotes.id, quoteId)));
    const [submission] = await db.select().from(submissions).where(and(eq(submissions.orgId, org), eq(submissions.id, submissionId)));
    expect([quote!.status, submission!.status]).toEqual(["bound", "bound"]);
    const events = await db.select().from(outboxEvents).where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "policy.bound")));
    expect(events.some((e) => e.payload.policyId === outcome.policyId)).toBe(true);
  });

  test("reports every failed pre-bind check by name, and writes nothing", async () => {
    const { submissionId, option } = await quotedSubmission("prg_summit_gl", { declinations: 1 });
    // Five days after the seeded agreement ends (the seed dates it from its today): quote expired too.
    const afterAgreement = addDays(seededAgreements.find((a) => a.id === "da_summit_gl")!.expirationDate, 5);
    const outcome = await bindQuoteOption(db, producer, { quoteOptionId: option.id, plan: "PIF" }, afterAgreement);
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.reason !== "checks_failed") throw new Error("expected failed checks");
    expect(outcome.failures.map((f) => f.code)).toEqual(["QUOTE_EXPIRED", "DA_NOT_IN_FORCE", "DILIGENT_SEARCH_MISSING"]);
    expect(outcome.failures.find((f) => f.check === "surplus_lines_diligent_search")?.detail).toContain("1 recorded");
    expect(await db.select().from(policies).where(and(eq(policies.orgId, org), eq(policies.submissionId, submissionId)))).toEqual([]);
  });

  test("twenty concurrent binds of one option give exactly one policy, and every caller gets it", async () => {
    const { submissionId, option } = await quotedSubmission();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => bindQuoteOption(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25")));
    const policyIds = new Set(outcomes.map((o) => (o.ok ? o.policyId : "refused")));
    expect([...policyIds]).toHaveLength(1);
    expect(policyIds.has("refused")).toBe(false);
    expect(outcomes.filter((o) => o.ok && !o.alreadyBound)).toHaveLength(1);
    expect(await db.select().from(policies).where(and(eq(policies.orgId, org), eq(policies.submissionId, submissionId)))).toHaveLength(1);
  });

  test("two concurrent binds that would jointly exceed the DA aggregate: one is bound, one is refused", async () => {
    const probe = await quotedSubmission();
    const programId = await isolatedProgram({ headroomCents: Math.floor(probe.option.grossPremiumCents * 1.5) });
    const [a, b] = [await quotedSubmission(programId), await quotedSubmission(programId)];
    const outcomes = await Promise.all([a, b].map((s) => bindQuoteOption(db, producer, { quoteOptionId: s.option.id, plan: "PIF" }, "2026-11-25")));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const refused = outcomes.find((o) => !o.ok);
    expect(refused).toMatchObject({ ok: false, reason: "checks_failed", failures: [{ code: "DA_AGGREGATE_EXCEEDED" }] });
    const bound = await db.select().from(policies).where(and(eq(policies.orgId, org), inArray(policies.submissionId, [a.submissionId, b.submissionId])));
    expect(bound).toHaveLength(1);
  });

  test("another organization's quote option is not found", async () => {
    const { option } = await quotedSubmission();
    expect(await bindQuoteOption(db, tenantOf("producer@lakeshore.demo"), { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25")).toEqual({ ok: false, reason: "not_found" });
  });

  test("policy numbers lead with the organization's initials", () => {
    expect(policyNumberPrefix("Summit Ridge Underwriters")).toBe("SRU");
    expect(policyNumberPrefix("Lakeshore Specialty MGA")).toBe("LSM");
  });
});
