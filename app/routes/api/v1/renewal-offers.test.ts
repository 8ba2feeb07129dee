import { RouterContextProvider } from "react-router";
import { beforeAll, describe, expect, test } from "vitest";
import { guardedTestDatabase } from "../../../../db/test/tenants.ts";
import { createServicingBook, type ServicingBook } from "../../../../tests/support/servicing-book.ts";
import { issueApiKey } from "../../../services/access/api-keys.server.ts";
import { runRenewalOffers } from "../../../services/servicing/renewal.server.ts";
import {
  afterResponseContext,
  appServicesContext,
  cloudflareContext,
  type AppServices,
} from "../../../router-context.server.ts";
import { addDays } from "../../../utils/calendar-date.ts";
import { todayInUtc } from "../../../utils/today.ts";
import { action as acceptAction } from "./renewal-offer-accept.ts";
import { loader as listLoader } from "./renewal-offers.ts";

const db = guardedTestDatabase();
let book: ServicingBook;
let secret: string;
// The API decides "today" from the clock, so the policies are dated around it.
const today = todayInUtc();

beforeAll(async () => {
  book = await createServicingBook(db);
  secret = (
    await issueApiKey(
      db,
      { ...book.underwriter, roles: ["org_admin"] },
      { name: "renewals", roles: ["underwriter"], agencyId: null },
    )
  ).secret;
  // Expiring in about a month: inside the 60-day window. Written straight into the book, so they
  // carry no rating and their offers stay unpriced, which is what the API must then say.
  for (let i = 0; i < 3; i++) await book.newPolicy({ effectiveDate: addDays(today, -335) });
  await runRenewalOffers(db, today, { orgId: book.orgId });
});

function context() {
  const provider = new RouterContextProvider();
  provider.set(cloudflareContext, { env: {} as Env, ctx: {} as ExecutionContext });
  provider.set(appServicesContext, { env: {}, db, ledger: null, isDevelopment: true } as unknown as AppServices);
  provider.set(afterResponseContext, (work) => void work());
  return provider;
}
const call = (
  handler: (args: never) => Promise<Response>,
  url: string,
  params: Record<string, string>,
  body?: unknown,
) =>
  handler({
    request: new Request(`http://localhost${url}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${secret}`,
        "content-type": "application/json",
        "idempotency-key": crypto.randomUUID(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    params,
    context: context(),
  } as never);

describe("/v1 renewal offers", () => {
  test("lists the offers a page at a time by cursor, with why an offer has no price", async () => {
    const first = await call(listLoader, "/v1/renewal-offers?limit=2", {});
    expect(first.status).toBe(200);
    const page = (await first.json()) as { data: { id: string; status: string; note: string }[]; nextCursor: string };
    expect(page.data).toHaveLength(2);
    expect(page.data[0]).toMatchObject({ status: "not_rated" });
    expect(page.data[0]!.note).toContain("no recorded rating");
    const second = (await (
      await call(listLoader, `/v1/renewal-offers?limit=2&cursor=${page.nextCursor}`, {})
    ).json()) as { data: { id: string }[]; nextCursor: string | null };
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...page.data, ...second.data].map((o) => o.id)).size).toBe(3);

    const bad = await call(listLoader, "/v1/renewal-offers?status=pending", {});
    expect(bad.status).toBe(400);
  });

  test("accepting an offer without a price is refused with a sentence; an unknown offer is 404", async () => {
    const list = (await (await call(listLoader, "/v1/renewal-offers", {})).json()) as { data: { id: string }[] };
    const refused = await call(acceptAction, "/v1/renewal-offers/x/accept", { offerId: list.data[0]!.id }, {});
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      error: { code: "RENEWAL_NOT_ACCEPTABLE", message: "This renewal offer has no price yet; it cannot be accepted." },
    });
    const missing = await call(acceptAction, "/v1/renewal-offers/x/accept", { offerId: "rnw_doesnotexist" }, {});
    expect(missing.status).toBe(404);
    const badPlan = await call(
      acceptAction,
      "/v1/renewal-offers/x/accept",
      { offerId: list.data[0]!.id },
      { plan: "WEEKLY" },
    );
    expect(badPlan.status).toBe(400);
  });
});
