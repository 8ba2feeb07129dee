import { expect, test } from "./fixtures.ts";
import { DEMO_API_KEYS } from "../db/seed/demo-data.ts";
import { signIn, waitForHydration } from "./demo-users.ts";
import { daysFromToday } from "./dates.ts";

const summitKey = DEMO_API_KEYS.find((k) => k.orgId === "org_summit")!.secret;
const lakeshoreKey = DEMO_API_KEYS.find((k) => k.orgId === "org_lakeshore")!.secret;
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

test("an API client files, quotes and binds a submission, idempotently, using only what the OpenAPI document says", async ({
  request,
}) => {
  const openapi = await (await request.get("/v1/openapi.json")).json();
  expect(Object.keys(openapi.paths)).toEqual(
    expect.arrayContaining([
      "/v1/submissions",
      "/v1/submissions/{submissionId}/quote",
      "/v1/submissions/{submissionId}/bind",
    ]),
  );
  expect(openapi.components.schemas.SubmissionCreate.required).toEqual(
    expect.arrayContaining(["lineOfBusiness", "insuredName", "naicsCode", "state", "requestedLimit", "effectiveDate"]),
  );

  const created = await request.post("/v1/submissions", {
    headers: auth(summitKey),
    data: {
      lineOfBusiness: "GL",
      insuredName: `Prairie Painting ${Date.now()}`,
      naicsCode: "238320",
      state: "TX",
      annualRevenue: 95_000_000,
      requestedLimit: 100_000_000,
      deductible: 100_000,
      effectiveDate: daysFromToday(14),
      yearsInBusiness: 8,
    },
  });
  expect(created.status()).toBe(201);
  const submission = await created.json();
  expect(submission).toMatchObject({ status: "submitted", annualRevenue: 95_000_000, state: "TX", quote: null });

  const quoted = await request.post(`/v1/submissions/${submission.id}/quote`, { headers: auth(summitKey) });
  expect(quoted.status()).toBe(201);
  const quote = await quoted.json();
  expect(quote.ratingSteps).toHaveLength(9);
  expect(quote.totalDue).toBe(quote.grossPremium + quote.fees + quote.taxes);
  expect(quote.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Number.isInteger(quote.grossPremium)).toBe(true);

  const missingSearch = await request.post(`/v1/submissions/${submission.id}/bind`, {
    headers: auth(summitKey),
    data: { plan: "PIF" },
  });
  expect(missingSearch.status()).toBe(422);
  expect((await missingSearch.json()).error).toMatchObject({
    code: "DILIGENT_SEARCH_MISSING",
    details: { failedChecks: [{ check: "surplus_lines_diligent_search" }] },
  });

  const bindBody = { plan: "TWO_PAY", declinations: ["Travelers", "The Hartford", "Nationwide"] };
  const headers = { ...auth(summitKey), "idempotency-key": `bind-${submission.id}` };
  const [first, retry] = await Promise.all([
    request.post(`/v1/submissions/${submission.id}/bind`, { headers, data: bindBody }),
    request.post(`/v1/submissions/${submission.id}/bind`, { headers, data: bindBody }),
  ]);
  const policies = [await first.json(), await retry.json()];
  expect(policies[0].id).toBe(policies[1].id);
  expect(policies[0]).toMatchObject({
    status: "bound",
    grossPremium: quote.grossPremium,
    declarationsUrl: `/v1/policies/${policies[0].id}/declarations.pdf`,
  });

  const reused = await request.post(`/v1/submissions/${submission.id}/bind`, {
    headers,
    data: { ...bindBody, plan: "PIF" },
  });
  expect(reused.status()).toBe(422);
  expect((await reused.json()).error.code).toBe("IDEMPOTENCY_KEY_REUSED");

  expect((await request.get(`/v1/policies/${policies[0].id}`, { headers: auth(summitKey) })).status()).toBe(200);
  const pdf = await request.get(`/v1/policies/${policies[0].id}/declarations.pdf`, { headers: auth(summitKey) });
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const foreign = await request.get(`/v1/policies/${policies[0].id}`, { headers: auth(lakeshoreKey) });
  expect(foreign.status()).toBe(404);
  expect((await foreign.json()).error.code).toBe("NOT_FOUND");
});

test("bad requests get clear errors in one shape", async ({ request }) => {
  const unauthenticated = await request.get("/v1/submissions/sub_a_1");
  expect(unauthenticated.status()).toBe(401);
  expect((await unauthenticated.json()).error.code).toBe("UNAUTHENTICATED");

  const invalid = await request.post("/v1/submissions", {
    headers: auth(summitKey),
    data: {
      lineOfBusiness: "GL",
      insuredName: "X",
      naicsCode: "12",
      state: "Texas",
      requestedLimit: 1.5,
      effectiveDate: "next week",
    },
  });
  expect(invalid.status()).toBe(400);
  const { error } = await invalid.json();
  expect(error.code).toBe("VALIDATION_FAILED");
  expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual(
    expect.arrayContaining(["naicsCode", "state", "requestedLimit", "effectiveDate"]),
  );

  const notJson = await request.post("/v1/submissions", {
    headers: { ...auth(summitKey), "content-type": "application/json" },
    data: "{not json",
  });
  expect(notJson.status()).toBe(400);

  const unwritten = await request.post("/v1/submissions", {
    headers: auth(summitKey),
    data: {
      lineOfBusiness: "WC",
      insuredName: "Somewhere Else Inc",
      naicsCode: "561730",
      state: "FL",
      payroll: 10_000_000,
      requestedLimit: 100_000_000,
      effectiveDate: daysFromToday(5),
    },
  });
  expect(unwritten.status()).toBe(422);
  expect((await unwritten.json()).error.code).toBe("STATE_NOT_AUTHORIZED");

  expect((await request.get("/v1/submissions/sub_a_1", { headers: auth(lakeshoreKey) })).status()).toBe(404);
});

test("an org admin issues a key that works at once, sees it used, and revokes it", async ({ page, request }) => {
  await signIn(page, "admin@summit.demo");
  await page.getByRole("link", { name: "API keys" }).click();
  await waitForHydration(page);
  const name = `Rater integration ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Acts for agency").selectOption({ label: "Blue Mesa Brokerage" });
  await page.getByRole("button", { name: "Issue key" }).click();
  const secret = (await page.getByLabel("New API key").textContent())!.trim();
  expect(secret).toMatch(/^oi_sk_/);

  expect((await request.get("/v1/submissions/sub_a_4", { headers: auth(secret) })).status()).toBe(200);
  expect((await request.get("/v1/submissions/sub_a_1", { headers: auth(secret) })).status()).toBe(404);

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).not.toContainText("—");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await request.get("/v1/submissions/sub_a_4", { headers: auth(secret) })).status()).toBe(401);
});
