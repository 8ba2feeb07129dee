import { and, count, eq } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { beforeAll, expect, test } from "vitest";
import { idempotencyKeys, quotes, submissionEvents } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { issueApiKey } from "../access/api-keys.server.ts";
import { appServicesContext, cloudflareContext, type AppServices } from "../../router-context.server.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { todayInUtc } from "../../utils/today.ts";
import { action as createAction } from "../../routes/api/v1/submissions.ts";
import { action as quoteAction } from "../../routes/api/v1/submission-quote.ts";

// POST /v1/submissions/:id/quote honours Idempotency-Key (ADR 032): the key is claimed in the
// quote's transaction and its answer written by the submission's update, so a retry gets the
// stored quote and rates nothing.
const db = guardedTestDatabase();
const admin = tenantOf("agency.admin@summit.demo");
let secret: string;

beforeAll(async () => {
  secret = (await issueApiKey(db, admin, { name: "idempotent quote", roles: ["producer"], agencyId: admin.agencyId }))
    .secret;
});

function context() {
  const env = {} as Env;
  const provider = new RouterContextProvider();
  provider.set(cloudflareContext, { env, ctx: {} as ExecutionContext });
  provider.set(appServicesContext, { env, db, isDevelopment: true } as unknown as AppServices);
  return provider;
}

function post(path: string, key: string | null, body?: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, ...(key ? { "idempotency-key": key } : {}) },
    ...(body === undefined ? {} : { body }),
  });
}

async function fileSubmission(): Promise<string> {
  const request = new Request("http://localhost/v1/submissions", {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({
      lineOfBusiness: "GL",
      insuredName: `Quote Retry Roofing ${crypto.randomUUID()}`,
      naicsCode: "238320",
      state: "TX",
      annualRevenue: 90_000_000,
      requestedLimit: 100_000_000,
      deductible: 100_000,
      effectiveDate: addDays(todayInUtc(), 10),
      yearsInBusiness: 6,
    }),
  });
  const filed = await createAction({ request, params: {}, context: context() } as never);
  expect(filed.status, await filed.clone().text()).toBe(201);
  return ((await filed.json()) as { id: string }).id;
}

function quote(submissionId: string, key: string | null, body?: string) {
  return quoteAction({
    request: post(`/v1/submissions/${submissionId}/quote`, key, body),
    params: { submissionId },
    context: context(),
  } as never);
}

async function quotesOf(submissionId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(quotes)
    .where(and(eq(quotes.orgId, admin.orgId), eq(quotes.submissionId, submissionId)));
  return row!.n;
}

async function quotedEventsOf(submissionId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(submissionEvents)
    .where(
      and(
        eq(submissionEvents.orgId, admin.orgId),
        eq(submissionEvents.submissionId, submissionId),
        eq(submissionEvents.type, "quoted"),
      ),
    );
  return row!.n;
}

async function storedRows(key: string) {
  return db
    .select({ status: idempotencyKeys.responseStatus, body: idempotencyKeys.responseBody })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, admin.orgId), eq(idempotencyKeys.key, key)));
}

test("a retried quote with the same Idempotency-Key answers the stored quote and writes nothing", async () => {
  const id = await fileSubmission();
  const key = `quote-${crypto.randomUUID()}`;
  const first = await quote(id, key);
  expect(first.status, await first.clone().text()).toBe(201);
  const issued = (await first.json()) as { id: string; submissionId: string };
  expect(issued.submissionId).toBe(id);
  // The answer was written into the key's row with the quote: final, never left pending.
  expect(await storedRows(key)).toEqual([{ status: "201", body: issued }]);

  const retry = await quote(id, key);
  expect(retry.headers.get("idempotent-replayed")).toBe("true");
  expect([retry.status, await retry.json()]).toEqual([201, issued]);
  expect(await quotesOf(id)).toBe(1);
  expect(await quotedEventsOf(id)).toBe(1);
});

test("the same Idempotency-Key on another submission or with a body is refused as reused, quoting nothing", async () => {
  const [id, other] = await Promise.all([fileSubmission(), fileSubmission()]);
  const key = `quote-${crypto.randomUUID()}`;
  expect((await quote(id, key)).status).toBe(201);
  for (const reused of [await quote(other, key), await quote(id, key, '{"schedule":[]}')]) {
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  }
  expect([await quotesOf(id), await quotesOf(other)]).toEqual([1, 0]);
});

test("two concurrent quotes with one Idempotency-Key make one quote and both answer it", async () => {
  const id = await fileSubmission();
  const key = `quote-${crypto.randomUUID()}`;
  const answers = await Promise.all([quote(id, key), quote(id, key)]);
  const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ id: string }>));
  expect(answers.map((a) => a.status)).toEqual([201, 201]);
  expect(bodies[1]).toEqual(bodies[0]);
  expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(1);
  expect(await quotesOf(id)).toBe(1);
  expect(await quotedEventsOf(id)).toBe(1);
});

test("a refused quote leaves its Idempotency-Key unclaimed, so the key can still quote", async () => {
  const key = `quote-${crypto.randomUUID()}`;
  const missing = await quote("sub_none", key);
  expect(missing.status).toBe(404);
  expect(await storedRows(key)).toEqual([]);
  const id = await fileSubmission();
  // Another request than the refused one (another path), yet the key is free: nothing was stored.
  expect((await quote(id, key)).status).toBe(201);
  expect(await quotesOf(id)).toBe(1);
});

test("without an Idempotency-Key, or with another key, each quote makes a quote", async () => {
  const id = await fileSubmission();
  expect((await quote(id, null)).status).toBe(201);
  expect((await quote(id, `quote-${crypto.randomUUID()}`)).status).toBe(201);
  expect(await quotesOf(id)).toBe(2);
  expect(await quotedEventsOf(id)).toBe(2);
});
