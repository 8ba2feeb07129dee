import { and, eq } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import {
  outboxEvents,
  policies,
  quotes,
  sequences,
  submissionDeclinations,
  submissions,
} from "../../../db/schema/index.ts";
import { insertBillingSchedule } from "../../models/policy-binding.server.ts";
import {
  agreementRow,
  db,
  isolatedProgram,
  newInsured,
  org,
  producer,
  quotedSubmission,
} from "../../../tests/support/bind-fixtures.ts";
import { bindSubmission } from "./binding.server.ts";

// The billing schedule is written after the policy row: making it fail shows that a bind which
// breaks half-way leaves nothing behind.
vi.mock("../../models/policy-binding.server.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../models/policy-binding.server.ts")>();
  return { ...actual, insertBillingSchedule: vi.fn(actual.insertBillingSchedule) };
});

describe("a bind that fails after the policy insert", () => {
  test("rolls back everything: no policy, no counter, no event, no sequence value, no declinations", async () => {
    const { programId, agreementId } = await isolatedProgram();
    const { submissionId, quoteId, option } = await quotedSubmission(programId, {
      insuredId: await newInsured(),
      declinations: 0,
    });
    const before = await agreementRow(agreementId);
    const [sequenceBefore] = await db
      .select()
      .from(sequences)
      .where(and(eq(sequences.orgId, org), eq(sequences.name, "policy:GL:2026")));
    vi.mocked(insertBillingSchedule).mockRejectedValueOnce(new Error("storage failed after the policy insert"));

    const declinedBy = ["Rollback Mutual", "Rollback Casualty", "Rollback Indemnity"];
    await expect(
      bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF", declinedBy }, "2026-11-25"),
    ).rejects.toThrow("storage failed");

    expect(vi.mocked(insertBillingSchedule)).toHaveBeenCalledTimes(1);
    expect(
      await db
        .select()
        .from(policies)
        .where(and(eq(policies.orgId, org), eq(policies.submissionId, submissionId))),
    ).toEqual([]);
    expect((await agreementRow(agreementId)).boundGwpCents).toBe(before.boundGwpCents);
    const [quote] = await db
      .select()
      .from(quotes)
      .where(and(eq(quotes.orgId, org), eq(quotes.id, quoteId)));
    const [submission] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.orgId, org), eq(submissions.id, submissionId)));
    expect([quote!.status, submission!.status]).toEqual(["active", "quoted"]);
    const events = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, org), eq(outboxEvents.type, "policy.bound")));
    expect(events.filter((e) => e.payload.submissionId === submissionId)).toEqual([]);
    expect(
      await db
        .select()
        .from(submissionDeclinations)
        .where(and(eq(submissionDeclinations.orgId, org), eq(submissionDeclinations.submissionId, submissionId))),
    ).toEqual([]);
    const [sequenceAfter] = await db
      .select()
      .from(sequences)
      .where(and(eq(sequences.orgId, org), eq(sequences.name, "policy:GL:2026")));
    expect(sequenceAfter?.lastValue).toBe(sequenceBefore?.lastValue);

    // The same bind, once the fault is gone, succeeds.
    expect(
      await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF", declinedBy }, "2026-11-25"),
    ).toMatchObject({ ok: true, alreadyBound: false });
  });
});
