// PHI on the surfaces the role x field x surface test in claims.test.ts does not render:
// notifications (the bell and its live push), emails, webhook deliveries as sent, server logs,
// the /v1 filing path's answers, and search. A claim lives its whole life with a distinctive
// value in every registered PHI field, each event is delivered through the real delivery path,
// and every text those surfaces produced is searched for every value.
import { readFileSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { emailOutbox, notifications, outboxEvents, webhookDeliveries } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createClaimsOrg, TEST_PHI_MASTER_KEY, testMasterKey, type ClaimsOrg } from "../../../tests/support/claims.ts";
import { testHostResolver } from "../../../tests/support/host-resolver.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { startWebhookReceiver } from "../../../tests/support/webhook-receiver.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { listClaimBookPage } from "../../models/claim-book.server.ts";
import { claimBookTable } from "../../models/table-specs.ts";
import {
  afterResponseContext,
  appServicesContext,
  cloudflareContext,
  type AppServices,
} from "../../router-context.server.ts";
import { action as fileByApi } from "../../routes/api/v1/claims.ts";
import { loader as claimByApi } from "../../routes/api/v1/claim.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { issueApiKey } from "../access/api-keys.server.ts";
import { DOMAIN_EVENT_TYPES } from "../events/domain-event-types.ts";
import { deliverDomainEvent, type DeliveryDeps } from "../events/event-delivery.server.ts";
import type { LiveUpdate } from "../events/live-notifications.ts";
import { saveNotificationPreferences } from "../events/notifications.server.ts";
import { createWebhookEndpoint } from "../events/webhooks.server.ts";
import {
  assignClaim,
  changeReserve,
  decideReserveApproval,
  fileClaim,
  moveClaim,
  recordClaimMoney,
} from "./claims.server.ts";
import { PHI_FIELD_KEYS, type ClaimantPhi } from "./phi.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();
const APP_SECRET = process.env.BETTER_AUTH_SECRET!;

// Distinctive values: none is a substring of anything the app writes on its own.
const PHI: ClaimantPhi = {
  name: "Zebulon Quillfeather",
  address: "4417 Vireo Hollow Rd, Marfa TX 79843",
  phone: "432-555-0199",
  email: "zebulon.quill@claimant.test",
  dateOfBirth: "1961-07-23",
  ssn: "078-05-1120",
  diagnosisCodes: "T23.301A",
  procedureCodes: "16025",
  treatmentNotes: "Debridement of second-degree burns, left hand",
  medicalRecordNumbers: "MRN-99017734",
};

/** The registered fields whose values appear in `text`, to name them when a check fails. */
function phiIn(text: string): string[] {
  return PHI_FIELD_KEYS.filter((k) => text.includes(PHI[k]));
}

const actor = (tenant: TenantContext) => ({ tenant, surface: "test", ipAddress: null });

let org: ClaimsOrg;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const logged: string[] = [];
const spies: { mockRestore(): void }[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // Logs are what the Worker's console writes: every console method, every argument, errors
  // with their stack, objects serialized the way a log tail shows them.
  const render = (value: unknown): string =>
    value instanceof Error
      ? `${value.name}: ${value.message}\n${value.stack ?? ""}\n${render(value.cause)}`
      : typeof value === "string"
        ? value
        : (JSON.stringify(value) ?? String(value));
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    spies.push(
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(render).join(" "));
      }),
    );
});
afterAll(async () => {
  for (const spy of spies) spy.mockRestore();
  await receiver.close();
});

function context(env: Record<string, string>) {
  const provider = new RouterContextProvider();
  provider.set(cloudflareContext, { env: env as unknown as Env, ctx: {} as ExecutionContext });
  provider.set(appServicesContext, { env, db, ledger: null, isDevelopment: true } as unknown as AppServices);
  provider.set(afterResponseContext, (work) => void work());
  return provider;
}

describe("PHI beyond pages, /v1, exports and webhook bodies", () => {
  test("a claim's whole life: notifications, live pushes, emails, webhook deliveries and logs carry no PHI value", async () => {
    org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const client = ledger.current.client;
    // Everyone who can hear of a claim asks for email too, so the emails exist to be searched.
    const claimTypes = DOMAIN_EVENT_TYPES.filter((t) => t.startsWith("claim."));
    for (const tenant of [org.adjusterA, org.adjusterB, org.supervisor])
      await saveNotificationPreferences(
        db,
        tenant,
        claimTypes.map((eventType) => ({ eventType, inApp: true, email: true })),
      );
    // One endpoint that takes everything, one that fails (so the failure path logs too).
    receiver.respondWith(200);
    const resolveHost = testHostResolver;
    await createWebhookEndpoint(db, org.admin, { url: receiver.url, eventTypes: claimTypes }, APP_SECRET, {
      allowLocal: true,
      resolveHost,
    });
    await createWebhookEndpoint(
      db,
      org.admin,
      { url: "http://127.0.0.1:9/refused", eventTypes: claimTypes },
      APP_SECRET,
      { allowLocal: true, resolveHost },
    );

    const filed = await fileClaim(db, master, actor(org.policyholder), "portal", {
      policyId: org.policyId,
      dateOfLoss: "2026-12-02",
      lossType: "Bodily injury: burn",
      description: "A customer was burned by a coffee urn that tipped over.",
      injuries: true,
      reporterName: "Hank Holder",
      claimants: [{ role: "claimant", ...PHI }],
    });
    if (!filed.ok) throw new Error(filed.message);
    if (filed.assignedAdjusterId !== org.adjusterA.userId)
      expect(await assignClaim(db, actor(org.supervisor), filed.claimId, org.adjusterA.userId)).toMatchObject({
        ok: true,
      });
    const adjuster = actor(org.adjusterA);
    expect(await moveClaim(db, adjuster, filed.claimId, "investigating", null)).toMatchObject({ ok: true });
    const waiting = await changeReserve(db, client, adjuster, filed.claimId, {
      reserveType: "indemnity",
      newCents: 1_500_000,
      // A rationale is free text an adjuster writes; it is not a registered field.
      rationale: "Burn treatment and scarring",
    });
    if (!waiting.ok) throw new Error(waiting.message);
    expect(await decideReserveApproval(db, client, actor(org.supervisor), waiting.changeId, true)).toMatchObject({
      ok: true,
    });
    // The claimant is paid by name: the payee is the claimant's PHI.
    expect(
      await recordClaimMoney(db, client, adjuster, filed.claimId, {
        category: "indemnity",
        amountCents: 400_000,
        counterparty: PHI.name,
        method: "check",
      }),
    ).toMatchObject({ ok: true });
    for (const status of ["litigated", "in_defense", "settled"] as const)
      expect(await moveClaim(db, adjuster, filed.claimId, status, null)).toMatchObject({ ok: true });
    expect(
      await changeReserve(db, client, adjuster, filed.claimId, {
        reserveType: "indemnity",
        newCents: 0,
        rationale: "Settled in full",
      }),
    ).toMatchObject({ ok: true });
    expect(await moveClaim(db, adjuster, filed.claimId, "closed", "Settled in full")).toMatchObject({ ok: true });

    // Every event, through the real delivery path: audience, notifications, emails, live
    // pushes (one of which fails and is logged), webhooks.
    const pushed: { userId: string; update: LiveUpdate }[] = [];
    let pushes = 0;
    const deps: DeliveryDeps = {
      db,
      appUrl: "https://app.openinsure.test",
      webhooks: {
        fetch: globalThis.fetch,
        now: () => new Date(),
        appSecret: APP_SECRET,
        allowLocal: true,
        resolveHost,
      },
      pushLive: async (_orgId, userId, update) => {
        if (pushes++ === 0) throw new Error(`live room of ${userId} unreachable`);
        pushed.push({ userId, update });
      },
    };
    const rows = await db.select().from(outboxEvents).where(eq(outboxEvents.orgId, org.orgId));
    const types = new Set(rows.map((r) => r.type));
    for (const t of [
      "claim.filed",
      "claim.assigned",
      "claim.reserve_changed",
      "claim.payment_made",
      "claim.settled",
      "claim.closed",
    ])
      expect(types, t).toContain(t);
    for (const row of rows)
      await deliverDomainEvent(deps, {
        id: row.id,
        orgId: org.orgId,
        type: row.type,
        createdAt: row.createdAt.toISOString(),
        data: row.payload,
      });

    const staff = [org.adjusterA, org.adjusterB, org.supervisor, org.admin].map((t) => `${t.userId}@claims.test`);
    const surfaces: Record<string, string[]> = {
      "event payloads": rows.map((r) => JSON.stringify(r.payload)),
      notifications: (await db.select().from(notifications).where(eq(notifications.orgId, org.orgId))).map(
        (n) => `${n.title}\n${n.body}\n${n.link ?? ""}`,
      ),
      "live pushes": pushed.map((p) => JSON.stringify(p.update)),
      emails: (await db.select().from(emailOutbox).where(inArray(emailOutbox.toAddress, staff))).map(
        (e) => `${e.subject}\n${e.textBody}`,
      ),
      "webhook deliveries (stored)": (
        await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, org.orgId))
      ).map((d) => d.body),
      "webhook requests (received)": receiver.received.map((r) => `${JSON.stringify(r.headers)}\n${r.body}`),
      logs: logged,
    };
    // Each surface carried something, so "no PHI" is not the emptiness of a path never taken.
    for (const [surface, texts] of Object.entries(surfaces)) expect(texts.length, surface).toBeGreaterThan(0);
    expect(logged.some((l) => l.includes("unreachable"))).toBe(true);
    expect(logged.some((l) => l.includes("failed"))).toBe(true);
    for (const [surface, texts] of Object.entries(surfaces))
      for (const text of texts) expect(phiIn(text), `${surface}: ${text.slice(0, 200)}`).toEqual([]);
  });

  test("filing through /v1 with PHI: the 201, a 400, a 500 and their logs carry none of it", async () => {
    const o = await createClaimsOrg(db);
    const { secret } = await issueApiKey(
      db,
      { ...o.supervisor, roles: ["org_admin"] },
      { name: "intake", roles: ["claims_supervisor"], agencyId: null },
    );
    const body = {
      policyId: o.policyId,
      dateOfLoss: "2026-12-02",
      lossType: "Bodily injury: burn",
      description: "A customer was burned by a coffee urn that tipped over.",
      injuries: true,
      reporterName: "Hank Holder",
      claimants: [{ role: "claimant", ...PHI }],
    };
    const post = (json: unknown, env: Record<string, string>) =>
      fileByApi({
        request: new Request("http://localhost/v1/claims", {
          method: "POST",
          headers: {
            authorization: `Bearer ${secret}`,
            "content-type": "application/json",
            "idempotency-key": crypto.randomUUID(),
          },
          body: JSON.stringify(json),
        }),
        params: {},
        context: context(env),
      } as never);
    const from = logged.length;
    const env = { PHI_MASTER_KEY: TEST_PHI_MASTER_KEY };

    const created = await post(body, env);
    expect(created.status).toBe(201);
    const createdText = await created.text();
    expect(phiIn(createdText)).toEqual([]);
    const { id } = JSON.parse(createdText) as { id: string };
    const read = await claimByApi({
      request: new Request(`http://localhost/v1/claims/${id}`, { headers: { authorization: `Bearer ${secret}` } }),
      params: { claimId: id },
      context: context(env),
    } as never);
    expect(read.status).toBe(200);
    const readJson = (await read.json()) as { claimants: unknown[]; phiRedacted: boolean };
    expect(readJson).toMatchObject({ phiRedacted: true, claimants: [expect.objectContaining({ role: "claimant" })] });
    expect(phiIn(JSON.stringify(readJson))).toEqual([]);

    // Invalid: the answer names what is wrong without echoing the values sent.
    const invalid = await post(
      { ...body, dateOfLoss: "2026-02-31", claimants: [{ ...PHI, ssn: "x".repeat(2001) }] },
      env,
    );
    expect(invalid.status).toBe(400);
    expect(phiIn(await invalid.text())).toEqual([]);
    // The Worker without its PHI key: a 500, logged; the log holds the error, not the body.
    const broken = await post(body, {});
    expect(broken.status).toBe(500);
    expect(phiIn(await broken.text())).toEqual([]);
    const mine = logged.slice(from);
    expect(mine.length).toBeGreaterThan(0);
    for (const line of mine) expect(phiIn(line), line.slice(0, 200)).toEqual([]);
  });

  test("search: the claims list never matches on a PHI value, for any viewer, and its rows carry none", async () => {
    const o = await createClaimsOrg(db);
    const filed = await fileClaim(db, await testMasterKey(), actor(o.supervisor), "adjuster", {
      policyId: o.policyId,
      dateOfLoss: "2026-12-02",
      lossType: "Bodily injury: burn",
      description: "A customer was burned by a coffee urn that tipped over.",
      injuries: true,
      reporterName: "Hank Holder",
      claimants: [{ role: "claimant", ...PHI }],
    });
    if (!filed.ok) throw new Error(filed.message);
    const search = (tenant: TenantContext, q: string) =>
      listClaimBookPage(db, tenant, parseTableState(new URLSearchParams({ "c.q": q }), claimBookTable));
    // The control: the same search finds the claim by what the list is searched by.
    expect((await search(o.supervisor, filed.claimNumber)).rows.map((r) => r.id)).toEqual([filed.claimId]);
    expect((await search(o.supervisor, "Quarry Lane Cafe")).rows.map((r) => r.id)).toEqual([filed.claimId]);
    // A search that matched on a claimant's name would tell a producer whose claim this is,
    // even with the name masked on the row: no viewer's search matches any PHI value.
    for (const tenant of [o.supervisor, o.adjusterA, o.adjusterB, o.producer, o.policyholder, o.admin])
      for (const field of PHI_FIELD_KEYS) {
        const page = await search(tenant, PHI[field]);
        expect(page.total, `${tenant.roles[0]} · ${field}`).toBe(0);
      }
    const all = await listClaimBookPage(db, o.supervisor, parseTableState(new URLSearchParams(), claimBookTable));
    expect(all.rows.map((r) => r.id)).toEqual([filed.claimId]);
    expect(phiIn(JSON.stringify(all.rows))).toEqual([]);
  });

  test("deal rooms cannot carry a claim: no room module reads a claims table, a claims module or the PHI registry", () => {
    // A room is a submission's (underwriting); what reaches it is what these files load. None of
    // them names a claim, so PHI could enter a room only by someone typing it into the chat.
    const roomModules = [
      "party/deal-room.ts",
      "party/deal-room-admission.ts",
      "app/models/deal-rooms.server.ts",
      "app/services/realtime/deal-rooms.server.ts",
      "app/services/realtime/deal-room-live.server.ts",
      "app/services/realtime/deal-room-protocol.ts",
      "app/services/realtime/deal-room-rules.ts",
      "app/services/realtime/room-pass.ts",
      "app/routes/uw/deal-room.tsx",
      "app/routes/uw/deal-rooms.tsx",
      "app/routes/uw/deal-rooms-export.ts",
      "app/routes/producer/deal-room.tsx",
      "app/routes/deal-room-token.ts",
    ];
    for (const path of roomModules) {
      const source = readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
      expect(source.length, path).toBeGreaterThan(0);
      expect(source.match(/\bclaim(s|ant|ants)?\b|claimClaimants|services\/claims|claim-|phi\.ts/gi), path).toBeNull();
    }
  });
});
