import { expect, test, vi } from "vitest";
import { assertEnvironment, environmentProblems } from "./environment.ts";
import { frontDoor, frontDoorConfig, MAX_URL_LENGTH } from "./front-door.ts";

const APP = "http://app.test";
const config = frontDoorConfig({ APP_URL: APP, APP_ENV: "production" });
const ok = async () => new Response("<html>page</html>", { headers: { "content-type": "text/html" } });

test("an over-long URL answers 414 before any route runs, as a page or in the /v1 error shape", async () => {
  const handle = vi.fn(ok);
  const page = await frontDoor(new Request(`${APP}/${"a".repeat(9000)}`), config, handle);
  expect(page.status).toBe(414);
  expect(page.headers.get("content-type")).toContain("text/html");
  const api = await frontDoor(new Request(`${APP}/v1/submissions/${"a".repeat(9000)}`), config, handle);
  expect(api.status).toBe(414);
  expect(await api.json()).toMatchObject({ error: { code: "URI_TOO_LONG" } });
  expect(handle).not.toHaveBeenCalled();
  expect(
    (await frontDoor(new Request(`${APP}/${"a".repeat(MAX_URL_LENGTH - APP.length - 1)}`), config, ok)).status,
  ).toBe(200);
});

test("an unexpected error becomes the error page or the /v1 error shape, with no stack outside development", async () => {
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const boom = async (): Promise<Response> => {
    throw new SyntaxError("Unexpected end of JSON input");
  };
  const page = await frontDoor(new Request(`${APP}/uw`), config, boom);
  expect(page.status).toBe(500);
  const html = await page.text();
  expect(html).toContain("Something went wrong");
  expect(html).not.toMatch(/SyntaxError|at .*\(|Unexpected end/);

  const api = await frontDoor(new Request(`${APP}/v1/submissions/sub_1`), config, boom);
  expect(api.status).toBe(500);
  expect(await api.json()).toEqual({ error: { code: "INTERNAL", message: expect.any(String) } });

  // A /v1 route that answered 500 in text is given the API's shape.
  const text500 = await frontDoor(
    new Request(`${APP}/v1/policies/pol_1`),
    config,
    async () => new Response("Unexpected Server Error", { status: 500 }),
  );
  expect(await text500.json()).toMatchObject({ error: { code: "INTERNAL" } });

  const dev = await frontDoor(
    new Request(`${APP}/uw`),
    frontDoorConfig({ APP_URL: APP, APP_ENV: "development" }),
    boom,
  );
  expect(await dev.text()).toContain("SyntaxError");
  error.mockRestore();
});

test("every non-GET request must come from this site: other origins and cross-site fetches get 403", async () => {
  const handle = vi.fn(ok);
  const post = (path: string, headers: Record<string, string>) =>
    new Request(`${APP}${path}`, { method: "POST", headers });
  const refused = [
    post("/sign-out", { origin: "https://evil.example" }),
    post("/uw", { "sec-fetch-site": "cross-site" }),
    post("/uw", { "sec-fetch-site": "same-site" }),
    post("/uw", { origin: "null" }),
    new Request(`${APP}/admin/api-keys`, { method: "DELETE", headers: { origin: "http://app.test.evil.example" } }),
  ];
  for (const request of refused) expect((await frontDoor(request, config, handle)).status).toBe(403);
  expect(handle).not.toHaveBeenCalled();

  expect((await frontDoor(post("/sign-out", { origin: APP }), config, handle)).status).toBe(200);
  expect((await frontDoor(post("/uw", { "sec-fetch-site": "same-origin" }), config, handle)).status).toBe(200);
  // A program (no browser headers) carries no browser's cookies: nothing to forge.
  expect((await frontDoor(post("/v1/submissions", {}), config, handle)).status).toBe(200);
  // Reading is never refused.
  expect(
    (await frontDoor(new Request(`${APP}/uw`, { headers: { "sec-fetch-site": "cross-site" } }), config, handle)).status,
  ).toBe(200);
});

test("answers carry nosniff, a referrer policy and no framing; HSTS only on https outside development", async () => {
  const response = await frontDoor(new Request(`${APP}/sign-in`), config, ok);
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("strict-transport-security")).toBeNull();
  const production = frontDoorConfig({ APP_URL: "https://app.example.com" });
  const secured = await frontDoor(new Request("https://app.example.com/sign-in"), production, ok);
  expect(secured.headers.get("strict-transport-security")).toContain("max-age=");
  const dev = frontDoorConfig({ APP_URL: "https://app.example.com", APP_ENV: "development" });
  expect(
    (await frontDoor(new Request("https://app.example.com/sign-in"), dev, ok)).headers.get("strict-transport-security"),
  ).toBeNull();
});

test("signed-in answers are never cached", async () => {
  const cacheable = async () =>
    new Response("<html>book</html>", { headers: { "cache-control": "public, max-age=600" } });
  const signedIn = new Request(`${APP}/producer`, {
    headers: { cookie: "theme=dark; openinsure.session_token=abc.def" },
  });
  expect((await frontDoor(signedIn, config, cacheable)).headers.get("cache-control")).toBe("private, no-store");
  const secure = new Request(`${APP}/producer`, { headers: { cookie: "__Secure-openinsure.session_token=abc" } });
  expect((await frontDoor(secure, config, cacheable)).headers.get("cache-control")).toBe("private, no-store");
  expect((await frontDoor(new Request(`${APP}/sign-in`), config, cacheable)).headers.get("cache-control")).toBe(
    "public, max-age=600",
  );
});

test("a missing or short BETTER_AUTH_SECRET or APP_URL stops the Worker with a message naming it", () => {
  expect(() => assertEnvironment({ APP_URL: "https://app.example.com" })).toThrow(
    /BETTER_AUTH_SECRET must be at least 32/,
  );
  expect(() => assertEnvironment({ BETTER_AUTH_SECRET: "short", APP_URL: "https://app.example.com" })).toThrow(/has 5/);
  expect(() => assertEnvironment({ BETTER_AUTH_SECRET: "x".repeat(40) })).toThrow(/APP_URL must be/);
  expect(environmentProblems({ BETTER_AUTH_SECRET: "x".repeat(40), APP_URL: "not a url" })).toHaveLength(1);
  expect(environmentProblems({ BETTER_AUTH_SECRET: "x".repeat(40), APP_URL: "https://app.example.com" })).toEqual([]);
});

test("/v1 answers an undocumented method with 405, Allow and the error shape; bodies must be JSON or documented multipart", async () => {
  const handle = vi.fn(ok);
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    frontDoor(new Request(`${APP}${path}`, { method, headers, body }), config, handle);

  const put = await call("PUT", "/v1/submissions", { "content-type": "application/json" }, "{}");
  expect(put.status).toBe(405);
  expect(put.headers.get("allow")).toBe("POST");
  expect(await put.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  const del = await call("DELETE", "/v1/submissions/sub_1");
  expect(del.status).toBe(405);
  expect(del.headers.get("allow")).toBe("GET, HEAD");
  expect(await del.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  expect((await call("PATCH", "/v1/policies/pol_1/declarations.pdf")).status).toBe(405);

  const text = await call("POST", "/v1/submissions", { "content-type": "text/plain" }, "{}");
  expect(text.status).toBe(415);
  expect(await text.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  expect(
    (await call("POST", "/v1/submissions/sub_1/bind", { "content-type": "multipart/form-data; boundary=x" }, "--x--"))
      .status,
  ).toBe(415);
  expect(
    (await call("POST", "/v1/submissions/sub_1/quote", { "content-type": "application/x-www-form-urlencoded" }, "a=1"))
      .status,
  ).toBe(415);
  expect(handle).not.toHaveBeenCalled();

  expect(
    (await call("POST", "/v1/submissions", { "content-type": "application/json; charset=utf-8" }, "{}")).status,
  ).toBe(200);
  expect(
    (await call("POST", "/v1/submissions", { "content-type": "multipart/form-data; boundary=x" }, "--x--")).status,
  ).toBe(200);
  expect((await call("POST", "/v1/submissions/sub_1/bind")).status).toBe(200);
  expect((await call("POST", "/v1/submissions/sub_1/quote")).status).toBe(200);
  expect((await call("GET", "/v1/openapi.json")).status).toBe(200);
  expect((await call("GET", "/v1/nowhere")).status).toBe(200); // left to the router's 404
});

test("client addresses: CF-Connecting-IP is trusted only where Cloudflare sets it; X-Forwarded-For never", async () => {
  const seen: Array<[string | null, string | null]> = [];
  const record = async (request: Request) => {
    seen.push([request.headers.get("cf-connecting-ip"), request.headers.get("x-forwarded-for")]);
    return new Response("ok");
  };
  const spoofed = () =>
    new Request(`${APP}/sign-in`, {
      headers: { "cf-connecting-ip": "203.0.113.9", "x-forwarded-for": "198.51.100.1" },
    });
  await frontDoor(spoofed(), frontDoorConfig({ APP_URL: APP, APP_ENV: "development" }), record);
  await frontDoor(spoofed(), frontDoorConfig({ APP_URL: "https://app.example.com" }), record);
  expect(seen).toEqual([
    [null, null],
    ["203.0.113.9", null],
  ]);
});

test("a path segment with control characters or surrounding spaces finds nothing (ids are compared byte-exact)", async () => {
  const handle = vi.fn(ok);
  for (const path of [
    "/v1/submissions/sub_a_1%20",
    "/v1/submissions/sub_a_1%00",
    "/uw/submissions/%20sub_a_1",
    "/uw/submissions/sub_a_1%09",
  ]) {
    const response = await frontDoor(new Request(`${APP}${path}`), config, handle);
    expect(response.status, path).toBe(404);
  }
  const api = await frontDoor(new Request(`${APP}/v1/submissions/sub_a_1%20`), config, handle);
  expect(await api.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  expect(handle).not.toHaveBeenCalled();
  expect((await frontDoor(new Request(`${APP}/uw/submissions/sub_a_1`), config, handle)).status).toBe(200);
  expect((await frontDoor(new Request(`${APP}/producer/book?q=Acme%20Roofing`), config, handle)).status).toBe(200);
});
