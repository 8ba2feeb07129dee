import { and, count, eq, inArray } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, expect, test } from "vitest";
import { insureds, submissions } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { issueApiKey } from "../access/api-keys.server.ts";
import { appServicesContext, cloudflareContext, type AppServices } from "../../router-context.server.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { todayInUtc } from "../../utils/today.ts";
import { action as createAction } from "../../routes/api/v1/submissions.ts";
import { buildAcord125Pdf, COMPLETE_GL_VALUES } from "../../../tests/support/acord/test-pdf.ts";
import { startLocalR2 } from "../documents/local-r2.ts";

// POST /v1/submissions honours Idempotency-Key like the bind (ADR 032): the answer is stored
// with the submission's rows, so a retry gets it and files nothing.
const db = guardedTestDatabase();
const admin = tenantOf("agency.admin@summit.demo");
let secret: string;
let r2: Awaited<ReturnType<typeof startLocalR2>>;

beforeAll(async () => {
  r2 = await startLocalR2();
  secret = (await issueApiKey(db, admin, { name: "idempotent create", roles: ["producer"], agencyId: admin.agencyId }))
    .secret;
});

afterAll(() => r2.dispose());

function context() {
  const env = { DOCUMENTS: r2.bucket } as unknown as Env;
  const provider = new RouterContextProvider();
  provider.set(cloudflareContext, { env, ctx: {} as ExecutionContext });
  provider.set(appServicesContext, { env, db, isDevelopment: true } as unknown as AppServices);
  return provider;
}

function create(body: unknown, key: string) {
  const request = new Request("http://localhost/v1/submissions", {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
  return createAction({ request, params: {}, context: context() } as never);
}

function filing(insuredName: string) {
  return {
    lineOfBusiness: "GL",
    insuredName,
    naicsCode: "238320",
    state: "TX",
    annualRevenue: 90_000_000,
    requestedLimit: 100_000_000,
    deductible: 100_000,
    effectiveDate: addDays(todayInUtc(), 10),
    yearsInBusiness: 6,
  };
}

/** Submissions filed for the agency's insured(s) of that name. */
async function submissionsFor(insuredName: string) {
  const named = db
    .select({ id: insureds.id })
    .from(insureds)
    .where(and(eq(insureds.orgId, admin.orgId), eq(insureds.name, insuredName)));
  const [row] = await db
    .select({ n: count() })
    .from(submissions)
    .where(and(eq(submissions.orgId, admin.orgId), inArray(submissions.insuredId, named)));
  return row!.n;
}

test("a retried create with the same Idempotency-Key answers the stored submission and files nothing", async () => {
  const name = `Retry Roofing ${crypto.randomUUID()}`;
  const key = `create-${crypto.randomUUID()}`;
  const first = await create(filing(name), key);
  expect(first.status, await first.clone().text()).toBe(201);
  const filed = (await first.json()) as { id: string };
  expect(first.headers.get("location")).toBe(`/v1/submissions/${filed.id}`);

  const retry = await create(filing(name), key);
  expect(retry.headers.get("idempotent-replayed")).toBe("true");
  expect(retry.headers.get("location")).toBe(`/v1/submissions/${filed.id}`);
  expect([retry.status, await retry.json()]).toEqual([201, filed]);
  expect(await submissionsFor(name)).toBe(1);
});

test("the same Idempotency-Key with another body is refused as reused, filing nothing", async () => {
  const name = `Reused Roofing ${crypto.randomUUID()}`;
  const key = `create-${crypto.randomUUID()}`;
  expect((await create(filing(name), key)).status).toBe(201);
  const other = await create({ ...filing(name), deductible: 250_000 }, key);
  expect(other.status).toBe(422);
  expect(((await other.json()) as { error: { code: string } }).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  expect(await submissionsFor(name)).toBe(1);
});

test("two concurrent creates with one Idempotency-Key file one submission and both answer it", async () => {
  const name = `Concurrent Roofing ${crypto.randomUUID()}`;
  const key = `create-${crypto.randomUUID()}`;
  const answers = await Promise.all([create(filing(name), key), create(filing(name), key)]);
  const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ id: string }>));
  expect(answers.map((a) => a.status)).toEqual([201, 201]);
  expect(bodies[1]).toEqual(bodies[0]);
  expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(1);
  expect(await submissionsFor(name)).toBe(1);
});

test("without an Idempotency-Key, or with another key, each create files a submission", async () => {
  const name = `Twice Roofing ${crypto.randomUUID()}`;
  expect((await create(filing(name), `create-${crypto.randomUUID()}`)).status).toBe(201);
  expect((await create(filing(name), `create-${crypto.randomUUID()}`)).status).toBe(201);
  expect(await submissionsFor(name)).toBe(2);
});

test("an ACORD 125 upload retried with its Idempotency-Key, in a new multipart body, answers the first filing", async () => {
  const name = `ACORD Retry Plumbing ${crypto.randomUUID()}`;
  const pdf = (await buildAcord125Pdf({ ...COMPLETE_GL_VALUES, insuredName: name })) as Uint8Array<ArrayBuffer>;
  const key = `acord-${crypto.randomUUID()}`;
  const upload = () => {
    const form = new FormData();
    form.set("acord125", new File([pdf], "acord125.pdf", { type: "application/pdf" }));
    const request = new Request("http://localhost/v1/submissions", {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "idempotency-key": key },
      body: form,
    });
    return createAction({ request, params: {}, context: context() } as never);
  };
  const first = await upload();
  expect(first.status, await first.clone().text()).toBe(201);
  const retry = await upload();
  expect(retry.headers.get("idempotent-replayed")).toBe("true");
  expect([retry.status, await retry.json()]).toEqual([201, await first.json()]);
  expect(await submissionsFor(name)).toBe(1);
});
