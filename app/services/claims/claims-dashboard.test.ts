// The supervisor dashboard against the real database: a worked example of claims and policies
// with figures known by hand, as of 2027-03-01.
import { and, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { claims, policies } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createClaimsOrg, testMasterKey, type ClaimsOrg } from "../../../tests/support/claims.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { createId } from "../../utils/ids.ts";
import { loadClaimsDashboard } from "./claims-dashboard.server.ts";
import { assignClaim, changeReserve, fileClaim, moveClaim, recordClaimMoney } from "./claims.server.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();
const AS_OF = "2027-03-01";

const actor = (tenant: TenantContext) => ({ tenant, surface: "test", ipAddress: null });

/** A copy of the org's first policy under another id, program, term, premium and status. */
async function addPolicy(
  org: ClaimsOrg,
  values: {
    programId: string;
    effectiveDate: string;
    expirationDate: string;
    grossPremiumCents: number;
    status: "active" | "cancelled";
  },
) {
  const [template] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.orgId, org.orgId), eq(policies.id, org.policyId)));
  const id = createId("pol");
  await db.insert(policies).values({ ...template!, ...values, id, policyNumber: `DB-${id.slice(-10)}` });
  return id;
}

async function file(org: ClaimsOrg, policyId: string, adjuster: TenantContext, reportedOn: string) {
  const filed = await fileClaim(db, await testMasterKey(), actor(org.supervisor), "adjuster", {
    policyId,
    dateOfLoss: "2026-12-02",
    lossType: "Property damage",
    description: "Storm water came in under the back door.",
    injuries: false,
    reporterName: "Hank Holder",
    claimants: [],
  });
  if (!filed.ok) throw new Error(filed.message);
  if (filed.assignedAdjusterId !== adjuster.userId)
    expect(await assignClaim(db, actor(org.supervisor), filed.claimId, adjuster.userId)).toMatchObject({ ok: true });
  // Reported on a chosen day, so the aging buckets are known as of AS_OF.
  await db
    .update(claims)
    .set({ reportedOn })
    .where(and(eq(claims.orgId, org.orgId), eq(claims.id, filed.claimId)));
  return filed.claimId;
}

test("open claims by status, reserves, aging, adjuster workload and loss ratio by program, worked by hand", async () => {
  const org = await createClaimsOrg(db);
  const other = await createClaimsOrg(db); // its claim must not count
  const client = ledger.current.client;
  const sup = actor(org.supervisor);

  // Program prg_test: the fixture's two policies, 2026-12-01 to 2027-12-01 (365 days), $10,000
  // each, plus a cancelled one that kept $3,000 of its premium after the return premium.
  const cancelled = await addPolicy(org, {
    programId: "prg_test",
    effectiveDate: "2026-09-01",
    expirationDate: "2027-09-01",
    grossPremiumCents: 300_000,
    status: "cancelled",
  });
  // Program prg_other: one policy, 2026-12-01 to 2027-12-01, $5,000.
  const otherProgram = await addPolicy(org, {
    programId: "prg_other",
    effectiveDate: "2026-12-01",
    expirationDate: "2027-12-01",
    grossPremiumCents: 500_000,
    status: "active",
  });

  // A (prg_test): investigating, indemnity reserve $6,000 then $1,500 paid: reserve $4,500,
  //   incurred $6,000. Adjuster A, reported 2027-02-20 (9 days: 0-30).
  const a = await file(org, org.policyId, org.adjusterA, "2027-02-20");
  expect(await moveClaim(db, sup, a, "investigating", null)).toMatchObject({ ok: true });
  expect(
    await changeReserve(db, client, sup, a, { reserveType: "indemnity", newCents: 600_000, rationale: "Estimate" }),
  ).toMatchObject({ ok: true, status: "posted" });
  expect(
    await recordClaimMoney(db, client, sup, a, {
      category: "indemnity",
      amountCents: 150_000,
      counterparty: "Dry Out Restoration Co",
      method: "ach",
    }),
  ).toMatchObject({ ok: true });
  // B (prg_test): open, expense reserve $500. Adjuster A, reported 2026-12-20 (71 days: 31-90).
  const b = await file(org, org.installmentPolicyId, org.adjusterA, "2026-12-20");
  expect(
    await changeReserve(db, client, sup, b, { reserveType: "expense", newCents: 50_000, rationale: "Inspection" }),
  ).toMatchObject({ ok: true, status: "posted" });
  // C (prg_other): open, indemnity reserve $2,000. Adjuster B, reported 2026-12-02 (89 days: 31-90).
  const c = await file(org, otherProgram, org.adjusterB, "2026-12-02");
  expect(
    await changeReserve(db, client, sup, c, { reserveType: "indemnity", newCents: 200_000, rationale: "Estimate" }),
  ).toMatchObject({ ok: true, status: "posted" });
  // D (prg_test, on the cancelled policy): denied and closed with nothing on it. Adjuster B,
  //   reported long ago: closed claims are in no open chart and add nothing incurred.
  const d = await file(org, cancelled, org.adjusterB, "2026-09-10");
  expect(await moveClaim(db, sup, d, "denied", "The loss is excluded: flood")).toMatchObject({ ok: true });
  expect(await moveClaim(db, sup, d, "closed", "Denied")).toMatchObject({ ok: true });
  await file(other, other.policyId, other.adjusterA, "2027-02-27");

  const dashboard = await loadClaimsDashboard(db, org.orgId, AS_OF);

  const byStatus = Object.fromEntries(dashboard.byStatus.map((s) => [s.status, s]));
  expect(Object.keys(byStatus).sort()).toEqual(["investigating", "open"]);
  expect(byStatus.investigating).toMatchObject({ count: 1, reserveCents: 450_000 });
  expect(byStatus.open).toMatchObject({ count: 2, reserveCents: 250_000 });
  // Outstanding case reserves: 4,500 + 500 + 2,000 = $7,000.
  expect(dashboard.reserves).toBe(700_000);
  expect(dashboard.aging).toEqual([
    { label: "0-30 days", value: 1 },
    { label: "31-90 days", value: 2 },
    { label: "91-180 days", value: 0 },
    { label: "over 180 days", value: 0 },
  ]);
  const nameOf = (t: TenantContext) => `${t.roles[0]} ${t.userId.slice(-4)}`;
  expect(dashboard.workload.sort((x, y) => y.value - x.value)).toEqual([
    { label: nameOf(org.adjusterA), value: 2 },
    { label: nameOf(org.adjusterB), value: 1 },
  ]);

  // Earned as of 2027-03-01: 90 of 365 days (Dec 31 + Jan 31 + Feb 28) of the active policies.
  //   prg_test: 1,000,000 x 90/365 = 246,575.34 -> 246,575 cents, twice = 493,150; the cancelled
  //   policy's kept 300,000 is earned whole: 793,150. Incurred A 600,000 + B 50,000 + D 0 =
  //   650,000. Loss ratio 650,000 / 793,150 = 0.81951... -> 0.8195. (Spreading the cancelled
  //   policy's 300,000 over its term would have earned 148,767 and said 1.0126.)
  //   prg_other: 500,000 x 90/365 = 123,287.67 -> 123,288. Incurred C 200,000.
  //   200,000 / 123,288 = 1.62221... -> 1.6222.
  const ratios = Object.fromEntries(dashboard.lossRatios.map((r) => [r.programId, r]));
  expect(ratios).toEqual({
    prg_test: {
      programId: "prg_test",
      programName: "prg_test",
      incurredCents: 650_000,
      earnedCents: 793_150,
      ratio: "0.8195",
    },
    prg_other: {
      programId: "prg_other",
      programName: "prg_other",
      incurredCents: 200_000,
      earnedCents: 123_288,
      ratio: "1.6222",
    },
  });
});
