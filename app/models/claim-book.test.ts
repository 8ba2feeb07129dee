// The claims list's paging, sorting, filtering and search (a deferred join over the claims
// table's indexes) against the real database: every sort in both directions, page by page,
// gives the order a plain sort of the same rows gives, and search reaches claim number,
// policy number and insured name within the viewer's scope.
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { claims, insureds, policies, type ClaimStatus } from "../../db/schema/index.ts";
import { guardedTestDatabase } from "../../db/test/tenants.ts";
import { createClaimsOrg } from "../../tests/support/claims.ts";
import { createId } from "../utils/ids.ts";
import type { TenantContext } from "../auth/tenant.ts";
import { listClaimBookPage, listClaimBookRows } from "./claim-book.server.ts";
import { CLAIM_BOOK_SORTS, type ClaimBookSort, type ClaimBookState } from "./table-specs.ts";

const db = guardedTestDatabase();

type Seeded = {
  id: string;
  claimNumber: string;
  policyId: string;
  status: ClaimStatus;
  reportedOn: string;
  dateOfLoss: string;
  caseReserveCents: number;
  paidCents: number;
  assignedAdjusterId: string;
};

const state = (extra: Partial<ClaimBookState> = {}): ClaimBookState => ({
  sort: "reported",
  dir: "desc",
  page: 1,
  pageSize: 3,
  q: "",
  filters: {},
  ...extra,
});

async function bookWithClaims() {
  const org = await createClaimsOrg(db);
  // The second policy gets an insured of its own, so a name search tells the two apart.
  const kestrel = createId("ins");
  const [second] = await db
    .select({ id: policies.id, agencyId: policies.agencyId, policyNumber: policies.policyNumber })
    .from(policies)
    .where(and(eq(policies.orgId, org.orgId), eq(policies.policyNumber, `LT-${org.orgId.slice(-8)}-Q`)));
  await db.insert(insureds).values({
    id: kestrel,
    orgId: org.orgId,
    agencyId: second!.agencyId,
    name: "Kestrel Bakery Co",
    naicsCode: "311811",
    addressLine1: "9 Mill Road",
    city: "Austin",
    state: "TX",
    postalCode: "78702",
  });
  await db
    .update(policies)
    .set({ insuredId: kestrel })
    .where(and(eq(policies.orgId, org.orgId), eq(policies.id, second!.id)));
  const statuses: ClaimStatus[] = ["open", "investigating", "reserved", "settled", "closed"];
  // Repeated dates and amounts, so the id tie-breaker decides and pages must not overlap.
  const seeded: Seeded[] = Array.from({ length: 11 }, (_, n) => ({
    id: createId("clm"),
    claimNumber: `CB-${String(n + 1).padStart(3, "0")}`,
    policyId: n % 3 === 0 ? second!.id : org.policyId,
    status: statuses[n % statuses.length]!,
    reportedOn: `2026-11-${String(10 + (n % 4)).padStart(2, "0")}`,
    dateOfLoss: `2026-10-${String(20 - (n % 5)).padStart(2, "0")}`,
    caseReserveCents: (n % 3) * 50_000,
    paidCents: (n % 2) * 12_500,
    assignedAdjusterId: n % 2 === 0 ? org.adjusterA.userId : org.adjusterB.userId,
  }));
  await db.insert(claims).values(seeded.map((c) => ({ ...c, orgId: org.orgId, lossType: "Property damage" })));
  return { org, seeded, secondPolicyId: second!.id };
}

const KEY: Record<ClaimBookSort, (c: Seeded) => string | number> = {
  reported: (c) => c.reportedOn,
  claim: (c) => c.claimNumber,
  loss: (c) => c.dateOfLoss,
  reserve: (c) => c.caseReserveCents,
  paid: (c) => c.paidCents,
  status: (c) => c.status,
};

function expectedOrder(rows: Seeded[], sort: ClaimBookSort, dir: "asc" | "desc") {
  const sign = dir === "asc" ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => sign * (cmp(KEY[sort](a), KEY[sort](b)) || cmp(a.id, b.id))).map((c) => c.id);
}

async function everyPage(tenant: TenantContext, s: ClaimBookState) {
  const ids: string[] = [];
  let total = -1;
  for (let page = 1; page <= 10; page++) {
    const result = await listClaimBookPage(db, tenant, { ...s, page });
    total = result.total;
    if (result.rows.length === 0) break;
    ids.push(...result.rows.map((r) => r.id));
  }
  return { ids, total };
}

describe("claims list", () => {
  test("every sort, both directions, page by page: the order of a plain sort, no row twice or missing", async () => {
    const { org, seeded } = await bookWithClaims();
    for (const sort of CLAIM_BOOK_SORTS)
      for (const dir of ["asc", "desc"] as const) {
        const { ids, total } = await everyPage(org.supervisor, state({ sort, dir }));
        expect({ sort, dir, ids }).toEqual({ sort, dir, ids: expectedOrder(seeded, sort, dir) });
        expect(total).toBe(seeded.length);
      }
  });

  test("status filter and search by claim number, policy number or insured name, counted alike", async () => {
    const { org, seeded, secondPolicyId } = await bookWithClaims();
    const cases: { q?: string; status?: ClaimStatus; expected: Seeded[] }[] = [
      { status: "open", expected: seeded.filter((c) => c.status === "open") },
      { q: "cb-00", expected: seeded.filter((c) => c.claimNumber.startsWith("CB-00")) },
      { q: "-q", expected: seeded.filter((c) => c.policyId === secondPolicyId) },
      { q: "kestrel", expected: seeded.filter((c) => c.policyId === secondPolicyId) },
      { q: "Quarry Lane", expected: seeded.filter((c) => c.policyId !== secondPolicyId) },
      {
        q: "Quarry",
        status: "open",
        expected: seeded.filter((c) => c.policyId !== secondPolicyId && c.status === "open"),
      },
      // LIKE's wildcards are taken literally.
      { q: "%", expected: [] },
    ];
    for (const { q = "", status, expected } of cases) {
      expect(expected.length === 0 || expected.length < seeded.length).toBe(true);
      const s = state({ q, filters: status ? { status } : {} });
      const { ids, total } = await everyPage(org.supervisor, s);
      expect({ q, status, ids }).toEqual({ q, status, ids: expectedOrder(expected, "reported", "desc") });
      expect(total).toBe(expected.length);
    }
  });

  test("an adjuster's search stays within the claims assigned to them; the export window reads the same rows", async () => {
    const { org, seeded, secondPolicyId } = await bookWithClaims();
    const mine = seeded.filter((c) => c.assignedAdjusterId === org.adjusterA.userId);
    const searched = await everyPage(org.adjusterA, state({ q: "kestrel" }));
    const expected = mine.filter((c) => c.policyId === secondPolicyId);
    expect(expected.length).toBeGreaterThan(0);
    expect(searched).toEqual({ ids: expectedOrder(expected, "reported", "desc"), total: expected.length });
    const window = await listClaimBookRows(db, org.adjusterA, state({ sort: "claim", dir: "asc" }), 1, 100);
    expect(window.map((r) => r.id)).toEqual(expectedOrder(mine, "claim", "asc").slice(1));
    expect(window[0]).toMatchObject({ insuredName: expect.any(String), policyNumber: expect.stringMatching(/^LT-/) });
    const other = await createClaimsOrg(db);
    expect(await listClaimBookPage(db, other.supervisor, state({ q: "CB-" }))).toEqual({ rows: [], total: 0 });
  });
});
