import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "../app/routes.ts";
import { DEMO_API_KEYS, ORG_A, users } from "../db/seed/demo-data.ts";
import { queryE2eDatabase } from "./database.ts";
import { signIn } from "./demo-users.ts";

// Generated from app/routes.ts: every route whose path has an id parameter, for every demo user
// (every role, both organizations, the platform operator), GET and POST with an id outside the
// caller's scope (the other organization's real row from the seed, another agency's or insured's
// row in the same organization, and an id that exists nowhere) and checks:
//
// - the answer for an out-of-scope real id equals the answer for a nonexistent id (existence is
//   never revealed), and that answer is 404, except
//   - 403 when the caller's role may not use the route at all (an area it has no part in, or a
//     permission it lacks): the refusal does not depend on the id, which the equality shows;
//   - 405 for POST on a route that has no action (again for every id).
//   The path's id is checked before a body is read, so an empty POST still answers 404.
// - nothing changed: the out-of-scope rows and what hangs on them read the same before and after.
//
// A route added later with a new parameter name fails below until the name gets a mapping.

type Scope = "A" | "B";
/** For each parameter name: the out-of-scope real ids by the caller's organization (none where the seed has no such row). */
const outOfScope: Record<string, { fromA: string[]; fromB: string[]; sameOrg?: (email: string) => string[] }> = {
  submissionId: {
    fromA: ["sub_b_2", "sub_b_1"],
    fromB: ["sub_a_5", "sub_a_1"],
    sameOrg: (e) => (e === "producer@summit.demo" ? ["sub_a_5"] : e === "agency.admin@summit.demo" ? ["sub_a_2"] : []),
  },
  policyId: {
    fromA: ["pol_b_1"],
    fromB: ["pol_a_1"],
    sameOrg: (e) =>
      e === "producer@summit.demo" || e === "policyholder@summit.demo"
        ? ["pol_a_2"]
        : e === "agency.admin@summit.demo"
          ? ["pol_a_1"]
          : [],
  },
  invoiceId: {
    fromA: ["inv_b_2"],
    fromB: ["inv_a_3"],
    sameOrg: (e) => (e === "policyholder@summit.demo" ? ["inv_a_5"] : []),
  },
  claimId: {
    fromA: ["clm_b_1"],
    fromB: ["clm_a_1"],
    // Producers and policyholders see the claims on their own policies (pol_a_1: Harbor, Lone Star).
    sameOrg: (e) =>
      e === "adjuster@summit.demo"
        ? ["clm_a_3"]
        : e === "producer@summit.demo" || e === "policyholder@summit.demo"
          ? ["clm_a_2"]
          : e === "agency.admin@summit.demo"
            ? ["clm_a_1"]
            : [],
  },
  memberId: { fromA: ["mem_usr_b_uw"], fromB: ["mem_usr_a_uw"] },
  // The seed has no documents, deal rooms, drafts or webhook endpoints: a nonexistent id only.
  documentId: { fromA: [], fromB: [] },
  // No seeded claim attachments: a nonexistent id only (under a claim the caller may or may not see).
  attachmentId: { fromA: [], fromB: [] },
  dealRoomId: { fromA: [], fromB: [] },
  draftId: { fromA: [], fromB: [] },
  endpointId: { fromA: [], fromB: [] },
};
/** Parameters that are not tenant-scoped ids, with the reason. */
const notScoped: Record<string, string> = {
  token: "a password-reset capability, answered the same for everyone",
  invitationId: "an invitation link, opened before the invitee belongs to the organization",
};
const NONEXISTENT = "zz_not_a_real_id_0000";

function flatten(entries: RouteConfigEntry[], parent = ""): string[] {
  return entries.flatMap((entry) => {
    const path = entry.path === undefined ? parent : `${parent}/${entry.path}`.replace(/\/+/g, "/");
    return [...(entry.path !== undefined && !entry.index ? [path] : []), ...flatten(entry.children ?? [], path)];
  });
}

const idRoutes = [...new Set(flatten(routes as RouteConfigEntry[]))].filter((p) => /:\w+/.test(p));
const paramsOf = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
const sessionRoutes = idRoutes.filter((p) => !p.startsWith("/v1/") && !paramsOf(p).some((n) => n in notScoped));
const apiRoutes = idRoutes.filter((p) => p.startsWith("/v1/"));

test("every id parameter in app/routes.ts has an out-of-scope mapping", () => {
  expect(idRoutes.length).toBeGreaterThan(10);
  const unmapped = idRoutes.flatMap(paramsOf).filter((n) => !(n in outOfScope) && !(n in notScoped));
  expect(
    unmapped,
    "add these parameter names to outOfScope (or notScoped, with a reason) in e2e/scope.spec.ts",
  ).toEqual([]);
});

/** Paths to try for one route: each out-of-scope real id, and the nonexistent one. */
function targets(path: string, scope: Scope, email: string): { url: string; ids: string[] }[] {
  const [name] = paramsOf(path);
  const mapping = outOfScope[name!]!;
  const real = [...(scope === "A" ? mapping.fromA : mapping.fromB), ...(mapping.sameOrg?.(email) ?? [])];
  return [...real, NONEXISTENT].map((id) => ({ url: path.replace(/:\w+/g, id), ids: [id] }));
}

/** What the out-of-scope rows look like, and how many rows hang on them. */
async function fingerprint(): Promise<string> {
  const rows = await Promise.all([
    queryE2eDatabase(
      "SELECT * FROM submissions WHERE id IN ('sub_a_1','sub_a_2','sub_a_5','sub_b_1','sub_b_2') ORDER BY org_id, id",
    ),
    queryE2eDatabase("SELECT * FROM policies WHERE id IN ('pol_a_1','pol_a_2','pol_b_1') ORDER BY org_id, id"),
    queryE2eDatabase("SELECT * FROM invoices WHERE id IN ('inv_a_3','inv_a_5','inv_b_2') ORDER BY org_id, id"),
    queryE2eDatabase("SELECT * FROM claims WHERE id IN ('clm_a_1','clm_a_3','clm_b_1') ORDER BY org_id, id"),
    queryE2eDatabase("SELECT id, role FROM member WHERE id IN ('mem_usr_a_uw','mem_usr_b_uw') ORDER BY id"),
    ...["submission_events", "quotes", "referrals", "submission_notes", "submission_declinations", "deal_rooms"].map(
      (table) =>
        queryE2eDatabase(
          `SELECT COUNT(*) AS n FROM ${table} WHERE submission_id IN ('sub_a_1','sub_a_2','sub_a_5','sub_b_1','sub_b_2')`,
        ),
    ),
    queryE2eDatabase("SELECT COUNT(*) AS n FROM payments WHERE invoice_id IN ('inv_a_3','inv_a_5','inv_b_2')"),
  ]);
  return JSON.stringify(rows);
}

async function probe(request: APIRequestContext, method: "GET" | "POST", url: string) {
  const response =
    method === "GET"
      ? await request.get(url, { maxRedirects: 0 })
      : await request.post(url, {
          form: {},
          maxRedirects: 0,
          headers: { origin: new URL(url, test.info().project.use.baseURL).origin },
        });
  return response.status();
}

async function signedInRequest(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  return { request: page.request, close: () => context.close() };
}

test.describe("ids outside the caller's scope answer 404 and change nothing", () => {
  test.describe.configure({ timeout: 180_000 });
  for (const user of users) {
    test(`${user.email} (${user.platformOperator ? "platform operator" : user.roles.join(", ")})`, async ({
      browser,
    }) => {
      const scope: Scope = user.orgId === ORG_A.id || user.orgId === null ? "A" : "B";
      const session = await signedInRequest(browser, user.email);
      try {
        const before = await fingerprint();
        const wrong: string[] = [];
        for (const path of sessionRoutes) {
          for (const method of ["GET", "POST"] as const) {
            const all = targets(path, scope, user.email);
            // One at a time: the local preview server is small, and a burst only measures it.
            const answers: number[] = [];
            for (const t of all) answers.push(await probe(session.request, method, t.url));
            const missing = answers.at(-1)!;
            const allowed = missing === 404 || missing === 403 || (method === "POST" && missing === 405);
            all.forEach((t, i) => {
              if (!allowed || answers[i] !== missing)
                wrong.push(`${method} ${t.url} -> ${answers[i]} (nonexistent id -> ${missing})`);
            });
          }
        }
        expect(wrong, "out-of-scope ids must answer 404 (403 or 405 only when the same for every id)").toEqual([]);
        expect(await fingerprint()).toBe(before);
      } finally {
        await session.close();
      }
    });
  }

  for (const key of DEMO_API_KEYS) {
    test(`/v1 with ${key.name}`, async ({ request }) => {
      const scope: Scope = key.orgId === ORG_A.id ? "A" : "B";
      const before = await fingerprint();
      const wrong: string[] = [];
      for (const path of apiRoutes) {
        for (const method of ["GET", "POST"] as const) {
          const all = targets(path, scope, "");
          const answers = await Promise.all(
            all.map(async (t, i) => {
              const headers = {
                authorization: `Bearer ${key.secret}`,
                "idempotency-key": `scope-${key.id}-${method}-${i}-${Date.now()}`,
              };
              const response =
                method === "GET"
                  ? await request.get(t.url, { headers })
                  : await request.post(t.url, { headers, data: {} });
              return response.status();
            }),
          );
          const missing = answers.at(-1)!;
          const allowed = missing === 404 || missing === 405;
          all.forEach((t, i) => {
            if (!allowed || answers[i] !== missing)
              wrong.push(`${method} ${t.url} -> ${answers[i]} (nonexistent id -> ${missing})`);
          });
        }
      }
      expect(wrong).toEqual([]);
      expect(await fingerprint()).toBe(before);
    });
  }
});

test("claiming another organization's (or a nonexistent) submission on /uw answers 404", async ({ browser }) => {
  const session = await signedInRequest(browser, "underwriter@lakeshore.demo");
  try {
    const before = await fingerprint();
    for (const submissionId of ["sub_a_5", NONEXISTENT]) {
      const response = await session.request.post("/uw?index", { form: { submissionId }, maxRedirects: 0 });
      expect(response.status(), submissionId).toBe(404);
    }
    expect(await fingerprint()).toBe(before);
  } finally {
    await session.close();
  }
});
