import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { quoteOptions, referrals, submissionDeclinations, submissions } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { createId } from "../../utils/ids.ts";
import { bindSubmission } from "../policies/binding.server.ts";
import { quoteSubmission } from "./quoting.server.ts";
import { insertLouisianaSubmission } from "../../../tests/support/louisiana-submission.ts";
import { pendingReferralWorkload } from "../../models/referrals.server.ts";
import {
  chooseAssignee,
  decideReferral,
  listPendingReferrals,
  listReferralsForSubmission,
} from "./referrals.server.ts";

const db = guardedTestDatabase();
const producer = tenantOf("producer@summit.demo");
const UNDERWRITER_TIER = { usr_a_uw: "underwriter@summit.demo", usr_a_multi: "ops@summit.demo" } as Record<
  string,
  string
>;
const assigneeOf = (referral: { assignedToUserId: string | null }) =>
  tenantOf(UNDERWRITER_TIER[referral.assignedToUserId ?? ""]!);
const org = producer.orgId;

/** A Louisiana risk: LA is on the GL agreement's referral list. */
async function referredSubmission() {
  const id = await insertLouisianaSubmission(db, producer);
  for (const carrierName of ["A Mutual", "B Casualty", "C Indemnity"]) {
    await db.insert(submissionDeclinations).values({
      id: createId("dcl"),
      orgId: org,
      submissionId: id,
      carrierName,
      declinedOn: "2026-11-01",
      reason: "Declined",
    });
  }
  const quoted = await quoteSubmission(db, producer, id, "2026-11-22");
  if (!quoted.ok) throw new Error(quoted.error.message);
  const [option] = await db
    .select()
    .from(quoteOptions)
    .where(and(eq(quoteOptions.orgId, org), eq(quoteOptions.quoteId, quoted.quoteId)))
    .limit(1);
  const [referral] = await listReferralsForSubmission(db, producer, id);
  return { id, option: option!, referral: referral! };
}

describe("referrals", () => {
  test("a producer's quote on a DA referral trigger is referred and routed to the lowest tier whose authority covers it", async () => {
    const { id, referral } = await referredSubmission();
    expect(referral).toMatchObject({ status: "pending", reasons: [{ code: "appetite_check" }] });
    expect(Object.keys(UNDERWRITER_TIER)).toContain(referral.assignedToUserId);
    expect(referral.activity.map((a) => a.action)).toEqual(["raised", "routed"]);
    const [row] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.orgId, org), eq(submissions.id, id)));
    expect(row!.status).toBe("referred");
    expect((await listPendingReferrals(db, assigneeOf(referral))).some((r) => r.submissionId === id)).toBe(true);
  });

  test("among underwriters of the covering tier, the one with fewer pending referrals gets the referral", async () => {
    // usr_a_multi sorts first, so a tie (or routing that ignored load) would pick it; each round
    // loads one of the two until the other is strictly less busy, so only one answer is right.
    for (const [busy, idle] of [
      ["usr_a_multi", "usr_a_uw"],
      ["usr_a_uw", "usr_a_multi"],
    ] as const) {
      const load = await pendingReferralWorkload(db, producer);
      const extra = (load.get(idle) ?? 0) - (load.get(busy) ?? 0) + 2;
      const loadSubmission = await insertLouisianaSubmission(db, producer);
      const loadIds = Array.from({ length: Math.max(extra, 1) }, () => createId("ref"));
      await db.insert(referrals).values(
        loadIds.map((id) => ({
          id,
          orgId: org,
          submissionId: loadSubmission,
          quoteId: createId("quo"),
          reasons: [],
          status: "pending" as const,
          assignedToUserId: busy,
        })),
      );
      try {
        const { referral } = await referredSubmission();
        expect(referral.assignedToUserId).toBe(idle);
        expect(referral.activity.find((a) => a.action === "routed")?.note).toContain(
          idle === "usr_a_uw" ? "Uma Underwood" : "Omar Ops",
        );
        await db
          .update(referrals)
          .set({ status: "withdrawn" })
          .where(and(eq(referrals.orgId, org), eq(referrals.id, referral.id)));
      } finally {
        await db.delete(referrals).where(and(eq(referrals.orgId, org), inArray(referrals.id, loadIds)));
      }
    }
  });

  test("routing goes to the lowest covering tier before load, then to the least busy, then by user id", () => {
    const grants = (maxPremiumCents: number) => [{ lineOfBusiness: "GL", maxPremiumCents, maxLimitCents: 100_000_000 }];
    const candidates = [
      { userId: "a", name: "A", tier: "underwriter" as const, grants: grants(5_000_000) },
      { userId: "b", name: "B", tier: "underwriter" as const, grants: grants(5_000_000) },
      { userId: "s", name: "S", tier: "senior_underwriter" as const, grants: grants(25_000_000) },
    ];
    const risk = { lineOfBusiness: "GL", grossPremiumCents: 1_000_000, occurrenceLimitCents: 100_000_000 };
    expect(
      chooseAssignee(
        candidates,
        new Map([
          ["a", 3],
          ["b", 1],
          ["s", 0],
        ]),
        risk,
      )?.userId,
    ).toBe("b");
    expect(
      chooseAssignee(
        candidates,
        new Map([
          ["a", 1],
          ["b", 3],
        ]),
        risk,
      )?.userId,
    ).toBe("a");
    expect(chooseAssignee(candidates, new Map(), risk)?.userId).toBe("a");
    expect(chooseAssignee(candidates, new Map([["s", 9]]), { ...risk, grossPremiumCents: 10_000_000 })?.userId).toBe(
      "s",
    );
    expect(chooseAssignee(candidates, new Map(), { ...risk, grossPremiumCents: 30_000_000 })).toBeNull();
  });

  test("an open referral blocks bind; once the assigned underwriter approves, the producer binds", async () => {
    const { option, referral } = await referredSubmission();
    const blocked = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25");
    expect(blocked).toMatchObject({ ok: false, failures: [{ code: "UW_ISSUES_OPEN" }] });

    const bystander = tenantOf(
      referral.assignedToUserId === "usr_a_uw" ? "ops@summit.demo" : "underwriter@summit.demo",
    );
    expect(
      await decideReferral(
        db,
        bystander,
        referral.id,
        { decision: "approved", code: "appetite_check", rationale: "Not mine" },
        false,
      ),
    ).toEqual({ ok: false, reason: "not_assigned" });
    expect(
      (
        await decideReferral(
          db,
          assigneeOf(referral),
          referral.id,
          { decision: "approved", code: "appetite_check", rationale: "Caterer with good controls" },
          false,
        )
      ).ok,
    ).toBe(true);
    expect(
      await decideReferral(
        db,
        assigneeOf(referral),
        referral.id,
        { decision: "declined", code: "other", rationale: "Changed my mind" },
        false,
      ),
    ).toEqual({ ok: false, reason: "already_decided" });

    const bound = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25");
    expect(bound.ok).toBe(true);
  });

  test("a declined referral declines the submission and bind is refused", async () => {
    const { option, referral } = await referredSubmission();
    expect(
      (
        await decideReferral(
          db,
          assigneeOf(referral),
          referral.id,
          { decision: "declined", code: "risk_quality", rationale: "Kitchen fire history" },
          false,
        )
      ).ok,
    ).toBe(true);
    const refused = await bindSubmission(db, producer, { quoteOptionId: option.id, plan: "PIF" }, "2026-11-25");
    expect(refused).toMatchObject({
      ok: false,
      failures: [{ code: "UW_ISSUES_OPEN", detail: "the submission is declined" }],
    });
  });

  test("another organization cannot see or decide the referral", async () => {
    const { referral } = await referredSubmission();
    const other = tenantOf("underwriter@lakeshore.demo");
    expect(
      await decideReferral(
        db,
        other,
        referral.id,
        { decision: "approved", code: "other", rationale: "Not my org at all" },
        true,
      ),
    ).toEqual({ ok: false, reason: "not_found" });
    expect((await listPendingReferrals(db, other)).some((r) => r.id === referral.id)).toBe(false);
  });
});
