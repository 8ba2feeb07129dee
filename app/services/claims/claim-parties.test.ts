// A claim's claimants (added and edited), contacts, suits and subrogation pursuits against the real
// database and ledger: scope (another org, an adjuster not assigned, a record of another claim:
// not found), the date rules, recoveries credited to a pursuit, and a claimant's PHI edit
// re-sealed, shown only to those who see PHI and chained into the access log.
import { and, asc, eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub, useLoaderData } from "react-router";
import { describe, expect, test } from "vitest";
import ClaimParties from "../../routes/claims/parties.tsx";
import { claimClaimants, claimTimeline, phiAccessLog } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { listContacts, listSubrogations, listSuits } from "../../models/claim-parties.server.ts";
import { listClaimants } from "../../models/claims.server.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { createClaimsOrg, testMasterKey, type ClaimsOrg } from "../../../tests/support/claims.ts";
import { loadClaimForViewer, phiViewerOf, type ViewContext } from "./claim-view.server.ts";
import { loadClaimParties, saveClaimant, saveContact, saveSubrogation, saveSuit } from "./claim-parties.server.ts";
import { subrogationBalance } from "./claim-parties.ts";
import { assignClaim, fileClaim, recordClaimMoney, type ClaimActor } from "./claims.server.ts";
import { addDataKeyVersion, verifyPhiAccessChain } from "./phi-store.server.ts";
import type { ClaimantPhi } from "./phi.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();
const TODAY = "2026-12-03";

const PHI: ClaimantPhi = {
  name: "Odalys Fixture",
  address: "12 Kiln Street, Austin TX 78702",
  phone: "512-555-0199",
  email: "odalys@claimant.test",
  dateOfBirth: "1984-07-09",
  ssn: "078-05-1120",
  diagnosisCodes: "S82.101A",
  procedureCodes: "27530",
  treatmentNotes: "Tibial plateau fracture, cast",
  medicalRecordNumbers: "MRN-88001234",
};

const actor = (tenant: TenantContext): ClaimActor => ({ tenant, surface: "test", ipAddress: "198.51.100.4" });
const view = (tenant: TenantContext, extra: Partial<ViewContext> = {}): ViewContext => ({
  tenant,
  twoFactorVerified: false,
  via: "session",
  surface: "test",
  ipAddress: "198.51.100.4",
  ...extra,
});

/** A claim pinned to adjuster A, so adjuster B is "not assigned". */
async function claimOf(org: ClaimsOrg) {
  const filed = await fileClaim(db, await testMasterKey(), actor(org.supervisor), "adjuster", {
    policyId: org.policyId,
    dateOfLoss: "2026-12-02",
    lossType: "Auto: rear-ended delivery van",
    description: "The insured's delivery van was struck from behind at a light.",
    injuries: true,
    reporterName: "Fleet Manager",
    claimants: [{ role: "claimant", ...PHI }],
  });
  if (!filed.ok) throw new Error(filed.message);
  if (filed.assignedAdjusterId !== org.adjusterA.userId)
    expect(await assignClaim(db, actor(org.supervisor), filed.claimId, org.adjusterA.userId)).toMatchObject({
      ok: true,
    });
  const [claimant] = await listClaimants(db, org.orgId, filed.claimId);
  return { claimId: filed.claimId, claimantId: claimant!.id };
}

const contact = {
  role: "claimant_attorney",
  name: "Marta Quill",
  company: "Quill & Sons LLP",
  phone: "512-555-0110",
  email: "mquill@quill.test",
} as const;

const suit = {
  plaintiffClaimantId: null,
  court: "Travis County District Court",
  docketNumber: "D-1-GN-26-004411",
  venueState: "TX",
  filedOn: "2026-12-02",
  servedOn: "2026-12-03",
  plaintiffCounsel: "Quill & Sons LLP",
  defenseFirm: "Hale Barton PC",
  defenseAttorney: "Ines Hale",
  defenseEmail: "ihale@halebarton.test",
  defensePhone: "512-555-0120",
  counselAppointedOn: "2026-12-03",
  trialOn: "2027-09-14",
  status: "pending",
  resolvedOn: null,
} as const;

const pursuit = {
  targetName: "Dray Logistics LLC",
  targetCarrier: "Mesa Mutual",
  targetClaimNumber: "MM-7781",
  basis: "Their driver rear-ended the insured's van at a red light",
  demandCents: 500_000,
  status: "demand_sent",
  openedOn: "2026-12-02",
  demandSentOn: "2026-12-03",
  closedOn: null,
} as const;

describe("contacts, litigation and subrogation", () => {
  test("the assigned adjuster adds and edits them; an adjuster not assigned, another org or another claim's record: not found", async () => {
    const org = await createClaimsOrg(db);
    const { claimId, claimantId } = await claimOf(org);
    const other = await claimOf(org);
    const a = actor(org.adjusterA);

    const added = await saveContact(db, a, claimId, null, contact);
    if (!added.ok) throw new Error(added.message);
    expect(await saveContact(db, a, claimId, added.id, { ...contact, phone: "512-555-0111" })).toEqual({
      ok: true,
      id: added.id,
    });
    expect(await listContacts(db, org.orgId, claimId)).toMatchObject([{ id: added.id, phone: "512-555-0111" }]);

    const filed = await saveSuit(db, a, claimId, null, { ...suit, plaintiffClaimantId: claimantId }, TODAY);
    if (!filed.ok) throw new Error(filed.message);
    const settled = { ...suit, plaintiffClaimantId: claimantId, status: "settled" as const, resolvedOn: TODAY };
    expect(await saveSuit(db, a, claimId, filed.id, settled, TODAY)).toMatchObject({ ok: true });
    expect(await listSuits(db, org.orgId, claimId)).toMatchObject([
      { id: filed.id, status: "settled", resolvedOn: TODAY, defenseFirm: "Hale Barton PC" },
    ]);

    const opened = await saveSubrogation(db, a, claimId, null, pursuit, TODAY);
    expect(opened).toMatchObject({ ok: true });

    const outOfScope: [string, () => Promise<unknown>][] = [
      ["adjuster B, contact", () => saveContact(db, actor(org.adjusterB), claimId, null, contact)],
      ["adjuster B, suit", () => saveSuit(db, actor(org.adjusterB), claimId, null, suit, TODAY)],
      ["adjuster B, subrogation", () => saveSubrogation(db, actor(org.adjusterB), claimId, null, pursuit, TODAY)],
      ["other claim's contact", () => saveContact(db, actor(org.supervisor), other.claimId, added.id, contact)],
      ["other claim's suit", () => saveSuit(db, actor(org.supervisor), other.claimId, filed.id, suit, TODAY)],
    ];
    const stranger = await createClaimsOrg(db);
    outOfScope.push(
      ["another org's supervisor", () => saveContact(db, actor(stranger.supervisor), claimId, null, contact)],
      [
        "another org's subrogation",
        () => saveSubrogation(db, actor(stranger.supervisor), claimId, null, pursuit, TODAY),
      ],
    );
    for (const [label, attempt] of outOfScope)
      expect({ label, outcome: await attempt() }).toMatchObject({ label, outcome: { ok: false, reason: "not_found" } });
    expect(await listContacts(db, org.orgId, other.claimId)).toEqual([]);

    const kinds = await db
      .select({ kind: claimTimeline.kind, summary: claimTimeline.summary })
      .from(claimTimeline)
      .where(and(eq(claimTimeline.orgId, org.orgId), eq(claimTimeline.claimId, claimId)));
    expect(kinds.filter((k) => ["contact", "suit", "subrogation"].includes(k.kind))).toHaveLength(5);
    // The plaintiff is referenced, never named, in the timeline.
    expect(JSON.stringify(kinds)).not.toContain(PHI.name);
  });

  test("dates in order and resolutions required; a plaintiff must be a claimant of the claim", async () => {
    const org = await createClaimsOrg(db);
    const { claimId } = await claimOf(org);
    const other = await claimOf(org);
    const a = actor(org.supervisor);
    const refusals: [string, Promise<unknown>][] = [
      ["served before filed", saveSuit(db, a, claimId, null, { ...suit, servedOn: "2026-12-01" }, TODAY)],
      ["settled without date", saveSuit(db, a, claimId, null, { ...suit, status: "settled" }, TODAY)],
      [
        "filed in the future",
        saveSuit(db, a, claimId, null, { ...suit, filedOn: "2026-12-04", servedOn: null }, TODAY),
      ],
      [
        "plaintiff of another claim",
        saveSuit(db, a, claimId, null, { ...suit, plaintiffClaimantId: other.claimantId }, TODAY),
      ],
      ["demand sent without date", saveSubrogation(db, a, claimId, null, { ...pursuit, demandSentOn: null }, TODAY)],
      ["recovered without closing", saveSubrogation(db, a, claimId, null, { ...pursuit, status: "recovered" }, TODAY)],
    ];
    for (const [label, attempt] of refusals)
      expect({ label, outcome: await attempt }).toMatchObject({ label, outcome: { ok: false, reason: "refused" } });
    expect(await listSuits(db, org.orgId, claimId)).toEqual([]);
  });

  test("subrogation recoveries credited to a pursuit: recovered and outstanding; only subrogation, only this claim's", async () => {
    const org = await createClaimsOrg(db);
    const { claimId } = await claimOf(org);
    const other = await claimOf(org);
    const a = actor(org.supervisor);
    const opened = await saveSubrogation(db, a, claimId, null, pursuit, TODAY);
    const elsewhere = await saveSubrogation(db, a, other.claimId, null, pursuit, TODAY);
    if (!opened.ok || !elsewhere.ok) throw new Error("pursuits not opened");
    const client = ledger.current.client;
    const recovery = (extra: object) =>
      recordClaimMoney(db, client, a, claimId, {
        category: "subrogation",
        amountCents: 120_000,
        counterparty: "Mesa Mutual",
        method: "check",
        ...extra,
      });
    expect(await recovery({ subrogationId: opened.id })).toMatchObject({ ok: true, posting: { status: "posted" } });
    expect(await recovery({ subrogationId: opened.id, amountCents: 30_050 })).toMatchObject({ ok: true });
    // Not tied to any pursuit: counts on the claim, not on the pursuit.
    expect(await recovery({})).toMatchObject({ ok: true });
    expect(await recovery({ subrogationId: opened.id, category: "salvage" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Only a subrogation recovery"),
    });
    expect(await recovery({ subrogationId: elsewhere.id })).toMatchObject({
      ok: false,
      message: expect.stringContaining("not on this claim"),
    });
    // $5,000.00 demanded, $1,200.00 + $300.50 credited: $1,500.50 recovered, $3,499.50 outstanding.
    const [row] = await listSubrogations(db, org.orgId, claimId);
    expect(row).toMatchObject({ id: opened.id, demandCents: 500_000, recoveredCents: 150_050 });
    expect(subrogationBalance(row!.demandCents, row!.recoveredCents)).toEqual({
      recoveredCents: 150_050,
      outstandingCents: 349_950,
    });
  });
});

describe("editing a claimant's PHI", () => {
  test("re-sealed under the current key, shown only to who sees PHI, the changed fields chained as a write", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const { claimId, claimantId } = await claimOf(org);
    const newVersion = await addDataKeyVersion(db, master, org.orgId);
    const edited = { role: "injured_worker", ...PHI, phone: "512-555-0000", treatmentNotes: "Cast removed; physio" };
    const supervisorView = view(org.supervisor);

    const refusedFor: [string, ClaimActor, ViewContext, string][] = [
      ["admin without two-factor", actor(org.admin), view(org.admin), "refused"],
      ["adjuster not assigned", actor(org.adjusterB), view(org.adjusterB), "not_found"],
    ];
    for (const [label, who, seen, reason] of refusedFor)
      expect({
        label,
        outcome: await saveClaimant(db, master, who, phiViewerOf(seen), claimId, claimantId, edited),
      }).toMatchObject({ label, outcome: { ok: false, reason } });
    const other = await claimOf(org);
    expect(
      await saveClaimant(
        db,
        master,
        actor(org.supervisor),
        phiViewerOf(supervisorView),
        claimId,
        other.claimantId,
        edited,
      ),
    ).toMatchObject({ ok: false, reason: "not_found" });

    const saved = await saveClaimant(
      db,
      master,
      actor(org.adjusterA),
      phiViewerOf(view(org.adjusterA)),
      claimId,
      claimantId,
      edited,
    );
    expect(saved).toEqual({ ok: true, id: claimantId, changed: ["phone", "treatmentNotes"] });
    const [stored] = await db
      .select()
      .from(claimClaimants)
      .where(and(eq(claimClaimants.orgId, org.orgId), eq(claimClaimants.id, claimantId)));
    expect(stored).toMatchObject({ role: "injured_worker", keyVersion: newVersion });
    for (const value of Object.values(edited)) if (value.length > 8) expect(stored!.phi).not.toContain(value);

    const seenBySupervisor = await loadClaimForViewer(db, master, supervisorView, claimId);
    expect(seenBySupervisor?.claimants[0]?.phi).toMatchObject({ phone: "512-555-0000", name: PHI.name });
    const seenByProducer = await loadClaimForViewer(db, master, view(org.producer), claimId);
    expect(JSON.stringify(seenByProducer)).not.toContain("512-555-0000");

    // The same values again change nothing and log nothing.
    expect(
      await saveClaimant(db, master, actor(org.supervisor), phiViewerOf(supervisorView), claimId, claimantId, edited),
    ).toEqual({ ok: true, id: claimantId, changed: [] });
    const writes = await db
      .select({ fields: phiAccessLog.fields, actorUserId: phiAccessLog.actorUserId })
      .from(phiAccessLog)
      .where(
        and(eq(phiAccessLog.orgId, org.orgId), eq(phiAccessLog.claimId, claimId), eq(phiAccessLog.action, "write")),
      )
      .orderBy(asc(phiAccessLog.sequence));
    expect(writes.at(-1)).toEqual({ fields: ["phone", "treatmentNotes"], actorUserId: org.adjusterA.userId });
    expect(writes).toHaveLength(2); // filed, then this edit
    expect(await verifyPhiAccessChain(db, org.orgId)).toMatchObject({ intact: true });
  });
});

describe("adding a claimant", () => {
  test("sealed, its given fields chained as a write, named by role only in the timeline; only by who sees PHI", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const { claimId } = await claimOf(org);
    const witness = { role: "witness", name: "Pell Ostrander", phone: "512-555-0142", treatmentNotes: "" };
    const refusedFor: [string, TenantContext, string][] = [
      ["admin without two-factor", org.admin, "refused"],
      ["adjuster not assigned", org.adjusterB, "not_found"],
    ];
    for (const [label, who, reason] of refusedFor)
      expect({
        label,
        outcome: await saveClaimant(db, master, actor(who), phiViewerOf(view(who)), claimId, null, witness),
      }).toMatchObject({ label, outcome: { ok: false, reason } });

    const added = await saveClaimant(
      db,
      master,
      actor(org.adjusterA),
      phiViewerOf(view(org.adjusterA)),
      claimId,
      null,
      witness,
    );
    if (!added.ok) throw new Error(added.message);
    expect(added.changed).toEqual(["name", "phone"]);
    const [stored] = await db
      .select()
      .from(claimClaimants)
      .where(and(eq(claimClaimants.orgId, org.orgId), eq(claimClaimants.id, added.id)));
    expect(stored).toMatchObject({ claimId, role: "witness" });
    expect(stored!.phi).not.toContain("Ostrander");
    const seen = await loadClaimForViewer(db, master, view(org.supervisor), claimId);
    expect(seen?.claimants.map((c) => c.phi.name)).toEqual([PHI.name, "Pell Ostrander"]);

    const writes = await db
      .select({ fields: phiAccessLog.fields, actorUserId: phiAccessLog.actorUserId })
      .from(phiAccessLog)
      .where(
        and(eq(phiAccessLog.orgId, org.orgId), eq(phiAccessLog.claimId, claimId), eq(phiAccessLog.action, "write")),
      )
      .orderBy(asc(phiAccessLog.sequence));
    expect(writes.at(-1)).toEqual({ fields: ["name", "phone"], actorUserId: org.adjusterA.userId });
    const summaries = await db
      .select({ summary: claimTimeline.summary })
      .from(claimTimeline)
      .where(
        and(eq(claimTimeline.orgId, org.orgId), eq(claimTimeline.claimId, claimId), eq(claimTimeline.kind, "claimant")),
      );
    expect(summaries).toEqual([{ summary: "A witness was added (name, phone)" }]);
    expect(await verifyPhiAccessChain(db, org.orgId)).toMatchObject({ intact: true });
  });
});

/** The route module's component with its loader data, as the framework hands it over. */
function PartiesRoute() {
  return createElement(ClaimParties, { loaderData: useLoaderData() } as unknown as Parameters<typeof ClaimParties>[0]);
}

const PartiesStub = createRoutesStub([
  { id: "parties", path: "/claims/:claimId/parties", Component: PartiesRoute, loader: () => null },
]);

describe("the parties page", () => {
  test("renders the records; claimant edit forms and PHI only for who sees PHI", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const { claimId, claimantId } = await claimOf(org);
    await saveContact(db, actor(org.supervisor), claimId, null, contact);
    await saveSuit(db, actor(org.supervisor), claimId, null, { ...suit, plaintiffClaimantId: claimantId }, TODAY);
    await saveSubrogation(db, actor(org.supervisor), claimId, null, pursuit, TODAY);
    async function html(tenant: TenantContext, canManage: boolean) {
      const data = await loadClaimParties(db, master, view(tenant), claimId);
      return renderToString(
        createElement(PartiesStub, {
          initialEntries: [`/claims/${claimId}/parties`],
          hydrationData: { loaderData: { parties: { ...data, canManage, formToken: "token" } } },
        }),
      );
    }
    const supervisor = await html(org.supervisor, true);
    for (const text of [PHI.name, PHI.ssn, "Marta Quill", "D-1-GN-26-004411", "Hale Barton PC", "Dray Logistics LLC"])
      expect(supervisor).toContain(text);
    expect(supervisor).toContain('name="claimantId"');
    // The pursuit's $5,000.00 demand, nothing recovered yet.
    expect(supervisor).toContain("$5,000.00");
    const producer = await html(org.producer, false);
    for (const value of Object.values(PHI)) expect(producer).not.toContain(value);
    expect(producer).not.toContain('name="claimantId"');
    expect(producer).toContain("Marta Quill");
  });
});
