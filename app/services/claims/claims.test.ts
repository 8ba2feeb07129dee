// Claims handling against the real database and a real ledger proxy: FNOL to closing, the
// reserve approval queue, postings exactly once, isolation, PHI on every surface, the chain.
import { and, asc, eq, sql } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, test } from "vitest";
import { claimClaimants, claims, ledgerPostings, outboxEvents, phiAccessLog } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { ROLES } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { ClaimantList } from "../../components/claim-parts.tsx";
import { listClaimBookRows } from "../../models/claim-book.server.ts";
import { listPhiAccessRows } from "../../models/phi-access-log.server.ts";
import { claimBookTable, phiAccessTable } from "../../models/table-specs.ts";
import { csvStream } from "../../utils/table-export.server.ts";
import { CLAIM_EXPORT_COLUMNS } from "./claim-export.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { webhookBody } from "../events/webhooks.server.ts";
import { createLedgerClient } from "../ledger/client.server.ts";
import { postAwaitingPostings } from "../ledger/postings.server.ts";
import { getAccountBalances } from "../ledger/reports.server.ts";
import { reconcile } from "../ledger/reconciliation.server.ts";
import { TEST_LEDGER_KEY, useTestLedger } from "../../../tests/support/ledger.ts";
import { createClaimsOrg, testMasterKey, type ClaimsOrg } from "../../../tests/support/claims.ts";
import { presentClaim } from "./claim-presenter.ts";
import { reconcileClaims } from "./claims-reconciliation.server.ts";
import { loadClaimForViewer, type ViewContext } from "./claim-view.server.ts";
import { listOverdueTasks, listTasksOfClaim } from "../../models/claims.server.ts";
import {
  addDiaryTask,
  assignClaim,
  changeReserve,
  completeDiaryTask,
  decideReserveApproval,
  fileClaim,
  moveClaim,
  recordClaimMoney,
  type ClaimActor,
  type FirstNoticeOfLoss,
} from "./claims.server.ts";
import { loadClaimParties, saveContact, saveSubrogation, saveSuit } from "./claim-parties.server.ts";
import { logPhiAccess, verifyPhiAccessChain } from "./phi-store.server.ts";
import { PHI_FIELD_KEYS, type ClaimantPhi } from "./phi.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

const PHI: ClaimantPhi = {
  name: "Rosalind Testcase",
  address: "77 Quarry Lane, Austin TX 78701",
  phone: "512-555-0142",
  email: "rosalind@claimant.test",
  dateOfBirth: "1979-03-14",
  ssn: "219-09-9999",
  diagnosisCodes: "S52.501A",
  procedureCodes: "25600",
  treatmentNotes: "Closed reduction of the distal radius",
  medicalRecordNumbers: "MRN-55120931",
};

const actor = (tenant: TenantContext): ClaimActor => ({ tenant, surface: "test", ipAddress: "203.0.113.7" });
const view = (tenant: TenantContext, extra: Partial<ViewContext> = {}): ViewContext => ({
  tenant,
  twoFactorVerified: false,
  via: "session",
  surface: "test",
  ipAddress: "203.0.113.7",
  ...extra,
});

function fnol(org: ClaimsOrg, extra: Partial<FirstNoticeOfLoss> = {}): FirstNoticeOfLoss {
  return {
    policyId: org.policyId,
    dateOfLoss: "2026-12-02",
    lossType: "Bodily injury: customer slip",
    description: "A customer slipped on a wet floor near the entrance and fell.",
    injuries: true,
    reporterName: "Hank Holder",
    claimants: [{ role: "claimant", ...PHI }],
    ...extra,
  };
}

async function balances(orgId: string) {
  return Object.fromEntries(
    (await getAccountBalances(db, ledger.current.client, orgId)).map((b) => [b.name, b.balanceCents]),
  );
}

async function events(orgId: string) {
  return db
    .select({
      type: outboxEvents.type,
      payload: outboxEvents.payload,
      id: outboxEvents.id,
      createdAt: outboxEvents.createdAt,
    })
    .from(outboxEvents)
    .where(eq(outboxEvents.orgId, orgId))
    .orderBy(asc(outboxEvents.createdAt));
}

describe("first notice of loss", () => {
  test("numbers the claim, seals the PHI, assigns the least loaded licensed adjuster and raises claim.filed and claim.assigned", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const first = await fileClaim(db, master, actor(org.policyholder), "portal", fnol(org));
    expect(first).toMatchObject({
      ok: true,
      noCoverageOnDateOfLoss: false,
      claimNumber: expect.stringMatching(/^CLM-\d{4}-\d{5}$/),
    });
    if (!first.ok) return;
    // Both adjusters carry nothing: the lower id gets it; the next claim goes to the other one.
    const expectedFirst = [org.adjusterA.userId, org.adjusterB.userId].sort()[0];
    expect(first.assignedAdjusterId).toBe(expectedFirst);
    const second = await fileClaim(db, master, actor(org.policyholder), "portal", fnol(org));
    expect(second.ok && second.assignedAdjusterId).not.toBe(expectedFirst);

    const [stored] = await db
      .select()
      .from(claimClaimants)
      .where(and(eq(claimClaimants.orgId, org.orgId), eq(claimClaimants.claimId, first.claimId)));
    for (const value of Object.values(PHI)) expect(stored!.phi).not.toContain(value);

    const types = (await events(org.orgId)).map((e) => e.type);
    expect(types.filter((t) => t === "claim.filed")).toHaveLength(2);
    expect(types.filter((t) => t === "claim.assigned")).toHaveLength(2);
    const [write] = await db
      .select()
      .from(phiAccessLog)
      .where(and(eq(phiAccessLog.orgId, org.orgId), eq(phiAccessLog.claimId, first.claimId)));
    expect(write).toMatchObject({ action: "write", actorUserId: org.policyholder.userId, ipAddress: "203.0.113.7" });
    expect(write!.fields.sort()).toEqual([...PHI_FIELD_KEYS].sort());
  });

  test("a date of loss outside the term is filed and flagged, not refused; a policy out of reach is not found", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const outside = await fileClaim(
      db,
      master,
      actor(org.policyholder),
      "portal",
      fnol(org, { dateOfLoss: "2026-11-15" }),
    );
    expect(outside).toMatchObject({ ok: true, noCoverageOnDateOfLoss: true });
    const other = await createClaimsOrg(db);
    expect(await fileClaim(db, master, actor(other.policyholder), "portal", fnol(org))).toMatchObject({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("working a claim", () => {
  test("reserve above authority waits for the supervisor, posts on approval; payments and recoveries post once; closing", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const filed = await fileClaim(db, master, actor(org.supervisor), "adjuster", fnol(org));
    if (!filed.ok) throw new Error(filed.message);
    const adjuster = filed.assignedAdjusterId === org.adjusterA.userId ? org.adjusterA : org.adjusterB;
    const client = ledger.current.client;

    expect(await moveClaim(db, actor(adjuster), filed.claimId, "investigating", null)).toMatchObject({ ok: true });
    expect(await moveClaim(db, actor(adjuster), filed.claimId, "settled", null)).toMatchObject({
      ok: false,
      reason: "refused",
    });

    // Within authority ($8,000 <= $10,000): posts at once.
    const within = await changeReserve(db, client, actor(adjuster), filed.claimId, {
      reserveType: "indemnity",
      newCents: 800_000,
      rationale: "Medical bills and lost wages estimate",
    });
    expect(within).toMatchObject({ ok: true, status: "posted", posting: { status: "posted" } });
    // $8,000 + $3,000 expense = $11,000 > $10,000: waits, and changes nothing yet.
    const above = await changeReserve(db, client, actor(adjuster), filed.claimId, {
      reserveType: "expense",
      newCents: 300_000,
      rationale: "Defense counsel retained",
    });
    expect(above).toMatchObject({ ok: true, status: "awaiting_approval", posting: null });
    if (!above.ok) return;
    const [before] = await db
      .select()
      .from(claims)
      .where(and(eq(claims.orgId, org.orgId), eq(claims.id, filed.claimId)));
    expect(before).toMatchObject({ caseReserveCents: 800_000, expenseReserveCents: 0 });
    expect(await decideReserveApproval(db, client, actor(adjuster), above.changeId, true)).toMatchObject({ ok: false });
    expect(await decideReserveApproval(db, client, actor(org.supervisor), above.changeId, true)).toMatchObject({
      ok: true,
      status: "posted",
      posting: { status: "posted" },
    });
    expect(await decideReserveApproval(db, client, actor(org.supervisor), above.changeId, true)).toMatchObject({
      ok: false,
      message: expect.stringContaining("already posted"),
    });

    // Payments: above payment authority refused; beyond the reserve refused; within both posts.
    expect(
      await recordClaimMoney(db, client, actor(adjuster), filed.claimId, {
        category: "indemnity",
        amountCents: 600_000,
        counterparty: "Rosalind Testcase",
        method: "check",
      }),
    ).toMatchObject({ ok: false, message: expect.stringContaining("payment authority") });
    const paid = await recordClaimMoney(db, client, actor(adjuster), filed.claimId, {
      category: "indemnity",
      amountCents: 450_000,
      counterparty: "Rosalind Testcase",
      method: "check",
      reference: "CHK-1001",
    });
    expect(paid).toMatchObject({ ok: true, posting: { status: "posted" } });
    // The ledger is down for the expense payment: it waits with its ids and posts once when back.
    const down = createLedgerClient({ url: "http://127.0.0.1:9", apiKey: TEST_LEDGER_KEY });
    const waiting = await recordClaimMoney(db, down, actor(adjuster), filed.claimId, {
      category: "expense",
      amountCents: 120_000,
      counterparty: "Lone Star Defense LLP",
      method: "ach",
    });
    expect(waiting).toMatchObject({ ok: true, posting: { status: "awaiting_posting" } });
    expect(await postAwaitingPostings(db, client, { orgId: org.orgId })).toMatchObject({ posted: 1 });
    expect(await postAwaitingPostings(db, client, { orgId: org.orgId })).toMatchObject({ attempted: 0 });
    const recovered = await recordClaimMoney(db, client, actor(adjuster), filed.claimId, {
      category: "subrogation",
      amountCents: 50_000,
      counterparty: "Slippery Floors Inc. (insurer)",
      method: "wire",
    });
    expect(recovered).toMatchObject({ ok: true, posting: { status: "posted" } });

    // Worked example: reserves 8,000 + 3,000; paid 4,500 + 1,200; recovered 500.
    const [after] = await db
      .select()
      .from(claims)
      .where(and(eq(claims.orgId, org.orgId), eq(claims.id, filed.claimId)));
    expect(after).toMatchObject({
      indemnityReserveCents: 350_000,
      expenseReserveCents: 180_000,
      caseReserveCents: 530_000,
      paidIndemnityCents: 450_000,
      paidExpenseCents: 120_000,
      paidCents: 570_000,
      recoveredCents: 50_000,
    });
    // Balances read credits - debits: reserves and paid are debit balances, the loss fund a credit one.
    expect(await balances(org.orgId)).toMatchObject({
      RESERVES: -530_000,
      CLAIMS_PAID: -520_000,
      LOSS_FUND: 1_050_000,
    });
    const postings = await db.select().from(ledgerPostings).where(eq(ledgerPostings.orgId, org.orgId));
    expect(postings.filter((p) => p.claimId === filed.claimId).map((p) => p.status)).toEqual(Array(5).fill("posted"));
    const recon = await reconcile(db, client, org.orgId);
    expect(recon.breaks).toEqual([]);
    expect(await reconcileClaims(db, org.orgId)).toEqual({
      totals: { paidCents: 570_000, reserveCents: 530_000, incurredCents: 1_100_000, recoveredCents: 50_000 },
      breaks: [],
      claimsChecked: 1,
    });
    // A figure edited behind the workflows' back is a break.
    await db
      .update(claims)
      .set({ paidCents: 1 })
      .where(and(eq(claims.orgId, org.orgId), eq(claims.id, filed.claimId)));
    expect((await reconcileClaims(db, org.orgId)).breaks).toEqual([
      expect.objectContaining({ claimId: filed.claimId, detail: expect.stringContaining("paid less recovered") }),
    ]);
    await db
      .update(claims)
      .set({ paidCents: 570_000 })
      .where(and(eq(claims.orgId, org.orgId), eq(claims.id, filed.claimId)));

    // Close: the reserve must be released first (with its rationale), then settle and close.
    expect(await moveClaim(db, actor(adjuster), filed.claimId, "litigated", null)).toMatchObject({ ok: true });
    expect(await moveClaim(db, actor(adjuster), filed.claimId, "in_defense", null)).toMatchObject({ ok: true });
    expect(await moveClaim(db, actor(adjuster), filed.claimId, "settled", null)).toMatchObject({ ok: true });
    expect(await moveClaim(db, actor(adjuster), filed.claimId, "closed", "Settled in full")).toMatchObject({
      ok: false,
      message: expect.stringContaining("Release the outstanding reserve"),
    });
    for (const reserveType of ["indemnity", "expense"] as const)
      expect(
        await changeReserve(db, client, actor(adjuster), filed.claimId, {
          reserveType,
          newCents: 0,
          rationale: "Settled in full",
        }),
      ).toMatchObject({ ok: true, status: "posted" });
    expect(await moveClaim(db, actor(adjuster), filed.claimId, "closed", "Settled in full")).toMatchObject({
      ok: true,
    });
    expect(await balances(org.orgId)).toMatchObject({ RESERVES: 0, CLAIMS_PAID: -520_000, LOSS_FUND: 520_000 });
    const types = (await events(org.orgId)).map((e) => e.type);
    for (const t of ["claim.reserve_changed", "claim.payment_made", "claim.settled", "claim.closed"])
      expect(types).toContain(t);
  });

  test("reassignment is a supervisor's, to a licensed adjuster with a profile", async () => {
    const org = await createClaimsOrg(db);
    const filed = await fileClaim(db, await testMasterKey(), actor(org.supervisor), "adjuster", fnol(org));
    if (!filed.ok) throw new Error(filed.message);
    const other = filed.assignedAdjusterId === org.adjusterA.userId ? org.adjusterB : org.adjusterA;
    expect(await assignClaim(db, actor(org.supervisor), filed.claimId, org.producer.userId)).toMatchObject({
      ok: false,
    });
    expect(await assignClaim(db, actor(org.supervisor), filed.claimId, other.userId)).toMatchObject({ ok: true });
    expect((await events(org.orgId)).filter((e) => e.type === "claim.assigned").at(-1)!.payload).toMatchObject({
      adjusterUserId: other.userId,
      assignedByUserId: org.supervisor.userId,
    });
  });
});

describe("isolation", () => {
  test("another org, another agency's producer and an adjuster not assigned get not found everywhere", async () => {
    const org = await createClaimsOrg(db);
    const other = await createClaimsOrg(db);
    const master = await testMasterKey();
    const filed = await fileClaim(db, master, actor(org.supervisor), "adjuster", fnol(org));
    if (!filed.ok) throw new Error(filed.message);
    const notAssigned = filed.assignedAdjusterId === org.adjusterA.userId ? org.adjusterB : org.adjusterA;
    const strangerProducer = { ...org.producer, agencyId: "agy_somebody_else" };
    for (const tenant of [other.supervisor, other.adjusterA, notAssigned, strangerProducer]) {
      expect(await loadClaimForViewer(db, master, view(tenant), filed.claimId)).toBeNull();
      expect(await moveClaim(db, actor(tenant), filed.claimId, "investigating", null)).toMatchObject({
        reason: "not_found",
      });
      expect(
        await recordClaimMoney(db, ledger.current.client, actor(tenant), filed.claimId, {
          category: "salvage",
          amountCents: 100,
          counterparty: "x",
          method: "check",
        }),
      ).toMatchObject({ reason: "not_found" });
    }
    expect(await loadClaimForViewer(db, master, view(org.producer), filed.claimId)).not.toBeNull();
  });
});

describe("PHI on every surface", () => {
  const roles: [string, (o: ClaimsOrg) => ViewContext, boolean][] = [
    ["assigned adjuster", (o) => view(o.adjusterA), true],
    ["claims supervisor", (o) => view(o.supervisor), true],
    ["org admin with two-factor", (o) => view(o.admin, { twoFactorVerified: true }), true],
    ["org admin without two-factor", (o) => view(o.admin), false],
    ["adjuster not assigned", (o) => view(o.adjusterB), false],
    ["producer", (o) => view(o.producer), false],
    ["policyholder", (o) => view(o.policyholder), false],
    ["compliance officer", (o) => view(o.compliance), false],
    ["underwriter", (o) => view(o.underwriter), false],
    ["senior underwriter", (o) => view({ ...o.underwriter, roles: ["senior_underwriter"] }), false],
    ["agency admin of the policy's agency", (o) => view({ ...o.producer, roles: ["agency_admin"] }), false],
    ["finance analyst", (o) => view(o.finance), false],
    [
      "carrier user of the policy's carrier",
      (o) => view({ ...o.underwriter, roles: ["carrier_user"], carrierId: "car_test" }),
      false,
    ],
    ["API key of the supervisor", (o) => view(o.supervisor, { via: "api_key", apiKeyId: "key_1" }), false],
  ];

  test("role x field x surface: page HTML and data, /v1 JSON, CSV export and webhook bodies", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const filed = await fileClaim(db, master, actor(org.policyholder), "portal", fnol(org));
    if (!filed.ok) throw new Error(filed.message);
    // Pin the claim to adjuster A so "adjuster not assigned" is B.
    if (filed.assignedAdjusterId !== org.adjusterA.userId)
      expect(await assignClaim(db, actor(org.supervisor), filed.claimId, org.adjusterA.userId)).toMatchObject({
        ok: true,
      });
    await changeReserve(db, ledger.current.client, actor(org.supervisor), filed.claimId, {
      reserveType: "indemnity",
      newCents: 100_000,
      rationale: "Initial",
    });
    // Every record that can point at the claimant: a payment to them (the payee is masked with
    // the PHI), a suit they filed (named by reference), counsel, a subrogation pursuit.
    await recordClaimMoney(db, ledger.current.client, actor(org.supervisor), filed.claimId, {
      category: "indemnity",
      amountCents: 25_000,
      counterparty: PHI.name,
      method: "check",
    });
    const [claimantRow] = await db
      .select({ id: claimClaimants.id })
      .from(claimClaimants)
      .where(and(eq(claimClaimants.orgId, org.orgId), eq(claimClaimants.claimId, filed.claimId)));
    const suit = await saveSuit(
      db,
      actor(org.supervisor),
      filed.claimId,
      null,
      {
        plaintiffClaimantId: claimantRow!.id,
        court: "Travis County Court at Law",
        docketNumber: "C-1-CV-26-1001",
        venueState: "TX",
        filedOn: "2026-12-03",
        status: "pending",
        defenseFirm: "Hale Barton PC",
      },
      "2026-12-03",
    );
    expect(suit).toMatchObject({ ok: true });
    expect(
      await saveContact(db, actor(org.supervisor), filed.claimId, null, {
        role: "claimant_attorney",
        name: "Marta Quill",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await saveSubrogation(
        db,
        actor(org.supervisor),
        filed.claimId,
        null,
        {
          targetName: "Dray Logistics LLC",
          basis: "Their wet-floor contractor left no sign",
          demandCents: 50_000,
          status: "identified",
          openedOn: "2026-12-03",
        },
        "2026-12-03",
      ),
    ).toMatchObject({ ok: true });
    const allEvents = await events(org.orgId);
    const webhookText = allEvents
      .map((e) =>
        webhookBody({
          id: e.id,
          orgId: org.orgId,
          type: e.type,
          createdAt: e.createdAt.toISOString(),
          data: e.payload,
        }),
      )
      .join("\n");
    const everyClaim = parseTableState(new URLSearchParams("size=100"), claimBookTable);
    // The table names every role there is (a new role must be added here to be judged).
    expect(new Set(roles.flatMap(([, viewOf]) => viewOf(org).tenant.roles))).toEqual(new Set(ROLES));

    for (const [label, viewOf, sees] of roles) {
      const v = viewOf(org);
      const claim = await loadClaimForViewer(db, master, v, filed.claimId);
      const parties = await loadClaimParties(db, master, v, filed.claimId);
      const surfaces: Record<string, string> = {
        page: claim ? renderToString(createElement(ClaimantList, { claimants: claim.claimants })) : "",
        // What the claim pages hand to the browser (rendered and serialized into the HTML).
        "claim page data": claim ? JSON.stringify(claim) : "",
        "parties page data": parties ? JSON.stringify(parties) : "",
        api: claim ? JSON.stringify(presentClaim(claim)) : "",
        csv: await new Response(
          csvStream({
            format: "csv",
            filename: "claims",
            columns: CLAIM_EXPORT_COLUMNS,
            fetchBatch: (offset, limit) => listClaimBookRows(db, v.tenant, everyClaim, offset, limit),
          }),
        ).text(),
        webhook: webhookText,
      };
      for (const field of PHI_FIELD_KEYS)
        for (const [surface, text] of Object.entries(surfaces)) {
          const shown = text.includes(PHI[field]);
          const expected = sees && (surface.startsWith("page") || surface.endsWith("page data") || surface === "api");
          expect(shown, `${label} · ${field} · ${surface}`).toBe(expected);
        }
    }
  });

  test("the access log: reads are chained per org, concurrent appends do not fork, an edited row is found, compliance sees no values", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const filed = await fileClaim(db, master, actor(org.policyholder), "portal", fnol(org));
    if (!filed.ok) throw new Error(filed.message);
    await loadClaimForViewer(db, master, view(org.supervisor), filed.claimId);
    await loadClaimForViewer(db, master, view(org.producer), filed.claimId); // masked: no read logged
    await Promise.all(
      Array.from({ length: 8 }, () =>
        logPhiAccess(db, org.orgId, [
          {
            actorUserId: org.supervisor.userId,
            action: "read",
            claimId: filed.claimId,
            fields: ["ssn"],
            surface: "test",
            ipAddress: null,
          },
        ]),
      ),
    );
    expect(await verifyPhiAccessChain(db, org.orgId)).toEqual({ intact: true, rows: 10 });
    const review = await listPhiAccessRows(
      db,
      org.orgId,
      parseTableState(new URLSearchParams(), phiAccessTable),
      0,
      200,
    );
    expect(review).toHaveLength(10);
    expect(JSON.stringify(review)).not.toContain(PHI.ssn);

    await db
      .update(phiAccessLog)
      .set({ fields: ["name"] })
      .where(and(eq(phiAccessLog.orgId, org.orgId), eq(phiAccessLog.sequence, 4)));
    expect(await verifyPhiAccessChain(db, org.orgId)).toMatchObject({ intact: false, brokenAtSequence: 4 });
    await db.execute(
      sql`delete from ${phiAccessLog} where ${phiAccessLog.orgId} = ${org.orgId} and ${phiAccessLog.sequence} = 4`,
    );
    expect(await verifyPhiAccessChain(db, org.orgId)).toMatchObject({ intact: false, brokenAtSequence: 5 });
  });
});

describe("the diary", () => {
  test("entries go to the assigned adjuster; the overdue list holds theirs past due and not done, oldest first", async () => {
    const org = await createClaimsOrg(db);
    const filed = await fileClaim(db, await testMasterKey(), actor(org.supervisor), "adjuster", fnol(org));
    if (!filed.ok) throw new Error(filed.message);
    if (filed.assignedAdjusterId !== org.adjusterA.userId)
      expect(await assignClaim(db, actor(org.supervisor), filed.claimId, org.adjusterA.userId)).toMatchObject({
        ok: true,
      });
    const today = "2026-12-04";
    const a = actor(org.adjusterA);
    const entries: [title: string, dueOn: string][] = [
      ["Call the claimant back", "2026-12-01"],
      ["Request the police report", "2026-11-20"],
      ["Inspect the premises", "2026-12-04"],
      ["Chase the medical records", "2026-12-10"],
    ];
    for (const [title, dueOn] of entries)
      expect(await addDiaryTask(db, a, filed.claimId, { title, dueOn })).toEqual({ ok: true });
    const done = (await listTasksOfClaim(db, org.orgId, filed.claimId)).find(
      (t) => t.title === "Call the claimant back",
    );
    expect(await completeDiaryTask(db, a, filed.claimId, done!.id)).toEqual({ ok: true });
    expect(await completeDiaryTask(db, a, filed.claimId, done!.id)).toMatchObject({ ok: false, reason: "refused" });

    // Due today is not overdue yet; done is never overdue.
    expect(await listOverdueTasks(db, org.orgId, org.adjusterA.userId, today)).toEqual([
      expect.objectContaining({ claimId: filed.claimId, title: "Request the police report", dueOn: "2026-11-20" }),
    ]);
    expect(await listOverdueTasks(db, org.orgId, org.adjusterB.userId, today)).toEqual([]);
    expect(
      await addDiaryTask(db, actor(org.adjusterB), filed.claimId, { title: "Not mine", dueOn: today }),
    ).toMatchObject({ ok: false, reason: "not_found" });
    const stranger = await createClaimsOrg(db);
    expect(await listOverdueTasks(db, stranger.orgId, org.adjusterA.userId, today)).toEqual([]);
  });
});
