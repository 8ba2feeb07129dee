// GET /v1/claims over the real route handler and database: every filter, the cursor walking the
// whole list in a stable order, bad input answered 400 in the problem shape, no other org's claim.
import { and, eq, inArray } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { beforeAll, describe, expect, test } from "vitest";
import { claims } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createClaimsOrg, testMasterKey, type ClaimsOrg } from "../../../tests/support/claims.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { issueApiKey } from "../access/api-keys.server.ts";
import { decodeClaimCursor, encodeClaimCursor } from "./claim-presenter.ts";
import { fileClaim, moveClaim } from "./claims.server.ts";
import {
  afterResponseContext,
  appServicesContext,
  cloudflareContext,
  type AppServices,
} from "../../router-context.server.ts";
import { loader as listLoader } from "../../routes/api/v1/claims.ts";

const db = guardedTestDatabase();
let org: ClaimsOrg;
let other: ClaimsOrg;
let secret: string;
/** The org's claims as [id, reportedOn, status, policyId], set below. */
let book: { id: string; reportedOn: string; status: string; policyId: string }[] = [];
let otherClaimIds: string[] = [];

const actor = (tenant: TenantContext) => ({ tenant, surface: "test", ipAddress: null });

async function fileSome(o: ClaimsOrg, policyIds: string[]) {
  const master = await testMasterKey();
  const ids: string[] = [];
  for (const policyId of policyIds) {
    const filed = await fileClaim(db, master, actor(o.supervisor), "adjuster", {
      policyId,
      dateOfLoss: "2026-12-01",
      lossType: "Property damage",
      description: "A delivery van backed into the shop front.",
      injuries: false,
      reporterName: "Hank Holder",
      claimants: [],
    });
    if (!filed.ok) throw new Error(filed.message);
    ids.push(filed.claimId);
  }
  return ids;
}

beforeAll(async () => {
  org = await createClaimsOrg(db);
  other = await createClaimsOrg(db);
  // Seven claims: five on the first policy, two on the second; reported on four dates with ties,
  // so the id tie-breaker decides the order inside a day.
  const ids = await fileSome(org, [
    org.policyId,
    org.policyId,
    org.policyId,
    org.policyId,
    org.policyId,
    org.installmentPolicyId,
    org.installmentPolicyId,
  ]);
  const reported = ["2026-11-28", "2026-12-01", "2026-12-01", "2026-12-02", "2026-12-02", "2026-12-02", "2026-12-03"];
  for (const [i, id] of ids.entries())
    await db
      .update(claims)
      .set({ reportedOn: reported[i]! })
      .where(and(eq(claims.orgId, org.orgId), eq(claims.id, id)));
  for (const i of [1, 3, 6])
    expect(await moveClaim(db, actor(org.supervisor), ids[i]!, "investigating", null)).toMatchObject({ ok: true });
  const rows = await db
    .select({ id: claims.id, reportedOn: claims.reportedOn, status: claims.status, policyId: claims.policyId })
    .from(claims)
    .where(and(eq(claims.orgId, org.orgId), inArray(claims.id, ids)));
  // The API's order: newest reported first, then id descending (ids are lower-case ASCII, so
  // the database's collation and JavaScript agree).
  book = rows.sort((a, b) =>
    a.reportedOn === b.reportedOn ? (a.id < b.id ? 1 : -1) : a.reportedOn < b.reportedOn ? 1 : -1,
  );
  // The other org's claims are reported on the same days, so a date range cannot hide a leak.
  otherClaimIds = await fileSome(other, [other.policyId, other.policyId]);
  for (const id of otherClaimIds)
    await db
      .update(claims)
      .set({ reportedOn: "2026-12-02" })
      .where(and(eq(claims.orgId, other.orgId), eq(claims.id, id)));
  secret = (
    await issueApiKey(
      db,
      { ...org.supervisor, roles: ["org_admin"] },
      { name: "claims feed", roles: ["claims_supervisor"], agencyId: null },
    )
  ).secret;
});

function context() {
  const provider = new RouterContextProvider();
  provider.set(cloudflareContext, { env: {} as Env, ctx: {} as ExecutionContext });
  provider.set(appServicesContext, { env: {}, db, ledger: null, isDevelopment: true } as unknown as AppServices);
  provider.set(afterResponseContext, (work) => void work());
  return provider;
}

type Page = {
  data: { id: string; status: string; reportedOn: string; policyNumber: string }[];
  nextCursor: string | null;
};

async function get(query: string): Promise<{ status: number; body: unknown }> {
  const response = await listLoader({
    request: new Request(`http://localhost/v1/claims${query}`, { headers: { authorization: `Bearer ${secret}` } }),
    params: {},
    context: context(),
  } as never);
  return { status: response.status, body: await response.json() };
}

/** Every page of a query, following nextCursor, asserting each page is full but the last. */
async function walk(query: string, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? "&" : "?";
    const { status, body } = await get(`${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(status).toBe(200);
    const page = body as Page;
    // Used in the next URL as given: it must need no escaping.
    if (page.nextCursor) expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    if (page.nextCursor) expect(page.data).toHaveLength(limit);
    seen.push(...page.data.map((c) => c.id));
    cursor = page.nextCursor;
    pages++;
    expect(pages).toBeLessThan(20);
  } while (cursor);
  return { ids: seen, pages };
}

const ids = (rows: typeof book) => rows.map((r) => r.id);

describe("GET /v1/claims", () => {
  test("the cursor walks every claim once, newest reported first with the id breaking ties, for any page size", async () => {
    for (const limit of [1, 2, 3, 7, 50]) {
      const { ids: walked, pages } = await walk("", limit);
      expect(walked, `limit ${limit}`).toEqual(ids(book));
      expect(pages).toBe(Math.max(1, Math.ceil(book.length / limit)));
    }
  });

  test("each filter, alone and combined, and paged through", async () => {
    const cases: [query: string, expected: typeof book][] = [
      ["?status=investigating", book.filter((c) => c.status === "investigating")],
      ["?status=open", book.filter((c) => c.status === "open")],
      ["?status=closed", []],
      [`?policyId=${org.installmentPolicyId}`, book.filter((c) => c.policyId === org.installmentPolicyId)],
      ["?reportedFrom=2026-12-02", book.filter((c) => c.reportedOn >= "2026-12-02")],
      ["?reportedTo=2026-12-01", book.filter((c) => c.reportedOn <= "2026-12-01")],
      [
        "?reportedFrom=2026-12-01&reportedTo=2026-12-02",
        book.filter((c) => c.reportedOn >= "2026-12-01" && c.reportedOn <= "2026-12-02"),
      ],
      [
        `?status=investigating&policyId=${org.policyId}&reportedFrom=2026-12-01`,
        book.filter((c) => c.status === "investigating" && c.policyId === org.policyId && c.reportedOn >= "2026-12-01"),
      ],
    ];
    for (const [query, expected] of cases) {
      // The fixture must make each filter choose: neither everything nor (but for closed) nothing.
      if (query !== "?status=closed") expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(book.length);
      const { ids: walked } = await walk(query, 2);
      expect(walked, query).toEqual(ids(expected));
    }
    const { body } = await get("?status=investigating&limit=50");
    for (const c of (body as Page).data) expect(c.status).toBe("investigating");
  });

  test("a cursor survives a query string as it is, whatever the id's bytes make of it", () => {
    // Standard base64 of this is ...Xz8/Pz4+Pn5+fiJd: a "+" arrives as a space, a "/" needs escaping.
    const awkward = { reportedOn: "2026-12-01", id: "clm_???>>>~~~" };
    const cursor = encodeClaimCursor(awkward);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeClaimCursor(new URLSearchParams(`cursor=${cursor}`).get("cursor")!)).toEqual(awkward);
  });

  test("another org's claims never appear: not in the list, not by their policy, not through a cursor of theirs", async () => {
    const { ids: walked } = await walk("", 50);
    for (const id of otherClaimIds) expect(walked).not.toContain(id);
    expect(((await get(`?policyId=${other.policyId}`)).body as Page).data).toEqual([]);
    // A well-formed cursor naming their claim only positions the walk; it lists ours after it.
    const cursor = encodeClaimCursor({ reportedOn: "2026-12-02", id: otherClaimIds[0]! });
    const { status, body } = await get(`?cursor=${cursor}&limit=50`);
    expect(status).toBe(200);
    for (const c of (body as Page).data) expect(ids(book)).toContain(c.id);
  });

  test("bad filters, limits and cursors are answered 400 in the problem shape, naming what is wrong", async () => {
    const bad: [query: string, names: string][] = [
      ["?status=lost", "status"],
      ["?reportedFrom=12/01/2026", "reportedFrom"],
      ["?reportedTo=2026-12-1", "reportedTo"],
      ["?reportedFrom=2026-02-31", "reportedFrom"],
      ["?reportedTo=2026-13-01", "reportedTo"],
      ["?limit=0", "limit"],
      ["?limit=201", "limit"],
      ["?limit=2.5", "limit"],
      ["?limit=ten", "limit"],
      ["?cursor=not-a-cursor", "cursor"],
      [`?cursor=${encodeURIComponent(btoa(JSON.stringify({ reportedOn: "2026-12-01" })))}`, "cursor"],
      [`?cursor=${encodeURIComponent(btoa(JSON.stringify(["2026-12-01", 7])))}`, "cursor"],
      [`?cursor=${encodeURIComponent(btoa(JSON.stringify(["2026-02-30", "clm_x"])))}`, "cursor"],
    ];
    for (const [query, names] of bad) {
      const { status, body } = await get(query);
      expect(status, query).toBe(400);
      expect(body, query).toEqual({
        error: { code: "VALIDATION_FAILED", message: expect.stringContaining(names) },
      });
    }
  });

  test("without a valid key: 401 in the problem shape", async () => {
    const response = await listLoader({
      request: new Request("http://localhost/v1/claims", { headers: { authorization: "Bearer oi_nope" } }),
      params: {},
      context: context(),
    } as never);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });
});
