// Who hears about claim events, and that what they read carries no PHI.
import { and, asc, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { outboxEvents } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createClaimsOrg, testMasterKey } from "../../../tests/support/claims.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { audienceOf } from "../events/event-audience.server.ts";
import { changeReserve, decideReserveApproval, fileClaim } from "./claims.server.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

test("the reporter is acknowledged, the adjuster told of the assignment, supervisors of an approval, the requester of the decision", async () => {
  const org = await createClaimsOrg(db);
  const actor = (tenant: typeof org.supervisor) => ({ tenant, surface: "test", ipAddress: null });
  const filed = await fileClaim(db, await testMasterKey(), actor(org.policyholder), "portal", {
    policyId: org.policyId,
    dateOfLoss: "2026-12-02",
    lossType: "Water damage",
    description: "A pipe burst in the storeroom overnight.",
    injuries: false,
    reporterName: "Hank Holder",
    claimants: [{ role: "claimant", name: "Ophelia Pipeburst", ssn: "321-54-9876" }],
  });
  if (!filed.ok) throw new Error(filed.message);
  const adjuster = filed.assignedAdjusterId === org.adjusterA.userId ? org.adjusterA : org.adjusterB;
  const waiting = await changeReserve(db, ledger.current.client, actor(adjuster), filed.claimId, {
    reserveType: "indemnity",
    newCents: 2_000_000,
    rationale: "Contents and structure",
  });
  if (!waiting.ok) throw new Error(waiting.message);
  await decideReserveApproval(db, ledger.current.client, actor(org.supervisor), waiting.changeId, true);

  const rows = await db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, org.orgId)))
    .orderBy(asc(outboxEvents.createdAt));
  const heard: { type: string; userId: string; text: string }[] = [];
  for (const row of rows) {
    const drafts = await audienceOf(db, {
      id: row.id,
      orgId: org.orgId,
      type: row.type,
      createdAt: row.createdAt.toISOString(),
      data: row.payload,
    });
    for (const d of drafts) heard.push({ type: row.type, userId: d.userId, text: `${d.title} ${d.body}` });
  }
  const who = (type: string) => heard.filter((h) => h.type === type).map((h) => h.userId);
  expect(who("claim.filed").sort()).toEqual([org.policyholder.userId, org.supervisor.userId].sort());
  expect(who("claim.assigned")).toEqual([adjuster.userId]);
  expect(who("claim.reserve_changed")).toEqual([org.supervisor.userId, adjuster.userId]);
  expect(heard.find((h) => h.userId === adjuster.userId && h.type === "claim.reserve_changed")!.text).toContain(
    "approved",
  );
  for (const h of heard) {
    expect(h.text).not.toContain("Ophelia");
    expect(h.text).not.toContain("321-54-9876");
  }
});
