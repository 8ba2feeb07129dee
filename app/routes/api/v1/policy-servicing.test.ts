import { RouterContextProvider } from "react-router";
import { beforeAll, describe, expect, test } from "vitest";
import { guardedTestDatabase } from "../../../../db/test/tenants.ts";
import { createServicingBook, type ServicingBook } from "../../../../tests/support/servicing-book.ts";
import { issueApiKey } from "../../../services/access/api-keys.server.ts";
import { appServicesContext, cloudflareContext, type AppServices } from "../../../router-context.server.ts";
import { todayInUtc } from "../../../utils/today.ts";
import { addDays } from "../../../utils/calendar-date.ts";
import { loader as listLoader } from "./policies.ts";
import { action as cancelAction } from "./policy-cancel.ts";
import { action as endorseAction } from "./policy-endorsements.ts";

const db = guardedTestDatabase();
let book: ServicingBook;
let secret: string;
const policyIds: string[] = [];
// The API decides "today" from the clock, so the policies are dated around it.
const today = todayInUtc();

beforeAll(async () => {
  book = await createServicingBook(db);
  secret = (
    await issueApiKey(
      db,
      { ...book.underwriter, roles: ["org_admin"] },
      { name: "servicing", roles: ["underwriter"], agencyId: null },
    )
  ).secret;
  for (let i = 0; i < 3; i++) policyIds.push((await book.newPolicy({ effectiveDate: addDays(today, -30) })).policyId);
});

function context() {
  const provider = new RouterContextProvider();
  provider.set(cloudflareContext, { env: {} as Env, ctx: {} as ExecutionContext });
  provider.set(appServicesContext, { env: {}, db, ledger: null, isDevelopment: true } as unknown as AppServices);
  return provider;
}
const call = (
  handler: (args: never) => Promise<Response>,
  url: string,
  params: Record<string, string>,
  body?: unknown,
  key?: string,
) =>
  handler({
    request: new Request(`http://localhost${url}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${secret}`,
        "content-type": "application/json",
        ...(key ? { "idempotency-key": key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    params,
    context: context(),
  } as never);

describe("/v1 policy servicing", () => {
  test("lists policies a page at a time by cursor, filtered", async () => {
    const first = await call(listLoader, "/v1/policies?limit=2&status=active", {});
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { data: { id: string }[]; nextCursor: string | null };
    expect(page1.data).toHaveLength(2);
    const second = await call(listLoader, `/v1/policies?limit=2&status=active&cursor=${page1.nextCursor}`, {});
    const page2 = (await second.json()) as { data: { id: string }[]; nextCursor: string | null };
    expect(page2).toMatchObject({ nextCursor: null });
    expect([...page1.data, ...page2.data].map((p) => p.id).sort()).toEqual([...policyIds].sort());
    expect((await call(listLoader, "/v1/policies?status=lapsed", {})).status).toBe(400);
  });

  test("cancel: dryRun shows the return, the write is once per Idempotency-Key, a second cancel is 422", async () => {
    const policyId = policyIds[0]!;
    const body = { reason: "insured_request", cancellationDate: today };
    const dry = await call(cancelAction, `/v1/policies/${policyId}/cancel`, { policyId }, { ...body, dryRun: true });
    expect(dry.status).toBe(200);
    const preview = (await dry.json()) as { status: string; steps: { label: string }[]; returnPremium: number };
    expect(preview.status).toBe("preview");
    expect(preview.steps.map((s) => s.label)).toContain("Short-rate penalty");
    const done = await call(cancelAction, `/v1/policies/${policyId}/cancel`, { policyId }, body, "cancel-1");
    expect(done.status).toBe(201);
    const replay = await call(cancelAction, `/v1/policies/${policyId}/cancel`, { policyId }, body, "cancel-1");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const again = await call(cancelAction, `/v1/policies/${policyId}/cancel`, { policyId }, body, "cancel-2");
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({
      error: { code: "POLICY_TRANSITION_INVALID", details: { from: "cancelled", to: "cancelled" } },
    });
  });

  test("endorsements: a change without premium applies; a policy outside the key's org is 404", async () => {
    const policyId = policyIds[1]!;
    const applied = await call(
      endorseAction,
      `/v1/policies/${policyId}/endorsements`,
      { policyId },
      { effectiveDate: today, changes: { addAdditionalInsured: { name: "Austin ISD", address: "1111 W 6th St" } } },
    );
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({ status: "applied", premium: 0 });
    const elsewhere = await call(
      endorseAction,
      "/v1/policies/pol_not_theirs/endorsements",
      { policyId: "pol_not_theirs" },
      { effectiveDate: today, changes: {} },
    );
    expect(elsewhere.status).toBe(404);
  });
});
