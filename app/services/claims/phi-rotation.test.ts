// Key rotation against the real database (ADR 019, 025): a new data key version for new
// writes, the re-seal job moving older rows to it chunk by chunk (stoppable, resumable,
// idempotent), and a master key rotation that re-wraps the data keys; every claimant opens to
// the values it was filed with at every step.
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { claimClaimants } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { createClaimsOrg, testMasterKey, type ClaimsOrg } from "../../../tests/support/claims.ts";
import { loadClaimForViewer } from "./claim-view.server.ts";
import { fileClaim } from "./claims.server.ts";
import { importMasterKey, type MasterKey } from "./phi-crypto.ts";
import {
  addDataKeyVersion,
  resealClaimantsOfAllOrgs,
  resealOrgClaimants,
  rewrapOrgDataKeys,
} from "./phi-store.server.ts";
import { emptyPhi, type ClaimantPhi } from "./phi.ts";

const db = guardedTestDatabase();

const claimant = (n: number): ClaimantPhi => ({
  ...emptyPhi(),
  name: `Rotation Claimant ${n}`,
  ssn: `900-00-${String(1000 + n)}`,
  diagnosisCodes: `S6${n}.0XXA`,
});

async function fileWith(org: ClaimsOrg, master: MasterKey, people: ClaimantPhi[]) {
  const filed = await fileClaim(db, master, { tenant: org.supervisor, surface: "test", ipAddress: null }, "adjuster", {
    policyId: org.policyId,
    dateOfLoss: "2026-12-02",
    lossType: "Workplace injury",
    description: "A worker cut a hand on a slicer while cleaning it.",
    injuries: true,
    reporterName: "Shift Lead",
    claimants: people.map((p) => ({ role: "injured_worker", ...p })),
  });
  if (!filed.ok) throw new Error(filed.message);
  return filed.claimId;
}

async function stored(orgId: string) {
  return db
    .select({ id: claimClaimants.id, phi: claimClaimants.phi, keyVersion: claimClaimants.keyVersion })
    .from(claimClaimants)
    .where(eq(claimClaimants.orgId, orgId))
    .orderBy(asc(claimClaimants.id));
}

/** Every claimant of the claims as the supervisor opens them, by name. */
async function opened(master: MasterKey, supervisor: TenantContext, claimIds: string[]) {
  const names: ClaimantPhi[] = [];
  for (const id of claimIds) {
    const claim = await loadClaimForViewer(
      db,
      master,
      { tenant: supervisor, twoFactorVerified: false, via: "session", surface: "test", ipAddress: null },
      id,
    );
    names.push(...claim!.claimants.map((c) => c.phi));
  }
  return names.sort((a, b) => a.name.localeCompare(b.name));
}

describe("PHI key rotation", () => {
  test("re-seal under the new data key: chunked, resumable, idempotent; old and new rows open before, during and after; master key re-wrap", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const early = [
      await fileWith(org, master, [claimant(1), claimant(2)]),
      await fileWith(org, master, [claimant(3)]),
      await fileWith(org, master, [claimant(4), claimant(5)]),
    ];
    const expected = [1, 2, 3, 4, 5, 6].map(claimant);

    expect(await addDataKeyVersion(db, master, org.orgId)).toBe(2);
    const late = await fileWith(org, master, [claimant(6)]);
    const claimIds = [...early, late];
    const before = await stored(org.orgId);
    expect(before.map((r) => r.keyVersion).sort()).toEqual([1, 1, 1, 1, 1, 2]);
    expect(await opened(master, org.supervisor, claimIds)).toEqual(expected);

    // Stopped after two chunks of two: four re-sealed, one left, everything still opens.
    expect(await resealOrgClaimants(db, master, org.orgId, { chunkSize: 2, maxChunks: 2 })).toEqual({
      resealed: 4,
      unreadable: 0,
      remaining: true,
    });
    expect((await stored(org.orgId)).filter((r) => r.keyVersion === 1)).toHaveLength(1);
    expect(await opened(master, org.supervisor, claimIds)).toEqual(expected);

    // Resumed by the cron's sweep: the rest, then nothing.
    const swept = await resealClaimantsOfAllOrgs(db, async () => master, { chunkSize: 2 });
    expect(swept[org.orgId]).toEqual({ resealed: 1, unreadable: 0, remaining: false });
    const after = await stored(org.orgId);
    expect(after.every((r) => r.keyVersion === 2)).toBe(true);
    for (const row of after) {
      const was = before.find((b) => b.id === row.id)!;
      // Rows already under version 2 are left as they were; the others are sealed anew.
      expect(row.phi === was.phi).toBe(was.keyVersion === 2);
    }
    expect(await resealOrgClaimants(db, master, org.orgId)).toEqual({ resealed: 0, unreadable: 0, remaining: false });
    expect(await stored(org.orgId)).toEqual(after);
    expect(await opened(master, org.supervisor, claimIds)).toEqual(expected);

    // Master key rotation: data keys re-wrapped (idempotently), PHI untouched, opened under the new key only.
    const next = await importMasterKey(btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
    expect(await rewrapOrgDataKeys(db, master, next, org.orgId)).toBe(2);
    expect(await rewrapOrgDataKeys(db, master, next, org.orgId)).toBe(0);
    expect(await stored(org.orgId)).toEqual(after);
    expect(await opened(next, org.supervisor, claimIds)).toEqual(expected);
    await expect(opened(master, org.supervisor, claimIds)).rejects.toThrow(/does not open/);
    // A sweep still running with the old master leaves the org alone instead of failing on it.
    await addDataKeyVersion(db, next, org.orgId);
    expect(await resealOrgClaimants(db, master, org.orgId)).toEqual({ resealed: 0, unreadable: 0, remaining: true });
    expect(await resealOrgClaimants(db, next, org.orgId)).toEqual({ resealed: 6, unreadable: 0, remaining: false });
    expect(await opened(next, org.supervisor, claimIds)).toEqual(expected);
  });

  test("a row that no longer opens is counted and left alone, and the rest still move", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    await fileWith(org, master, [claimant(7), claimant(8)]);
    await addDataKeyVersion(db, master, org.orgId);
    const [first] = await stored(org.orgId);
    // Another row's ciphertext copied over: sealed for a different row id, so it cannot open here.
    const [, second] = await stored(org.orgId);
    await db
      .update(claimClaimants)
      .set({ phi: second!.phi })
      .where(and(eq(claimClaimants.orgId, org.orgId), eq(claimClaimants.id, first!.id)));
    expect(await resealOrgClaimants(db, master, org.orgId)).toEqual({ resealed: 1, unreadable: 1, remaining: false });
    expect((await stored(org.orgId)).map((r) => r.keyVersion)).toEqual([1, 2]);
    // Passed over, not retried forever: a second run finds nothing it can do.
    expect(await resealOrgClaimants(db, master, org.orgId)).toEqual({ resealed: 0, unreadable: 1, remaining: false });
  });
});
