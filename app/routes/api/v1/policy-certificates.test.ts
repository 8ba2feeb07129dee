import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { guardedTestDatabase } from "../../../../db/test/tenants.ts";
import { createServicingBook, type ServicingBook } from "../../../../tests/support/servicing-book.ts";
import { issueApiKey } from "../../../services/access/api-keys.server.ts";
import { startLocalR2 } from "../../../services/documents/local-r2.ts";
import { appServicesContext, cloudflareContext, type AppServices } from "../../../router-context.server.ts";
import { addDays } from "../../../utils/calendar-date.ts";
import { todayInUtc } from "../../../utils/today.ts";
import { action as issueAction, loader as listLoader } from "./policy-certificates.ts";

const db = guardedTestDatabase();
let book: ServicingBook;
let secret: string;
let policyId: string;
let r2: Awaited<ReturnType<typeof startLocalR2>>;
// The API decides "today" from the clock, so the policy is dated around it.
const today = todayInUtc();

beforeAll(async () => {
  r2 = await startLocalR2();
  book = await createServicingBook(db);
  secret = (
    await issueApiKey(
      db,
      { ...book.underwriter, roles: ["org_admin"] },
      { name: "certificates", roles: ["underwriter"], agencyId: null },
    )
  ).secret;
  policyId = (await book.newPolicy({ effectiveDate: addDays(today, -30) })).policyId;
});
afterAll(() => r2.dispose());

function context() {
  const provider = new RouterContextProvider();
  provider.set(cloudflareContext, { env: {} as Env, ctx: {} as ExecutionContext });
  provider.set(appServicesContext, {
    env: { DOCUMENTS: r2.bucket },
    db,
    ledger: null,
    isDevelopment: true,
  } as unknown as AppServices);
  return provider;
}
const call = (handler: (args: never) => Promise<Response>, id: string, body?: unknown) =>
  handler({
    request: new Request(`http://localhost/v1/policies/${id}/certificates`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${secret}`,
        "content-type": "application/json",
        "idempotency-key": crypto.randomUUID(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    params: { policyId: id },
    context: context(),
  } as never);

describe("/v1 certificates", () => {
  test("issues a certificate for a holder and lists it; refuses a bad state, an unknown holder, a policy out of scope", async () => {
    const holder = {
      name: "Lakeside Mall LLC",
      addressLine1: "9 Shore Rd",
      city: "Dallas",
      state: "TX",
      postalCode: "75201",
    };
    const issued = await call(issueAction, policyId, { holder });
    expect(issued.status).toBe(201);
    const body = (await issued.json()) as { id: string; additionalInsured: boolean; documentUrl: string };
    expect(body).toMatchObject({ additionalInsured: false });
    expect(body.documentUrl).toBe(`/policies/${policyId}/certificates/${body.id}/document.pdf`);
    const list = (await (await call(listLoader, policyId)).json()) as { data: { holderName: string }[] };
    expect(list.data.map((c) => c.holderName)).toEqual(["Lakeside Mall LLC"]);

    const bad = await call(issueAction, policyId, { holder: { ...holder, state: "Texas" } });
    expect(bad.status).toBe(400);
    const unknownHolder = await call(issueAction, policyId, { holderId: "chd_nobody" });
    expect(unknownHolder.status).toBe(422);
    expect((await call(issueAction, "pol_not_ours", { holder })).status).toBe(404);
    expect((await call(listLoader, "pol_not_ours")).status).toBe(404);
  });
});
