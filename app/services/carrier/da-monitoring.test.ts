import { and, eq, inArray, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { daAgreements, daBreachAttempts, outboxEvents, submissions } from "../../../db/schema/index.ts";
import { listBreachAttemptPage } from "../../models/da-monitoring.server.ts";
import { breachAttemptTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import {
  agreementRow,
  db,
  isolatedProgram,
  newInsured,
  org,
  producer,
  quotedSubmission,
} from "../../../tests/support/bind-fixtures.ts";
import { bindSubmission } from "../policies/binding.server.ts";
import { audienceOf } from "../events/event-audience.server.ts";
import { raiseUtilizationAlerts } from "./da-monitoring.server.ts";
import { daAgreementTermsFromRow } from "../policies/da-agreement.ts";
import { toCents } from "../../utils/money.ts";

async function alertsFor(agreementId: string) {
  return db
    .select()
    .from(outboxEvents)
    .where(
      and(
        eq(outboxEvents.orgId, org),
        eq(outboxEvents.type, "da.utilization_alert"),
        sql`JSON_VALUE(${outboxEvents.payload}, '$.agreementId') = ${agreementId}`,
      ),
    );
}

test("a bind that carries an agreement across 90% of its annual limit alerts the carrier and the MGA's admins, once", async () => {
  const probe = await quotedSubmission("prg_summit_gl");
  const premium = probe.option.grossPremiumCents;
  // 85% used before; this bind brings it to 95%.
  const before = Math.round(premium * 8.5);
  const { programId, agreementId } = await isolatedProgram({
    agreement: { annualGwpLimitCents: premium * 10, boundGwpCents: before },
  });
  const submission = await quotedSubmission(programId, { insuredId: await newInsured() });
  const outcome = await bindSubmission(
    db,
    producer,
    { quoteOptionId: submission.option.id, plan: "PIF" },
    "2026-11-22",
  );
  expect(outcome.ok).toBe(true);
  const alerts = await alertsFor(agreementId);
  expect(alerts.map((a) => a.payload)).toEqual([
    expect.objectContaining({ threshold: 90, limit: "annual", usedCents: before + premium, limitCents: premium * 10 }),
  ]);
  const notices = await audienceOf(db, {
    id: alerts[0]!.id,
    orgId: org,
    type: "da.utilization_alert",
    createdAt: new Date().toISOString(),
    data: alerts[0]!.payload,
  });
  expect(notices.map((n) => [n.userId, n.link]).sort()).toEqual([
    ["usr_a_admin", "/compliance/authority"],
    ["usr_a_carrier", "/carrier/authority"],
  ]);
  expect(notices[0]!.title).toMatch(/ at 90% of its annual limit$/);

  // The same crossing seen again (a retried bind, a racing one) raises nothing more.
  const row = await agreementRow(agreementId);
  const again = await db.transaction((tx) =>
    raiseUtilizationAlerts(
      tx,
      org,
      {
        id: agreementId,
        carrierId: row.carrierId,
        terms: { ...daAgreementTermsFromRow(row), boundGwpCents: toCents(before) },
        quarterToDateGwpCents: undefined,
      },
      premium,
      "2026-11-22",
    ),
  );
  expect(again).toBe(0);
  expect(await alertsFor(agreementId)).toHaveLength(1);
});

test("suspending an agreement stops the next bind at once, and the refusal is listed as a breach attempt", async () => {
  const { programId, agreementId } = await isolatedProgram();
  const submission = await quotedSubmission(programId, { insuredId: await newInsured() });
  await db
    .update(daAgreements)
    .set({ status: "suspended" })
    .where(and(eq(daAgreements.orgId, org), eq(daAgreements.id, agreementId)));
  const outcome = await bindSubmission(
    db,
    producer,
    { quoteOptionId: submission.option.id, plan: "PIF" },
    "2026-11-22",
  );
  expect(outcome).toMatchObject({
    ok: false,
    reason: "checks_failed",
    failures: [{ code: "DA_NOT_IN_FORCE", detail: expect.stringContaining("is suspended") }],
  });
  const attempts = await db
    .select()
    .from(daBreachAttempts)
    .where(and(eq(daBreachAttempts.orgId, org), eq(daBreachAttempts.daAgreementId, agreementId)));
  expect(attempts).toEqual([
    expect.objectContaining({
      submissionId: submission.submissionId,
      outcome: "refused",
      userId: producer.userId,
      grossPremiumCents: submission.option.grossPremiumCents,
      checks: [{ check: "da_agreement_in_force", detail: expect.stringContaining("is suspended") }],
    }),
  ]);
  expect((await agreementRow(agreementId)).boundGwpCents).toBe(1_000_000_000_000 - 1_000_000_000);
});

test("a quote a DA check refers is listed as a breach attempt at quote time; a quote within the grant is not", async () => {
  const within = await isolatedProgram();
  await quotedSubmission(within.programId, { insuredId: await newInsured() });
  const { programId, agreementId } = await isolatedProgram({ agreement: { maxPremiumPerPolicyCents: 100_00 } });
  const submission = await quotedSubmission(programId, { insuredId: await newInsured() });
  const attempts = await db
    .select()
    .from(daBreachAttempts)
    .where(
      and(eq(daBreachAttempts.orgId, org), inArray(daBreachAttempts.daAgreementId, [agreementId, within.agreementId])),
    );
  expect(attempts).toEqual([
    expect.objectContaining({
      daAgreementId: agreementId,
      submissionId: submission.submissionId,
      quoteId: submission.quoteId,
      outcome: "referred",
      userId: producer.userId,
      grossPremiumCents: submission.option.grossPremiumCents,
      attemptedOn: "2026-11-22",
      checks: [{ check: "da_per_policy_limits", detail: expect.stringContaining("$100.00") }],
    }),
  ]);
  // The delegated-authority page lists it under "referred", found by its submission.
  const reference = (
    await db
      .select({ r: submissions.reference })
      .from(submissions)
      .where(and(eq(submissions.orgId, org), eq(submissions.id, submission.submissionId)))
  )[0]!.r;
  const page = (query: string) =>
    listBreachAttemptPage(
      db,
      producer,
      parseTableState(new URLSearchParams(`x.q=${reference}&${query}`), breachAttemptTable),
    );
  expect((await page("x.outcome=referred")).rows.map((b) => [b.outcome, b.submissionReference])).toEqual([
    ["referred", reference],
  ]);
  expect((await page("x.outcome=refused")).total).toBe(0);
});
