import { expect, test } from "./fixtures.ts";
import { DEMO_PASSWORD } from "../db/seed/demo-data.ts";
import { signIn, waitForHydration } from "./demo-users.ts";

// Issue 10's probes against the running app: each must stay answered the way it is here.

test("an over-long URL answers 414 without a stack trace, signed in or not", async ({ page, request }) => {
  const long = `/${"a".repeat(9000)}`;
  const anonymous = await request.get(long);
  expect(anonymous.status()).toBe(414);
  expect(await anonymous.text()).not.toMatch(/SyntaxError|at \S+ \(/);
  await signIn(page, "underwriter@summit.demo");
  await expect(page).toHaveURL(/\/uw$/);
  expect((await page.request.get(long)).status()).toBe(414);
  const api = await request.get(`/v1/submissions/${"a".repeat(9000)}`);
  expect(api.status()).toBe(414);
  expect((await api.json()).error.code).toBe("URI_TOO_LONG");
});

test("pages carry a nonce CSP that still lets React hydrate, no framing, nosniff and a referrer policy", async ({
  page,
}) => {
  const response = await page.goto("/sign-in");
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await waitForHydration(page);
});

test("signed-in pages are not cacheable", async ({ page }) => {
  await signIn(page, "producer@summit.demo");
  await expect(page).toHaveURL(/\/producer$/);
  const response = await page.goto("/producer");
  expect(response!.headers()["cache-control"]).toContain("no-store");
});

test("cross-site POSTs are refused with 403, sign-out included", async ({ page, baseURL }) => {
  await signIn(page, "producer@summit.demo");
  await expect(page).toHaveURL(/\/producer$/);
  const evil = await page.request.post("/sign-out", { headers: { origin: "https://evil.example" } });
  expect(evil.status()).toBe(403);
  const crossSite = await page.request.post("/sign-out", { headers: { "sec-fetch-site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  // Still signed in.
  expect((await page.goto("/producer"))!.url()).toMatch(/\/producer$/);
  const own = await page.request.post("/sign-out", { headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(own.status()).toBe(302);
});

test("sign-in never redirects off the site", async ({ page }) => {
  await page.goto(`/sign-in?redirectTo=${encodeURIComponent("/\t/evil.example")}`);
  await page.getByLabel("Email").fill("underwriter@summit.demo");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/uw$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(`/sign-in?redirectTo=${encodeURIComponent("/uw\r\nSet-Cookie: x=1")}`);
  await page.getByLabel("Email").fill("underwriter@summit.demo");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/uw$/);
});

test("/v1 refuses undocumented methods with 405 and Allow, and non-JSON bodies with 415", async ({ request }) => {
  const put = await request.put("/v1/submissions", { data: {} });
  expect(put.status()).toBe(405);
  expect(put.headers().allow).toBe("POST");
  expect((await put.json()).error.code).toBe("METHOD_NOT_ALLOWED");
  const del = await request.delete("/v1/submissions/sub_a_1");
  expect(del.status()).toBe(405);
  expect((await del.json()).error.code).toBe("METHOD_NOT_ALLOWED");
  const text = await request.post("/v1/submissions", { headers: { "content-type": "text/plain" }, data: "{}" });
  expect(text.status()).toBe(415);
  expect((await text.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
});

test("ids are byte-exact: other case or a trailing space finds nothing", async ({ page }) => {
  await signIn(page, "underwriter@summit.demo");
  await expect(page).toHaveURL(/\/uw$/);
  expect((await page.goto("/uw/submissions/sub_a_2"))?.status()).toBe(200);
  expect((await page.goto("/uw/submissions/SUB_A_2"))?.status()).toBe(404);
  expect((await page.goto("/uw/submissions/sub_a_2%20"))?.status()).toBe(404);
});
